import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import type { TodaySummary } from '../../src/core/todaySummary.js';
import { CANARY_STRINGS, canaryUrl } from '../fixtures/demo/canary.mjs';
import { demoSystem } from '../fixtures/demo/preset.mjs';
import { startDemoServer, type DemoServer } from '../fixtures/demo/server.mjs';
import { launchExtension, sleep, typeFor, type TimebackBrowser } from './support/extension.js';
import { clearOfMidnight } from './support/midnight.js';

/**
 * Classification in real Chromium: the rules preview through a real tab
 * (tabs.get and tabs.sendMessage without the "tabs" permission), DOM and
 * route changes in a live page, and a sign-in host. `localhost` stands in for
 * a trust's single-sign-on host (the test build pre-grants it).
 */
const secOf = (s: TodaySummary, category: string) => (s.byCategory.find((c) => c.category === category)?.ms ?? 0) / 1000;

describe('classification in real Chromium', () => {
  let server: DemoServer;
  let tb: TimebackBrowser;
  let page: Page;

  beforeAll(async () => {
    // The file reads today's figures for about three minutes: keep them on one day.
    await clearOfMidnight(3 * 60_000);
    server = await startDemoServer();
    tb = await launchExtension();
    await tb.configure({
      ...DEFAULT_SETTINGS,
      systems: [{ ...demoSystem(server.url), signInPatterns: ['http://localhost/*'] }],
      inactivityThresholdSec: 10,
      readingAllowanceSec: 0,
    });
    page = await tb.context.newPage();
  }, 300_000);

  afterAll(async () => {
    await tb?.close();
    await server?.close();
  });

  /** Type in `page` for `ms`; with `during`, run it halfway (while the clinician keeps typing). */
  async function use(ms: number, during?: () => Promise<unknown>): Promise<void> {
    await page.bringToFront();
    if (!during) return void (await typeFor(page, ms));
    await typeFor(page, ms / 2);
    await during();
    await typeFor(page, ms / 2);
  }

  /** Move attention away and wait for the page's next report (at most one per 10 s from ticks), then read today. */
  async function settledToday(): Promise<TodaySummary> {
    await tb.extensionPage.bringToFront();
    await sleep(11_000);
    return tb.today();
  }

  it('previews unsaved rules on the most recently used tab of the system, answering only the outcome', async () => {
    await page.goto(canaryUrl(server.url, 'notes'));
    await use(1_000);
    await tb.extensionPage.bringToFront();
    const preview = (rules: unknown[], useGenericRules = false) =>
      tb.extensionPage.evaluate(
        ([r, g]) => chrome.runtime.sendMessage({ type: 'previewRules', body: { systemId: 'demo-ehr', rules: r, useGenericRules: g } }),
        [rules, useGenericRules] as const,
      );
    const answer = await preview([
      { title: '*Notes*', category: 'referrals', priority: 0 },
      { selector: '#notes-editor', category: 'scheduling', priority: 5 },
    ]);
    expect(answer).toEqual({ status: 'ok', category: 'scheduling', rule: { list: 'system', index: 1 } });
    expect(await preview([], true)).toEqual({ status: 'ok', category: 'documentation', rule: { list: 'generic', index: expect.any(Number) } });
    expect(await preview([{ path: '/x?nhs=1', category: 'referrals', priority: 0 }])).toEqual({ status: 'invalid', errors: [expect.stringContaining('path only')] });
    const text = JSON.stringify(answer);
    for (const needle of [...CANARY_STRINGS, 'p-canary', '127.0.0.1', 'notes?']) expect(text).not.toContain(needle);
  });

  it('counts the time after a password field appears in the page as logging in', async () => {
    await page.goto(`${server.url}/inbox`);
    const before = await tb.today();
    // A session-timeout dialog, say: the page gains a password field without navigating.
    await use(8_000, () =>
      page.evaluate(() => {
        const input = document.createElement('input');
        input.type = 'password';
        document.body.append(input);
      }),
    );
    const after = await settledToday();
    expect(secOf(after, 'inbox_messaging') - secOf(before, 'inbox_messaging')).toBeGreaterThanOrEqual(3);
    expect(secOf(after, 'login_auth') - secOf(before, 'login_auth')).toBeGreaterThanOrEqual(3);
  });

  it('re-classifies after a single-page-app route change (history.pushState, no event)', async () => {
    await page.goto(`${server.url}/inbox`);
    const before = await tb.today();
    await use(14_000, () => page.evaluate(() => history.pushState(null, '', '/patients/p-0001/referrals')));
    const after = await settledToday();
    // Noticed by the Navigation API where present, else by the next tick's path check (≤ 5 s).
    expect(secOf(after, 'referrals') - secOf(before, 'referrals')).toBeGreaterThanOrEqual(2);
    expect(secOf(after, 'inbox_messaging') - secOf(before, 'inbox_messaging')).toBeGreaterThanOrEqual(5);
  });

  it("counts a page on one of the system's sign-in hosts as logging in, whatever its path", async () => {
    await page.goto(`http://localhost:${server.port}/inbox`);
    const before = await tb.today();
    await use(4_000);
    const after = await settledToday();
    expect(secOf(after, 'login_auth') - secOf(before, 'login_auth')).toBeGreaterThanOrEqual(3);
    expect(secOf(after, 'inbox_messaging')).toBe(secOf(before, 'inbox_messaging'));
    expect(
      await tb.extensionPage.evaluate(() => chrome.runtime.sendMessage({ type: 'previewRules', body: { systemId: 'demo-ehr', rules: [], useGenericRules: false } })),
    ).toEqual({ status: 'signIn' });
  });
});
