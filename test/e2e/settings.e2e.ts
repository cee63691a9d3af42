import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../fixtures/demo/server.mjs';
import { launchExtension, sleep, typeFor, type TimebackBrowser } from './support/extension.js';
import { clearOfMidnight } from './support/midnight.js';

/**
 * The settings page in real Chromium: adding a system requests its origins
 * (pre-granted for loopback in the test build, so no prompt), registers the
 * content script and starts tracking; a bad pattern is refused and changes
 * nothing; removing the system unregisters it.
 */
describe('settings page in real Chromium', () => {
  let server: DemoServer;
  let tb: TimebackBrowser;
  let settings: Page;

  const registered = async () =>
    (await tb.worker()).evaluate(() => chrome.scripting.getRegisteredContentScripts().then((r) => r.map((x) => ({ id: x.id, matches: x.matches }))));
  const stored = () => tb.extensionPage.evaluate(() => chrome.storage.local.get('timeback.settings').then((r) => r['timeback.settings'] ?? null));

  beforeAll(async () => {
    // The file reads today's figures for about two minutes: keep them on one day.
    await clearOfMidnight(2 * 60_000);
    server = await startDemoServer();
    tb = await launchExtension();
    settings = await tb.context.newPage();
    await settings.goto(tb.url('dashboard.html'));
  }, 300_000);

  afterAll(async () => {
    await tb?.close();
    await server?.close();
  });

  it('refuses a match pattern for every website, with a clear message, and changes nothing', async () => {
    await settings.getByRole('button', { name: 'Add a clinical system' }).click();
    await settings.getByLabel('Name', { exact: true }).fill('Everything');
    await settings.getByLabel('Web addresses (match patterns)').fill('<all_urls>');
    await settings.getByRole('button', { name: 'Add system' }).click();
    const alert = settings.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('every website');
    expect(await stored()).toBeNull();
    expect(await registered()).toEqual([]);
    await settings.getByRole('button', { name: 'Cancel' }).click();
  });

  it('adds a system: host permission for exactly its origin, content script registered, time tracked', async () => {
    await settings.getByRole('button', { name: 'Add a clinical system' }).click();
    await settings.getByLabel('Name', { exact: true }).fill('Demo EHR');
    await settings.getByLabel('Web addresses (match patterns)').fill('http://127.0.0.1/*');
    await settings.getByRole('button', { name: 'Add system' }).click();
    await settings.getByText('Demo EHR added.').waitFor();
    for (let i = 0; i < 200 && (await registered()).length === 0; i++) await sleep(100);
    expect(await registered()).toEqual([{ id: 'system-demo-ehr', matches: ['http://127.0.0.1/*'] }]);
    const perms = await tb.extensionPage.evaluate(() => chrome.permissions.getAll());
    expect(perms.origins).toEqual(['http://127.0.0.1/*', 'http://localhost/*']); // the test build's loopback grant, nothing more

    const page = await tb.context.newPage();
    await page.goto(`${server.url}/inbox`);
    await page.bringToFront();
    await typeFor(page, 4_000);
    await settings.bringToFront();
    await sleep(11_000);
    const today = await tb.today();
    expect(today.bySystem.map((s) => s.name)).toEqual(['Demo EHR']);
    expect(today.totalMs).toBeGreaterThanOrEqual(3_000);
  });

  it('removes the system: its content script is unregistered', async () => {
    await settings.bringToFront();
    await settings.getByRole('button', { name: 'Remove Demo EHR' }).click();
    await settings.getByRole('button', { name: 'Yes, remove Demo EHR' }).click();
    await settings.getByText('Demo EHR removed.').waitFor();
    for (let i = 0; i < 200 && (await registered()).length > 0; i++) await sleep(100);
    expect(await registered()).toEqual([]);
  });
});
