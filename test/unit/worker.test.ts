import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/background/worker.js';
import { SETTINGS_KEY, DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.js';
import { readRollup, readTracker } from '../../src/store/trackingStore.js';
import { dumpEverything, EXTENSION_ID, EXTENSION_ORIGIN, fakePorts } from '../support/fakePorts.js';

const T0 = Date.parse('2026-05-12T08:00:00Z');
const T0_SEC = T0 / 1000;
const CANARY_NAME = 'Canary Testpatient-Zzyzx';
const CANARY_NHS = '9434765919';
const DEMO_URL = `http://127.0.0.1:4321/patients/p-canary/notes?nhs=${CANARY_NHS}&name=Canary+Testpatient-Zzyzx`;

const demoSettings: Settings = {
  ...DEFAULT_SETTINGS,
  systems: [{ id: 'demo-ehr', name: 'Demo EHR', matches: ['http://127.0.0.1/*'], rules: [{ path: '*/notes*', category: 'documentation' }] }],
};

const tabSender = (tabId: number, url = DEMO_URL) => ({ id: EXTENSION_ID, url, tab: { id: tabId }, frameId: 0 });
const pageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html` };
const activity = (input: number[], attended = input, category = 'documentation') => ({
  type: 'activity',
  body: { systemId: 'demo-ehr', category, input: input.map((s) => T0_SEC + s), attended: attended.map((s) => T0_SEC + s) },
});

describe('service worker (fake browser, fake-indexeddb)', () => {
  let f: ReturnType<typeof fakePorts>;

  beforeEach(async () => {
    f = fakePorts(T0);
    f.reset();
    await f.storage.set({ [SETTINGS_KEY]: demoSettings });
  });
  afterEach(() => f.reset());

  async function startedWorker() {
    const w = createWorker(f.ports);
    await w.onStart();
    return w;
  }

  it('registers the content script only for systems whose origins were granted', async () => {
    await f.storage.set({
      [SETTINGS_KEY]: {
        ...demoSettings,
        systems: [...demoSettings.systems, { id: 'ers', name: 'e-RS', matches: ['https://*.ers.nhs.uk/*'], rules: [] }],
      },
    });
    await startedWorker();
    expect(f.world.registered).toEqual([{ id: 'system-demo-ehr', matches: ['http://127.0.0.1/*'] }]);
    expect(f.world.injected).toEqual([['http://127.0.0.1/*']]);
  });

  it('unregisters a removed system when settings change, and never registers twice', async () => {
    const w = await startedWorker();
    await w.onStart();
    expect(f.world.registered).toHaveLength(1);
    await f.storage.set({ [SETTINGS_KEY]: { ...demoSettings, systems: [] } });
    await w.onSettingsChanged();
    expect(f.world.registered).toEqual([]);
  });

  it('records activity from the attended tab and shows it in today\'s summary', async () => {
    f.world.focusedTabId = 7;
    const w = await startedWorker();
    f.world.nowMs = T0 + 10_000;
    expect(await w.handleMessage(activity([0, 10]), tabSender(7))).toEqual({ accepted: true });
    const today = (await w.handleMessage({ type: 'getToday', body: {} }, pageSender)) as { totalMs: number; nowTracking: unknown; bySystem: unknown };
    expect(today.totalMs).toBe(10_000);
    expect(today.nowTracking).toEqual({ systemId: 'demo-ehr', name: 'Demo EHR', category: 'documentation' });
    expect(today.bySystem).toEqual([{ systemId: 'demo-ehr', name: 'Demo EHR', ms: 10_000 }]);
  });

  it('survives being killed mid-activity: a fresh worker continues the same span', async () => {
    f.world.focusedTabId = 7;
    const first = await startedWorker();
    f.world.nowMs = T0 + 10_000;
    await first.handleMessage(activity([0, 10]), tabSender(7));
    // The browser kills the worker; a new one starts with empty globals for the next message.
    const second = createWorker(f.ports);
    f.world.nowMs = T0 + 20_000;
    await second.handleMessage(activity([10, 20]), tabSender(7));
    const db = await f.ports.db();
    expect(await db.count('spans')).toBe(1);
    expect((await readRollup(db, '2026-05-12'))!.cells['demo-ehr']!.documentation!.activeMs).toBe(20_000);
  });

  it('ignores messages from unexpected senders and changes nothing', async () => {
    f.world.focusedTabId = 7;
    const w = await startedWorker();
    f.world.nowMs = T0 + 10_000;
    const before = await dumpEverything(f.ports);
    const senders = [
      { ...tabSender(7), id: 'another-extension' },
      tabSender(7, 'https://evil.example/notes'),
      { ...tabSender(7), frameId: 3 },
      { id: EXTENSION_ID, url: DEMO_URL },
      pageSender,
      {},
    ];
    for (const sender of senders) expect(await w.handleMessage(activity([0, 10]), sender)).toBeUndefined();
    // Extension-page messages from a content script are refused too.
    expect(await w.handleMessage({ type: 'setPaused', body: { paused: true } }, tabSender(7))).toBeUndefined();
    expect(await dumpEverything(f.ports)).toBe(before);
  });

  it.each([
    ['an unknown message type', { type: 'deleteEverything', body: {} }],
    ['no body', { type: 'activity' }],
    ['another system\'s id', { type: 'activity', body: { ...activity([0, 1]).body, systemId: 'other' } }],
    ['an unknown category', activity([0, 1], [0, 1], 'gossip')],
    ['malformed runs', { type: 'activity', body: { ...activity([0, 1]).body, input: [5, 1] } }],
    ['evidence from the future', activity([3600, 3700])],
  ])('refuses a report with %s and stores nothing', async (_name, message) => {
    f.world.focusedTabId = 7;
    const w = await startedWorker();
    f.world.nowMs = T0 + 10_000;
    const answer = await w.handleMessage(message, tabSender(7));
    expect(answer === undefined || (answer as { accepted: boolean }).accepted === false).toBe(true);
    expect(await (await f.ports.db()).count('spans')).toBe(0);
  });

  it('pausing stops tracking until resumed', async () => {
    f.world.focusedTabId = 7;
    const w = await startedWorker();
    f.world.nowMs = T0 + 10_000;
    await w.handleMessage(activity([0, 10]), tabSender(7));
    const paused = (await w.handleMessage({ type: 'setPaused', body: { paused: true } }, pageSender)) as { paused: boolean };
    expect(paused.paused).toBe(true);
    f.world.nowMs = T0 + 20_000;
    expect(await w.handleMessage(activity([10, 20]), tabSender(7))).toEqual({ accepted: false });
    await w.handleMessage({ type: 'setPaused', body: { paused: false } }, pageSender);
    f.world.nowMs = T0 + 30_000;
    await w.handleMessage(activity([20, 30]), tabSender(7));
    const today = (await w.handleMessage({ type: 'getToday', body: {} }, pageSender)) as { totalMs: number };
    expect(today.totalMs).toBe(20_000);
  });

  it('idle and lock from the injected idle source stop time', async () => {
    f.world.focusedTabId = 7;
    const w = await startedWorker();
    f.world.nowMs = T0 + 10_000;
    await w.handleMessage(activity([0, 10]), tabSender(7));
    await w.onIdleStateChanged('locked');
    f.world.nowMs = T0 + 60_000;
    await w.handleMessage(activity([10, 60]), tabSender(7));
    expect((await readTracker(await f.ports.db())).os).toBe('locked');
    const today = (await w.handleMessage({ type: 'getToday', body: {} }, pageSender)) as { totalMs: number };
    expect(today.totalMs).toBe(10_000);
  });

  it('rebuilds the rollups when the clinician changes the inactivity threshold', async () => {
    f.world.focusedTabId = 7;
    const w = await startedWorker();
    f.world.nowMs = T0 + 200_000;
    await w.handleMessage(activity([0, 10, 100, 110], [0, 110]), tabSender(7));
    const get = async () => ((await w.handleMessage({ type: 'getToday', body: {} }, pageSender)) as { totalMs: number }).totalMs;
    expect(await get()).toBe(80_000); // 10 + 60 s reading + 10
    await f.storage.set({ [SETTINGS_KEY]: { ...demoSettings, inactivityThresholdSec: 120, readingAllowanceSec: 0 } });
    await w.onSettingsChanged();
    expect(await get()).toBe(110_000); // the 90-s gap is now bridged
  });

  it('stores no URL, title, query or patient detail: the canary is absent everywhere', async () => {
    f.world.focusedTabId = 7;
    const w = await startedWorker();
    f.world.nowMs = T0 + 10_000;
    await w.handleMessage(activity([0, 10]), tabSender(7));
    await w.handleMessage({ type: 'getToday', body: {} }, pageSender);
    const dump = await dumpEverything(f.ports);
    expect(dump).toContain('demo-ehr');
    for (const needle of [CANARY_NAME, 'Canary', CANARY_NHS, '943 476 5919', 'p-canary', '127.0.0.1:4321', 'notes?']) expect(dump).not.toContain(needle);
  });
});
