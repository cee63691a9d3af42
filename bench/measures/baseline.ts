/**
 * Bench baseline: Timeback against a naive model of the common peer design
 * (bench/naivePeer.ts: a one-second service-worker tick that rewrites the
 * whole day record), on the same scenario and data.
 *
 * Scenario: one working day of the synthetic clinician (syntheticHistory; the
 * working day of median attended time in a fortnight), smoke: its first hour.
 * Both sides run in this process on fake-indexeddb with a simulated clock (no
 * real waiting) and see the same pages in the same tabs:
 *
 * - Timeback: the real worker (createWorker) on bench ports, with the
 *   synthetic systems configured. Each bout's evidence arrives as
 *   content-script `activity` messages of at most 10 s each (the sensor sends
 *   at most one report per 10 s while active), the clock at each report's
 *   end; focus changes go through refreshAttention; the OS idle state goes
 *   "idle" IDLE_DETECTION_SEC after the last input when the next input is
 *   later than that, and "active" again when it comes.
 * - Naive: a tick every second from the day's first bout to a minute after
 *   its last input; a tick on a tracked page with input in the last 60 s
 *   (chrome.idle's usual threshold) reads the day record, adds the second and
 *   puts the record back in one readwrite transaction.
 *
 * Counted for each side: IndexedDB readwrite transactions (a wrapper on
 * fake-indexeddb's IDBDatabase.prototype.transaction), bytes written (the V8
 * serialisation of every value put or added: IDBObjectStore.prototype.put and
 * add; keys and indexes not counted) and CPU time (process.cpuUsage, user +
 * system, over the scenario, median of opts.runs runs made with no byte
 * counting). All three are divided by the scenario's active hours: Timeback's
 * headline active time for the day, the same divisor for both sides.
 */
import 'fake-indexeddb/auto';
import { IDBDatabase as FakeIDBDatabase, IDBObjectStore as FakeIDBObjectStore, indexedDB as fakeIndexedDB } from 'fake-indexeddb';
import v8 from 'node:v8';
import { IDLE_DETECTION_SEC } from '../../src/background/idleDetection.js';
import type { WorkerPorts, ContentScriptRegistration } from '../../src/background/ports.js';
import { createWorker } from '../../src/background/worker.js';
import type { OsState } from '../../src/core/attention.js';
import { rollupTotalMs } from '../../src/core/dayRollup.js';
import { clipRuns } from '../../src/core/runs.js';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../src/core/settings.js';
import type { TaskCategory } from '../../src/core/taskCategory.js';
import { openTimebackDb, type TimebackDb } from '../../src/store/db.js';
import { readRollup } from '../../src/store/trackingStore.js';
import { median, type BaselineRow, type BenchOptions } from '../measurement.js';
import { createNaivePeer, NAIVE_IDLE_SEC, openNaiveDb, readNaiveDay, type NaivePage } from '../naivePeer.js';
import { seededRandom, SYNTHETIC_DESKTOP_SYSTEM, SYNTHETIC_SCHEDULE, SYNTHETIC_SYSTEMS, syntheticHistory, type SyntheticBout } from '../syntheticHistory.js';

/** For docs/performance.md. */
export const BASELINE_MEASURE = {
  id: 'baseline',
  label: 'Timeback against a naive peer design (one-second tick rewriting the day record)',
  description:
    'One synthetic working day (smoke: its first hour), the same pages in the same tabs for both. Timeback: the real worker fed ' +
    'content-script reports of ≤ 10 s, focus and idle changes. Naive peer: every second with input in the last 60 s on a tracked ' +
    'page, read the whole day record (per-system/category seconds plus a per-visit log with URL and title placeholders), add the ' +
    'second, put it back (one readwrite transaction). Both on fake-indexeddb with a simulated clock. Per active hour (Timeback\'s ' +
    'headline active time of the scenario): IndexedDB readwrite transactions, bytes written (V8 serialisation of every value put), ' +
    'CPU ms (process.cpuUsage, median of runs); ratio = naive ÷ Timeback.',
} as const;

// ---------------------------------------------------------------------------
// Counting IndexedDB writes

export interface IdbMeter {
  /** Readwrite transactions opened. */
  readwrite: number;
  /** Values put or added. */
  puts: number;
  /** V8-serialised bytes of those values (only while `measureBytes`). */
  bytes: number;
  /** The same per object store. */
  bytesByStore: Record<string, number>;
  measureBytes: boolean;
}

/**
 * Count readwrite transactions and bytes put on fake-indexeddb (every
 * database in this process). `uninstall` restores the prototypes.
 */
export function installIdbMeter(): { meter: IdbMeter; uninstall: () => void } {
  const meter: IdbMeter = { readwrite: 0, puts: 0, bytes: 0, bytesByStore: {}, measureBytes: true };
  const dbProto = FakeIDBDatabase.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const storeProto = FakeIDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const transaction = dbProto.transaction!;
  const put = storeProto.put!;
  const add = storeProto.add!;
  dbProto.transaction = function (this: unknown, ...args: unknown[]) {
    if (args[1] === 'readwrite') meter.readwrite++;
    return transaction.apply(this, args);
  };
  const counted = (original: (...args: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      meter.puts++;
      if (meter.measureBytes) {
        const bytes = v8.serialize(args[0]).length;
        const store = String((this as { name?: unknown }).name);
        meter.bytes += bytes;
        meter.bytesByStore[store] = (meter.bytesByStore[store] ?? 0) + bytes;
      }
      return original.apply(this, args);
    };
  storeProto.put = counted(put);
  storeProto.add = counted(add);
  return {
    meter,
    uninstall() {
      dbProto.transaction = transaction;
      storeProto.put = put;
      storeProto.add = add;
    },
  };
}

// ---------------------------------------------------------------------------
// The scenario

const HOSTS: Record<string, string> = Object.fromEntries(SYNTHETIC_SYSTEMS.map((s) => [s.id, `${s.id}.trust.example`]));
const NAMES: Record<string, string> = Object.fromEntries(SYNTHETIC_SYSTEMS.map((s) => [s.id, s.name]));

/** The synthetic clinician's systems as settings: each on its own host, so a tab's URL names its system. */
export function benchSettings(): Settings {
  const raw: Settings = {
    ...DEFAULT_SETTINGS,
    systems: SYNTHETIC_SYSTEMS.map((s) => ({ id: s.id, name: s.name, matches: [`https://${HOSTS[s.id]}/*`], rules: [], useGenericRules: true, signInPatterns: [] })),
    desktopSystems: [{ ...SYNTHETIC_DESKTOP_SYSTEM }],
    schedule: SYNTHETIC_SCHEDULE,
  };
  const parsed = parseSettings(raw);
  if (!parsed.ok) throw new Error(`bench settings are invalid: ${parsed.errors.join(' ')}`);
  return parsed.settings;
}

export interface Scenario {
  date: string;
  bouts: SyntheticBout[];
  /** The page each bout is on, as the naive peer reads it (and the URL Timeback's sender carries). */
  pages: NaivePage[];
}

const attendedSec = (b: SyntheticBout) => {
  let t = 0;
  for (let i = 0; i < b.attended.length; i += 2) t += b.attended[i + 1]! - b.attended[i]!;
  return t;
};

/** The working day of median attended time in a fortnight of the synthetic history; smoke: its first hour. */
export function scenario(opts: Pick<BenchOptions, 'smoke' | 'timeZone'>): Scenario {
  const days = syntheticHistory({ lastDate: '2026-05-15', days: 14, timeZone: opts.timeZone });
  const working = days.filter((d) => d.bouts.length > 0).map((d) => ({ d, sec: d.bouts.reduce((t, b) => t + attendedSec(b), 0) }));
  working.sort((a, b) => a.sec - b.sec);
  const day = working[Math.floor((working.length - 1) / 2)]!.d;
  let bouts = day.bouts.filter((b) => b.attended.length > 0);
  if (opts.smoke) {
    const start = bouts[0]!.attended[0]!;
    bouts = bouts.filter((b) => b.attended[0]! < start + 3600);
  }
  return { date: day.date, bouts, pages: pagesFor(bouts) };
}

const CATEGORY_TITLES: Partial<Record<TaskCategory, string>> = {
  documentation: 'Clinical note',
  chart_review: 'Patient summary',
  orders_prescribing: 'Medication chart',
  patient_search: 'Find a patient',
  results_review: 'Results',
  inbox_messaging: 'Inbox',
  scheduling: 'Calendar',
  referrals: 'Referral worklist',
  admin_other: 'Administration',
  login_auth: 'Sign in',
  waiting_for_system: 'Loading',
};

/**
 * Placeholder pages: the URL and title lengths and shapes of a clinical
 * system's pages (host, patient and encounter segments, query string; a title
 * with page, patient label and system), built from random hex tokens. Made
 * up: no real patient data and no real addresses. A page load shares the page
 * it loads (the bout after it in the same tab).
 */
export function pagesFor(bouts: readonly SyntheticBout[]): NaivePage[] {
  const random = seededRandom(7);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const pages: NaivePage[] = new Array(bouts.length);
  for (let i = bouts.length - 1; i >= 0; i--) {
    const b = bouts[i]!;
    const next = bouts[i + 1];
    if (b.category === 'waiting_for_system' && next && next.tabId === b.tabId && pages[i + 1]) {
      pages[i] = { ...pages[i + 1]!, category: b.category };
      continue;
    }
    const host = HOSTS[b.systemId]!;
    const slug = b.category.replace(/_/g, '-');
    const url =
      b.category === 'login_auth'
        ? `https://${host}/auth/realms/trust/protocol/openid-connect/auth?client_id=${b.systemId}-web&response_type=code&state=${hex(32)}&redirect_uri=%2Fhome`
        : `https://${host}/clinical/patients/${hex(12)}/encounters/${hex(12)}/${slug}?view=full&panel=${Math.floor(random() * 9)}&ts=${hex(12)}`;
    const title = b.category === 'login_auth' ? `Sign in to ${NAMES[b.systemId]}` : `${CATEGORY_TITLES[b.category] ?? 'Page'} | PLACEHOLDER, Patient (${hex(6)}) | ${NAMES[b.systemId]}`;
    pages[i] = { url, title, systemId: b.systemId, category: b.category };
  }
  return pages;
}

// ---------------------------------------------------------------------------
// Timeback: the real worker

const BENCH_EXTENSION_ID = 'timeback-bench';

/** Worker ports for the bench: fake-indexeddb, in-memory settings and storage, a simulated clock, focus and idle state. */
export function benchPorts(dbName: string, settings: Settings, timeZone: string, startMs: number) {
  const world = { nowMs: startMs, focusedTabId: null as number | null, idle: 'active' as OsState, tabs: new Map<number, string>() };
  const local = new Map<string, unknown>();
  let registered: ContentScriptRegistration[] = [];
  let current = settings;
  let ids = 0;
  let db: Promise<TimebackDb> | undefined;
  const ports: WorkerPorts = {
    now: () => world.nowMs,
    timeZone: () => timeZone,
    newId: () => `b-${(++ids).toString(36)}`,
    db: () => (db ??= openTimebackDb(dbName)),
    loadSettings: async () => current,
    saveSettings: async (s) => {
      current = s;
    },
    loadPolicy: async () => ({}),
    focusedTabId: async () => world.focusedTabId,
    idleState: async () => world.idle,
    hasOrigins: async () => true,
    removeOrigins: async () => undefined,
    registeredContentScripts: async () => registered.map((r) => ({ ...r })),
    registerContentScripts: async (scripts) => {
      registered.push(...scripts.map((s) => ({ ...s })));
    },
    unregisterContentScripts: async (remove) => {
      registered = registered.filter((r) => !remove.includes(r.id));
    },
    injectIntoOpenTabs: async () => {},
    tabUrl: async (tabId) => world.tabs.get(tabId),
    sendToTab: async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    },
    setBadge: async () => {},
    createAlarm: async () => {},
    clearAlarm: async () => {},
    ensureRepeatingAlarm: async () => {},
    localGet: async (key) => local.get(key),
    localSet: async (key, value) => {
      local.set(key, value);
    },
    localRemoveAllExcept: async (keep) => {
      for (const k of [...local.keys()]) if (!keep.includes(k)) local.delete(k);
    },
    extensionId: BENCH_EXTENSION_ID,
    extensionPageOrigin: `chrome-extension://${BENCH_EXTENSION_ID}/`,
  };
  return { ports, world };
}

/** The longest report the content script sends: at most one per 10 s while active. */
const REPORT_SEC = 10;

/** Run the scenario through the real worker. Returns Timeback's headline active ms of the day. */
export async function runTimeback(sc: Scenario, timeZone: string, dbName: string): Promise<{ activeMs: number; reports: number }> {
  const first = sc.bouts[0]!.attended[0]!;
  const { ports, world } = benchPorts(dbName, benchSettings(), timeZone, (first - 60) * 1000);
  const worker = createWorker(ports);
  await worker.onStart();
  let focused: number | null = null;
  let lastInputSec: number | undefined;
  let reports = 0;
  for (const [i, bout] of sc.bouts.entries()) {
    const page = sc.pages[i]!;
    const from = bout.attended[0]!;
    const to = bout.attended[bout.attended.length - 1]!;
    world.tabs.set(bout.tabId, page.url);
    // Chrome's idle state: "idle" IDLE_DETECTION_SEC after the last input, "active" with the next.
    if (lastInputSec !== undefined && from - lastInputSec >= IDLE_DETECTION_SEC) {
      world.nowMs = (lastInputSec + IDLE_DETECTION_SEC) * 1000;
      world.idle = 'idle';
      await worker.onIdleStateChanged('idle');
      world.nowMs = from * 1000;
      world.idle = 'active';
      await worker.onIdleStateChanged('active');
    }
    if (focused !== bout.tabId) {
      world.nowMs = from * 1000;
      world.focusedTabId = focused = bout.tabId;
      await worker.refreshAttention();
    }
    const sender = { id: BENCH_EXTENSION_ID, url: page.url, tab: { id: bout.tabId }, frameId: 0 };
    let firstReport = true;
    for (let w = from; w < to; w += REPORT_SEC) {
      const end = Math.min(w + REPORT_SEC, to);
      const input = clipRuns(bout.input, w, end);
      const attended = clipRuns(bout.attended, w, end);
      if (input.length === 0 && attended.length === 0) continue;
      world.nowMs = end * 1000;
      const body = {
        systemId: bout.systemId,
        category: bout.category,
        input,
        attended,
        ...(firstReport && bout.pageLoadMs !== undefined ? { pageLoadMs: bout.pageLoadMs } : {}),
      };
      firstReport = false;
      const answer = (await worker.handleMessage({ type: 'activity', body }, sender)) as { accepted?: boolean } | undefined;
      if (!answer?.accepted) throw new Error(`baseline: the worker refused a report (${bout.systemId} ${bout.category} at ${new Date(end * 1000).toISOString()})`);
      reports++;
    }
    if (bout.input.length > 0) lastInputSec = bout.input[bout.input.length - 1]! - 1;
  }
  const db = await ports.db();
  const activeMs = rollupTotalMs(await readRollup(db, sc.date));
  db.close();
  return { activeMs, reports };
}

// ---------------------------------------------------------------------------
// The naive peer

/** Run the scenario through the naive peer: one tick per second. Returns the seconds it counted. */
export async function runNaive(sc: Scenario, timeZone: string, dbName: string): Promise<{ countedSec: number; ticks: number; writes: number; logEntries: number }> {
  const db = await openNaiveDb(fakeIndexedDB, dbName);
  const peer = createNaivePeer(db, timeZone);
  let lastInputSec = -Infinity;
  let ticks = 0;
  for (const [i, bout] of sc.bouts.entries()) {
    const page = sc.pages[i]!;
    const from = bout.attended[0]!;
    const lastInput = bout.input.length > 0 ? bout.input[bout.input.length - 1]! - 1 : lastInputSec;
    // The page stays in the focused tab until the next bout's page takes over.
    const next = sc.bouts[i + 1];
    const until = next ? next.attended[0]! : Math.max(bout.attended[bout.attended.length - 1]!, lastInput + NAIVE_IDLE_SEC);
    let r = 0;
    for (let s = from; s < until; s++) {
      while (r < bout.input.length && bout.input[r + 1]! <= s) r += 2;
      if (r < bout.input.length && bout.input[r]! <= s) lastInputSec = s;
      ticks++;
      await peer.tick(s * 1000, page, s - lastInputSec < NAIVE_IDLE_SEC);
    }
  }
  const record = await readNaiveDay(db, sc.date);
  db.close();
  let countedSec = 0;
  for (const byCategory of Object.values(record?.sites ?? {})) for (const sec of Object.values(byCategory)) countedSec += sec;
  return { countedSec, ticks, writes: peer.writes, logEntries: record?.log.length ?? 0 };
}

// ---------------------------------------------------------------------------
// The measure

let dbCounter = 0;

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = fakeIndexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

async function cpuMs(fn: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

export interface BaselineDetails {
  date: string;
  bouts: number;
  reports: number;
  activeHours: number;
  naiveCountedHours: number;
  naiveTicks: number;
  naiveLogEntries: number;
  timeback: { writes: number; bytes: number; bytesByStore: Record<string, number>; cpuMs: number[] };
  naive: { writes: number; bytes: number; bytesByStore: Record<string, number>; cpuMs: number[] };
}

/** Last run's details, for the bench's printout. */
export let lastBaselineDetails: BaselineDetails | undefined;

export async function measureBaseline(opts: BenchOptions): Promise<BaselineRow[]> {
  const sc = scenario(opts);
  const { meter, uninstall } = installIdbMeter();
  try {
    const fresh = (side: string) => `bench-baseline-${side}-${process.pid}-${++dbCounter}`;
    const count = async <T>(side: 'timeback' | 'naive', run: (db: string) => Promise<T>) => {
      const name = fresh(side);
      meter.readwrite = meter.bytes = meter.puts = 0;
      meter.bytesByStore = {};
      meter.measureBytes = true;
      const result = await run(name);
      const counted = { writes: meter.readwrite, bytes: meter.bytes, bytesByStore: meter.bytesByStore };
      await deleteDb(name);
      return { result, ...counted };
    };
    // Counting pass (bytes serialised, so not timed), then timed passes without byte counting.
    const tb = await count('timeback', (db) => runTimeback(sc, opts.timeZone, db));
    const nv = await count('naive', (db) => runNaive(sc, opts.timeZone, db));
    if (nv.writes !== nv.result.writes) throw new Error(`baseline: the meter saw ${nv.writes} naive writes, the peer made ${nv.result.writes}`);
    meter.measureBytes = false;
    const tbCpu: number[] = [];
    const nvCpu: number[] = [];
    for (let r = 0; r < Math.max(1, opts.runs); r++) {
      for (const [side, out] of [['timeback', tbCpu], ['naive', nvCpu]] as const) {
        const name = fresh(side);
        out.push(await cpuMs(() => (side === 'timeback' ? runTimeback(sc, opts.timeZone, name) : runNaive(sc, opts.timeZone, name))));
        await deleteDb(name);
      }
    }
    const activeHours = tb.result.activeMs / 3_600_000;
    if (!(activeHours > 0)) throw new Error('baseline: Timeback counted no active time in the scenario');
    lastBaselineDetails = {
      date: sc.date,
      bouts: sc.bouts.length,
      reports: tb.result.reports,
      activeHours,
      naiveCountedHours: nv.result.countedSec / 3600,
      naiveTicks: nv.result.ticks,
      naiveLogEntries: nv.result.logEntries,
      timeback: { writes: tb.writes, bytes: tb.bytes, bytesByStore: tb.bytesByStore, cpuMs: tbCpu },
      naive: { writes: nv.writes, bytes: nv.bytes, bytesByStore: nv.bytesByStore, cpuMs: nvCpu },
    };
    const row = (measure: string, unit: string, timeback: number, naive: number): BaselineRow => ({ measure, unit, timeback, naive, ratio: naive / timeback });
    return [
      row('IndexedDB write transactions per active hour', 'transactions/h', tb.writes / activeHours, nv.writes / activeHours),
      row('Bytes written per active hour (V8-serialised values)', 'kB/h', tb.bytes / 1000 / activeHours, nv.bytes / 1000 / activeHours),
      row('CPU time per active hour (worker + fake-indexeddb)', 'ms/h', median(tbCpu) / activeHours, median(nvCpu) / activeHours),
    ];
  } finally {
    uninstall();
  }
}
