import { unwrap } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/background/worker.js';
import { classifyPage } from '../../src/core/classificationRules.js';
import { GENERIC_PRIORITY_SHIFT, GENERIC_RULES } from '../../src/core/presets.js';
import { SETTINGS_KEY, DEFAULT_SETTINGS, type ClinicalSystem, type Settings } from '../../src/core/settings.js';
import type { ContentEnvelope } from '../../src/protocol.js';
import { readRollup, readTracker } from '../../src/store/trackingStore.js';
import { dumpEverything, EXTENSION_ID, EXTENSION_ORIGIN, fakePorts } from '../support/fakePorts.js';

const T0 = Date.parse('2026-05-12T08:00:00Z');
const T0_SEC = T0 / 1000;
const CANARY_NAME = 'Canary Testpatient-Zzyzx';
const CANARY_NHS = '9434765919';
const DEMO_URL = `http://127.0.0.1:4321/patients/p-canary/notes?nhs=${CANARY_NHS}&name=Canary+Testpatient-Zzyzx`;

const demoSettings: Settings = {
  ...DEFAULT_SETTINGS,
  systems: [
    {
      id: 'demo-ehr',
      name: 'Demo EHR',
      matches: ['http://127.0.0.1/*'],
      rules: [{ path: '*/notes*', category: 'documentation', priority: 0 }],
      useGenericRules: false,
      signInPatterns: [],
    },
  ],
};
const ERS: ClinicalSystem = { id: 'ers', name: 'e-RS', matches: ['https://*.ers.nhs.uk/*'], rules: [], useGenericRules: true, signInPatterns: [] };

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
        systems: [...demoSettings.systems, ERS],
      },
    });
    await startedWorker();
    expect(f.world.registered).toEqual([{ id: 'system-demo-ehr', matches: ['http://127.0.0.1/*'], allFrames: true, matchOriginAsFallback: true }]);
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

  it('keeps the settings it read until a change is reported, and reads them afresh after one', async () => {
    const w = await startedWorker();
    const reads = () => f.world.settingsReads;
    const before = reads();
    await w.handleMessage({ type: 'getToday', body: {} }, pageSender);
    await w.handleMessage({ type: 'getToday', body: {} }, pageSender);
    expect(reads()).toBe(before);
    await f.storage.set({ [SETTINGS_KEY]: { ...demoSettings, paused: true } });
    await w.onSettingsChanged();
    expect(reads()).toBe(before + 1);
    expect(((await w.handleMessage({ type: 'getToday', body: {} }, pageSender)) as { paused: boolean }).paused).toBe(true);
    // The worker's own write (pause from the popup) is seen at once, before storage reports it.
    await w.handleMessage({ type: 'setPaused', body: { paused: false } }, pageSender);
    expect(((await w.handleMessage({ type: 'getToday', body: {} }, pageSender)) as { paused: boolean }).paused).toBe(false);
    // A fresh worker (the browser killed the last one) reads them again.
    const fresh = createWorker(f.ports);
    const n = reads();
    await fresh.handleMessage({ type: 'getToday', body: {} }, pageSender);
    expect(reads()).toBe(n + 1);
  });

  it('answers getToday from one readonly transaction, timer and open span included', async () => {
    f.world.focusedTabId = 7;
    const w = await startedWorker();
    f.world.nowMs = T0 + 10_000;
    await w.handleMessage(activity([0, 10]), tabSender(7));
    const raw = unwrap(await f.ports.db());
    const opened: Array<{ stores: string[]; mode: string | undefined }> = [];
    const transaction = raw.transaction.bind(raw);
    raw.transaction = ((stores: string | string[], mode?: IDBTransactionMode) => {
      opened.push({ stores: [stores].flat(), mode });
      return transaction(stores, mode);
    }) as typeof raw.transaction;
    try {
      const today = (await w.handleMessage({ type: 'getToday', body: {} }, pageSender)) as { totalMs: number; nowTracking: unknown; timer: unknown };
      expect(today.totalMs).toBe(10_000);
      expect(today.nowTracking).toEqual({ systemId: 'demo-ehr', name: 'Demo EHR', category: 'documentation' });
      expect(today.timer).toBeNull();
    } finally {
      raw.transaction = transaction;
    }
    expect(opened).toEqual([{ stores: ['rollups', 'meta', 'spans'], mode: 'readonly' }]);
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

  it('the second of a tab switch counts once: the left tab\'s report, arriving first, gives it back', async () => {
    f.world.focusedTabId = 7;
    const w = await startedWorker();
    f.world.nowMs = T0 + 10_000;
    // Tab 7 loses attention during second 10 and reports through it; then the switch is seen.
    await w.handleMessage(activity([0, 11]), tabSender(7));
    f.world.focusedTabId = 8;
    await w.refreshAttention();
    f.world.nowMs = T0 + 20_000;
    await w.handleMessage(activity([10, 20], [10, 20], 'documentation'), tabSender(8));
    const today = (await w.handleMessage({ type: 'getToday', body: {} }, pageSender)) as { totalMs: number };
    expect(today.totalMs).toBe(20_000);
    const db = await f.ports.db();
    expect((await readRollup(db, '2026-05-12'))!.cells['demo-ehr']!.documentation!.activeMs).toBe(20_000);
  });

  it('answers numbered activity reports on the port once committed, and ignores anything else sent there', async () => {
    f.world.focusedTabId = 7;
    const w = await startedWorker();
    f.world.nowMs = T0 + 10_000;
    expect(await w.handlePortReport({ seq: 3, ...activity([0, 10]) }, tabSender(7))).toEqual({ seq: 3, answer: { accepted: true } });
    expect(await w.handlePortReport(activity([10, 11]), tabSender(7))).toBeUndefined();
    expect(await w.handlePortReport({ seq: 4, type: 'getToday', body: {} }, tabSender(7))).toBeUndefined();
    expect(await w.handlePortReport({ seq: 5, type: 'getToday', body: {} }, pageSender)).toBeUndefined();
    expect(await w.handlePortReport({ seq: 6, ...activity([10, 11]) }, pageSender)).toBeUndefined();
    const today = (await w.handleMessage({ type: 'getToday', body: {} }, pageSender)) as { totalMs: number };
    expect(today.totalMs).toBe(10_000);
  });

  it('a settings change is seen even while an older settings read is still in flight (the first policy read is slow)', async () => {
    let releasePolicy!: () => void;
    const slowPolicy = new Promise<unknown>((resolve) => (releasePolicy = () => resolve({})));
    const loadPolicy = f.ports.loadPolicy;
    let reads = 0;
    f.ports.loadPolicy = () => (++reads === 1 ? slowPolicy : loadPolicy());
    await f.storage.set({ [SETTINGS_KEY]: { ...demoSettings, systems: [] } });
    const w = createWorker(f.ports);
    const started = w.onStart();
    await f.storage.set({ [SETTINGS_KEY]: demoSettings });
    const changed = w.onSettingsChanged();
    releasePolicy();
    await Promise.all([started, changed]);
    expect(f.world.registered.map((r) => r.id)).toEqual(['system-demo-ehr']);
  });

  it('a burst from many tabs is written in few transactions, every report answered after its commit, the same as one by one', async () => {
    const messages = Array.from({ length: 200 }, (_, k) => ({ tabId: 7 + (k % 20), sec: k % 60 }));
    async function run(concurrent: boolean) {
      f = fakePorts(T0);
      f.reset();
      await f.storage.set({ [SETTINGS_KEY]: demoSettings });
      f.world.focusedTabId = 7;
      const w = await startedWorker();
      f.world.nowMs = T0 + 60_000;
      const proto = IDBDatabase.prototype;
      const original = proto.transaction;
      let writes = 0;
      proto.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
        if (args[1] === 'readwrite') writes++;
        return original.apply(this, args);
      } as IDBDatabase['transaction'];
      try {
        const send = (m: (typeof messages)[number]) => w.handleMessage(activity([m.sec, m.sec + 1]), tabSender(m.tabId));
        const answers = concurrent ? await Promise.all(messages.map(send)) : await (async () => {
          const out = [];
          for (const m of messages) out.push(await send(m));
          return out;
        })();
        const today = (await w.handleMessage({ type: 'getToday', body: {} }, pageSender)) as { totalMs: number };
        return { answers, writes, totalMs: today.totalMs, dump: await dumpEverything(f.ports) };
      } finally {
        proto.transaction = original;
      }
    }
    const oneByOne = await run(false);
    const burst = await run(true);
    expect(burst.answers).toEqual(messages.map(() => ({ accepted: true })));
    expect(oneByOne.writes).toBeGreaterThanOrEqual(messages.length);
    expect(burst.writes).toBeLessThan(10);
    // Only tab 7 is attended (its reports hold seconds 0, 20 and 40): the others are clipped, in both runs alike.
    expect(burst.totalMs).toBe(oneByOne.totalMs);
    expect(burst.totalMs).toBeGreaterThan(0);
    expect(burst.dump).toBe(oneByOne.dump);
  });

  it('a burst reads only the spans its reports reach, each once per transaction', async () => {
    // Twenty tabs each had attention in turn (so each has a period and a span), then all report at once:
    // most reports are clipped to nothing (their tab's attention ended), so they read no span at all,
    // and the attended tab's reports read its span once, not one round trip each.
    f.world.focusedTabId = 7;
    const w = await startedWorker();
    for (let k = 0; k < 20; k++) {
      f.world.focusedTabId = 7 + k;
      f.world.nowMs = T0 + 10_000 + k * 2000;
      await w.refreshAttention();
      const sec = 10 + k * 2;
      await w.handleMessage(activity([sec, sec + 1]), tabSender(7 + k));
    }
    f.world.nowMs = T0 + 60_000;
    const proto = IDBObjectStore.prototype;
    const original = proto.get;
    const reads = new Map<string, number>();
    proto.get = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      if (this.name === 'spans') reads.set(String(key), (reads.get(String(key)) ?? 0) + 1);
      return original.call(this, key);
    } as IDBObjectStore['get'];
    let answers: unknown[];
    try {
      answers = await Promise.all(Array.from({ length: 400 }, (_, k) => w.handleMessage(activity([50 + (k % 5), 51 + (k % 5)]), tabSender(7 + (k % 20)))));
    } finally {
      proto.get = original;
    }
    expect(answers).toEqual(answers.map(() => ({ accepted: true })));
    // Only the attended tab's (the last focused) span: the other nineteen tabs' spans are never read.
    expect([...reads.keys()]).toHaveLength(1);
    // Batches: the first report's alone, then the rest together; each span read at most once in each.
    expect(Math.max(...reads.values())).toBeLessThanOrEqual(2);
  });

  it('a report of seconds already recorded writes nothing but the tracker state, and reads no manual claims', async () => {
    f.world.focusedTabId = 7;
    const w = await startedWorker();
    f.world.nowMs = T0 + 10_000;
    await w.handleMessage(activity([0, 5]), tabSender(7));
    const before = JSON.parse(await dumpEverything(f.ports));
    const proto = IDBObjectStore.prototype;
    const original = proto.put;
    const puts: string[] = [];
    proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      puts.push(this.name);
      return original.apply(this, args);
    } as IDBObjectStore['put'];
    const indexGetAll = IDBIndex.prototype.getAll;
    let claimReads = 0;
    IDBIndex.prototype.getAll = function (this: IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
      claimReads++;
      return indexGetAll.apply(this, args);
    } as IDBIndex['getAll'];
    try {
      // The same seconds again, as a frame and its page, or a resent report, would send them.
      expect(await w.handleMessage(activity([0, 5]), tabSender(7))).toEqual({ accepted: true });
      expect(await w.handleMessage(activity([2, 4]), tabSender(7))).toEqual({ accepted: true });
    } finally {
      proto.put = original;
      IDBIndex.prototype.getAll = indexGetAll;
    }
    expect(puts).toEqual(['meta', 'meta']);
    expect(claimReads).toBe(0);
    const after = JSON.parse(await dumpEverything(f.ports));
    for (const store of ['spans', 'rollups', 'events']) expect(after[store], store).toEqual(before[store]);
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

  describe('classification config and sign-in pages', () => {
    const SSO_URL = 'https://sso.example-trust.nhs.uk/adfs/ls?client=ehr&user=someone';
    const withSignIn = (granted: string[] = ['https://sso.example-trust.nhs.uk/*']): Settings => {
      for (const o of granted) f.world.granted.add(o);
      return { ...demoSettings, systems: [{ ...demoSettings.systems[0]!, signInPatterns: ['https://sso.example-trust.nhs.uk/*'] }] };
    };

    it("answers contentConfig with the system's rules, and the generic rules below them when enabled", async () => {
      const w = await startedWorker();
      expect(await w.handleMessage({ type: 'contentConfig', body: {} }, tabSender(7))).toEqual({
        systemId: 'demo-ehr',
        rules: [{ path: '*/notes*', category: 'documentation', priority: 0 }],
        signIn: false,
      });
      await f.storage.set({ [SETTINGS_KEY]: { ...demoSettings, systems: [{ ...demoSettings.systems[0]!, useGenericRules: true }] } });
      await w.onSettingsChanged(); // as storage.onChanged would (background/main.ts)
      const config = (await w.handleMessage({ type: 'contentConfig', body: {} }, tabSender(7))) as { rules: unknown[]; signIn: boolean };
      expect(config.rules).toHaveLength(1 + GENERIC_RULES.length);
      expect(config.rules[1]).toEqual({ ...GENERIC_RULES[0], priority: GENERIC_RULES[0]!.priority + GENERIC_PRIORITY_SHIFT });
    });

    it('answers signIn: true on a sign-in page of the system, and accepts its login time', async () => {
      await f.storage.set({ [SETTINGS_KEY]: withSignIn() });
      f.world.focusedTabId = 7;
      const w = await startedWorker();
      expect(await w.handleMessage({ type: 'contentConfig', body: {} }, tabSender(7, SSO_URL))).toEqual({
        systemId: 'demo-ehr',
        rules: [{ path: '*/notes*', category: 'documentation', priority: 0 }],
        signIn: true,
      });
      f.world.nowMs = T0 + 10_000;
      expect(await w.handleMessage(activity([0, 10], [0, 10], 'login_auth'), tabSender(7, SSO_URL))).toEqual({ accepted: true });
      const db = await f.ports.db();
      expect((await readRollup(db, '2026-05-12'))!.cells['demo-ehr']!.login_auth!.activeMs).toBe(10_000);
      // The sign-in page's URL is used in memory only (the settings hold its pattern, never the page's path or query).
      const dump = await dumpEverything(f.ports);
      for (const needle of ['/adfs', 'client=ehr', 'someone']) expect(dump).not.toContain(needle);
    });

    it('a sign-in pattern inside the system\'s own pages still marks them as sign-in pages', async () => {
      await f.storage.set({ [SETTINGS_KEY]: { ...demoSettings, systems: [{ ...demoSettings.systems[0]!, signInPatterns: ['http://127.0.0.1/login*'] }] } });
      const w = await startedWorker();
      const config = (u: string) => w.handleMessage({ type: 'contentConfig', body: {} }, tabSender(7, u)) as Promise<{ signIn: boolean }>;
      expect((await config('http://127.0.0.1:4321/login')).signIn).toBe(true);
      expect((await config('http://127.0.0.1:4321/inbox')).signIn).toBe(false);
    });

    it('registers the content script for sign-in pages too, only once their origin is granted', async () => {
      await f.storage.set({ [SETTINGS_KEY]: withSignIn([]) });
      const w = await startedWorker();
      expect(f.world.registered).toEqual([]);
      f.world.granted.add('https://sso.example-trust.nhs.uk/*');
      await w.onSettingsChanged();
      expect(f.world.registered).toEqual([{ id: 'system-demo-ehr', matches: ['http://127.0.0.1/*', 'https://sso.example-trust.nhs.uk/*'], allFrames: true, matchOriginAsFallback: true }]);
      expect(f.world.injected.at(-1)).toEqual(['http://127.0.0.1/*', 'https://sso.example-trust.nhs.uk/*']);
    });

    it('ignores a sign-in host that belongs to no system', async () => {
      const w = await startedWorker();
      expect(await w.handleMessage({ type: 'contentConfig', body: {} }, tabSender(7, SSO_URL))).toBeUndefined();
    });
  });

  describe('previewRules', () => {
    const NOTES_RULE = { path: '*/notes*', category: 'documentation', priority: 0 } as const;
    const preview = (body: Record<string, unknown>, sender: object = pageSender) =>
      w.handleMessage({ type: 'previewRules', body: { systemId: 'demo-ehr', rules: [NOTES_RULE], useGenericRules: false, ...body } }, sender);
    /** A content script that evaluates the rules it is sent, against a page with this path. */
    const pageAt = (pathname: string) => (message: ContentEnvelope) =>
      classifyPage(message.body.rules, { pathname, title: 'Canary Testpatient-Zzyzx – Notes', hasElement: () => false });
    let w: Awaited<ReturnType<typeof startedWorker>>;

    /** Attend tabs in turn, a second apart, so the ledger lists them oldest first. */
    async function attend(...tabIds: number[]) {
      for (const id of tabIds) {
        f.world.focusedTabId = id;
        f.world.nowMs += 1000;
        await w.refreshAttention();
      }
    }

    beforeEach(async () => {
      w = await startedWorker();
    });

    it('asks the most recently attended open tab of the system, and answers only the category and rule', async () => {
      f.world.tabs.set(7, { url: 'http://127.0.0.1:4321/inbox', answer: pageAt('/inbox') });
      f.world.tabs.set(8, { url: 'https://news.example/', answer: pageAt('/') });
      f.world.tabs.set(9, { url: DEMO_URL, answer: pageAt('/patients/p-canary/notes') });
      f.world.tabs.set(10, { url: `${EXTENSION_ORIGIN}dashboard.html` });
      await attend(7, 9, 8, 10);
      const answer = await preview({});
      expect(answer).toEqual({ status: 'ok', category: 'documentation', rule: { list: 'system', index: 0 } });
      expect(f.world.sentToTabs).toEqual([{ tabId: 9, message: { type: 'evaluateRules', body: { systemId: 'demo-ehr', rules: [NOTES_RULE] } } }]);
      for (const needle of ['Canary', '127.0.0.1', 'notes?', 'p-canary']) expect(JSON.stringify(answer)).not.toContain(needle);
    });

    it('sends the unsaved rules with the generic rules below them, and names a generic match', async () => {
      f.world.tabs.set(7, { url: 'http://127.0.0.1:4321/inbox', answer: pageAt('/inbox') });
      await attend(7);
      const answer = await preview({ rules: [], useGenericRules: true });
      const inboxRule = GENERIC_RULES.findIndex((r) => r.path === '*inbox*');
      expect(answer).toEqual({ status: 'ok', category: 'inbox_messaging', rule: { list: 'generic', index: inboxRule } });
      expect((f.world.sentToTabs[0]!.message.body.rules as unknown[]).length).toBe(GENERIC_RULES.length);
    });

    it('reports no match as the default category with no rule', async () => {
      f.world.tabs.set(7, { url: 'http://127.0.0.1:4321/home', answer: pageAt('/home') });
      await attend(7);
      expect(await preview({})).toEqual({ status: 'ok', category: 'admin_other', rule: null });
    });

    it('skips closed tabs, tabs of other sites and tabs that do not answer (or answer nonsense)', async () => {
      f.world.tabs.set(7, { url: 'http://127.0.0.1:4321/patients/p1/notes', answer: pageAt('/patients/p1/notes') });
      f.world.tabs.set(8, { url: 'http://127.0.0.1:4321/patients/p2/notes' }); // no content script
      f.world.tabs.set(9, { url: 'http://127.0.0.1:4321/inbox', answer: () => ({ category: 'referrals', ruleIndex: 0 }) }); // inconsistent
      await attend(7, 8, 9, 11); // 11 was closed
      expect(await preview({})).toEqual({ status: 'ok', category: 'documentation', rule: { list: 'system', index: 0 } });
      expect(f.world.sentToTabs.map((m) => m.tabId)).toEqual([9, 8, 7]);
    });

    it('says when no tab of the system is open', async () => {
      f.world.tabs.set(8, { url: 'https://news.example/', answer: pageAt('/') });
      await attend(8);
      expect(await preview({})).toEqual({ status: 'noTab' });
      expect(f.world.sentToTabs).toEqual([]);
    });

    it('answers signIn for a sign-in page without asking it', async () => {
      await f.storage.set({ [SETTINGS_KEY]: { ...demoSettings, systems: [{ ...demoSettings.systems[0]!, signInPatterns: ['http://127.0.0.1/login*'] }] } });
      await w.onSettingsChanged(); // as storage.onChanged would (background/main.ts)
      f.world.tabs.set(7, { url: 'http://127.0.0.1:4321/login', answer: pageAt('/login') });
      await attend(7);
      expect(await preview({})).toEqual({ status: 'signIn' });
      expect(f.world.sentToTabs).toEqual([]);
    });

    it('refuses invalid rules with their messages, and an unknown system', async () => {
      const bad = await preview({ rules: [{ path: '/x?nhs=1', category: 'documentation', priority: 0 }] });
      expect(bad).toEqual({ status: 'invalid', errors: [expect.stringContaining('Rule 1: "path" matches the path only')] });
      expect(await preview({ useGenericRules: 'yes' })).toEqual({ status: 'invalid', errors: ['"useGenericRules" must be true or false.'] });
      expect(await preview({ systemId: 'not-saved' })).toEqual({ status: 'unknownSystem' });
      expect(f.world.sentToTabs).toEqual([]);
    });

    it('ignores previewRules from a content script, another extension or a web page, and changes nothing', async () => {
      f.world.tabs.set(7, { url: DEMO_URL, answer: pageAt('/patients/p-canary/notes') });
      await attend(7);
      const before = await dumpEverything(f.ports);
      for (const sender of [tabSender(7), { ...pageSender, id: 'another-extension' }, { id: EXTENSION_ID, url: 'https://evil.example/' }, {}])
        expect(await preview({}, sender)).toBeUndefined();
      expect(f.world.sentToTabs).toEqual([]);
      expect(await dumpEverything(f.ports)).toBe(before);
    });
  });
});
