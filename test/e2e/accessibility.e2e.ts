import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { canaryUrl } from '../fixtures/demo/canary.mjs';
import { demoSystem } from '../fixtures/demo/preset.mjs';
import { startDemoServer, type DemoServer } from '../fixtures/demo/server.mjs';
import { launchExtension, sleep, typeFor, type TimebackBrowser } from './support/extension.js';
import { clearOfMidnight, recentMinutes } from './support/midnight.js';

/**
 * Accessibility: axe-core, run inside real Chromium on the popup and on every
 * dashboard view (with their forms open), in light and dark colour schemes,
 * reports no WCAG 2.0/2.1/2.2 A or AA violations.
 */
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

type AxeWindow = Window & { axe?: { run: (context: Document, options: object) => Promise<AxeResults> } };

async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => typeof (window as AxeWindow).axe !== 'undefined')) return;
  // Extension pages allow only script-src 'self', so page.addScriptTag (an
  // inline <script>) is refused by CSP. page.evaluate runs through CDP, which
  // the page's CSP does not govern.
  await page.evaluate(AXE_SOURCE);
}

function describeViolations(violations: Result[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n` +
        v.nodes.map((n) => `    ${JSON.stringify(n.target)}: ${n.failureSummary?.replace(/\n/g, ' | ')}`).join('\n'),
    )
    .join('\n');
}

async function runAxe(page: Page): Promise<AxeResults> {
  await injectAxe(page);
  // Let styles settle after a colour-scheme switch or a re-render.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate((tags) => (window as AxeWindow).axe!.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
}

async function scan(page: Page, label: string, scheme: Scheme): Promise<void> {
  // The emulated scheme really is the one the page styles itself for.
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
  const results = await runAxe(page);
  const violations = results.violations as Result[];
  if (violations.length > 0) console.log(`axe violations on ${label}:\n${describeViolations(violations)}`);
  if (process.env.AXE_VERBOSE && results.incomplete.length > 0)
    console.log(`axe needs review on ${label}:\n${describeViolations(results.incomplete as Result[])}`);
  expect(violations.map((v) => v.id), `${label}:\n${describeViolations(violations)}`).toEqual([]);
  // The run really checked the page, contrast included.
  expect(results.passes.map((p) => p.id)).toContain('color-contrast');
}

describe('WCAG 2.2 AA: axe-core in real Chromium on every view', () => {
  let server: DemoServer;
  let tb: TimebackBrowser;
  let page: Page;

  async function open(file: 'popup.html' | 'dashboard.html', scheme: Scheme): Promise<void> {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(tb.url(file));
  }

  async function openView(name: string): Promise<void> {
    await page.getByRole('button', { name, exact: true }).click();
    await page.locator(`#view-${name.toLowerCase()}[aria-current="page"]`).waitFor();
  }

  beforeAll(async () => {
    server = await startDemoServer();
    tb = await launchExtension();
    page = await tb.context.newPage();
  });

  afterAll(async () => {
    await tb?.close();
    await server?.close();
  });

  it('the harness itself finds violations (low contrast, an unlabelled field) on an extension page', async () => {
    await open('dashboard.html', 'light');
    await page.getByRole('button', { name: 'Add a clinical system' }).waitFor();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Faint text';
      p.style.color = '#cccccc';
      p.style.background = '#ffffff';
      document.querySelector('main')!.append(p, document.createElement('input'));
    });
    const ids = (await runAxe(page)).violations.map((v) => v.id);
    expect(ids).toContain('color-contrast');
    expect(ids).toContain('label');
  });

  describe('before any system is set up (empty state)', () => {
    it.each(SCHEMES)('popup, %s', async (scheme) => {
      await open('popup.html', scheme);
      await page.getByRole('button', { name: 'Start timer' }).waitFor();
      await scan(page, `empty popup (${scheme})`, scheme);
    });

    it.each(SCHEMES)('dashboard (opens on Settings) with the add-system form open, %s', async (scheme) => {
      await open('dashboard.html', scheme);
      await page.getByRole('button', { name: 'Add a clinical system' }).click();
      await page.getByLabel('Name', { exact: true }).waitFor();
      await scan(page, `empty dashboard settings (${scheme})`, scheme);
    });

    it.each(SCHEMES)('empty Day view with the Add time form, %s', async (scheme) => {
      await open('dashboard.html', scheme);
      await page.getByRole('button', { name: 'Add a clinical system' }).waitFor();
      await openView('Day');
      await page.getByRole('heading', { name: 'Add time' }).waitFor();
      await scan(page, `empty Day view (${scheme})`, scheme);
    });
  });

  describe('Track this site, the catalogue and the first-run guide', () => {
    let demo: Page;
    let popupUrl: string;

    beforeAll(async () => {
      demo = await tb.context.newPage();
      await demo.goto(canaryUrl(server.url, 'notes'));
      const [tabId] = await (await tb.worker()).evaluate(() => chrome.tabs.query({ url: 'http://127.0.0.1/*' }).then((t) => t.map((x) => x.id!)));
      popupUrl = `${tb.url('popup.html')}?tab=${tabId}`;
      await page.bringToFront();
    });

    afterAll(async () => {
      await demo?.close();
    });

    it.each(SCHEMES)('popup offering Track this site, %s', async (scheme) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(popupUrl);
      await page.getByRole('button', { name: 'Track this site' }).waitFor();
      await scan(page, `popup, Track this site (${scheme})`, scheme);
    });

    it.each(SCHEMES)('popup on a tracked page, with Stop tracking this site, %s', async (scheme) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(popupUrl);
      const track = page.getByRole('button', { name: 'Track this site' });
      const stop = page.getByRole('button', { name: 'Stop tracking this site' });
      await track.or(stop).waitFor();
      if (await track.isVisible()) await track.click();
      await stop.waitFor();
      await scan(page, `popup, tracked site (${scheme})`, scheme);
    });

    it.each(SCHEMES)('the first-run guide above Settings and the catalogue, %s', async (scheme) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${tb.url('dashboard.html')}#guide`);
      await page.getByRole('heading', { name: 'Getting started with Timeback' }).waitFor();
      await page.getByRole('heading', { name: 'Add a system from the catalogue' }).waitFor();
      await scan(page, `first-run guide and catalogue (${scheme})`, scheme);
    });

    it('leaves the site untracked again for the views below', async () => {
      await page.goto(popupUrl);
      await page.getByRole('button', { name: 'Stop tracking this site' }).click();
      await page.getByRole('button', { name: 'Track this site' }).waitFor();
    });
  });

  describe('with a system, a job plan and a short session of data', () => {
    beforeAll(async () => {
      // The views below read today's data for about three minutes: keep them on one day.
      await clearOfMidnight(3 * 60_000);
      await tb.configure({
        ...DEFAULT_SETTINGS,
        systems: [demoSystem(server.url)],
        desktopSystems: [{ id: 'emis-web', name: 'EMIS Web' }],
        schedule: {
          sessions: [0, 1, 2, 3, 4, 5, 6].flatMap((weekday) => [
            { weekday, start: '09:00', end: '13:00' },
            { weekday, start: '13:30', end: '17:30' },
          ]),
          nonWorkingDates: [],
          leave: [],
        },
      });
      const ehr = await tb.context.newPage();
      await ehr.goto(canaryUrl(server.url, 'notes'));
      await ehr.bringToFront();
      await typeFor(ehr, 10_000, 250, '#notes-editor');
      const blank = await tb.context.newPage();
      await blank.bringToFront();
      for (let i = 0; i < 60 && (await tb.today()).totalMs === 0; i++) await sleep(250);
      await ehr.close();
      await blank.close();
      expect((await tb.today()).totalMs).toBeGreaterThan(0);

      // And one manual record (ten minutes ending a minute ago), so every record action is offered.
      const stretch = await recentMinutes();
      const dash = await tb.context.newPage();
      await dash.goto(tb.url('dashboard.html'));
      await dash.getByRole('button', { name: 'Day', exact: true }).click();
      const add = dash.locator('form', { has: dash.getByRole('heading', { name: 'Add time' }) });
      await add.getByLabel('Start time', { exact: true }).fill(stretch.start);
      await add.getByLabel('End time', { exact: true }).fill(stretch.end);
      await add.getByLabel('Task', { exact: true }).selectOption('non_ehr');
      await add.getByRole('button', { name: 'Add time' }).click();
      await dash.getByText(/Time added to/).waitFor();
      await dash.close();
    }, 480_000);

    it.each(SCHEMES)('popup, %s', async (scheme) => {
      await open('popup.html', scheme);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('.total').waitFor();
      await scan(page, `popup (${scheme})`, scheme);
    });

    it.each(SCHEMES)('Day view with the Add time form, %s', async (scheme) => {
      await open('dashboard.html', scheme);
      await openView('Day');
      await page.locator('#summary-heading').waitFor();
      await page.getByRole('heading', { name: 'Add time' }).waitFor();
      await scan(page, `Day view (${scheme})`, scheme);
    });

    it.each(SCHEMES)('Day view with the Add time error summary, %s', async (scheme) => {
      await open('dashboard.html', scheme);
      await openView('Day');
      const add = page.locator('form', { has: page.getByRole('heading', { name: 'Add time' }) });
      await add.getByRole('button', { name: 'Add time' }).click();
      await page.getByRole('alert').first().waitFor();
      await scan(page, `Day view, Add time errors (${scheme})`, scheme);
    });

    const ENTRY_ACTIONS = [/^Relabel /, /^Edit times of /, /^Split /, /^Add a note to /, /^Delete /];
    it.each(SCHEMES)('Day view with each record action form open in turn, %s', async (scheme) => {
      for (const action of ENTRY_ACTIONS) {
        await open('dashboard.html', scheme);
        await openView('Day');
        const button = page.getByRole('button', { name: action }).first();
        await button.waitFor();
        await button.click();
        await page.locator('.entry form, .entry [role="group"], .entry fieldset').first().waitFor();
        await scan(page, `Day view, ${action.source} form (${scheme})`, scheme);
      }
    });

    it.each(SCHEMES)('Week view, %s', async (scheme) => {
      await open('dashboard.html', scheme);
      await openView('Week');
      await page.locator('#summary-heading').waitFor();
      // The sections below the first screen, "A year at this rate" among them, follow a frame later.
      await page.locator('#year-heading').waitFor();
      await scan(page, `Week view (${scheme})`, scheme);
    });

    it.each(SCHEMES)('Month view, %s', async (scheme) => {
      await open('dashboard.html', scheme);
      await openView('Month');
      await page.locator('#summary-heading').waitFor();
      // Every section, with every data table open (their rows are built when first opened).
      await page.locator('#published-heading').waitFor();
      for (const summary of await page.locator('details.data-table > summary').all()) await summary.click();
      await page.locator('details.data-table table').first().waitFor();
      await scan(page, `Month view (${scheme})`, scheme);
    });

    it.each(SCHEMES)('Share view, %s', async (scheme) => {
      await open('dashboard.html', scheme);
      await openView('Share');
      await page.getByRole('button', { name: 'Preview the export' }).waitFor();
      await scan(page, `Share view (${scheme})`, scheme);
    });

    it.each(SCHEMES)('Share view with the export preview, %s', async (scheme) => {
      await open('dashboard.html', scheme);
      await openView('Share');
      await page.getByRole('button', { name: 'Preview the export' }).click();
      await page.getByRole('table').first().waitFor();
      await scan(page, `Share view, preview (${scheme})`, scheme);
    });

    it.each(SCHEMES)('Settings view with the Add a clinical system form open, %s', async (scheme) => {
      await open('dashboard.html', scheme);
      await openView('Settings');
      await page.getByRole('button', { name: 'Add a clinical system' }).click();
      await page.getByLabel('Name', { exact: true }).waitFor();
      await scan(page, `Settings view, add-system form (${scheme})`, scheme);
    });

    it.each(SCHEMES)('Settings view editing a system, then confirming its removal, %s', async (scheme) => {
      await open('dashboard.html', scheme);
      await openView('Settings');
      await page.getByRole('button', { name: 'Edit Demo EHR' }).first().click();
      await page.getByLabel('Name', { exact: true }).waitFor();
      await scan(page, `Settings view, edit-system form (${scheme})`, scheme);
      await open('dashboard.html', scheme);
      await openView('Settings');
      await page.getByRole('button', { name: 'Remove Demo EHR' }).click();
      await page.getByRole('button', { name: 'Yes, remove Demo EHR' }).waitFor();
      await scan(page, `Settings view, remove confirmation (${scheme})`, scheme);
    });

    it.each(SCHEMES)('popup with a running timer, %s', async (scheme) => {
      await open('popup.html', scheme);
      await page.getByRole('button', { name: 'Start timer' }).click();
      await page.getByRole('button', { name: 'Stop timer' }).waitFor();
      await scan(page, `popup, timer running (${scheme})`, scheme);
      await page.getByRole('button', { name: 'Stop timer' }).click();
      await page.getByRole('button', { name: 'Start timer' }).waitFor();
    });
  });
});
