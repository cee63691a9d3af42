import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DayEntries } from '../../src/core/entries.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { formatDuration } from '../../src/ui/duration.js';
import { installEnGbMessages } from '../../src/ui/enGbMessages.js';
import { localDateKey } from '../../src/core/localDate.js';
import { demoSystem } from '../fixtures/demo/preset.mjs';
import { startDemoServer, type DemoServer } from '../fixtures/demo/server.mjs';
import { launchExtension, sleep, type TimebackBrowser } from './support/extension.js';
import { clearOfMidnight, recentMinutes } from './support/midnight.js';

// formatDuration's words come from the en_GB catalogue, as they do in the extension.
installEnGbMessages();

const TZ = 'Europe/London';

/** Manual timers and entries in real Chromium, through the popup and the dashboard. */
describe('manual logging in real Chromium', () => {
  let server: DemoServer;
  let tb: TimebackBrowser;

  const dayEntries = (date: string) =>
    tb.extensionPage.evaluate((d) => chrome.runtime.sendMessage({ type: 'getDayEntries', body: { date: d } }), date) as Promise<DayEntries>;

  beforeAll(async () => {
    // The file reads today's figures for about two minutes: keep them on one day.
    await clearOfMidnight(2 * 60_000);
    server = await startDemoServer();
    tb = await launchExtension();
    await tb.configure({ ...DEFAULT_SETTINGS, systems: [demoSystem(server.url)], desktopSystems: [{ id: 'emis-web', name: 'EMIS Web' }] });
  }, 300_000);

  afterAll(async () => {
    await tb?.close();
    await server?.close();
  });

  it('starts a timer in the popup, survives a worker kill, and stops with the right duration', async () => {
    const popup = await tb.context.newPage();
    await popup.goto(tb.url('popup.html'));
    await popup.getByLabel('Task').selectOption('direct_care');
    await popup.getByLabel('System (optional)').selectOption('emis-web');
    await popup.getByRole('button', { name: 'Start timer' }).click();
    await popup.getByRole('button', { name: 'Stop timer' }).waitFor();
    const started = Date.now();
    await sleep(4_000);
    await tb.killWorker();
    await sleep(4_000);
    // A fresh popup, as after closing and reopening it: the timer is still running.
    await popup.close();
    const again = await tb.context.newPage();
    await again.goto(tb.url('popup.html'));
    await again.getByRole('button', { name: 'Stop timer' }).click();
    const stopped = Date.now();
    await again.getByRole('button', { name: 'Start timer' }).waitFor();
    const entries = (await dayEntries(localDateKey(Date.now(), TZ))).entries.filter((e) => e.source === 'timer');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.systemName).toBe('EMIS Web');
    // Within a second either way of the time between the two clicks (whole-second records).
    expect(Math.abs(entries[0]!.activeMs - (stopped - started))).toBeLessThanOrEqual(1_500);
    await again.close();
  });

  it('adds and relabels an entry in the dashboard, and the day totals change', async () => {
    // Ten minutes that ended a minute ago (fewer, and a short wait, just after midnight).
    const stretch = await recentMinutes(TZ);
    const dash: Page = await tb.context.newPage();
    await dash.goto(tb.url('dashboard.html'));
    await dash.getByRole('button', { name: 'Day', exact: true }).click();
    const totalText = async () => (await dash.locator('#summary-heading ~ dl dd').first().textContent())?.trim();
    await dash.locator('#summary-heading').waitFor();
    const before = await totalText();

    const add = dash.locator('form', { has: dash.getByRole('heading', { name: 'Add time' }) });
    await add.getByLabel('Start time', { exact: true }).fill(stretch.start);
    await add.getByLabel('End time', { exact: true }).fill(stretch.end);
    await add.getByLabel('Task', { exact: true }).selectOption('non_ehr');
    await add.getByRole('button', { name: 'Add time' }).click();
    await dash.getByText(/Time added to/).waitFor();
    await expect.poll(totalText, { timeout: 5_000 }).not.toBe(before);

    const date = localDateKey(stretch.endMs, TZ);
    const manual = (await dayEntries(date)).entries.find((e) => e.source === 'manual')!;
    expect(manual.activeMs).toBe(stretch.durationMs);
    expect(manual.category).toBe('non_ehr');

    // Relabel it from the timeline.
    await dash.getByRole('button', { name: /^Relabel .*Non-EHR work/ }).click();
    const relabel = dash.locator('form', { has: dash.getByRole('button', { name: 'Save new label' }) });
    await relabel.getByLabel('Task', { exact: true }).selectOption('direct_care');
    await relabel.getByRole('button', { name: 'Save new label' }).click();
    await expect.poll(async () => (await dayEntries(date)).entries.find((e) => e.source === 'manual' && e.category === 'direct_care')?.edited, { timeout: 5_000 }).toBe(true);
    const after = await dayEntries(date);
    expect(after.correctedMs).toBeGreaterThanOrEqual(stretch.durationMs);
    expect(await dash.locator('main').textContent()).toContain(formatDuration(after.totalMs));
    await dash.screenshot({ path: 'test-results/dashboard-day-timeline.png', fullPage: true });
    await dash.close();
  }, 360_000);
});
