import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.js';
import type { TodaySummary } from '../../src/core/todaySummary.js';
import { canaryUrl } from '../fixtures/demo/canary.mjs';
import { demoSystem } from '../fixtures/demo/preset.mjs';
import { startDemoServer, type DemoServer } from '../fixtures/demo/server.mjs';
import { FIREFOX, FIREFOX_INSTALL_COMMAND } from '../../scripts/ensure-browsers.mjs';
import { clearOfMidnight } from './support/midnight.js';

/**
 * Smoke test of the Firefox build in real Firefox ESR, driven over WebDriver
 * BiDi by puppeteer-core. It loads dist/firefox-test (the Firefox build plus
 * loopback `host_permissions`, which Firefox grants at install, standing in for
 * the permission prompt a clinician answers), configures the demo system from
 * an extension page, types in the demo notes page and checks that today's
 * summary counts it. Never skips: without Firefox it fails with the fix.
 */
const TEST_BUILD = path.resolve(import.meta.dirname, '../../dist/firefox-test');
// Firefox assigns each add-on a random moz-extension UUID; this pref fixes it so the test can open extension pages.
const UUID = '6f0c9d1e-7c1a-4b7e-9a55-0d2b3c4e5f60';
const TYPING_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const secOf = (s: TodaySummary, category: string) => (s.byCategory.find((c) => c.category === category)?.ms ?? 0) / 1000;

/** BiDi reports no load event for moz-extension pages, so wait for the document itself. */
async function openExtensionPage(page: Page, file: string): Promise<void> {
  const url = `moz-extension://${UUID}/${file}`;
  void page.goto(url, { timeout: 0 }).catch(() => {});
  for (let i = 0; i < 100; i++) {
    const ready = await page.evaluate(() => [location.href, document.readyState]).catch(() => null);
    if (ready?.[0] === url && ready[1] === 'complete') return;
    await sleep(100);
  }
  throw new Error(`${url} did not load`);
}

describe('Firefox ESR smoke test', () => {
  let server: DemoServer;
  let browser: Browser;
  let ext: Page;
  let typedSec = 0;
  let final: TodaySummary;

  beforeAll(async () => {
    if (!existsSync(FIREFOX)) throw new Error(`Firefox ESR is missing at ${FIREFOX}. Install it with: sudo ${FIREFOX_INSTALL_COMMAND}`);
    if (!existsSync(path.join(TEST_BUILD, 'manifest.json'))) throw new Error('dist/firefox-test is missing: run `npm run build` first.');
    // The file reads today's figures for about two minutes: keep them on one day.
    await clearOfMidnight(2 * 60_000);
    const geckoId = JSON.parse(readFileSync(path.join(TEST_BUILD, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id as string;
    server = await startDemoServer();
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // WebDriver BiDi refuses to navigate to moz-extension:// pages without this flag.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: UUID }) },
    });
    expect(await browser.installExtension(TEST_BUILD)).toBe(geckoId);
    ext = (await browser.pages())[0] ?? (await browser.newPage());
    await openExtensionPage(ext, 'dashboard.html');

    const settings: Settings = { ...DEFAULT_SETTINGS, systems: [demoSystem(server.url)], inactivityThresholdSec: 10, readingAllowanceSec: 15 };
    await ext.evaluate((s) => chrome.storage.local.set({ 'timeback.settings': s }), settings);
    for (let i = 0; ; i++) {
      const ids = await ext.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((r) => r.map((x) => x.id)));
      if (ids.includes('system-demo-ehr')) break;
      if (i > 50) throw new Error(`the demo system's content script was not registered (registered: ${ids.join(', ') || 'none'})`);
      await sleep(100);
    }

    const notes = await browser.newPage();
    await notes.goto(canaryUrl(server.url, 'notes'));
    await notes.bringToFront();
    await notes.focus('#notes-editor');
    const start = Date.now();
    while (Date.now() - start < TYPING_MS) {
      await notes.keyboard.press('KeyA');
      await sleep(250);
    }
    typedSec = (Date.now() - start) / 1000;
    // Leave the clinical tab and let the last report arrive.
    await ext.bringToFront();
    await sleep(12_000);
    final = await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'getToday', body: {} }));
    console.log('typed (s)', typedSec, 'measured', JSON.stringify(final.byCategory));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Firefox granted the test build its loopback host permission at install', async () => {
    expect(await ext.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(true);
  });

  it("counts typing in the demo notes page as the demo system's documentation time", () => {
    expect(final.bySystem.map((s) => s.name)).toEqual(['Demo EHR']);
    const documentation = secOf(final, 'documentation');
    // The typing itself, give or take whole-second evidence and the tab switch (measured 10–12 s for 10.2 s typed).
    // Far below typing plus the 15 s reading allowance, which would mean time ran on after leaving the tab.
    expect(documentation).toBeGreaterThanOrEqual(typedSec - 2);
    expect(documentation).toBeLessThanOrEqual(typedSec + 4);
    expect(final.totalMs).toBe(final.byCategory.reduce((t, c) => t + c.ms, 0));
  });
});
