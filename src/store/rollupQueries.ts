import type { DayRollup } from '../core/dayRollup.js';
import type { LocalDateKey } from '../core/localDate.js';
import type { TimebackDb } from './db.js';

/** Day rollups from `from` to `to` inclusive: one indexed range read, whatever the history length. */
export async function readRollupRange(db: TimebackDb, from: LocalDateKey, to: LocalDateKey): Promise<DayRollup[]> {
  if (to < from) return [];
  return db.getAll('rollups', IDBKeyRange.bound(from, to));
}
