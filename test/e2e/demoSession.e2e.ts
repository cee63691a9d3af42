import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import type { DayRollup } from '../../src/core/dayRollup.js';
import type { TodaySummary } from '../../src/core/todaySummary.js';
import { CANARY_STRINGS, canaryUrl } from '../fixtures/demo/canary.mjs';
import { demoSystem } from '../fixtures/demo/preset.mjs';
import { startDemoServer, type DemoServer } from '../fixtures/demo/server.mjs';
import { launchExtension, sleep, type TimebackBrowser } from './support/extension.js';
import { clearOfMidnight } from './support/midnight.js';

/**
 * A scripted clinical session on the demo system, with the default active-time
 * definition: each page gets continuous input, so the truth for its category
 * is the time from its load to the next navigation. Tolerance ±5 s per category.
 */
const TOLERANCE_SEC = 5;
const SLOW_RESULTS_MS = 2_500;

describe('a demo clinical session in real Chromium', () => {
  let server: DemoServer;
  let tb: TimebackBrowser;
  let page: Page;
  const truth: Record<string, number> = {};
  let today: TodaySummary;
  let rollup: DayRollup;

  /** Keep the page busy (keys into `selector`, or wheel scrolls) for `ms`, then return the phase's length. */
  async function work(category: string, ms: number, how: { type?: string; scroll?: boolean; move?: boolean }, loadedAt: number) {
    if (how.type) await page.focus(how.type);
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (how.type) await page.keyboard.press('KeyE');
      else if (how.scroll) await page.mouse.wheel(0, 120);
      else await page.mouse.move(100 + Math.random() * 300, 100 + Math.random() * 300);
      await sleep(300);
    }
    truth[category] = (truth[category] ?? 0) + (Date.now() - loadedAt) / 1000;
  }

  async function open(url: string): Promise<number> {
    await page.goto(url);
    return Date.now();
  }

  beforeAll(async () => {
    // The file reads today's figures for about three minutes: keep them on one day.
    await clearOfMidnight(3 * 60_000);
    server = await startDemoServer();
    tb = await launchExtension();
    await tb.configure({ ...DEFAULT_SETTINGS, systems: [demoSystem(server.url)] });
    page = await tb.context.newPage();
    await page.bringToFront();

    // Sign in: type the username and password, then submit.
    let loaded = await open(`${server.url}/login`);
    await page.focus('#username');
    const until = Date.now() + 6_000;
    while (Date.now() < until) {
      await page.keyboard.press('KeyU');
      await sleep(300);
    }
    await page.fill('#password', 'demo-password');
    truth.login_auth = (Date.now() - loaded) / 1000;
    await Promise.all([page.waitForURL(/\/home/), page.click('#sign-in')]);
    loaded = Date.now();
    await work('admin_other', 3_000, { move: true }, loaded);

    await work('patient_search', 5_000, { type: '#search-box' }, await open(`${server.url}/patients/search?q=Canary`));
    await work('documentation', 12_000, { type: '#notes-editor' }, await open(canaryUrl(server.url, 'notes')));
    await work('results_review', 10_000, { scroll: true }, await open(`${canaryUrl(server.url, 'results')}&slow=${SLOW_RESULTS_MS}`));
    await work('inbox_messaging', 6_000, { move: true }, await open(`${server.url}/inbox`));
    await work('orders_prescribing', 6_000, { type: '#prescribe-notes' }, await open(canaryUrl(server.url, 'prescribing')));
    await work('referrals', 6_000, { type: '#referral-reason' }, await open(canaryUrl(server.url, 'referrals')));

    // Leave the system and let the last reports arrive.
    const blank = await tb.context.newPage();
    await blank.bringToFront();
    await sleep(12_000);
    today = await tb.today();
    const dump = JSON.parse(await tb.dumpAllStorage()) as Record<string, { values: DayRollup[] }>;
    rollup = dump['timeback/rollups']!.values.find((r) => r.date === today.date)!;
    console.log('demo session truth (s)', JSON.stringify(truth), 'measured', JSON.stringify(today.byCategory));
  }, 420_000);

  afterAll(async () => {
    await tb?.close();
    await server?.close();
  });

  const measured = (category: string) => (today.byCategory.find((c) => c.category === category)?.ms ?? 0) / 1000;

  it.each(['login_auth', 'admin_other', 'patient_search', 'documentation', 'results_review', 'inbox_messaging', 'orders_prescribing', 'referrals'])(
    '%s matches the scripted time within ±5 s',
    (category) => {
      expect(Math.abs(measured(category) - truth[category]!)).toBeLessThanOrEqual(TOLERANCE_SEC);
    },
  );

  it('counts exactly one login, timed from the sign-in page to the first page after it', () => {
    const logins = rollup.logins['demo-ehr'] ?? [];
    expect(logins).toHaveLength(1);
    expect(Math.abs(logins[0]! / 1000 - truth.login_auth!)).toBeLessThanOrEqual(TOLERANCE_SEC);
  });

  it('measures the slow page load as a wait, booked once as waiting time', () => {
    const loads = rollup.pageLoads['demo-ehr'] ?? [];
    expect(loads.length).toBeGreaterThanOrEqual(7);
    expect(Math.max(...loads)).toBeGreaterThanOrEqual(SLOW_RESULTS_MS);
    expect(Math.max(...loads)).toBeLessThan(SLOW_RESULTS_MS + 2_000);
    expect(measured('waiting_for_system')).toBeGreaterThanOrEqual(1);
    expect(measured('waiting_for_system')).toBeLessThanOrEqual(SLOW_RESULTS_MS / 1000 + 8);
  });

  it('keeps the whole session within the wall-clock time it took (nothing counted twice)', () => {
    const scripted = Object.values(truth).reduce((a, b) => a + b, 0);
    expect(today.totalMs / 1000).toBeLessThanOrEqual(scripted + SLOW_RESULTS_MS / 1000 + 10);
  });

  it('the dashboard day view shows the categories, the login and the measured wait', async () => {
    const dash = await tb.context.newPage();
    await dash.goto(tb.url('dashboard.html'));
    await dash.getByRole('button', { name: 'Day', exact: true }).click();
    const logins = dash.locator('section[aria-labelledby="login-heading"] dd').first();
    await logins.waitFor();
    expect((await logins.textContent())?.trim()).toBe('1');
    const waits = dash.locator('section[aria-labelledby="waiting-heading"] tbody tr');
    expect(await waits.count()).toBe(1);
    const cells = (await waits.first().locator('td').allTextContents()).map((c) => c.trim());
    expect(Number(cells[0])).toBe(rollup.pageLoads['demo-ehr']!.length);
    // p95 shows the slow results page, in tenths of a second.
    expect(cells[2]).toBe(`${(Math.max(...rollup.pageLoads['demo-ehr']!) / 1000).toFixed(1)} s`);
    const body = await dash.locator('main').textContent();
    for (const label of ['Documentation', 'Results review', 'Logging in', 'Patient search', 'Referrals']) expect(body).toContain(label);
    await dash.setViewportSize({ width: 1100, height: 900 });
    await dash.screenshot({ path: 'test-results/dashboard-day.png', fullPage: true });
    await dash.getByRole('button', { name: 'Week', exact: true }).click();
    await dash.locator('#summary-heading').waitFor();
    await dash.screenshot({ path: 'test-results/dashboard-week.png' });
    await dash.close();
  });

  it('the popup shows today at a glance (screenshot for the README)', async () => {
    const popup = await tb.context.newPage();
    await popup.setViewportSize({ width: 360, height: 720 });
    await popup.goto(tb.url('popup.html'));
    await popup.locator('.total').waitFor();
    await popup.screenshot({ path: 'test-results/popup.png', fullPage: true });
    await popup.close();
  });

  it('stores no trace of the canary patient', async () => {
    const dump = await tb.dumpAllStorage();
    for (const needle of [...CANARY_STRINGS, 'p-canary', 'nhs=', server.url]) expect(dump).not.toContain(needle);
  });
});
