import { describe, expect, it } from 'vitest';
import { canaryQuery, canaryUrl } from '../fixtures/demo/canary.mjs';
import { sleep, typeFor } from './support/extension.js';
import { secOf, TOLERANCE_SEC, useRealSystem } from './support/realSystem.js';

/**
 * Waiting, as real clinical systems make clinicians wait, in real Chromium:
 * a slow document load booked to the millisecond, a single-page app's route
 * change whose data is slow, and a page that polls while the clinician
 * types. Frames and dictation are in realSystemsFrames.e2e.ts; the setting
 * both share is in support/realSystem.ts.
 */
describe('real clinical systems in real Chromium: waits', () => {
  const sys = useRealSystem(4);

  it('books a document load of 2.5 s as 2.4–2.6 s of waiting, to the millisecond', async () => {
    const loadMs = () =>
      sys.page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return nav.loadEventEnd - nav.startTime;
      });
    // What the browser itself adds to a load of this page (unloading the last, fetching the
    // stylesheet and script), so that the server's delay makes the whole load 2.5 s.
    // Measured on the same step (notes → results) as the test takes, the second time (the first warms up).
    let overheadMs = 0;
    for (let i = 0; i < 2; i++) {
      await sys.page.goto(canaryUrl(sys.server.url, 'notes'));
      await sys.page.goto(canaryUrl(sys.server.url, 'results'));
      overheadMs = await loadMs();
    }
    // The browser's overhead varies on a busy machine: when a load misses 2.5 s by more than
    // 50 ms, the overhead it showed sets the next delay (at most three loads). Every load is
    // booked and compared with its own measurement; the last one is the one asserted.
    let measuredMs = 0;
    let waited = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      await sys.page.goto(canaryUrl(sys.server.url, 'notes'));
      const before = await sys.settledToday();
      await sys.page.bringToFront();
      await sleep(1_000);
      const slowMs = Math.round(2500 - overheadMs);
      await sys.page.goto(`${canaryUrl(sys.server.url, 'results')}&slow=${slowMs}`);
      measuredMs = await loadMs();
      const after = await sys.settledToday();
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
    await sys.page.goto(`${sys.server.url}/inbox/app?${canaryQuery()}&delay=2500`);
    await sys.page.locator('#app-view[data-ready="inbox"]').waitFor();
    const before = await sys.settledToday();
    const front = Date.now();
    await sys.page.bringToFront();
    await sleep(2_000);
    const click = Date.now();
    await sys.page.click('#route-results');
    await sys.page.locator('#app-view[data-ready="results"]').waitFor();
    const ready = Date.now();
    await sys.page.focus('#app-note');
    const typed = await typeFor(sys.page, 5_000);
    // The wait is reported once the view's requests have been watched for 10 s (WATCH_MS).
    const after = await sys.settledToday();
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
    await sys.page.goto(`${sys.server.url}/inbox/app?${canaryQuery()}&delay=0&poll=1`);
    await sys.page.locator('#app-view[data-ready="inbox"]').waitFor();
    const before = await sys.settledToday();
    await sys.page.bringToFront();
    await sys.page.focus('#app-note');
    const typed = await typeFor(sys.page, 20_000);
    const after = await sys.settledToday();
    const truth = (typed.end - typed.start) / 1000;
    const waited = secOf(after, 'waiting_for_system') - secOf(before, 'waiting_for_system');
    const inbox = secOf(after, 'inbox_messaging') - secOf(before, 'inbox_messaging');
    console.log('polling while typing: truth', truth, 'inbox', inbox, 'waiting', waited);
    expect(waited).toBe(0);
    expect(Math.abs(inbox - truth)).toBeLessThanOrEqual(TOLERANCE_SEC);
  });

  it('stores no trace of the canary patient from any page (titles, URLs, bodies)', () => sys.expectNoCanary());
});
