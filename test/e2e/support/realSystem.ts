import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/settings.js';
import type { TodaySummary } from '../../../src/core/todaySummary.js';
import { CANARY_STRINGS } from '../../fixtures/demo/canary.mjs';
import { demoSystem } from '../../fixtures/demo/preset.mjs';
import { startDemoServer, type DemoServer } from '../../fixtures/demo/server.mjs';
import { launchExtension, sleep, type TimebackBrowser } from './extension.js';
import { clearOfMidnight } from './midnight.js';

/**
 * The shared setting of the real-systems files (realSystemsFrames, realSystemsWaits):
 * the demo system with a second origin granted for its embedded viewers
 * (`localhost`), and the same demo on an origin never granted (`127.0.0.2`).
 * τ = 10 s and R = 0, so a phase counts exactly its input and the gaps
 * between. Each phase's truth comes from the test's own clock; tolerance ±2 s.
 */
export const TOLERANCE_SEC = 2;

export const secOf = (s: TodaySummary, category: string) => (s.byCategory.find((c) => c.category === category)?.ms ?? 0) / 1000;

export interface RealSystem {
  server: DemoServer;
  /** The same demo on an origin the test build was not granted. */
  ungranted: DemoServer;
  tb: TimebackBrowser;
  /** The one tab the phases work in. */
  page: Page;
  /** Move attention away and wait for the page's last report (at most one per 10 s from ticks), then read today. */
  settledToday(): Promise<TodaySummary>;
  /** Every store holds the system's id and no trace of the canary patient from any page or frame (titles, URLs, bodies). */
  expectNoCanary(): Promise<void>;
}

/** Start the servers and the browser before the file's tests (`minutes`: how long the file reads today's figures) and close them after. */
export function useRealSystem(minutes: number): RealSystem {
  const ctx = {} as RealSystem;
  beforeAll(async () => {
    // The file reads today's figures for a few minutes: keep them on one day.
    await clearOfMidnight(minutes * 60_000);
    ctx.server = await startDemoServer();
    ctx.ungranted = await startDemoServer({ host: '127.0.0.2' });
    ctx.tb = await launchExtension();
    await ctx.tb.configure({
      ...DEFAULT_SETTINGS,
      // Whole-origin patterns, so editors written into srcdoc frames get the script too (matchOriginAsFallback).
      systems: [{ ...demoSystem(ctx.server.url), viewerPatterns: ['http://localhost/*'] }],
      inactivityThresholdSec: 10,
      readingAllowanceSec: 0,
    });
    ctx.page = await ctx.tb.context.newPage();
    // Room for the wait past midnight as well as the launch.
  }, minutes * 60_000 + 180_000);

  afterAll(async () => {
    await ctx.tb?.close();
    await ctx.server?.close();
    await ctx.ungranted?.close();
  });

  ctx.settledToday = async () => {
    await ctx.tb.extensionPage.bringToFront();
    await sleep(11_000);
    return ctx.tb.today();
  };

  ctx.expectNoCanary = async () => {
    const { tb, server, ungranted } = ctx;
    const dump = await tb.dumpAllStorage();
    expect(dump).toContain('demo-ehr');
    for (const needle of [...CANARY_STRINGS, 'p-canary', 'nhs=', 'letter/editor', 'viewer/report', server.url, `localhost:${server.port}`, ungranted.url]) expect(dump).not.toContain(needle);
  };
  return ctx;
}
