import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { frameSystem, senderAllowed } from '../../src/background/senderPolicy.js';
import { createWorker } from '../../src/background/worker.js';
import { SETTINGS_KEY, DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.js';
import type { TaskCategory } from '../../src/core/taskCategory.js';
import { readRollup } from '../../src/store/trackingStore.js';
import { dumpEverything, EXTENSION_ID, EXTENSION_ORIGIN, fakePorts } from '../support/fakePorts.js';

/*
 * Frames of a clinical page: an editor iframe of the same origin, an embedded
 * viewer of another origin granted to the system, and frames that must count
 * nothing. A frame's evidence belongs to its tab's top-level page: its system
 * from the tab's top URL, its category from the top frame's own report.
 */
const T0 = Date.parse('2026-05-12T08:00:00Z');
const T0_SEC = T0 / 1000;
const CANARY = 'nhs=9434765919&name=Canary+Testpatient-Zzyzx';
const TOP_URL = `http://127.0.0.1:4321/patients/p-canary/letter?${CANARY}`;
const EDITOR_URL = `http://127.0.0.1:4321/patients/p-canary/letter/editor?${CANARY}`;
const VIEWER_URL = `http://localhost:4322/viewer/report?${CANARY}`;
const UNGRANTED_URL = `http://127.0.0.2:4323/viewer/report?${CANARY}`;

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  inactivityThresholdSec: 10,
  readingAllowanceSec: 0,
  systems: [
    {
      id: 'demo-ehr',
      name: 'Demo EHR',
      matches: ['http://127.0.0.1/*'],
      rules: [{ path: '*/letter*', category: 'documentation', priority: 0 }],
      useGenericRules: false,
      signInPatterns: [],
      viewerPatterns: ['http://localhost/viewer/*'],
    },
    { id: 'other', name: 'Other', matches: ['https://other.nhs.uk/*'], rules: [], useGenericRules: false, signInPatterns: [] },
  ],
};

const top = (tabId: number, url = TOP_URL) => ({ id: EXTENSION_ID, url, tab: { id: tabId, url }, frameId: 0 });
const frame = (tabId: number, url: string, topUrl = TOP_URL, extra: object = {}) => ({ id: EXTENSION_ID, url, tab: { id: tabId, url: topUrl }, frameId: 5, ...extra });
const report = (input: number[], category = 'documentation', extra: object = {}, systemId = 'demo-ehr') => ({
  type: 'activity',
  body: { systemId, category, input: input.map((s) => T0_SEC + s), attended: input.map((s) => T0_SEC + s), ...extra },
});
/** The top page arriving: it says what it is, with no evidence yet. */
const announce = (category = 'documentation') => report([], category);

describe('frames of a clinical page (fake browser, fake-indexeddb)', () => {
  let f: ReturnType<typeof fakePorts>;

  beforeEach(async () => {
    f = fakePorts(T0);
    f.reset();
    f.world.granted.add('http://localhost/*');
    await f.storage.set({ [SETTINGS_KEY]: settings });
    f.world.focusedTabId = 7;
  });
  afterEach(() => f.reset());

  async function startedWorker() {
    const w = createWorker(f.ports);
    await w.onStart();
    f.world.nowMs = T0 + 40_000;
    return w;
  }
  const cell = async (category: TaskCategory, systemId = 'demo-ehr') => (await readRollup(await f.ports.db(), '2026-05-12'))?.cells[systemId]?.[category]?.activeMs ?? 0;

  it('registers the script in every frame of the system and its embedded viewers, replacing a top-frame-only registration', async () => {
    f.world.registered.push({ id: 'system-demo-ehr', matches: ['http://127.0.0.1/*', 'http://localhost/viewer/*'], allFrames: false, matchOriginAsFallback: false });
    await startedWorker();
    expect(f.world.registered).toEqual([
      // A viewer pattern with a path cannot take inherited-origin frames (the browser allows those for `/*` paths only).
      { id: 'system-demo-ehr', matches: ['http://127.0.0.1/*', 'http://localhost/viewer/*'], allFrames: true, matchOriginAsFallback: false },
    ]);
  });

  it('does not register a system until its embedded viewers are granted too', async () => {
    f.world.granted.delete('http://localhost/*');
    await startedWorker();
    expect(f.world.registered).toEqual([]);
  });

  it('tells a frame it is a frame: no rules, so it never classifies', async () => {
    const w = await startedWorker();
    expect(await w.handleMessage({ type: 'contentConfig', body: {} }, frame(7, EDITOR_URL))).toEqual({ systemId: 'demo-ehr', rules: [], signIn: false, frame: true });
    expect(await w.handleMessage({ type: 'contentConfig', body: {} }, frame(7, VIEWER_URL))).toEqual({ systemId: 'demo-ehr', rules: [], signIn: false, frame: true });
  });

  it("books typing in a same-origin editor frame under the top page's category", async () => {
    const w = await startedWorker();
    await w.handleMessage(announce(), top(7));
    // The frame says "admin_other" (it does not classify): the top page's category wins.
    expect(await w.handleMessage(report([0, 30], 'admin_other'), frame(7, EDITOR_URL))).toEqual({ accepted: true });
    expect(await cell('documentation')).toBe(30_000);
    expect(await cell('admin_other')).toBe(0);
  });

  it('counts reading in an embedded viewer of a granted origin, as the top page', async () => {
    const w = await startedWorker();
    await w.handleMessage(announce('results_review'), top(7));
    expect(await w.handleMessage(report([0, 20], 'admin_other'), frame(7, VIEWER_URL))).toEqual({ accepted: true });
    expect(await cell('results_review')).toBe(20_000);
  });

  it('two frames of one tab reporting the same seconds count them once', async () => {
    const w = await startedWorker();
    await w.handleMessage(report([0, 10]), top(7));
    await w.handleMessage(report([5, 20], 'admin_other'), frame(7, EDITOR_URL));
    await w.handleMessage(report([0, 20], 'admin_other'), frame(7, VIEWER_URL));
    expect(await cell('documentation')).toBe(20_000);
    expect(await (await f.ports.db()).count('spans')).toBe(1);
  });

  it('a frame follows the top page when its category changes', async () => {
    const w = await startedWorker();
    await w.handleMessage(report([0, 10]), top(7));
    await w.handleMessage(report([10, 11], 'results_review'), top(7));
    await w.handleMessage(report([11, 20], 'admin_other'), frame(7, VIEWER_URL));
    expect(await cell('documentation')).toBe(10_000);
    expect(await cell('results_review')).toBe(10_000);
  });

  it('counts nothing from a frame before its top page said what it is', async () => {
    const w = await startedWorker();
    expect(await w.handleMessage(report([0, 30], 'documentation'), frame(7, EDITOR_URL))).toEqual({ accepted: true });
    expect(await (await f.ports.db()).count('spans')).toBe(0);
  });

  it('a page load measured in a frame is refused: only the top page books waiting', async () => {
    const w = await startedWorker();
    await w.handleMessage(announce(), top(7));
    expect(await w.handleMessage(report([0, 3], 'waiting_for_system', { pageLoadMs: 3000 }), frame(7, EDITOR_URL))).toEqual({ accepted: false });
    expect(await cell('waiting_for_system')).toBe(0);
    // Claiming "waiting" without a load books the seconds as the top page's, not as waiting.
    await w.handleMessage(report([0, 3], 'waiting_for_system'), frame(7, EDITOR_URL));
    expect(await cell('waiting_for_system')).toBe(0);
    expect(await cell('documentation')).toBe(3000);
  });

  describe('forged frame reports are ignored and change nothing', () => {
    it.each([
      ['a frame of an origin not granted to the system', frame(7, UNGRANTED_URL)],
      ['a frame of the viewer host outside its viewer paths', frame(7, 'http://localhost:4322/admin/everything')],
      ['a frame whose tab shows no configured system', frame(7, EDITOR_URL, 'https://evil.example/')],
      ['a frame whose tab URL is not visible (not granted)', { id: EXTENSION_ID, url: EDITOR_URL, tab: { id: 7 }, frameId: 5 }],
      ['a frame inside another system\'s page claiming this one', frame(7, EDITOR_URL, 'https://other.nhs.uk/home')],
      ['another extension', { ...frame(7, EDITOR_URL), id: 'another-extension' }],
      ['a frame with no frame id', { id: EXTENSION_ID, url: EDITOR_URL, tab: { id: 7, url: TOP_URL } }],
      ['an inherited-origin frame of an origin not granted', frame(7, 'about:blank', TOP_URL, { origin: 'http://127.0.0.2:4323' })],
    ])('%s', async (_name, sender) => {
      const w = await startedWorker();
      await w.handleMessage(announce(), top(7));
      const before = await dumpEverything(f.ports);
      expect(await w.handleMessage({ type: 'contentConfig', body: {} }, sender)).toBeUndefined();
      expect(await w.handleMessage(report([0, 30]), sender)).toBeUndefined();
      expect(await dumpEverything(f.ports)).toBe(before);
    });

    it('a report naming another system than its tab\'s is refused', async () => {
      const w = await startedWorker();
      await w.handleMessage(announce(), top(7));
      expect(await w.handleMessage(report([0, 30], 'documentation', {}, 'other'), frame(7, EDITOR_URL))).toEqual({ accepted: false });
      expect(await (await f.ports.db()).count('spans')).toBe(0);
    });

    it('a frame in another, unattended tab books nothing, to that tab or this one', async () => {
      const w = await startedWorker();
      await w.handleMessage(announce(), top(7));
      await w.handleMessage(announce(), top(8));
      expect(await w.handleMessage(report([0, 30]), frame(8, EDITOR_URL))).toEqual({ accepted: true });
      expect(await (await f.ports.db()).count('spans')).toBe(0);
    });

    it("a frame cannot use another tab's category: tab 8's top page never reported", async () => {
      const w = await startedWorker();
      await w.handleMessage(announce('results_review'), top(7));
      f.world.focusedTabId = 8;
      await w.refreshAttention();
      f.world.nowMs += 30_000;
      expect(await w.handleMessage(report([40, 60]), frame(8, EDITOR_URL))).toEqual({ accepted: true });
      expect(await (await f.ports.db()).count('spans')).toBe(0);
    });
  });

  it('an editor written into an empty (about:blank or srcdoc) frame counts when its inherited origin is the system\'s', async () => {
    const w = await startedWorker();
    await w.handleMessage(announce(), top(7));
    expect(await w.handleMessage(report([0, 10]), frame(7, 'about:blank', TOP_URL, { origin: 'http://127.0.0.1:4321' }))).toEqual({ accepted: true });
    expect(await w.handleMessage(report([10, 20]), frame(7, 'about:srcdoc', TOP_URL, { origin: 'http://127.0.0.1:4321' }))).toEqual({ accepted: true });
    expect(await cell('documentation')).toBe(20_000);
  });

  it('stores no frame or top URL, title or patient detail: the canary is absent everywhere', async () => {
    const w = await startedWorker();
    await w.handleMessage(announce(), top(7));
    await w.handleMessage(report([0, 10]), frame(7, EDITOR_URL));
    await w.handleMessage(report([10, 20]), frame(7, VIEWER_URL));
    const dump = await dumpEverything(f.ports);
    expect(dump).toContain('demo-ehr');
    // (The settings hold the viewer's pattern, never a frame's path, port or query.)
    for (const needle of ['Canary', '9434765919', 'p-canary', 'localhost:4322', '127.0.0.1:4321', 'letter/editor', 'viewer/report', 'nhs=']) expect(dump).not.toContain(needle);
  });
});

describe('sender policy for frames', () => {
  const ctx = { extensionId: EXTENSION_ID, extensionPageOrigin: EXTENSION_ORIGIN, settings };

  it('accepts a frame only of an origin granted to its tab\'s top-level system, and names that system', () => {
    expect(senderAllowed('content-script', frame(7, EDITOR_URL), ctx)).toBe(true);
    expect(senderAllowed('content-script', frame(7, VIEWER_URL), ctx)).toBe(true);
    expect(frameSystem(settings, frame(7, VIEWER_URL))?.id).toBe('demo-ehr');
    expect(senderAllowed('content-script', frame(7, UNGRANTED_URL), ctx)).toBe(false);
    // The viewer host shown on its own, as a tab, is not a system page.
    expect(senderAllowed('content-script', top(7, VIEWER_URL), ctx)).toBe(false);
    // A frame of the system inside a page that is not the system's.
    expect(senderAllowed('content-script', frame(7, EDITOR_URL, 'https://evil.example/'), ctx)).toBe(false);
    // Frames never send extension-page messages.
    expect(senderAllowed('extension-page', frame(7, EDITOR_URL), ctx)).toBe(false);
  });

  it('judges an inherited-origin frame by the origin the browser says it has, or by the injection alone where it does not say', () => {
    expect(senderAllowed('content-script', frame(7, 'about:srcdoc', TOP_URL, { origin: 'http://127.0.0.1:4321' }), ctx)).toBe(true);
    expect(senderAllowed('content-script', frame(7, 'about:blank', TOP_URL, { origin: 'null' }), ctx)).toBe(false);
    expect(senderAllowed('content-script', frame(7, 'about:blank', TOP_URL), ctx)).toBe(true);
    expect(senderAllowed('content-script', frame(7, 'about:blank', 'https://evil.example/'), ctx)).toBe(false);
  });
});
