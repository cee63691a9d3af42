import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import type { TodaySummary } from '../../src/core/todaySummary.js';
import { CANARY_STRINGS, canaryQuery, canaryUrl } from '../fixtures/demo/canary.mjs';
import { demoSystem } from '../fixtures/demo/preset.mjs';
import { startDemoServer, type DemoServer } from '../fixtures/demo/server.mjs';
import { launchExtension, sleep, typeFor, type TimebackBrowser } from './support/extension.js';
import { clearOfMidnight } from './support/midnight.js';

/**
 * Honest time on the way real clinical systems are built, in real Chromium:
 * text that arrives with no key events (dictation), a letter typed in an
 * editor iframe, a results viewer framed from a second origin granted to the
 * system (`localhost`), and one framed from an origin never granted
 * (`127.0.0.2`, a second demo server), a slow document load booked to
 * the millisecond, and a single-page app's route change whose data is slow,
 * and its polling. Each phase's truth
 * comes from this script's own clock; tolerance ±2 s. τ = 10 s and R = 0,
 * so a phase counts exactly its input and the gaps between.
 */
const TOLERANCE_SEC = 2;
const secOf = (s: TodaySummary, category: string) => (s.byCategory.find((c) => c.category === category)?.ms ?? 0) / 1000;

describe('real clinical systems in real Chromium', () => {
  let server: DemoServer;
  /** The same demo on an origin the test build was not granted. */
  let ungranted: DemoServer;
  let tb: TimebackBrowser;
  let page: Page;

  beforeAll(async () => {
    // The file reads today's figures for about six minutes: keep them on one day.
    await clearOfMidnight(7 * 60_000);
    server = await startDemoServer();
    ungranted = await startDemoServer({ host: '127.0.0.2' });
    tb = await launchExtension();
    await tb.configure({
      ...DEFAULT_SETTINGS,
      // Whole-origin patterns, so editors written into srcdoc frames get the script too (matchOriginAsFallback).
      systems: [{ ...demoSystem(server.url), viewerPatterns: ['http://localhost/*'] }],
      inactivityThresholdSec: 10,
      readingAllowanceSec: 0,
    });
    page = await tb.context.newPage();
  }, 300_000);

  afterAll(async () => {
    await tb?.close();
    await server?.close();
    await ungranted?.close();
  });

  /** Wheel over the element `selector` (a frame) every 250 ms for `ms`; returns the seconds it took. */
  async function wheelOver(selector: string, ms: number): Promise<number> {
    const box = (await page.locator(selector).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const start = Date.now();
    let down = true;
    while (Date.now() - start < ms) {
      await page.mouse.wheel(0, down ? 120 : -120);
      down = !down;
      await sleep(250);
    }
    return (Date.now() - start) / 1000;
  }

  /** Move attention away and wait for the page's last report (at most one per 10 s from ticks), then read today. */
  async function settledToday(): Promise<TodaySummary> {
    await tb.extensionPage.bringToFront();
    await sleep(11_000);
    return tb.today();
  }

  it('counts 30 s of dictated text (inserted with no key events) as 30 s', async () => {
    await page.goto(canaryUrl(server.url, 'notes'));
    const before = await settledToday();
    await page.bringToFront();
    await page.focus('#notes-editor');
    // DevTools' Input.insertText puts text in as dictation software and input methods do: beforeinput/input only.
    const cdp = await tb.context.newCDPSession(page);
    const start = Date.now();
    while (Date.now() - start < 30_000) {
      await cdp.send('Input.insertText', { text: 'dictated words ' });
      await sleep(300);
    }
    const truth = (Date.now() - start) / 1000;
    await cdp.detach();
    const after = await settledToday();
    const gained = secOf(after, 'documentation') - secOf(before, 'documentation');
    console.log('dictation: truth', truth, 'measured', gained);
    expect(Math.abs(gained - truth)).toBeLessThanOrEqual(TOLERANCE_SEC);
  });

  it('counts 30 s of typing in a letter editor that lives in a same-origin iframe, as the page\'s documentation', async () => {
    await page.goto(canaryUrl(server.url, 'notes/letter'));
    const before = await settledToday();
    await page.bringToFront();
    const editor = page.frameLocator('#letter-editor-frame').locator('#letter-body');
    await editor.click();
    const start = Date.now();
    while (Date.now() - start < 30_000) {
      await page.keyboard.press('KeyA');
      await sleep(250);
    }
    const truth = (Date.now() - start) / 1000;
    const after = await settledToday();
    const gained = secOf(after, 'documentation') - secOf(before, 'documentation');
    console.log('editor frame: truth', truth, 'measured', gained, 'admin_other', secOf(after, 'admin_other'));
    expect(Math.abs(gained - truth)).toBeLessThanOrEqual(TOLERANCE_SEC);
    // The frame never decides a category of its own.
    expect(secOf(after, 'admin_other')).toBe(0);
  });

  it('counts typing in an editor written into a srcdoc frame (it inherits the system\'s origin)', async () => {
    await page.goto(`${canaryUrl(server.url, 'notes/letter')}&editor=srcdoc`);
    const before = await settledToday();
    await page.bringToFront();
    await page.frameLocator('#letter-editor-frame').locator('#letter-body').click();
    const start = Date.now();
    while (Date.now() - start < 15_000) {
      await page.keyboard.press('KeyB');
      await sleep(250);
    }
    const truth = (Date.now() - start) / 1000;
    const after = await settledToday();
    const gained = secOf(after, 'documentation') - secOf(before, 'documentation');
    console.log('srcdoc editor frame: truth', truth, 'measured', gained);
    expect(Math.abs(gained - truth)).toBeLessThanOrEqual(TOLERANCE_SEC);
  });

  it('counts 20 s of scrolling in a results viewer framed from a second origin granted to the system', async () => {
    await page.goto(canaryUrl(server.url, 'results/viewer'));
    await page.frameLocator('#viewer-frame').locator('#viewer-report').waitFor();
    const before = await settledToday();
    await page.bringToFront();
    const truth = await wheelOver('#viewer-frame', 20_000);
    const after = await settledToday();
    const gained = secOf(after, 'results_review') - secOf(before, 'results_review');
    console.log('granted viewer frame: truth', truth, 'measured', gained);
    expect(Math.abs(gained - truth)).toBeLessThanOrEqual(TOLERANCE_SEC);
  });

  it('counts 0 s for scrolling in a frame of an origin never granted', async () => {
    await page.goto(`${canaryUrl(server.url, 'results/viewer')}&viewer=${encodeURIComponent(ungranted.url)}`);
    await page.frameLocator('#viewer-frame').locator('#viewer-report').waitFor();
    const before = await settledToday();
    await page.bringToFront();
    await wheelOver('#viewer-frame', 12_000);
    const after = await settledToday();
    // Arriving on the page is the clinician's own act: its one second is the page's, nothing more.
    const gained = after.totalMs / 1000 - before.totalMs / 1000;
    console.log('ungranted viewer frame: measured', gained);
    expect(Math.abs(gained - 0)).toBeLessThanOrEqual(TOLERANCE_SEC);
    // The browser gave that frame no script at all.
    const frames = await tb.worker().then((w) =>
      w.evaluate(async (tabUrl) => {
        const [tab] = await chrome.tabs.query({ url: tabUrl });
        const results = await chrome.scripting.executeScript({ target: { tabId: tab!.id!, allFrames: true }, func: () => location.origin }).catch(() => []);
        return results.map((r) => r.result);
      }, `${server.url.replace(/:\d+$/, '')}/*`),
    );
    expect(frames).toContain(server.url);
    expect(frames).not.toContain(ungranted.url);
  });

  it('books a document load of 2.5 s as 2.4–2.6 s of waiting, to the millisecond', async () => {
    const loadMs = () =>
      page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return nav.loadEventEnd - nav.startTime;
      });
    // What the browser itself adds to a load of this page (unloading the last, fetching the
    // stylesheet and script), so that the server's delay makes the whole load 2.5 s.
    // Measured on the same step (notes → results) as the test takes, the second time (the first warms up).
    let overheadMs = 0;
    for (let i = 0; i < 2; i++) {
      await page.goto(canaryUrl(server.url, 'notes'));
      await page.goto(canaryUrl(server.url, 'results'));
      overheadMs = await loadMs();
    }
    // The browser's overhead varies on a busy machine: when a load misses 2.5 s by more than
    // 50 ms, the overhead it showed sets the next delay (at most three loads). Every load is
    // booked and compared with its own measurement; the last one is the one asserted.
    let measuredMs = 0;
    let waited = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.goto(canaryUrl(server.url, 'notes'));
      const before = await settledToday();
      await page.bringToFront();
      await sleep(1_000);
      const slowMs = Math.round(2500 - overheadMs);
      await page.goto(`${canaryUrl(server.url, 'results')}&slow=${slowMs}`);
      measuredMs = await loadMs();
      const after = await settledToday();
      waited = secOf(after, 'waiting_for_system') - secOf(before, 'waiting_for_system');
      console.log('document load: browser overhead', overheadMs, 'ms, measured', measuredMs, 'ms; booked waiting', waited, 's');
      expect(Math.abs(waited * 1000 - measuredMs)).toBeLessThanOrEqual(500);
      if (Math.abs(measuredMs - 2500) <= 50) break;
      overheadMs = measuredMs - slowMs;
    }
    expect(waited).toBeGreaterThanOrEqual(2.4);
    expect(waited).toBeLessThanOrEqual(2.6);
    expect(Math.abs(waited * 1000 - measuredMs)).toBeLessThanOrEqual(500);
  });

  it("books a single-page route change whose data takes 2.5 s as 2–3 s of waiting, not as the old view's time", async () => {
    await page.goto(`${server.url}/inbox/app?${canaryQuery()}&delay=2500`);
    await page.locator('#app-view[data-ready="inbox"]').waitFor();
    const before = await settledToday();
    const front = Date.now();
    await page.bringToFront();
    await sleep(2_000);
    const click = Date.now();
    await page.click('#route-results');
    await page.locator('#app-view[data-ready="results"]').waitFor();
    const ready = Date.now();
    await page.focus('#app-note');
    const typed = await typeFor(page, 5_000);
    // The wait is reported once the view's requests have been watched for 10 s (WATCH_MS).
    const after = await settledToday();
    const gained = (c: string) => secOf(after, c) - secOf(before, c);
    const truth = { looked: (click - front) / 1000, wait: (ready - click) / 1000, results: (typed.end - ready) / 1000 };
    console.log('soft navigation: truth', JSON.stringify(truth), 'measured inbox', gained('inbox_messaging'), 'waiting', gained('waiting_for_system'), 'results', gained('results_review'));
    expect(gained('waiting_for_system')).toBeGreaterThanOrEqual(2);
    expect(gained('waiting_for_system')).toBeLessThanOrEqual(3);
    // With R = 0 the inbox, looked at without input, counts at most its arrival second: none of the wait (nor the click's second, which the wait takes).
    expect(gained('inbox_messaging')).toBeLessThanOrEqual(1);
    expect(Math.abs(gained('results_review') - truth.results)).toBeLessThanOrEqual(TOLERANCE_SEC);
  });

  it('books no waiting for a page that polls the server every 2 s while the clinician types', async () => {
    await page.goto(`${server.url}/inbox/app?${canaryQuery()}&delay=0&poll=1`);
    await page.locator('#app-view[data-ready="inbox"]').waitFor();
    const before = await settledToday();
    await page.bringToFront();
    await page.focus('#app-note');
    const typed = await typeFor(page, 20_000);
    const after = await settledToday();
    const truth = (typed.end - typed.start) / 1000;
    const waited = secOf(after, 'waiting_for_system') - secOf(before, 'waiting_for_system');
    const inbox = secOf(after, 'inbox_messaging') - secOf(before, 'inbox_messaging');
    console.log('polling while typing: truth', truth, 'inbox', inbox, 'waiting', waited);
    expect(waited).toBe(0);
    expect(Math.abs(inbox - truth)).toBeLessThanOrEqual(TOLERANCE_SEC);
  });

  it('stores no trace of the canary patient from any page or frame (titles, URLs, bodies)', async () => {
    const dump = await tb.dumpAllStorage();
    expect(dump).toContain('demo-ehr');
    for (const needle of [...CANARY_STRINGS, 'p-canary', 'nhs=', 'letter/editor', 'viewer/report', server.url, `localhost:${server.port}`, ungranted.url]) expect(dump).not.toContain(needle);
  });
});
