import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_ACTIVE_TIME } from '../../src/core/activeTimeParams.js';
import type { ActivitySpan } from '../../src/core/activitySpan.js';
import { mergeRecords, oldestFractionCutoff, pruneBefore, readAllRecords } from '../../src/store/dataStore.js';
import { rollupsFromRecords } from '../../src/core/dayRollup.js';
import { DB_VERSION, openTimebackDb, type TimebackDb } from '../../src/store/db.js';
import { readDayEntries } from '../../src/store/entriesStore.js';
import { localDateKey } from '../../src/core/localDate.js';
import { encodeSpan } from '../../src/store/recordCodec.js';
import { newRecordId } from '../../src/background/recordId.js';
import type { PageEvent } from '../../src/core/records.js';
import { readRollupRange } from '../../src/store/rollupQueries.js';
import { TASK_CATEGORIES } from '../../src/core/taskCategory.js';
import { recordAttention, recordReport, refreshRollups } from '../../src/store/trackingStore.js';

const ZONE = 'Europe/London';
const HOUR = 3600_000;

/** Create a database exactly as version 1 of Timeback left it (fixture of the earlier schema). */
async function createV1Database(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      const spans = db.createObjectStore('spans', { keyPath: 'id' });
      spans.createIndex('date', 'date');
      spans.createIndex('start', 'start');
      db.createObjectStore('rollups', { keyPath: 'date' });
      db.createObjectStore('meta');
      const tx = req.transaction!;
      const t0 = Date.parse('2026-05-12T08:00:00Z');
      tx.objectStore('spans').put({ id: 'old', systemId: 'ehr', category: 'documentation', source: 'auto', start: t0, end: t0 + 30_000, date: '2026-05-12', input: [0, 30], attended: [0, 30] });
      // A v1 rollup: no slots, bouts or events.
      tx.objectStore('rollups').put({ date: '2026-05-12', params: DEFAULT_ACTIVE_TIME, cells: { ehr: { documentation: { activeMs: 30_000, byThresholdMs: {} } } } });
      tx.objectStore('meta').put(DEFAULT_ACTIVE_TIME, 'rollupParams');
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

/** A span of two minutes from `start`, dated as the worker dates it (the local date of `start` in `zone`). */
function spanAt(id: string, start: number, zone = ZONE): ActivitySpan {
  return { id, systemId: 'ehr', category: 'documentation', source: 'auto', start, end: start + 120_000, date: localDateKey(start, zone), input: [0, 60, 90, 120], attended: [0, 120] };
}
const eventAt = (id: string, at: number): PageEvent => ({ id, kind: 'pageLoad', systemId: 'ehr', at, date: localDateKey(at, ZONE), durationMs: 900 });

/**
 * Spans and events every 30 minutes across the two London DST changes of 2026
 * (clocks forward at 01:00 GMT on 29 March: a 23-hour day; back at 01:00 GMT
 * on 25 October: a 25-hour day), from two days before to two days after, with
 * UUID ids as version 2 wrote them.
 */
function dstRecords(): { spans: ActivitySpan[]; events: PageEvent[] } {
  const spans: ActivitySpan[] = [];
  const events: PageEvent[] = [];
  for (const change of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z']) {
    const at = Date.parse(change);
    for (let t = at - 48 * HOUR; t <= at + 48 * HOUR; t += HOUR / 2) {
      spans.push(spanAt(crypto.randomUUID(), t));
      if (t % (3 * HOUR) === 0) events.push(eventAt(crypto.randomUUID(), t + 60_000));
    }
  }
  return { spans, events };
}

/** Create a database exactly as version 2 of Timeback left it: `date` indexes on spans and events. */
async function createV2Database(name: string, records: { spans: ActivitySpan[]; events: PageEvent[] }): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(name, 2);
    req.onupgradeneeded = () => {
      const db = req.result;
      const spans = db.createObjectStore('spans', { keyPath: 'id' });
      spans.createIndex('date', 'date');
      spans.createIndex('start', 'start');
      db.createObjectStore('rollups', { keyPath: 'date' });
      db.createObjectStore('meta');
      db.createObjectStore('events', { keyPath: 'id' }).createIndex('date', 'date');
      const tx = req.transaction!;
      for (const s of records.spans) tx.objectStore('spans').put(s);
      for (const e of records.events) tx.objectStore('events').put(e);
      for (const r of rollupsFromRecords(records.spans, records.events, DEFAULT_ACTIVE_TIME, ZONE).values()) tx.objectStore('rollups').put(r);
      tx.objectStore('meta').put(DEFAULT_ACTIVE_TIME, 'rollupParams');
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

/**
 * Records of every kind version 3 stored, in the domain shape it stored them in: the DST
 * spans and events above, and on 10 June 2026 an automatic span of every category
 * (attended equal to input, or not; switched or not), a manual entry with a note and a
 * flag, a timer, a correction (the superseded original and its edited replacement),
 * and page events of both kinds.
 */
function v3Records(): { spans: ActivitySpan[]; events: PageEvent[] } {
  const { spans, events } = dstRecords();
  const day = Date.parse('2026-06-10T07:00:00Z');
  TASK_CATEGORIES.forEach((category, i) => {
    const start = day + i * 10 * 60_000;
    const input = i % 3 === 0 ? [0, 40, 100, 180] : [0, 200];
    spans.push({ ...spanAt(`auto-${category}`, start), category, end: start + 240_000, input, attended: i % 2 === 0 ? [...input] : [0, 240], ...(i % 4 === 1 ? { switched: true } : {}) });
  });
  const at = (min: number) => day + 3 * HOUR + min * 60_000;
  const manual = (id: string, from: number, to: number, extra: Partial<ActivitySpan>): ActivitySpan => ({
    ...spanAt(id, at(from)),
    systemId: '',
    category: 'direct_care',
    source: 'manual',
    end: at(to),
    input: [0, (to - from) * 60],
    attended: [0, (to - from) * 60],
    ...extra,
  });
  spans.push(
    manual('manual-note', 0, 20, { note: 'Phone call with pharmacy', flaggedForReview: true }),
    manual('timer-1', 30, 45, { source: 'timer', category: 'non_ehr', systemId: 'ehr' }),
    manual('original', 60, 80, { supersededBy: 'edited' }),
    manual('edited', 60, 70, { category: 'referrals', edited: true, originalId: 'original' }),
  );
  events.push(
    { id: 'login-1', kind: 'login', systemId: 'ehr', at: day + 60_000, date: '2026-06-10', durationMs: 12_000 },
    { id: 'load-1', kind: 'pageLoad', systemId: 'ehr', at: day + 120_000, date: '2026-06-10', durationMs: 1_500 },
  );
  return { spans, events };
}

/** Create a database exactly as version 3 of Timeback left it: records in their domain shape, `start` index on `start`, no `date` indexes. */
async function createV3Database(name: string, records: { spans: unknown[]; events: PageEvent[] }, rollupRecords: { spans: ActivitySpan[]; events: PageEvent[] }): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(name, 3);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('spans', { keyPath: 'id' }).createIndex('start', 'start');
      db.createObjectStore('rollups', { keyPath: 'date' });
      db.createObjectStore('meta');
      db.createObjectStore('events', { keyPath: 'id' });
      const tx = req.transaction!;
      for (const s of records.spans) tx.objectStore('spans').put(s);
      for (const e of records.events) tx.objectStore('events').put(e);
      for (const r of rollupsFromRecords(rollupRecords.spans, rollupRecords.events, DEFAULT_ACTIVE_TIME, ZONE).values()) tx.objectStore('rollups').put(r);
      tx.objectStore('meta').put(DEFAULT_ACTIVE_TIME, 'rollupParams');
      tx.objectStore('meta').put('2026-01-01', 'prunedBefore');
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
const indexNames = (db: TimebackDb, store: 'spans' | 'events' | 'rollups') => [...db.transaction(store).store.indexNames];

describe('IndexedDB upgrades', () => {
  it('opens a new database at the current version with every store', async () => {
    const db = await openTimebackDb('fresh-db');
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(4);
    expect([...db.objectStoreNames].sort()).toEqual(['events', 'meta', 'rollups', 'spans']);
    // No `date` indexes (v3): only spans' `start`, on the stored start `s` (v4).
    expect(indexNames(db, 'spans')).toEqual(['start']);
    expect(db.transaction('spans').store.index('start').keyPath).toBe('s');
    expect(indexNames(db, 'events')).toEqual([]);
    expect(indexNames(db, 'rollups')).toEqual([]);
    db.close();
  });

  it('upgrades a version-1 database: spans kept, rollups rebuilt in the new shape on the next write', async () => {
    await createV1Database('v1-db');
    const db = await openTimebackDb('v1-db');
    expect(await db.count('spans')).toBe(1);
    expect(await db.count('rollups')).toBe(0);
    const t0 = Date.parse('2026-05-12T08:00:00Z');
    const ctx = { nowMs: t0 + 120_000, timeZone: 'Europe/London', params: DEFAULT_ACTIVE_TIME, newId: () => 'new' };
    await recordAttention(db, { paused: false, os: 'active', focusedTabId: 3 }, t0 + 100_000, ctx);
    await recordReport(db, 3, { systemId: 'ehr', category: 'results_review', input: [t0 / 1000 + 100, t0 / 1000 + 110], attended: [t0 / 1000 + 100, t0 / 1000 + 110] }, ctx);
    const [rollup] = await readRollupRange(db, '2026-05-12', '2026-05-12');
    // The old span counts 30 s (its attended evidence ends with its input), the new one 10 s.
    expect(rollup!.cells.ehr!.documentation!.activeMs).toBe(30_000);
    expect(rollup!.cells.ehr!.results_review!.activeMs).toBe(10_000);
    expect(Object.values(rollup!.slots).reduce((a, b) => a + b, 0)).toBe(40_000);
    // …and on to v4: the `date` index is gone, the old span is in the stored form and still prunes by its date.
    expect(indexNames(db, 'spans')).toEqual(['start']);
    expect(await pruneBefore(db, '2026-05-12')).toEqual({ spans: 0, events: 0 });
    expect(await pruneBefore(db, '2026-05-13')).toEqual({ spans: 2, events: 0 });
    db.close();
  });

  it('upgrades a version-2 database: the `date` indexes go, every record and rollup stays as it was', async () => {
    const records = dstRecords();
    await createV2Database('v2-db', records);
    const db = await openTimebackDb('v2-db');
    expect(db.version).toBe(DB_VERSION);
    expect(indexNames(db, 'spans')).toEqual(['start']);
    expect(indexNames(db, 'events')).toEqual([]);
    expect(byId((await readAllRecords(db)).spans)).toEqual(byId(records.spans));
    expect(byId((await readAllRecords(db)).events)).toEqual(byId(records.events));
    expect(await db.getAll('rollups')).toEqual([...rollupsFromRecords(records.spans, records.events, DEFAULT_ACTIVE_TIME, ZONE).values()].sort((a, b) => a.date.localeCompare(b.date)));
    expect(await db.get('meta', 'rollupParams')).toEqual(DEFAULT_ACTIVE_TIME);
    // The old UUID records and new compact ids live side by side; the next write updates the rollups.
    const t0 = Date.parse('2026-10-26T09:00:00Z');
    await recordAttention(db, { paused: false, os: 'active', focusedTabId: 3 }, t0, { timeZone: ZONE, params: DEFAULT_ACTIVE_TIME });
    await recordReport(db, 3, { systemId: 'ehr', category: 'results_review', input: [t0 / 1000, t0 / 1000 + 10], attended: [t0 / 1000, t0 / 1000 + 10] }, { nowMs: t0 + 20_000, timeZone: ZONE, params: DEFAULT_ACTIVE_TIME, newId: newRecordId });
    const added = (await readAllRecords(db)).spans.filter((s) => !records.spans.some((r) => r.id === s.id));
    expect(added.map((s) => s.id)).toEqual([expect.stringMatching(/^[0-9a-z]{12}$/)]);
    expect((await readRollupRange(db, '2026-10-26', '2026-10-26'))[0]!.cells.ehr!.results_review!.activeMs).toBe(10_000);
    db.close();
  });

  it('upgrades a version-3 database: every record converted to the stored form in place, decoding to what it was', async () => {
    const records = v3Records();
    await createV3Database('v3-db', records, records);
    const db = await openTimebackDb('v3-db');
    expect(db.version).toBe(4);
    expect(indexNames(db, 'spans')).toEqual(['start']);
    expect(db.transaction('spans').store.index('start').keyPath).toBe('s');
    // Every span is in the new index, under its start.
    expect(await db.countFromIndex('spans', 'start')).toBe(records.spans.length);
    expect((await db.getAllFromIndex('spans', 'start')).map((s) => s.s)).toEqual(records.spans.map((s) => s.start).sort((a, b) => a - b));
    // The stored form: short names, codes, no source for automatic records, no attended runs equal to the input.
    const raw = await db.getAll('spans');
    for (const s of raw) {
      const domain = records.spans.find((r) => r.id === s.id)!;
      expect(Object.keys(s).every((k) => k === 'id' || k.length === 1), s.id).toBe(true);
      expect(typeof s.c).toBe('number');
      expect('o' in s).toBe(domain.source !== 'auto');
      expect('a' in s).toBe(domain.attended.join() !== domain.input.join());
    }
    expect((await db.getAll('events')).every((e) => Object.keys(e).every((k) => k === 'id' || k.length === 1) && (e.k === 0 || e.k === 1))).toBe(true);
    // …and each decodes to exactly the record version 3 held.
    const decoded = await readAllRecords(db);
    expect(byId(decoded.spans)).toEqual(byId(records.spans));
    expect(byId(decoded.events)).toEqual(byId(records.events));
    // Rollups and meta are untouched.
    expect(await db.getAll('rollups')).toEqual([...rollupsFromRecords(records.spans, records.events, DEFAULT_ACTIVE_TIME, ZONE).values()].sort((a, b) => a.date.localeCompare(b.date)));
    expect(await db.get('meta', 'rollupParams')).toEqual(DEFAULT_ACTIVE_TIME);
    expect(await db.get('meta', 'prunedBefore')).toBe('2026-01-01');
    db.close();
  });

  it('after v4, day entries, rebuilds and pruning of an upgraded database equal those of one written at v4', async () => {
    const records = v3Records();
    await createV3Database('v3-queries-db', records, records);
    const db = await openTimebackDb('v3-queries-db');
    const fresh = await openTimebackDb('v4-reference-db');
    await mergeRecords(fresh, records, { params: DEFAULT_ACTIVE_TIME, timeZone: ZONE });
    const dates = [...new Set(records.spans.map((s) => s.date))].sort();
    expect(dates).toContain('2026-06-10');
    for (const date of dates) {
      const ctx = { params: DEFAULT_ACTIVE_TIME, timeZone: ZONE, nameOf: (id: string) => id.toUpperCase(), probeMs: Date.parse(`${date}T12:00:00Z`) };
      const entries = await readDayEntries(db, date, ctx);
      expect(entries.entries.length, date).toBeGreaterThan(0);
      expect(entries, date).toEqual(await readDayEntries(fresh, date, ctx));
    }
    const june = await readDayEntries(db, '2026-06-10', { params: DEFAULT_ACTIVE_TIME, timeZone: ZONE, nameOf: () => 'EHR', probeMs: Date.parse('2026-06-10T12:00:00Z') });
    expect(june.entries.find((e) => e.id === 'manual-note')).toMatchObject({ source: 'manual', category: 'direct_care', note: 'Phone call with pharmacy', flaggedForReview: true });
    expect(june.entries.find((e) => e.id === 'edited')).toMatchObject({ category: 'referrals', edited: true });
    expect(june.entries.some((e) => e.id === 'original')).toBe(false);
    // A rebuild under another definition reads every converted record.
    const params = { inactivityThresholdSec: 30, readingAllowanceSec: 0 };
    await refreshRollups(db, { nowMs: Date.parse('2026-11-01T00:00:00Z'), timeZone: ZONE, params, newId: () => 'x' });
    const rebuilt = [...rollupsFromRecords(records.spans, records.events, params, ZONE).values()].sort((a, b) => a.date.localeCompare(b.date));
    expect(await db.getAll('rollups')).toEqual(rebuilt);
    // Pruning by the stored date.
    const cutoff = '2026-06-11';
    expect(await pruneBefore(db, cutoff)).toEqual({ spans: records.spans.filter((s) => s.date < cutoff).length, events: records.events.filter((e) => e.date < cutoff).length });
    const left = await readAllRecords(db);
    expect(byId(left.spans)).toEqual(byId(records.spans.filter((s) => s.date >= cutoff)));
    expect(byId(left.events)).toEqual(byId(records.events.filter((e) => e.date >= cutoff)));
    db.close();
    fresh.close();
  });

  it('a version-3 record that cannot be converted is left as it is, and the rest upgrade', async () => {
    const records = v3Records();
    const bad = { ...spanAt('bad', Date.parse('2026-06-10T12:00:00Z')), category: 'gossip' };
    await createV3Database('v3-bad-db', { spans: [...records.spans, bad], events: records.events }, records);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const db = await openTimebackDb('v3-bad-db');
      expect(db.version).toBe(4);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be converted'), expect.stringContaining('"bad"'));
      expect(await db.get('spans', 'bad')).toEqual(bad);
      const decoded = await readAllRecords(db);
      expect(byId(decoded.spans)).toEqual(byId(records.spans));
      // Still counted as a record here, so a backup with the same id does not overwrite it.
      expect(await mergeRecords(db, { spans: [{ ...bad, category: 'documentation' }], events: [] }, { params: DEFAULT_ACTIVE_TIME, timeZone: ZONE })).toEqual({ added: 0, unchanged: 0, conflicting: 1 });
      expect(await db.getAll('rollups')).toEqual([...rollupsFromRecords(records.spans, records.events, DEFAULT_ACTIVE_TIME, ZONE).values()].sort((a, b) => a.date.localeCompare(b.date)));
      db.close();
    } finally {
      warn.mockRestore();
    }
  });

  it('after v3 and v4, pruning by date across both DST changes deletes exactly the records dated before the cutoff', async () => {
    const records = dstRecords();
    await createV2Database('v2-prune-db', records);
    const db = await openTimebackDb('v2-prune-db');
    const dates = [...new Set(records.spans.map((s) => s.date))].sort();
    // Both 23- and 25-hour days are in the fixture, with spans in their first and last half hours.
    expect(dates).toEqual(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31', '2026-10-23', '2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
    expect(records.spans.filter((s) => s.date === '2026-03-29')).toHaveLength(46);
    expect(records.spans.filter((s) => s.date === '2026-10-25')).toHaveLength(50);
    const rollups = await db.getAll('rollups');
    // Each cutoff in turn, through every date and the day after the last one.
    let deleted = 0;
    for (const cutoff of [...dates, '2026-10-28']) {
      const before = await readAllRecords(db);
      const due = { spans: before.spans.filter((s) => s.date < cutoff).length, events: before.events.filter((e) => e.date < cutoff).length };
      expect(await pruneBefore(db, cutoff), cutoff).toEqual(due);
      const after = await readAllRecords(db);
      expect(byId(after.spans)).toEqual(byId(records.spans.filter((s) => s.date >= cutoff)));
      expect(byId(after.events)).toEqual(byId(records.events.filter((e) => e.date >= cutoff)));
      deleted += due.spans;
    }
    expect(deleted).toBe(records.spans.length);
    expect(await db.count('spans')).toBe(0);
    expect(await db.get('meta', 'prunedBefore')).toBe('2026-10-28');
    expect(await db.getAll('rollups')).toEqual(rollups);
    db.close();
  });

  it('after v3 and v4, the storage-full cutoff picks the same whole days as the `date` index did, across DST', async () => {
    const records = dstRecords();
    await createV2Database('v2-fraction-db', records);
    const db = await openTimebackDb('v2-fraction-db');
    /** What v2 computed: walk the spans in date order to the wanted-th one dated before `notAfter`, cut after its date. */
    const byDateIndex = (notAfter: string, fraction: number) => {
      const old = records.spans.map((s) => s.date).filter((d) => d < notAfter).sort();
      if (old.length === 0) return undefined;
      const last = old[Math.min(old.length, Math.max(1, Math.ceil(records.spans.length * fraction))) - 1]!;
      const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      return next < notAfter ? next : notAfter;
    };
    for (const notAfter of ['2026-03-27', '2026-03-29', '2026-03-30', '2026-04-15', '2026-10-25', '2026-10-26', '2026-12-01'])
      for (const fraction of [0, 0.1, 0.25, 0.3, 0.5, 0.7, 1]) expect(await oldestFractionCutoff(db, notAfter, fraction), `${notAfter} ${fraction}`).toBe(byDateIndex(notAfter, fraction));
    expect(await oldestFractionCutoff(db, '2026-03-27', 0.1)).toBeUndefined();
    // 386 spans, 30 %: the 116th oldest is on the 23-hour day (after 46 + 48 on the two days before it).
    expect(await oldestFractionCutoff(db, '2026-10-26', 0.3)).toBe('2026-03-30');
    // One prune from the full fixture (most spans far before the cutoff, the 25-hour day at its edge).
    expect(await pruneBefore(db, '2026-10-26')).toEqual({ spans: records.spans.filter((s) => s.date < '2026-10-26').length, events: records.events.filter((e) => e.date < '2026-10-26').length });
    const left = await readAllRecords(db);
    expect(byId(left.spans)).toEqual(byId(records.spans.filter((s) => s.date >= '2026-10-26')));
    expect(byId(left.events)).toEqual(byId(records.events.filter((e) => e.date >= '2026-10-26')));
    db.close();
  });

  it('prunes by the date a record was given, whatever zone it was written in', async () => {
    const db = await openTimebackDb('zones-db');
    const midnight = Date.parse('2026-10-25T00:00:00Z');
    const spans = [
      spanAt('kiritimati-early', midnight - 13 * HOUR, 'Pacific/Kiritimati'), // 01:00 on the 25th there (UTC+14)
      spanAt('kiritimati-late', midnight - 14 * HOUR - 60_000, 'Pacific/Kiritimati'), // 23:59 on the 24th there
      spanAt('pago-pago-late', midnight + 10 * HOUR + 59 * 60_000, 'Pacific/Pago_Pago'), // 23:59 on the 24th there (UTC−11)
      spanAt('pago-pago-next', midnight + 11 * HOUR, 'Pacific/Pago_Pago'), // 00:00 on the 25th there
      spanAt('london-bst', midnight - HOUR - 60_000), // 23:59 BST on the 24th
      spanAt('london-midnight', midnight - HOUR), // 00:00 BST on the 25th
    ];
    expect(spans.map((s) => s.date)).toEqual(['2026-10-25', '2026-10-24', '2026-10-24', '2026-10-25', '2026-10-24', '2026-10-25']);
    for (const s of spans) await db.put('spans', encodeSpan(s));
    expect(await pruneBefore(db, '2026-10-25')).toEqual({ spans: 3, events: 0 });
    expect((await db.getAllKeys('spans')).sort()).toEqual(['kiritimati-early', 'london-midnight', 'pago-pago-next']);
    db.close();
  });

  it('reads only the requested range of rollups', async () => {
    const db = await openTimebackDb('range-db');
    for (const date of ['2026-05-10', '2026-05-11', '2026-05-12', '2026-05-13'])
      await db.put('rollups', { date, params: DEFAULT_ACTIVE_TIME, cells: {}, slots: {}, slotsByThreshold: {}, bouts: {}, switches: 0, logins: {}, pageLoads: {}, correctedMs: 0 });
    expect((await readRollupRange(db, '2026-05-11', '2026-05-12')).map((r) => r.date)).toEqual(['2026-05-11', '2026-05-12']);
    expect(await readRollupRange(db, '2026-05-13', '2026-05-11')).toEqual([]);
    db.close();
  });
});
