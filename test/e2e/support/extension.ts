import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Settings } from '../../../src/core/settings.js';
import type { TodaySummary } from '../../../src/core/todaySummary.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const TEST_BUILD = path.resolve(import.meta.dirname, '../../../dist/chrome-test');

/**
 * Launch real Chromium with the test build (loopback pre-granted). Never
 * skips: without Chromium the test fails with the command that fixes it.
 */
export async function launchExtension(): Promise<TimebackBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`);
  if (!existsSync(path.join(TEST_BUILD, 'manifest.json'))) throw new Error('dist/chrome-test is missing: run `npm run build` first.');
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'timeback-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${TEST_BUILD}`,
      `--load-extension=${TEST_BUILD}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // A fresh install opens the first-run guide in a tab of its own: close it, so
  // each test starts from the pages it opens (and the guide cannot take focus later).
  const guideUrl = `chrome-extension://${extensionId}/dashboard.html#guide`;
  let openedGuide = false;
  for (let i = 0; i < 100 && !openedGuide; i++) {
    const guide = context.pages().find((p) => p.url() === guideUrl);
    if (guide) {
      openedGuide = true;
      // Closed only once it has rendered: an extension page closed while still
      // loading can leave Chromium's next extension pages without their messages.
      await guide.locator('#guide-heading').waitFor({ timeout: 20_000 }).catch(() => undefined);
      await guide.close();
    } else await sleep(50);
  }
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/dashboard.html`);
  return new TimebackBrowser(context, extensionId, extensionPage, userDataDir, openedGuide);
}

export class TimebackBrowser {
  constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    /** An extension page used to talk to the extension as the popup would. */
    readonly extensionPage: Page,
    private readonly userDataDir: string,
    /** The install opened the first-run guide (dashboard.html#guide), which launchExtension then closed. */
    readonly openedGuide = false,
  ) {}

  url(page: string): string {
    return `chrome-extension://${this.extensionId}/${page}`;
  }

  /** Write settings the way the dashboard does (validated settings into storage.local), then wait for registration. */
  async configure(settings: Settings): Promise<void> {
    await this.extensionPage.evaluate((s) => chrome.storage.local.set({ 'timeback.settings': s }), settings);
    const ids = settings.systems.map((s) => `system-${s.id}`).sort();
    // Chromium answers the first storage.managed read (policy) only after it has loaded policies, a few seconds after start.
    for (let i = 0; i < 200; i++) {
      const registered = await this.worker().then((w) => w.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((r) => r.map((x) => x.id))));
      if (JSON.stringify([...registered].sort()) === JSON.stringify(ids)) return;
      await sleep(100);
    }
    throw new Error(`content scripts for ${ids.join(', ')} were not registered`);
  }

  async worker(): Promise<Worker> {
    return this.context.serviceWorkers()[0] ?? (await this.context.waitForEvent('serviceworker'));
  }

  async today(): Promise<TodaySummary> {
    return this.extensionPage.evaluate(() => chrome.runtime.sendMessage({ type: 'getToday', body: {} }));
  }

  /** Kill the service worker as the browser does when it evicts it (CDP Target.closeTarget). */
  async killWorker(): Promise<void> {
    const page = this.context.pages()[0]!;
    const cdp = await this.context.newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const targets = targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(this.extensionId));
    if (targets.length === 0) throw new Error('no service worker target to kill');
    for (const t of targets) await cdp.send('Target.closeTarget', { targetId: t.targetId });
    await cdp.detach();
  }

  /** Every record of every IndexedDB store, plus storage.local and storage.session, as JSON text. */
  async dumpAllStorage(): Promise<string> {
    return this.extensionPage.evaluate(async () => {
      const out: Record<string, unknown> = {};
      const names = (await indexedDB.databases()).map((d) => d.name!).filter(Boolean);
      for (const name of names) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open(name);
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const tx = db.transaction(store);
          const get = <T,>(req: IDBRequest<T>) => new Promise<T>((res) => (req.onsuccess = () => res(req.result)));
          out[`${name}/${store}`] = { keys: await get(tx.objectStore(store).getAllKeys()), values: await get(tx.objectStore(store).getAll()) };
        }
        db.close();
      }
      out['storage.local'] = await chrome.storage.local.get(null);
      out['storage.session'] = await chrome.storage.session.get(null);
      return JSON.stringify(out);
    });
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Press keys in `page` every `everyMs` for `ms`. Returns the wall-clock span it covered. */
export async function typeFor(page: Page, ms: number, everyMs = 250, selector?: string): Promise<{ start: number; end: number }> {
  if (selector) await page.focus(selector);
  const start = Date.now();
  while (Date.now() - start < ms) {
    await page.keyboard.press('KeyA');
    await sleep(everyMs);
  }
  return { start, end: Date.now() };
}
