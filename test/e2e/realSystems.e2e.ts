import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import type { TodaySummary } from '../../src/core/todaySummary.js';
import { canaryUrl } from '../fixtures/demo/canary.mjs';
import { demoSystem } from '../fixtures/demo/preset.mjs';
import { startDemoServer, type DemoServer } from '../fixtures/demo/server.mjs';
import { launchExtension, sleep, type TimebackBrowser } from './support/extension.js';
import { clearOfMidnight } from './support/midnight.js';

/**
 * Honest time on the way real clinical systems are built, in real Chromium:
 * text that arrives with no key events (dictation). Each phase's truth
 * comes from this script's own clock; tolerance ±2 s. τ = 10 s and R = 0,
 * so a phase counts exactly its input and the gaps between.
 */
const TOLERANCE_SEC = 2;
const secOf = (s: TodaySummary, category: string) => (s.byCategory.find((c) => c.category === category)?.ms ?? 0) / 1000;

describe('real clinical systems in real Chromium', () => {
  let server: DemoServer;
  let tb: TimebackBrowser;
  let page: Page;

  beforeAll(async () => {
    // The file reads today's figures for about three minutes: keep them on one day.
    await clearOfMidnight(4 * 60_000);
    server = await startDemoServer();
    tb = await launchExtension();
    await tb.configure({ ...DEFAULT_SETTINGS, systems: [demoSystem(server.url)], inactivityThresholdSec: 10, readingAllowanceSec: 0 });
    page = await tb.context.newPage();
  }, 300_000);

  afterAll(async () => {
    await tb?.close();
    await server?.close();
  });

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
});
