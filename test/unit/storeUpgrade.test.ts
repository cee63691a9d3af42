import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newRecordId } from '../../src/background/recordId.js';
import type { ActivitySpan } from '../../src/core/activitySpan.js';
import { DEFAULT_ACTIVE_TIME } from '../../src/core/activeTimeParams.js';
import { rollupsFromRecords, type PageEvent } from '../../src/core/dayRollup.js';
import { localDateKey } from '../../src/core/localDate.js';
import { oldestFractionCutoff, pruneBefore } from '../../src/store/dataStore.js';
import { DB_VERSION, openTimebackDb, type TimebackDb } from '../../src/store/db.js';
import { readRollupRange } from '../../src/store/rollupQueries.js';
import { recordAttention, recordReport } from '../../src/store/trackingStore.js';

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

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
const indexNames = (db: TimebackDb, store: 'spans' | 'events' | 'rollups') => [...db.transaction(store).store.indexNames];

describe('IndexedDB upgrades', () => {
  it('opens a new database at the current version with every store', async () => {
    const db = await openTimebackDb('fresh-db');
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(['events', 'meta', 'rollups', 'spans']);
    // No `date` indexes (v3): only spans' `start`.
    expect(indexNames(db, 'spans')).toEqual(['start']);
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
    // …and on to v3: the `date` index is gone, the old span still prunes by its date.
    expect(indexNames(db, 'spans')).toEqual(['start']);
    expect(await pruneBefore(db, '2026-05-12')).toEqual({ spans: 0, events: 0 });
    expect(await pruneBefore(db, '2026-05-13')).toEqual({ spans: 2, events: 0 });
    db.close();
  });

  it('upgrades a version-2 database: the `date` indexes go, every record and rollup stays as it was', async () => {
    const records = dstRecords();
    await createV2Database('v2-db', records);
    const db = await openTimebackDb('v2-db');
    expect(db.version).toBe(3);
    expect(indexNames(db, 'spans')).toEqual(['start']);
    expect(indexNames(db, 'events')).toEqual([]);
    expect(byId(await db.getAll('spans'))).toEqual(byId(records.spans));
    expect(byId(await db.getAll('events'))).toEqual(byId(records.events));
    expect(await db.getAll('rollups')).toEqual([...rollupsFromRecords(records.spans, records.events, DEFAULT_ACTIVE_TIME, ZONE).values()].sort((a, b) => a.date.localeCompare(b.date)));
    expect(await db.get('meta', 'rollupParams')).toEqual(DEFAULT_ACTIVE_TIME);
    // The old UUID records and new compact ids live side by side; the next write updates the rollups.
    const t0 = Date.parse('2026-10-26T09:00:00Z');
    await recordAttention(db, { paused: false, os: 'active', focusedTabId: 3 }, t0, { timeZone: ZONE, params: DEFAULT_ACTIVE_TIME });
    await recordReport(db, 3, { systemId: 'ehr', category: 'results_review', input: [t0 / 1000, t0 / 1000 + 10], attended: [t0 / 1000, t0 / 1000 + 10] }, { nowMs: t0 + 20_000, timeZone: ZONE, params: DEFAULT_ACTIVE_TIME, newId: newRecordId });
    const added = (await db.getAll('spans')).filter((s) => !records.spans.some((r) => r.id === s.id));
    expect(added.map((s) => s.id)).toEqual([expect.stringMatching(/^[0-9a-z]{12}$/)]);
    expect((await readRollupRange(db, '2026-10-26', '2026-10-26'))[0]!.cells.ehr!.results_review!.activeMs).toBe(10_000);
    db.close();
  });

  it('after v3, pruning by date across both DST changes deletes exactly the records dated before the cutoff', async () => {
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
      const due = { spans: (await db.getAll('spans')).filter((s) => s.date < cutoff).length, events: (await db.getAll('events')).filter((e) => e.date < cutoff).length };
      expect(await pruneBefore(db, cutoff), cutoff).toEqual(due);
      expect(byId(await db.getAll('spans'))).toEqual(byId(records.spans.filter((s) => s.date >= cutoff)));
      expect(byId(await db.getAll('events'))).toEqual(byId(records.events.filter((e) => e.date >= cutoff)));
      deleted += due.spans;
    }
    expect(deleted).toBe(records.spans.length);
    expect(await db.count('spans')).toBe(0);
    expect(await db.get('meta', 'prunedBefore')).toBe('2026-10-28');
    expect(await db.getAll('rollups')).toEqual(rollups);
    db.close();
  });

  it('after v3, the storage-full cutoff picks the same whole days as the `date` index did, across DST', async () => {
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
    expect(byId(await db.getAll('spans'))).toEqual(byId(records.spans.filter((s) => s.date >= '2026-10-26')));
    expect(byId(await db.getAll('events'))).toEqual(byId(records.events.filter((e) => e.date >= '2026-10-26')));
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
    for (const s of spans) await db.put('spans', s);
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
