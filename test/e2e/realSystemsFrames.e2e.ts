import { describe, expect, it } from 'vitest';
import { canaryUrl } from '../fixtures/demo/canary.mjs';
import { sleep } from './support/extension.js';
import { secOf, TOLERANCE_SEC, useRealSystem } from './support/realSystem.js';

/**
 * Honest time on the way real clinical systems are built, in real Chromium:
 * text that arrives with no key events (dictation), a letter typed in an
 * editor iframe, a results viewer framed from a second origin granted to the
 * system (`localhost`), and one framed from an origin never granted
 * (`127.0.0.2`, a second demo server). The waits of real systems (a slow
 * document load, a single-page app's slow route change, its polling) are in
 * realSystemsWaits.e2e.ts; the setting both share is in support/realSystem.ts.
 */
describe('real clinical systems in real Chromium: frames and dictation', () => {
  const sys = useRealSystem(5);

  /** Wheel over the element `selector` (a frame) every 250 ms for `ms`; returns the seconds it took. */
  async function wheelOver(selector: string, ms: number): Promise<number> {
    const box = (await sys.page.locator(selector).boundingBox())!;
    await sys.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const start = Date.now();
    let down = true;
    while (Date.now() - start < ms) {
      await sys.page.mouse.wheel(0, down ? 120 : -120);
      down = !down;
      await sleep(250);
    }
    return (Date.now() - start) / 1000;
  }

  /** Press `key` every 250 ms for `ms` in whatever has focus; the seconds it took. */
  async function pressFor(key: string, ms: number): Promise<number> {
    const start = Date.now();
    while (Date.now() - start < ms) {
      await sys.page.keyboard.press(key);
      await sleep(250);
    }
    return (Date.now() - start) / 1000;
  }

  it('counts 30 s of dictated text (inserted with no key events) as 30 s', async () => {
    await sys.page.goto(canaryUrl(sys.server.url, 'notes'));
    const before = await sys.settledToday();
    await sys.page.bringToFront();
    await sys.page.focus('#notes-editor');
    // DevTools' Input.insertText puts text in as dictation software and input methods do: beforeinput/input only.
    const cdp = await sys.tb.context.newCDPSession(sys.page);
    const start = Date.now();
    while (Date.now() - start < 30_000) {
      await cdp.send('Input.insertText', { text: 'dictated words ' });
      await sleep(300);
    }
    const truth = (Date.now() - start) / 1000;
    await cdp.detach();
    const after = await sys.settledToday();
    const gained = secOf(after, 'documentation') - secOf(before, 'documentation');
    console.log('dictation: truth', truth, 'measured', gained);
    expect(Math.abs(gained - truth)).toBeLessThanOrEqual(TOLERANCE_SEC);
  });

  it('counts 30 s of typing in a letter editor that lives in a same-origin iframe, as the page\'s documentation', async () => {
    await sys.page.goto(canaryUrl(sys.server.url, 'notes/letter'));
    const before = await sys.settledToday();
    await sys.page.bringToFront();
    const editor = sys.page.frameLocator('#letter-editor-frame').locator('#letter-body');
    await editor.click();
    const truth = await pressFor('KeyA', 30_000);
    const after = await sys.settledToday();
    const gained = secOf(after, 'documentation') - secOf(before, 'documentation');
    console.log('editor frame: truth', truth, 'measured', gained, 'admin_other', secOf(after, 'admin_other'));
    expect(Math.abs(gained - truth)).toBeLessThanOrEqual(TOLERANCE_SEC);
    // The frame never decides a category of its own.
    expect(secOf(after, 'admin_other')).toBe(0);
  });

  it('counts typing in an editor written into a srcdoc frame (it inherits the system\'s origin)', async () => {
    await sys.page.goto(`${canaryUrl(sys.server.url, 'notes/letter')}&editor=srcdoc`);
    const before = await sys.settledToday();
    await sys.page.bringToFront();
    await sys.page.frameLocator('#letter-editor-frame').locator('#letter-body').click();
    const truth = await pressFor('KeyB', 15_000);
    const after = await sys.settledToday();
    const gained = secOf(after, 'documentation') - secOf(before, 'documentation');
    console.log('srcdoc editor frame: truth', truth, 'measured', gained);
    expect(Math.abs(gained - truth)).toBeLessThanOrEqual(TOLERANCE_SEC);
  });

  it('counts 20 s of scrolling in a results viewer framed from a second origin granted to the system', async () => {
    await sys.page.goto(canaryUrl(sys.server.url, 'results/viewer'));
    await sys.page.frameLocator('#viewer-frame').locator('#viewer-report').waitFor();
    const before = await sys.settledToday();
    await sys.page.bringToFront();
    const truth = await wheelOver('#viewer-frame', 20_000);
    const after = await sys.settledToday();
    const gained = secOf(after, 'results_review') - secOf(before, 'results_review');
    console.log('granted viewer frame: truth', truth, 'measured', gained);
    expect(Math.abs(gained - truth)).toBeLessThanOrEqual(TOLERANCE_SEC);
  });

  it('counts 0 s for scrolling in a frame of an origin never granted', async () => {
    await sys.page.goto(`${canaryUrl(sys.server.url, 'results/viewer')}&viewer=${encodeURIComponent(sys.ungranted.url)}`);
    await sys.page.frameLocator('#viewer-frame').locator('#viewer-report').waitFor();
    const before = await sys.settledToday();
    await sys.page.bringToFront();
    await wheelOver('#viewer-frame', 12_000);
    const after = await sys.settledToday();
    // Arriving on the page is the clinician's own act: its one second is the page's, nothing more.
    const gained = after.totalMs / 1000 - before.totalMs / 1000;
    console.log('ungranted viewer frame: measured', gained);
    expect(Math.abs(gained - 0)).toBeLessThanOrEqual(TOLERANCE_SEC);
    // The browser gave that frame no script at all.
    const frames = await sys.tb.worker().then((w) =>
      w.evaluate(async (tabUrl) => {
        const [tab] = await chrome.tabs.query({ url: tabUrl });
        const results = await chrome.scripting.executeScript({ target: { tabId: tab!.id!, allFrames: true }, func: () => location.origin }).catch(() => []);
        return results.map((r) => r.result);
      }, `${sys.server.url.replace(/:\d+$/, '')}/*`),
    );
    expect(frames).toContain(sys.server.url);
    expect(frames).not.toContain(sys.ungranted.url);
  });

  it('stores no trace of the canary patient from any page or frame (titles, URLs, bodies)', () => sys.expectNoCanary());
});
