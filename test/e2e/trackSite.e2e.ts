import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CANARY_ID, CANARY_STRINGS, canaryUrl } from '../fixtures/demo/canary.mjs';
import { startDemoServer, type DemoServer } from '../fixtures/demo/server.mjs';
import { launchExtension, sleep, typeFor, type TimebackBrowser } from './support/extension.js';
import { clearOfMidnight } from './support/midnight.js';
import { FLUSH_MS, TICK_MS } from '../../src/content/activitySensor.js';
/** The open popup's refresh (REFRESH_MS in src/popup/Popup.tsx). */
const POPUP_REFRESH_MS = 5_000;

/**
 * "Track this site" from a fresh profile, in real Chromium. The test build
 * pre-grants loopback host access, so the popup's permissions.request (made
 * in the click, a real user gesture here) resolves without a prompt;
 * test/unit/popupSite.test.tsx checks that the request asks for exactly the
 * chosen origins, first, in the click. The popup is opened as a page with
 * `?tab=<id>` naming the demo tab, as the toolbar popup names its window's
 * active tab.
 */
describe('Track this site in real Chromium', () => {
  let server: DemoServer;
  let tb: TimebackBrowser;
  let demo: Page;
  let popup: Page;
  let demoTabId: number;

  const registered = async () => (await tb.worker()).evaluate(() => chrome.scripting.getRegisteredContentScripts().then((r) => r.map((x) => x.id)));

  beforeAll(async () => {
    await clearOfMidnight(2 * 60_000);
    server = await startDemoServer();
    tb = await launchExtension();
    demo = await tb.context.newPage();
    await demo.goto(canaryUrl(server.url, 'notes'));
    const tabs = await (await tb.worker()).evaluate(() => chrome.tabs.query({ url: 'http://127.0.0.1/*' }).then((t) => t.map((x) => x.id!)));
    expect(tabs).toHaveLength(1);
    demoTabId = tabs[0]!;
    popup = await tb.context.newPage();
    await popup.setViewportSize({ width: 360, height: 720 });
  }, 300_000);

  afterAll(async () => {
    await tb?.close();
    await server?.close();
  });

  it('the install opened the first-run guide', () => {
    expect(tb.openedGuide).toBe(true);
  });

  it('starts with nothing tracked and nothing read from the page', async () => {
    await popup.goto(`${tb.url('popup.html')}?tab=${demoTabId}`);
    await popup.getByText('Timeback is not tracking 127.0.0.1 and reads nothing from it.').waitFor();
    expect(await registered()).toEqual([]);
    await popup.screenshot({ path: 'test-results/popup-track-this-site.png', fullPage: true });
  });

  it('tracks the site in one click, without reloading the tab, and typing there shows in the popup within one flush', async () => {
    const navigations: string[] = [];
    demo.on('framenavigated', (f) => f === demo.mainFrame() && navigations.push(f.url()));
    await popup.getByRole('button', { name: 'Track this site' }).click();
    await popup.getByText('Timeback counts time on this page as 127.0.0.1.').waitFor();
    expect(await registered()).toEqual(['system-127-0-0-1']);
    const stored = (await tb.extensionPage.evaluate(() => chrome.storage.local.get('timeback.settings').then((r) => r['timeback.settings']))) as { systems: unknown[] };
    expect(stored.systems).toEqual([{ id: '127-0-0-1', name: '127.0.0.1', matches: ['http://127.0.0.1/*'], rules: [], useGenericRules: true, signInPatterns: [] }]);
    // The browser granted nothing beyond the test build's loopback pair.
    expect((await tb.extensionPage.evaluate(() => chrome.permissions.getAll())).origins).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);

    await demo.bringToFront();
    await typeFor(demo, 4_000, 250, 'textarea');
    // Headless Chromium sends the page no blur when another tab comes to the front, so the
    // evidence goes with the next flush (at most FLUSH_MS after the last, on a TICK_MS tick);
    // the top page's arrival report starts that interval. The open popup refreshes every 5 s.
    await popup.bringToFront();
    await popup.getByRole('heading', { name: 'By system' }).waitFor({ timeout: FLUSH_MS + TICK_MS + POPUP_REFRESH_MS + 2_000 });
    const today = await tb.today();
    expect(today.bySystem.map((s) => s.name)).toEqual(['127.0.0.1']);
    expect(today.totalMs).toBeGreaterThanOrEqual(3_000);
    expect(navigations).toEqual([]);
    await popup.screenshot({ path: 'test-results/popup-tracked-site.png', fullPage: true });
  });

  it('suggests rules from masked path shapes, with no trace of the canary patient shown, stored or exported', async () => {
    await demo.goto(canaryUrl(server.url, 'results'));
    await demo.goto(canaryUrl(server.url, 'notes'));
    const settings = await tb.context.newPage();
    await settings.goto(`${tb.url('dashboard.html')}#settings`);
    await settings.getByRole('heading', { name: 'Suggest categories for 127.0.0.1' }).waitFor();
    await settings.getByRole('button', { name: 'Show the pages you visited' }).click();
    await settings.locator('.suggest-item').first().waitFor();
    const shapes = await settings.locator('.suggest-item code').allTextContents();
    expect(shapes).toContain('/patients/*/notes');
    expect(shapes).toContain('/patients/*/results');
    const shown = await settings.content();
    for (const s of [...CANARY_STRINGS, CANARY_ID]) expect(shown).not.toContain(s);
    await settings.getByLabel('Task for /patients/*/results').selectOption('results_review');
    await settings.locator('.suggest-item', { hasText: '/patients/*/results' }).getByRole('button', { name: 'Add rule' }).click();
    await settings.getByText('Added a rule for /patients/*/results to 127.0.0.1.').waitFor();
    const stored = (await tb.extensionPage.evaluate(() => chrome.storage.local.get('timeback.settings').then((r) => r['timeback.settings']))) as { systems: Array<{ rules: unknown[] }> };
    expect(stored.systems[0]!.rules).toEqual([{ path: '/patients/*/results', category: 'results_review', priority: 0 }]);
    const backup = JSON.stringify(await tb.extensionPage.evaluate(() => chrome.runtime.sendMessage({ type: 'exportBackup', body: {} })));
    const dump = await tb.dumpAllStorage();
    for (const s of [...CANARY_STRINGS, CANARY_ID]) {
      expect(dump).not.toContain(s);
      expect(backup).not.toContain(s);
    }
    await settings.close();
    await popup.bringToFront();
  });

  it('stops tracking the site: the script is unregistered and further typing counts nothing', async () => {
    await popup.getByRole('button', { name: 'Stop tracking this site' }).click();
    await popup.getByText('Timeback is not tracking 127.0.0.1').waitFor();
    for (let i = 0; i < 100 && (await registered()).length > 0; i++) await sleep(100);
    expect(await registered()).toEqual([]);
    const before = (await tb.today()).totalMs;
    await demo.bringToFront();
    await typeFor(demo, 3_000, 250, 'textarea');
    await popup.bringToFront();
    await sleep(2_000);
    expect((await tb.today()).totalMs).toBe(before);
  });

  it('keeps no trace of the canary patient in any storage', async () => {
    const dump = await tb.dumpAllStorage();
    for (const s of [...CANARY_STRINGS, CANARY_ID, '/notes', ':' + new URL(server.url).port]) expect(dump).not.toContain(s);
  });
});
