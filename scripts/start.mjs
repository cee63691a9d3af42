#!/usr/bin/env node
// `npm start`: try Timeback against the bundled synthetic demo EHR.
//   1. builds the extension (dist/chrome-test pre-grants loopback hosts only),
//   2. makes sure Chromium is at /usr/bin/chromium,
//   3. serves the demo EHR on a free loopback port,
//   4. launches Chromium with the test build in a throwaway profile and
//      configures the demo system by writing settings straight to storage.
// With a display it opens the demo login page and waits until you close the
// browser. Headless (`--headless`, or no DISPLAY/WAYLAND_DISPLAY) it runs a
// scripted tour of the demo, about 2 minutes, then prints today's summary.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, ensureChromium } from './ensure-chromium.mjs';
import { CANARY_ID, CANARY_NHS_NUMBER, CANARY_STRINGS, canaryUrl } from '../test/fixtures/demo/canary.mjs';
import { demoSystem } from '../test/fixtures/demo/preset.mjs';
import { startDemoServer } from '../test/fixtures/demo/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const EXTENSION_DIR = path.join(root, 'dist', 'chrome-test');
const SETTINGS_KEY = 'timeback.settings'; // src/core/settings.ts

const args = new Set(process.argv.slice(2));
if (args.has('--help') || args.has('-h')) {
  console.log('Usage: npm start [-- --headless]\n  --headless  run a scripted tour of the demo EHR without a window, then print today\'s summary');
  process.exit(0);
}
const headless = args.has('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const isRoot = process.getuid?.() === 0;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${msg}`);

// ---------------------------------------------------------------- setup

function runBuild() {
  log('Building the extension…');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('\nThe build failed; fix the errors above and run `npm start` again.');
    process.exit(1);
  }
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`\nThe build did not produce ${path.relative(root, EXTENSION_DIR)}/manifest.json.`);
    process.exit(1);
  }
}


async function launchBrowser(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    // Root cannot use Chromium's sandbox; everyone else keeps it.
    chromiumSandbox: !isRoot,
    // Playwright disables extensions by default; --disable-extensions-except already
    // overrides that in Chromium, but don't rely on flag precedence.
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: headless ? { width: 1280, height: 900 } : null,
    // Our own handlers close the browser before deleting its profile.
    handleSIGINT: false,
    handleSIGTERM: false,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(isRoot ? ['--no-sandbox'] : []),
    ],
  });
}

/** The extension id, from the URL of its service worker. */
async function extensionId(context) {
  const isOurs = (w) => w.url().startsWith('chrome-extension://');
  const worker = context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }));
  return { id: new URL(worker.url()).host, worker };
}

/**
 * Configure the demo system by writing settings straight to storage (what the
 * dashboard would save). The worker then registers the content script for it.
 */
async function configure(context, id, worker, settings) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${id}/dashboard.html`);
    await page.evaluate(([key, s]) => chrome.storage.local.set({ [key]: s }), [SETTINGS_KEY, settings]);
  } finally {
    await page.close();
  }
  // Wait until the worker has registered the content script (the first policy read after
  // start can take a few seconds), so the tour is tracked from its first page.
  const until = Date.now() + 20_000;
  const ids = settings.systems.map((s) => `system-${s.id}`);
  while (Date.now() < until) {
    const live = context.serviceWorkers()[0] ?? worker;
    const registered = await live.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((r) => r.map((x) => x.id))).catch(() => []);
    if (ids.every((x) => registered.includes(x))) return;
    await sleep(200);
  }
  log('The content script was not registered within 20 s; the tour may not be tracked.');
}

// ---------------------------------------------------------------- headless tour

/** Type `text` one key at a time, every `everyMs`, until `forMs` has passed. */
async function typeFor(page, text, forMs, everyMs) {
  const until = Date.now() + forMs;
  for (let i = 0; Date.now() < until; i++) {
    await page.keyboard.type(text[i % text.length]);
    await sleep(everyMs);
  }
}

/** Read a page for `forMs`, scrolling a little every `everyMs`. */
async function readFor(page, forMs, everyMs) {
  const until = Date.now() + forMs;
  await page.mouse.move(600, 450);
  while (Date.now() < until) {
    await sleep(Math.min(everyMs, Math.max(0, until - Date.now())));
    if (Date.now() < until) await page.mouse.wheel(0, 300);
  }
}

async function clickAndWait(page, selector, urlPart) {
  await Promise.all([page.waitForURL((u) => u.href.includes(urlPart)), page.click(selector)]);
}

async function tour(context, baseUrl) {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.bringToFront();

  log('Signing in');
  await page.goto(`${baseUrl}/login`);
  await page.locator('#username').pressSequentially('demo.clinician', { delay: 90 });
  await page.locator('#password').pressSequentially('not-a-real-password', { delay: 90 });
  await clickAndWait(page, '#sign-in', '/home');
  await sleep(2000);

  log('Searching for the canary patient');
  await clickAndWait(page, '#link-search', '/patients/search');
  await page.locator('#search-box').pressSequentially(CANARY_NHS_NUMBER, { delay: 150 });
  await Promise.all([page.waitForURL((u) => u.searchParams.has('q')), page.press('#search-box', 'Enter')]);
  await sleep(1500);
  await clickAndWait(page, `#result-${CANARY_ID}`, '/record');

  log('Reviewing the record (8 s)');
  await readFor(page, 8000, 2500);

  log('Writing notes (20 s, a key every 300 ms)');
  await clickAndWait(page, '#tab-notes', '/notes');
  await page.click('#notes-editor');
  await typeFor(page, 'Cough for five days, no fever. Chest clear. Advised fluids and rest; return if worse. ', 20_000, 300);
  await clickAndWait(page, '#save-note', 'status=saved');
  await sleep(1500);

  log('Reviewing results (15 s, scrolling)');
  await clickAndWait(page, '#tab-results', '/results');
  await readFor(page, 15_000, 3000);

  log('Reading the inbox');
  await clickAndWait(page, '#nav-inbox', '/inbox');
  for (const id of ['m1', 'm3', 'm2']) {
    await page.click(`#message-${id}`);
    await readFor(page, 2500, 2500);
  }

  log('Writing a letter in the editor frame (8 s)');
  await page.goto(canaryUrl(baseUrl, 'notes/letter'));
  await page.frameLocator('#letter-editor-frame').locator('#letter-body').click();
  await typeFor(page, 'Thank you for seeing this patient. ', 8000, 300);

  log('Reading results in the framed viewer (6 s, scrolling)');
  await page.goto(canaryUrl(baseUrl, 'results/viewer'));
  const viewer = await page.locator('#viewer-frame').boundingBox();
  if (viewer) await page.mouse.move(viewer.x + viewer.width / 2, viewer.y + viewer.height / 2);
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, 200);
    await sleep(1000);
  }

  log('Using the workspace (a single-page app whose views load in 2.5 s)');
  await page.goto(`${baseUrl}/inbox/app?nhs=${CANARY_NHS_NUMBER}&delay=2500`);
  await page.locator('#app-view[data-ready="inbox"]').waitFor();
  await page.click('#route-results');
  await page.locator('#app-view[data-ready="results"]').waitFor();
  await page.click('#app-note');
  await typeFor(page, 'Bloods reviewed. ', 5000, 300);

  log('Prescribing');
  await page.goto(canaryUrl(baseUrl, 'prescribing'));
  await page.locator('#drug').pressSequentially('Amlodipine', { delay: 120 });
  await page.locator('#dose').pressSequentially('5 mg', { delay: 120 });
  await page.selectOption('#frequency', 'once daily');
  await page.locator('#prescribe-notes').pressSequentially('Take one tablet each morning.', { delay: 100 });
  await clickAndWait(page, '#prescribe-submit', 'status=issued');
  await sleep(1500);

  log('Referring');
  await clickAndWait(page, '#tab-referrals', '/referrals');
  await page.selectOption('#referral-service', 'Cardiology');
  await page.check('#priority-routine');
  await page.locator('#referral-reason').pressSequentially('Palpitations on exertion; ECG attached. Please assess.', { delay: 100 });
  await clickAndWait(page, '#referral-submit', 'status=sent');
  await sleep(1500);

  // Leaving the system ends the last visit, so its time is reported.
  await page.goto('about:blank');
  await sleep(2000);
  await page.close();
}

// ---------------------------------------------------------------- summary

/** Same rules and words as formatDuration in src/ui/duration.ts (this script stays plain JS). */
function formatDuration(ms) {
  const totalSec = Math.round(ms / 1000);
  if (totalSec < 60) return `${totalSec} s`;
  const totalMin = Math.floor(totalSec / 60);
  if (totalMin < 10 && totalSec % 60 !== 0) return `${totalMin} min ${totalSec % 60} s`;
  if (totalMin < 60) return `${totalMin} min`;
  return `${Math.floor(totalMin / 60)} h ${String(totalMin % 60).padStart(2, '0')} min`;
}

async function todaySummary(context, id) {
  const popup = await context.newPage();
  try {
    await popup.goto(`chrome-extension://${id}/popup.html`);
    return await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'getToday', body: {} }));
  } finally {
    await popup.close();
  }
}

function printSummary(summary) {
  const row = (label, ms, indent = '  ') => console.log(`${(indent + label).padEnd(36)}${formatDuration(ms).padStart(12)}`);
  console.log(`\nTimeback – today (${summary.date})${summary.paused ? ' [paused]' : ''}`);
  row('Total', summary.totalMs);
  console.log('  By system');
  for (const s of summary.bySystem) row(s.name, s.ms, '    ');
  if (summary.bySystem.length === 0) console.log('    (none)');
  console.log('  By category');
  for (const c of summary.byCategory) row(c.category, c.ms, '    ');
  if (summary.byCategory.length === 0) console.log('    (none)');
  const text = JSON.stringify(summary);
  const leaked = CANARY_STRINGS.filter((s) => text.includes(s));
  console.log(leaked.length ? `\nWARNING: the summary contains canary identifiers: ${leaked.join(', ')}` : '\nNo canary patient identifiers in the summary.');
}

// ---------------------------------------------------------------- main

runBuild();
ensureChromium();
const demo = await startDemoServer({ host: '127.0.0.1', port: 0 });
log(`Demo EHR at ${demo.url}/login`);
const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'timeback-start-'));
let context;

let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    await context?.close().catch(() => {});
    await demo.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5 }).catch(() => {});
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    log(`${signal}: closing…`);
    cleanup().then(() => process.exit(130));
  });

let exitCode = 0;
try {
  log(`Launching Chromium (${headless ? 'headless' : 'with a window'})`);
  context = await launchBrowser(userDataDir);
  const { id, worker } = await extensionId(context);
  log(`Timeback loaded as ${id}`);
  const weekdays = [1, 2, 3, 4, 5];
  const schedule = { sessions: weekdays.flatMap((weekday) => [{ weekday, start: '08:30', end: '12:30' }, { weekday, start: '13:30', end: '17:30' }]), nonWorkingDates: [], leave: [] };
  const settings = { version: 2, systems: [{ ...demoSystem(demo.url), viewerPatterns: ['http://localhost/viewer/*'] }], schedule, inactivityThresholdSec: 60, readingAllowanceSec: 60, paused: false };
  await configure(context, id, worker, settings);
  log('Configured the "Demo EHR" system');

  if (!headless) {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${demo.url}/login`);
    await page.bringToFront();
    console.log(`\nUse the demo EHR in the browser window; every patient is synthetic.`);
    console.log(`Timeback's popup is on the toolbar; its settings are at chrome-extension://${id}/dashboard.html`);
    console.log('Close the browser window when you are done.\n');
    await new Promise((resolve) => context.on('close', resolve));
    log('Browser closed');
  } else {
    await tour(context, demo.url);
    log('Tour finished; asking Timeback for today\'s summary');
    const summary = await todaySummary(context, id);
    if (!summary || typeof summary.totalMs !== 'number') {
      console.error(`\nThe service worker did not return a summary (got ${JSON.stringify(summary)}).`);
      exitCode = 1;
    } else printSummary(summary);
  }
} catch (err) {
  console.error(`\nnpm start failed: ${err.stack ?? err}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
