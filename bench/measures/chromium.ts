/**
 * The measures taken in real headless Chromium with the unpacked test build
 * (dist/chrome-test: the production code, with loopback access pre-granted so
 * the bundled demo system can be tracked). One browser profile: empty-history
 * figures first, then a synthetic year is written through the store code, then
 * everything that needs a year of history.
 */
import path from 'node:path';
import { build } from 'esbuild';
import type { CDPSession, Page } from 'playwright-core';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../src/core/settings.js';
import { localDateKey } from '../../src/core/localDate.js';
import { addDays, weekdayOfDate } from '../../src/core/dateKeys.js';
import { rollupsFromRecords, type DayRollup } from '../../src/core/dayRollup.js';
import { launchExtension, sleep, type TimebackBrowser } from '../../test/e2e/support/extension.js';
import { demoSystem } from '../../test/fixtures/demo/preset.mjs';
import { startDemoServer, type DemoServer } from '../../test/fixtures/demo/server.mjs';
import { measurement, median, type BenchOptions, type Measurement } from '../measurement.js';
import { storeBytes, type StoreDump } from '../storedBytes.js';
import { decodeEvent, decodeSpan, type StoredEvent, type StoredSpan } from '../../src/store/recordCodec.js';
import { SYNTHETIC_DESKTOP_SYSTEM, SYNTHETIC_SCHEDULE, SYNTHETIC_SYSTEMS } from '../syntheticHistory.js';
import { measureAccuracy } from './accuracy.js';
import { ACTIVITY_PORT } from '../../src/protocol.js';

const PARAMS = { inactivityThresholdSec: DEFAULT_SETTINGS.inactivityThresholdSec, readingAllowanceSec: DEFAULT_SETTINGS.readingAllowanceSec };

interface InPageBench {
  seed(o: unknown): Promise<{ reports: number; attentionChanges: number; manualEntries: number; ms: number; shape: Record<string, unknown> }>;
  exportPeriod(o: unknown): Promise<{ ms: number; rollups: number; jsonBytes: number; csvBytes: number }>;
  dumpStores(): Promise<{ stores: StoreDump[]; activeMs: number }>;
  inputCost(o: unknown): number[];
}
declare const timebackBench: InPageBench;

export async function inPageCode(): Promise<string> {
  const out = await build({
    entryPoints: [path.resolve(import.meta.dirname ?? '.', '../inPage.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.text;
}

export function benchSettings(server: DemoServer): Settings {
  const raw = {
    ...DEFAULT_SETTINGS,
    systems: [
      demoSystem(server.url),
      ...SYNTHETIC_SYSTEMS.map((s) => ({ id: s.id, name: s.name, matches: [`https://${s.id}.example.nhs.uk/*`], rules: [], useGenericRules: true, signInPatterns: [] })),
    ],
    desktopSystems: [SYNTHETIC_DESKTOP_SYSTEM],
    schedule: SYNTHETIC_SCHEDULE,
  };
  const parsed = parseSettings(raw);
  if (!parsed.ok) throw new Error(`bench settings are invalid: ${parsed.errors.join('; ')}`);
  return parsed.settings;
}

export async function configure(tb: TimebackBrowser, settings: Settings): Promise<void> {
  await tb.extensionPage.evaluate((s) => chrome.storage.local.set({ 'timeback.settings': s }), settings);
  // Only the demo system has host access in the test build; wait for its content script.
  for (let i = 0; i < 300; i++) {
    const ids = await tb.worker().then((w) => w.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((r) => r.map((x) => x.id))));
    if (ids.includes('system-demo-ehr')) return;
    await sleep(100);
  }
  throw new Error('the demo system was not registered');
}

/** Open an extension page in a fresh tab; ms from navigation start to each paint mark. */
async function paintTimes(tb: TimebackBrowser, page: string, marks: string[]): Promise<number[]> {
  const tab = await tb.context.newPage();
  try {
    await tab.goto(tb.url(page));
    const out: number[] = [];
    // One call that waits in the page for each mark (a PerformanceObserver), rather than polling:
    // polling would run the bench's own script in the page every few ms while it is being timed.
    for (const mark of marks) out.push(await tab.evaluate(markTime, mark));
    return out;
  } finally {
    await tab.close();
  }
}

/** In the page: the start time of `name`, waiting for it to be marked (at most 30 s). */
function markTime(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const found = () => performance.getEntriesByName(name, 'mark')[0]?.startTime;
    const now = found();
    if (now !== undefined) return resolve(now);
    const observer = new PerformanceObserver(() => {
      const t = found();
      if (t === undefined) return;
      observer.disconnect();
      resolve(t);
    });
    observer.observe({ type: 'mark' });
    setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no ${name} mark within 30 s`));
    }, 30_000);
  });
}

/** Runs of each mark (one list per mark), after one warm-up open. */
async function paintRuns(tb: TimebackBrowser, page: string, marks: string[], runs: number): Promise<number[][]> {
  await paintTimes(tb, page, marks); // warm-up: the first open also starts the extension's renderer
  const out: number[][] = marks.map(() => []);
  for (let i = 0; i < runs; i++) (await paintTimes(tb, page, marks)).forEach((t, k) => out[k]!.push(round(t)));
  return out;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Install counters in the running service worker: readwrite transactions and activity messages. */
async function installWorkerCounters(tb: TimebackBrowser): Promise<void> {
  const w = await tb.worker();
  await w.evaluate(() => {
    const g = globalThis as unknown as { __benchCounts?: { readwrite: number; activity: number } };
    if (g.__benchCounts) return;
    const counts = (g.__benchCounts = { readwrite: 0, activity: 0 });
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (args[1] === 'readwrite') counts.readwrite++;
      return original.apply(this, args);
    } as IDBDatabase['transaction'];
    // Reports come on content scripts' activity ports (and would come as one-off messages, were any sent so).
    chrome.runtime.onMessage.addListener((m: { type?: string }) => {
      if (m?.type === 'activity') counts.activity++;
    });
    chrome.runtime.onConnect.addListener((port) =>
      port.onMessage.addListener((m: { type?: string }) => {
        if (m?.type === 'activity') counts.activity++;
      }),
    );
  });
}

async function workerCounts(tb: TimebackBrowser): Promise<{ readwrite: number; activity: number }> {
  const w = await tb.worker();
  const c = await w.evaluate(() => (globalThis as unknown as { __benchCounts?: { readwrite: number; activity: number } }).__benchCounts ?? null);
  if (!c) throw new Error('the service worker restarted during the measure (its counters are gone); run again');
  return c;
}

/** The content script's isolated world in a page (where chrome.runtime.sendMessage is the content script's own). */
async function contentScriptWorld(tb: TimebackBrowser, page: Page): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await tb.context.newCDPSession(page);
  let contextId: number | undefined;
  cdp.on('Runtime.executionContextCreated', (e) => {
    const aux = e.context.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated' && e.context.origin.includes(tb.extensionId)) contextId = e.context.id;
  });
  await cdp.send('Runtime.enable');
  for (let i = 0; i < 100 && contextId === undefined; i++) await sleep(50);
  if (contextId === undefined) throw new Error('no content script in the page');
  return { cdp, contextId };
}

export interface ChromiumResults {
  measurements: Measurement[];
  info: Record<string, unknown>;
}

export async function measureInChromium(opts: BenchOptions): Promise<ChromiumResults> {
  const server = await startDemoServer();
  const tb = await launchExtension();
  const measurements: Measurement[] = [];
  const info: Record<string, unknown> = {};
  try {
    const settings = benchSettings(server);
    await configure(tb, settings);
    await tb.extensionPage.evaluate(await inPageCode());
    const runs = opts.runs;


    // A year of history, written through the store code in the extension's origin.
    const now = Date.now();
    const today = localDateKey(now, opts.timeZone);
    const days = opts.smoke ? 14 : 365;
    const seeded = await tb.extensionPage.evaluate(
      (o) => timebackBench.seed(o),
      { lastDate: today, days, notAfterMs: now - 120_000, timeZone: opts.timeZone, params: PARAMS },
    );
    info.history = { days, ...seeded, ms: round(seeded.ms, 0) };

    // Writing a year leaves the store compacting for a while: let it settle before timing.
    await sleep(opts.smoke ? 1000 : 15_000);
    // One measure alone, with the same year and the same settling (--only burst, --only dashboard).
    if (opts.only === 'burst') {
      measurements.push(await burst(tb, server, opts));
      return { measurements, info };
    }
    if (opts.only === 'dashboard') {
      measurements.push(...(await dashboardPaints(tb, runs)));
      return { measurements, info };
    }
    // The popup with a year of history and with none, in two browsers (same settings), opened
    // in turn so both are measured under the same conditions.
    console.error(`bench: popup … (${new Date().toISOString()})`);
    const empty = await launchExtension();
    const popupYear: number[] = [];
    const popupEmpty: number[] = [];
    // The machine's floor: an empty extension page of the popup's shape (bench/floor), opened the same way in turn.
    const floor: number[] = [];
    try {
      await configure(empty, settings);
      await paintTimes(empty, 'popup.html', ['timeback:popup-painted']);
      await paintTimes(tb, 'popup.html', ['timeback:popup-painted']);
      await paintTimes(tb, 'bench-floor.html', ['timeback:floor-painted']);
      for (let i = 0; i < runs; i++) {
        popupEmpty.push(round((await paintTimes(empty, 'popup.html', ['timeback:popup-painted']))[0]!));
        popupYear.push(round((await paintTimes(tb, 'popup.html', ['timeback:popup-painted']))[0]!));
        floor.push(round((await paintTimes(tb, 'bench-floor.html', ['timeback:floor-painted']))[0]!));
      }
    } finally {
      await empty.close();
    }
    const emptyMedian = median(popupEmpty);
    measurements.push(
      measurement({ id: 'popupPaintYearMs', label: 'popup: open → today painted, a year of history', unit: 'ms', budget: 100, runs: popupYear, note: 'navigation start → paint mark (after the frame with the summary), fresh tab each run, in turn with a browser with no history' }),
      measurement({ id: 'popupPaintEmptyMs', label: 'popup: open → today painted, no history', unit: 'ms', budget: null, runs: popupEmpty }),
      measurement({ id: 'popupYearVsEmpty', label: 'popup: year ÷ empty (medians)', unit: '×', budget: 1.2, runs: [round(median(popupYear) / emptyMedian, 2)] }),
      measurement({ id: 'extensionPageFloorMs', label: 'floor: an empty extension page of the popup\'s shape, painted', unit: 'ms', budget: null, runs: floor, note: 'bench/floor/bench-floor.html (test build only): the browser\'s own part of every paint figure on this machine, opened in turn with the popups' }),
      measurement({ id: 'popupOverFloorMs', label: 'popup: Timeback\'s own part (year median − floor median)', unit: 'ms', budget: null, runs: [round(median(popupYear) - median(floor))] }),
    );
    measurements.push(...(await dashboardPaints(tb, runs)));

    console.error(`bench: export, stored bytes, input cost … (${new Date().toISOString()})`);
    // Personal export of the last 52 whole weeks (Share view's code path: read rollups, build, JSON + CSV).
    const lastSunday = addDays(today, -(weekdayOfDate(today) === 0 ? 7 : weekdayOfDate(today)));
    const exportRange = { from: addDays(lastSunday, -(opts.smoke ? 13 : 363)), to: lastSunday, schedule: settings.schedule, params: PARAMS };
    const exportRuns: number[] = [];
    let exportInfo: unknown;
    for (let i = 0; i <= runs; i++) {
      const r = await tb.extensionPage.evaluate((o) => timebackBench.exportPeriod(o), exportRange);
      if (i > 0) exportRuns.push(round(r.ms)); // the first run warms up
      exportInfo = r;
    }
    info.export = exportInfo;
    measurements.push(measurement({ id: 'exportYearMs', label: 'personal export of a year (JSON + CSV)', unit: 'ms', budget: 200, runs: exportRuns, note: `${exportRange.from} → ${exportRange.to}, weekly, in the dashboard page` }));

    // Stored bytes per active hour, indexes included.
    const dump = await tb.extensionPage.evaluate(() => timebackBench.dumpStores());
    const activeHours = dump.activeMs / 3_600_000;
    const perStore = Object.fromEntries(dump.stores.map((s) => [s.name, storeBytes(s)]));
    const totalBytes = Object.values(perStore).reduce((t, s) => t + s.total, 0);
    const estimate = await tb.extensionPage.evaluate(() => navigator.storage.estimate().then((e) => e.usage ?? 0));
    info.storage = { activeHours: round(activeHours), perStore, navigatorStorageEstimateBytes: estimate };
    measurements.push(measurement({ id: 'storedBytesPerActiveHour', label: 'stored bytes per tracked active hour (indexes included)', unit: 'B', budget: 4096, runs: [Math.round(totalBytes / activeHours)], note: `V8-serialised values + keys + index entries, over ${round(activeHours, 0)} active hours` }));
    measurements.push(measurement({ id: 'diskBytesPerActiveHour', label: 'browser-reported storage per active hour (navigator.storage.estimate)', unit: 'B', budget: null, runs: [Math.round(estimate / activeHours)], note: 'LevelDB files incl. not-yet-compacted logs; context only' }));

    // Content script: cost per input event, its own listener in a web page.
    const demo = await tb.context.newPage();
    await demo.goto(`${server.url}/patients/p-0001/notes`);
    await demo.evaluate(await inPageCode());
    const perEventNs = await demo.evaluate((o) => timebackBench.inputCost(o), { events: opts.smoke ? 100_000 : 1_000_000, intervalMs: 16, repeats: opts.smoke ? 3 : Math.max(5, runs) });
    measurements.push(measurement({ id: 'inputEventCostUs', label: 'content script: cost per input event', unit: 'µs', budget: 5, runs: perEventNs.map((ns) => round(ns / 1000, 3)), note: 'its input listener on a 60 Hz event stream (one run append a second), in a Chromium page' }));
    // The same listener inside a frame: the letter editor's same-origin iframe.
    await demo.goto(`${server.url}/patients/p-0001/notes/letter`);
    const editorFrame = demo.frames().find((f) => f.url().includes('/notes/letter/editor'))!;
    await editorFrame.waitForLoadState();
    await editorFrame.evaluate(await inPageCode());
    const perFrameEventNs = await editorFrame.evaluate((o) => timebackBench.inputCost(o), { events: opts.smoke ? 100_000 : 1_000_000, intervalMs: 16, repeats: opts.smoke ? 3 : Math.max(5, runs) });
    measurements.push(measurement({ id: 'frameInputEventCostUs', label: 'content script: cost per input event inside a frame', unit: 'µs', budget: 5, runs: perFrameEventNs.map((ns) => round(ns / 1000, 3)), note: 'the same listener in the demo letter editor\'s same-origin iframe' }));

    // Continuous activity in one tab: readwrite transactions and messages per minute.
    // The counters go in first, so they see the new page's port from its start.
    await installWorkerCounters(tb);
    await demo.close();
    const typing = await tb.context.newPage();
    const minutes = opts.smoke ? 1 : 3;
    const minuteMs = opts.smoke ? 15_000 : 60_000;
    /** Type at 5 keys/s for `minutes` × `minuteMs`, counting the worker's write transactions and activity reports per minute. */
    const perMinuteOfTyping = async () => {
      await sleep(1500);
      const txPerMinute: number[] = [];
      const messagesPerMinute: number[] = [];
      let before = await workerCounts(tb);
      for (let m = 0; m < minutes; m++) {
        const start = Date.now();
        while (Date.now() - start < minuteMs) {
          await typing.keyboard.press('KeyA');
          await sleep(200);
        }
        const after = await workerCounts(tb);
        const scale = 60_000 / (Date.now() - start);
        txPerMinute.push(round((after.readwrite - before.readwrite) * scale));
        messagesPerMinute.push(round((after.activity - before.activity) * scale));
        before = after;
      }
      return { txPerMinute, messagesPerMinute };
    };
    await typing.goto(`${server.url}/patients/p-0003/notes`);
    await typing.bringToFront();
    await typing.focus('#notes-editor');
    const inPage = await perMinuteOfTyping();
    measurements.push(
      measurement({ id: 'idbWriteTxPerMinute', label: 'IndexedDB write transactions per minute, continuous typing in one tab', unit: '/min', budget: 6, runs: inPage.txPerMinute, note: `counted in the service worker (readwrite), ${minutes} × ${minuteMs / 1000} s of typing at 5 keys/s` }),
      measurement({ id: 'contentMessagesPerMinute', label: 'content-script messages per minute, continuous typing', unit: '/min', budget: 12, runs: inPage.messagesPerMinute, note: 'activity reports received by the service worker (on content scripts\' activity ports)' }),
    );
    // The same in a letter editor that lives in a same-origin iframe (the top page reports too).
    await typing.goto(`${server.url}/patients/p-0003/notes/letter`);
    await typing.frameLocator('#letter-editor-frame').locator('#letter-body').click();
    const inFrame = await perMinuteOfTyping();
    measurements.push(
      measurement({ id: 'idbWriteTxPerMinuteFrame', label: 'IndexedDB write transactions per minute, continuous typing in an editor iframe', unit: '/min', budget: 6, runs: inFrame.txPerMinute, note: `as above, typing in the demo letter editor's iframe` }),
      measurement({ id: 'contentMessagesPerMinuteFrame', label: 'content-script messages per minute, continuous typing in an editor iframe', unit: '/min', budget: 12, runs: inFrame.messagesPerMinute, note: 'activity reports from the frame and its top page' }),
    );

    // Burst: 10,000 activity messages from 20 tabs at once.
    measurements.push(await burst(tb, server, opts));

    // Accuracy: the scripted ground-truth phases in this browser.
    measurements.push(...(await measureAccuracy(tb, server, opts)));
    await typing.close();
  } finally {
    await tb.close();
    await server.close();
  }
  return { measurements, info };
}

/** The dashboard's month and year views: runs of each, after one warm-up open. */
async function dashboardPaints(tb: TimebackBrowser, runs: number): Promise<Measurement[]> {
  console.error(`bench: dashboard … (${new Date().toISOString()})`);
  const out: Measurement[] = [];
  for (const view of ['month', 'year'] as const) {
    const [painted, complete] = (await paintRuns(tb, `dashboard.html#${view}`, [`timeback:${view}-painted`, `timeback:${view}-complete`], runs)) as [number[], number[]];
    out.push(
      measurement({ id: `dashboard${view === 'month' ? 'Month' : 'Year'}Ms`, label: `dashboard: ${view} view painted, a year of history`, unit: 'ms', budget: view === 'month' ? 150 : 400, runs: painted, note: `navigation start → timeback:${view}-painted (heading, summary, time by task and by system on screen), dashboard.html#${view}` }),
      measurement({ id: `dashboard${view === 'month' ? 'Month' : 'Year'}CompleteMs`, label: `dashboard: ${view} view, every section painted`, unit: 'ms', budget: null, runs: complete, note: `navigation start → timeback:${view}-complete (the sections below the first screen follow one frame later)` }),
    );
  }
  return out;
}

async function burst(tb: TimebackBrowser, server: DemoServer, opts: BenchOptions): Promise<Measurement> {
  const tabs = opts.smoke ? 4 : 20;
  const perTab = opts.smoke ? 50 : 500;
  const pages: Page[] = [];
  for (let i = 0; i < tabs; i++) {
    const p = await tb.context.newPage();
    await p.goto(`${server.url}/patients/p-000${(i % 5) + 1}/notes`);
    pages.push(p);
  }
  await pages[0]!.bringToFront();
  await sleep(3000);
  const worlds = await Promise.all(pages.map((p) => contentScriptWorld(tb, p)));
  const before = await tb.extensionPage.evaluate(() => timebackBench.dumpStores().then((d) => d.activeMs));
  // Each tab sends perTab reports at once, as its content script does (numbered, on an activity
  // port): one second of typing each, spread over the last 3 s. The worker answers each report
  // on the port once its transaction committed; the tab waits for every answer.
  const expression = `new Promise((resolve) => {
    const port = chrome.runtime.connect({ name: ${JSON.stringify(ACTIVITY_PORT)} });
    const nowSec = Math.floor(Date.now() / 1000);
    let accepted = 0, answered = 0;
    const start = Date.now();
    port.onMessage.addListener((m) => {
      for (const a of m.answers) {
        answered++;
        if (a.answer && a.answer.accepted === true) accepted++;
      }
      if (answered === ${perTab}) { port.disconnect(); resolve({ start, end: Date.now(), accepted }); }
    });
    for (let k = 0; k < ${perTab}; k++) {
      const s = nowSec - (k % 3);
      port.postMessage({ seq: k + 1, type: 'activity', body: { systemId: 'demo-ehr', category: 'documentation', input: [s, s + 1], attended: [s, s + 1] } });
    }
  })`;
  const results = await Promise.all(
    worlds.map(({ cdp, contextId }) => cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true }).then((r) => r.result.value as { start: number; end: number; accepted: number })),
  );
  const durationMs = Math.max(...results.map((r) => r.end)) - Math.min(...results.map((r) => r.start));
  const accepted = results.reduce((t, r) => t + r.accepted, 0);
  // Nothing lost: every message was answered "accepted" (the worker answers after its transaction
  // committed), and the incrementally kept day rollups equal a rebuild from the raw records.
  const dump = await tb.extensionPage.evaluate(() => timebackBench.dumpStores());
  const store = (name: string) => dump.stores.find((s) => s.name === name)!.values;
  const rebuilt = rollupsFromRecords((store('spans') as StoredSpan[]).map(decodeSpan), (store('events') as StoredEvent[]).map(decodeEvent), PARAMS, 'Europe/London');
  const stored = store('rollups') as DayRollup[];
  const mismatched = stored.filter((r) => JSON.stringify(sortKeys(r)) !== JSON.stringify(sortKeys(rebuilt.get(r.date) ?? null)));
  for (const { cdp } of worlds) await cdp.detach();
  for (const p of pages) await p.close();
  const sent = tabs * perTab;
  const lost = sent - accepted;
  const ok = lost === 0 && mismatched.length === 0;
  return measurement({
    id: 'burstMs',
    label: `burst: ${sent.toLocaleString('en-GB')} activity messages from ${tabs} tabs`,
    unit: 'ms',
    budget: 2000,
    check: ok,
    runs: [durationMs],
    note: `${accepted}/${sent} answered accepted after commit, on activity ports; rollups equal a rebuild from records: ${mismatched.length === 0 ? 'yes' : `NO (${mismatched.map((r) => r.date).join(', ')})`}; active time before ${Math.round(before / 1000)} s`,
  });
}

/** A canonical form: object keys sorted, and sample lists (arrays of numbers) as sorted multisets. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.every((v) => typeof v === 'number') ? [...value].sort((a, b) => a - b) : value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  return value;
}
