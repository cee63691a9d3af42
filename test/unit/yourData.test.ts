import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ACTIVE_TIME } from '../../src/core/activeTimeParams.js';
import type { ActivitySpan } from '../../src/core/activitySpan.js';
import { MAX_BACKUP_RECORDS, parseBackupText, type Backup, type RestoreOutcome } from '../../src/core/backupValidation.js';
import { CONTRIBUTOR_ID_KEY } from '../../src/dashboard/dashboardApi.js';
import { RETENTION_ALARM } from '../../src/background/dataManagement.js';
import { STORAGE_WARNING_KEY } from '../../src/protocol.js';
import { countRecords, pruneBefore, readAllRecords } from '../../src/store/dataStore.js';
import { rollupsFromRecords } from '../../src/core/dayRollup.js';
import { DB_VERSION, type TimebackDb } from '../../src/store/db.js';
import { dumpEverything, EXTENSION_ID, EXTENSION_ORIGIN, fakePorts } from '../support/fakePorts.js';
import { localDateKey } from '../../src/core/localDate.js';
import type { WorkerPorts } from '../../src/background/ports.js';
import { decodeEvent, decodeSpan, encodeEvent, encodeSpan } from '../../src/store/recordCodec.js';
import type { PageEvent } from '../../src/core/records.js';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../../src/core/settings.js';
import type { TodaySummary } from '../../src/core/todaySummary.js';
import { refreshRollups } from '../../src/store/trackingStore.js';
import { createWorker } from '../../src/background/worker.js';

const T0 = Date.parse('2026-05-12T08:00:00Z');
const T0_SEC = T0 / 1000;
const DAY = 86_400_000;
const ZONE = 'Europe/London';
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  systems: [{ id: 'demo-ehr', name: 'Demo EHR', matches: ['http://127.0.0.1/*'], rules: [], useGenericRules: false, signInPatterns: [] }],
};
const page = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}dashboard.html` };
const tab = (tabId: number) => ({ id: EXTENSION_ID, url: 'http://127.0.0.1:4321/inbox', tab: { id: tabId }, frameId: 0 });
const activity = (from: number, to: number) => ({
  type: 'activity',
  body: { systemId: 'demo-ehr', category: 'documentation', input: [T0_SEC + from, T0_SEC + to], attended: [T0_SEC + from, T0_SEC + to] },
});

function span(id: string, start: number, extra: Partial<ActivitySpan> = {}): ActivitySpan {
  return {
    id,
    systemId: 'demo-ehr',
    category: 'documentation',
    source: 'auto',
    start,
    end: start + 120_000,
    date: localDateKey(start, ZONE),
    input: [0, 60, 90, 120],
    attended: [0, 120],
    ...extra,
  };
}
const event = (id: string, at: number): PageEvent => ({ id, kind: 'pageLoad', systemId: 'demo-ehr', at, date: localDateKey(at, ZONE), durationMs: 800 });

/** Write records and their rollups as the worker would have. */
async function seed(db: TimebackDb, spans: ActivitySpan[], events: PageEvent[] = []): Promise<void> {
  const tx = db.transaction(['spans', 'events', 'rollups', 'meta'], 'readwrite');
  for (const s of spans) await tx.objectStore('spans').put(encodeSpan(s));
  for (const e of events) await tx.objectStore('events').put(encodeEvent(e));
  const all = (await tx.objectStore('spans').getAll()).map(decodeSpan);
  const allEvents = (await tx.objectStore('events').getAll()).map(decodeEvent);
  await tx.objectStore('rollups').clear();
  for (const r of rollupsFromRecords(all, allEvents, DEFAULT_ACTIVE_TIME, ZONE).values()) await tx.objectStore('rollups').put(r);
  await tx.objectStore('meta').put({ ...DEFAULT_ACTIVE_TIME }, 'rollupParams');
  await tx.done;
}

/** Make the next `times` readwrite transactions over `spans` throw QuotaExceededError (as a full disk does). */
function quotaFailures(ports: WorkerPorts, times: number): { left: () => number; restore: () => void } {
  const open = ports.db.bind(ports);
  let left = times;
  ports.db = async () => {
    const db = await open();
    return new Proxy(db, {
      get(target, prop) {
        if (prop === 'transaction')
          return (names: string | string[], mode?: IDBTransactionMode, ...rest: unknown[]) => {
            if (mode === 'readwrite' && left > 0 && [names].flat().includes('spans')) {
              left--;
              throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            }
            return (target.transaction as (...a: unknown[]) => unknown)(names, mode, ...rest);
          };
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  return { left: () => left, restore: () => void (ports.db = open) };
}

describe('your data: retention, delete, backup and restore, storage full', () => {
  let f: ReturnType<typeof fakePorts>;
  let w: ReturnType<typeof createWorker>;
  const send = async <T,>(type: string, body: object = {}) => (await w.handleMessage({ type, body }, page)) as T;
  const db = () => f.ports.db();

  beforeEach(async () => {
    f = fakePorts(T0);
    f.reset();
    await f.storage.set({ [SETTINGS_KEY]: settings });
    f.world.focusedTabId = 7;
    w = createWorker(f.ports);
    await w.onStart();
  });
  afterEach(() => f.reset());

  describe('retention', () => {
    it('settings: retentionDays defaults for stored v2 values without it, and is range-checked', () => {
      const { retentionDays: _, ...old } = settings;
      const parsed = parseSettings(old);
      expect(parsed.ok && parsed.settings.retentionDays).toBe(400);
      expect(parseSettings({ ...settings, retentionDays: 29 }).ok).toBe(false);
      expect(parseSettings({ ...settings, retentionDays: 3651 }).ok).toBe(false);
      expect(parseSettings({ ...settings, retentionDays: 30.5 }).ok).toBe(false);
      const ok = parseSettings({ ...settings, retentionDays: 3650 });
      expect(ok.ok && ok.settings.retentionDays).toBe(3650);
    });

    it('pruneBefore deletes old spans and events by date, keeps recent ones, and leaves every rollup unchanged', async () => {
      const old = [span('old-1', T0 - 500 * DAY), span('old-2', T0 - 450 * DAY)];
      const recent = [span('recent', T0 - 10 * DAY), span('today', T0 - 3600_000)];
      await seed(await db(), [...old, ...recent], [event('e-old', T0 - 500 * DAY), event('e-new', T0 - 10 * DAY)]);
      const rollupsBefore = await (await db()).getAll('rollups');
      const pruned = await pruneBefore(await db(), localDateKey(T0 - 400 * DAY, ZONE));
      expect(pruned).toEqual({ spans: 2, events: 1 });
      expect((await (await db()).getAllKeys('spans')).sort()).toEqual(['recent', 'today']);
      expect(await (await db()).getAllKeys('events')).toEqual(['e-new']);
      expect(await (await db()).getAll('rollups')).toEqual(rollupsBefore);
      // A later change of τ rebuilds rollups from the spans, but keeps the pruned days' rollups.
      await refreshRollups(await db(), { nowMs: T0, timeZone: ZONE, params: { inactivityThresholdSec: 120, readingAllowanceSec: 0 }, newId: () => 'x' });
      const after = await (await db()).getAll('rollups');
      expect(after.map((r) => r.date)).toEqual(rollupsBefore.map((r) => r.date));
      expect(after.find((r) => r.date === old[0]!.date)).toEqual(rollupsBefore.find((r) => r.date === old[0]!.date));
      expect(after.find((r) => r.date === recent[0]!.date)!.params.inactivityThresholdSec).toBe(120);
    });

    it('the worker creates the daily retention alarm on start and prunes on it', async () => {
      expect(f.world.repeatingAlarms.get(RETENTION_ALARM)).toBe(24 * 60);
      await seed(await db(), [span('old', T0 - 401 * DAY), span('kept', T0 - 399 * DAY)]);
      const rollups = await (await db()).count('rollups');
      await w.onAlarm(RETENTION_ALARM);
      expect(await (await db()).getAllKeys('spans')).toEqual(['kept']);
      expect(await (await db()).count('rollups')).toBe(rollups);
      // A shorter retention period prunes more.
      await f.storage.set({ [SETTINGS_KEY]: { ...settings, retentionDays: 30 } });
      await w.onSettingsChanged(); // as storage.onChanged would (background/main.ts)
      await w.onAlarm(RETENTION_ALARM);
      expect(await (await db()).count('spans')).toBe(0);
    });
  });

  describe('delete all data', () => {
    it('clears every store and storage.local key but the settings, and tracking starts afresh', async () => {
      await w.handleMessage(activity(-120, -60), tab(7));
      await send('changeEntry', { kind: 'add', start: T0 - 30 * 60_000, end: T0 - 20 * 60_000, category: 'direct_care', note: 'private' });
      await send('startTimer', { category: 'direct_care' });
      await f.storage.set({ [CONTRIBUTOR_ID_KEY]: 'abc', [STORAGE_WARNING_KEY]: { at: T0, freed: 0 } });
      expect((await send<TodaySummary>('getToday')).totalMs).toBeGreaterThan(0);

      // Without the confirmation nothing happens.
      expect(await send('deleteAllData', {})).toEqual({ deleted: false });
      expect(await countRecords(await db())).not.toEqual({ spans: 0, events: 0, rollups: 0 });

      expect(await send('deleteAllData', { confirm: true })).toEqual({ deleted: true });
      expect(await countRecords(await db())).toEqual({ spans: 0, events: 0, rollups: 0 });
      expect(await (await db()).get('meta', 'timer')).toBeUndefined();
      expect(Object.keys(await f.storage.get(null))).toEqual([SETTINGS_KEY]);
      expect((await f.storage.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(settings);
      expect(f.world.badge.text).toBe('');
      const today = await send<TodaySummary>('getToday');
      expect(today.totalMs).toBe(0);
      expect(today.timer).toBeNull();
      expect(await dumpEverything(f.ports)).not.toContain('private');
      // Tracking goes on from a clean state.
      f.world.nowMs = T0 + 60_000;
      expect(await w.handleMessage(activity(10, 50), tab(7))).toEqual({ accepted: true });
      expect((await send<TodaySummary>('getToday')).totalMs).toBeGreaterThan(0);
    });
  });

  describe('backup and restore', () => {
    const noted = span('manual-1', T0 - 2 * DAY, { source: 'manual', category: 'direct_care', note: 'Clinic ran late', input: [0, 120] });
    const records = [span('a', T0 - 3 * DAY), span('b', T0 - 2 * DAY + 600_000), noted];

    it('round trip: a backup restored on an empty device gives the same records, rollups and settings', async () => {
      await seed(await db(), records, [event('ev', T0 - 3 * DAY)]);
      const backup = await send<Backup>('exportBackup');
      expect(backup).toMatchObject({ format: 'timeback-backup', version: 1, dbVersion: DB_VERSION, createdAt: new Date(T0).toISOString(), settings });
      expect(backup.spans.find((s) => s.id === 'manual-1')!.note).toBe('Clinic ran late');
      const text = JSON.stringify(backup);
      const rollups = await (await db()).getAll('rollups');

      f.reset(); // a new device: no settings stored
      f = fakePorts(T0);
      w = createWorker(f.ports);
      const outcome = await send<RestoreOutcome>('restoreBackup', { text });
      expect(outcome).toEqual({ ok: true, added: 4, unchanged: 0, conflicting: 0, settingsRestored: true });
      const restored = await readAllRecords(await db());
      expect(restored.spans.sort((x, y) => x.id.localeCompare(y.id))).toEqual([...records].sort((x, y) => x.id.localeCompare(y.id)));
      expect(restored.events).toEqual([event('ev', T0 - 3 * DAY)]);
      expect(await (await db()).getAll('rollups')).toEqual(rollups);
      expect((await f.storage.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(settings);
      // Restoring the same file again adds nothing.
      expect(await send<RestoreOutcome>('restoreBackup', { text })).toEqual({ ok: true, added: 0, unchanged: 4, conflicting: 0, settingsRestored: false });
    });

    it('merges: existing records are never overwritten, new ones are added, rollups cover everything', async () => {
      await seed(await db(), records);
      const text = JSON.stringify(await send<Backup>('exportBackup'));
      // Since the backup: "a" was relabelled here, "c" is new here; the backup also has "d" this device lacks.
      const relabelled = { ...records[0]!, category: 'results_review' as const };
      const c = span('c', T0 - DAY);
      await (await db()).put('spans', encodeSpan(relabelled));
      await seed(await db(), [c]);
      const parsed = JSON.parse(text) as Backup;
      const d = span('d', T0 - 5 * DAY);
      parsed.spans.push(d);
      const outcome = await send<RestoreOutcome>('restoreBackup', { text: JSON.stringify(parsed) });
      expect(outcome).toEqual({ ok: true, added: 1, unchanged: 2, conflicting: 1, settingsRestored: false });
      const { spans } = await readAllRecords(await db());
      expect(spans.find((s) => s.id === 'a')).toEqual(relabelled);
      expect(spans.map((s) => s.id).sort()).toEqual(['a', 'b', 'c', 'd', 'manual-1']);
      const expected = [...rollupsFromRecords(spans, [], DEFAULT_ACTIVE_TIME, ZONE).values()].sort((x, y) => x.date.localeCompare(y.date));
      expect(await (await db()).getAll('rollups')).toEqual(expected);
    });

    it('a file with one bad record changes nothing, and says which record and why', async () => {
      await seed(await db(), records);
      const backup = await send<Backup>('exportBackup');
      const before = await dumpEverything(f.ports);
      const bad = { ...backup, spans: [span('new-1', T0 - DAY), { ...span('new-2', T0 - DAY), category: 'gossip' }, span('new-3', T0 - DAY)] };
      const outcome = await send<RestoreOutcome>('restoreBackup', { text: JSON.stringify(bad) });
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.errors).toEqual(['Record 2: has an unknown "category".']);
      expect(await dumpEverything(f.ports)).toBe(before);
    });

    it('hostile input is refused without a crash and changes nothing', async () => {
      await seed(await db(), records);
      const backup = await send<Backup>('exportBackup');
      const before = await dumpEverything(f.ports);
      const s = JSON.stringify(span('x', T0 - DAY));
      const hostile: unknown[] = [
        'not json {',
        'null',
        '[]',
        '"timeback-backup"',
        JSON.stringify({ ...backup, format: 'other' }),
        JSON.stringify({ ...backup, version: '1' }),
        JSON.stringify({ ...backup, version: 2 }),
        JSON.stringify({ ...backup, dbVersion: 99 }),
        JSON.stringify({ ...backup, spans: 'all of them' }),
        JSON.stringify({ ...backup, events: { length: 1 } }),
        JSON.stringify({ ...backup, settings: { version: 2, systems: 'x' } }),
        JSON.stringify({ ...backup, spans: [{ ...span('x', T0), start: '2026-05-11' }] }),
        JSON.stringify({ ...backup, spans: [{ ...span('x', T0), input: [5, 1] }] }),
        JSON.stringify({ ...backup, spans: [{ ...span('x', T0), note: { html: '<b>' } }] }),
        JSON.stringify({ ...backup, spans: [span('dup', T0), span('dup', T0)] }),
        JSON.stringify({ ...backup, spans: [null, 1, 'x', []] }),
        // __proto__ as a JSON key becomes an own property: refused, never merged into an object.
        JSON.stringify({ ...backup, spans: [] }).replace('"spans":[]', `"spans":[${s.replace('{', '{"__proto__":{"polluted":true},')}]`),
        JSON.stringify({ ...backup }).replace('{', '{"__proto__":{"polluted":true},'),
        JSON.stringify({ ...backup, spans: [{ ...span('x', T0), constructor: 'x' }] }),
        `{"format":"timeback-backup","version":1,"spans":[${'0,'.repeat(MAX_BACKUP_RECORDS)}0]}`,
        '['.repeat(200_000) + ']'.repeat(200_000),
        12,
        undefined,
      ];
      for (const text of hostile) {
        const outcome = await send<RestoreOutcome>('restoreBackup', { text });
        expect(outcome.ok, String(text).slice(0, 80)).toBe(false);
        expect(!outcome.ok && outcome.errors.length).toBeGreaterThan(0);
        expect(!outcome.ok && outcome.errors.length).toBeLessThanOrEqual(21);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(await dumpEverything(f.ports)).toBe(before);
      const many = parseBackupText(JSON.stringify({ ...backup, spans: Array.from({ length: 500 }, () => ({})) }), DB_VERSION);
      expect(!many.ok && many.errors.at(-1)).toMatch(/more problems/);
    });
  });

  describe('storage full', () => {
    it('a QuotaExceededError while recording prunes to the retention period, flags a warning and retries once', async () => {
      await seed(await db(), [span('old', T0 - 500 * DAY), span('recent', T0 - 5 * DAY)]);
      f.world.nowMs = T0 + 200_000;
      await w.handleMessage(activity(60, 120), tab(7));
      const openSpan = (await readAllRecords(await db())).spans.find((s) => s.start === (T0_SEC + 60) * 1000)!;
      const quota = quotaFailures(f.ports, 1);
      expect(await w.handleMessage(activity(130, 190), tab(7))).toEqual({ accepted: true });
      expect(quota.left()).toBe(0);
      const { spans } = await readAllRecords(await db());
      expect(spans.map((s) => s.id).sort()).toEqual(['recent', openSpan.id].sort());
      // The open span was extended by the retried write: nothing lost.
      expect(spans.find((s) => s.id === openSpan.id)!.end).toBe((T0_SEC + 190) * 1000);
      expect((await f.storage.get(STORAGE_WARNING_KEY))[STORAGE_WARNING_KEY]).toEqual({ at: T0 + 200_000, freed: 1 });
    });

    it('with nothing past retention, it prunes the oldest tenth of records older than 30 days', async () => {
      const old = Array.from({ length: 20 }, (_, i) => span(`s${String(i).padStart(2, '0')}`, T0 - (60 - i) * DAY));
      await seed(await db(), old);
      const rollups = await (await db()).getAll('rollups');
      f.world.nowMs = T0 + 200_000;
      quotaFailures(f.ports, 1);
      expect(await w.handleMessage(activity(130, 190), tab(7))).toEqual({ accepted: true });
      const ids = (await (await db()).getAllKeys('spans')).filter((id) => /^s\d/.test(id));
      expect(ids).toEqual(old.slice(2).map((s) => s.id));
      const kept = await (await db()).getAll('rollups');
      for (const r of rollups) expect(kept.find((k) => k.date === r.date)).toEqual(r);
    });

    it('a store that stays full refuses the report without crashing and loses nothing already stored', async () => {
      f.world.nowMs = T0 + 200_000;
      await w.handleMessage(activity(60, 120), tab(7));
      const before = await dumpEverything(f.ports);
      const full = quotaFailures(f.ports, 100);
      expect(await w.handleMessage(activity(130, 190), tab(7))).toEqual({ accepted: false });
      full.restore();
      const after = JSON.parse(await dumpEverything(f.ports)) as Record<string, unknown>;
      const expected = JSON.parse(before) as Record<string, Record<string, unknown>>;
      expect(after.spans).toEqual(expected.spans);
      expect(after.rollups).toEqual(expected.rollups);
      // Manual writes go through the same guard.
      quotaFailures(f.ports, 1);
      expect(await w.handleMessage({ type: 'changeEntry', body: { kind: 'add', start: T0 - 40 * 60_000, end: T0 - 30 * 60_000, category: 'direct_care' } }, page)).toEqual({ ok: true });
      expect(await (await db()).count('spans')).toBe(2);
    });
  });
});
