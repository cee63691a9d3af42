import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACTIVE_TIME } from '../../src/core/activeTimeParams.js';
import { DB_VERSION, openTimebackDb } from '../../src/store/db.js';
import { readRollupRange } from '../../src/store/rollupQueries.js';
import { recordAttention, recordReport } from '../../src/store/trackingStore.js';

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

describe('IndexedDB upgrades', () => {
  it('opens a new database at the current version with every store', async () => {
    const db = await openTimebackDb('fresh-db');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['events', 'meta', 'rollups', 'spans']);
    db.close();
  });

  it('upgrades a version-1 database: spans kept, rollups rebuilt in the new shape on the next write', async () => {
    await createV1Database('v1-db');
    const db = await openTimebackDb('v1-db');
    expect(await db.count('spans')).toBe(1);
    expect(await db.count('rollups')).toBe(0);
    const t0 = Date.parse('2026-05-12T08:00:00Z');
    const ctx = { nowMs: t0 + 120_000, timeZone: 'Europe/London', params: DEFAULT_ACTIVE_TIME, newId: () => 'new' };
    await recordAttention(db, { paused: false, os: 'active', focusedTabId: 3 }, t0 + 100_000);
    await recordReport(db, 3, { systemId: 'ehr', category: 'results_review', input: [t0 / 1000 + 100, t0 / 1000 + 110], attended: [t0 / 1000 + 100, t0 / 1000 + 110] }, ctx);
    const [rollup] = await readRollupRange(db, '2026-05-12', '2026-05-12');
    // The old span counts 30 s (its attended evidence ends with its input), the new one 10 s.
    expect(rollup!.cells.ehr!.documentation!.activeMs).toBe(30_000);
    expect(rollup!.cells.ehr!.results_review!.activeMs).toBe(10_000);
    expect(Object.values(rollup!.slots).reduce((a, b) => a + b, 0)).toBe(40_000);
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
