import type { ActivitySpan } from '../core/activitySpan.js';
import { sameRecord } from '../core/backupValidation.js';
import type { PageEvent } from '../core/dayRollup.js';
import type { LocalDateKey } from '../core/localDate.js';
import type { TimebackDb } from './db.js';
import { rebuildRollups, type WriteContext } from './trackingStore.js';

/**
 * The clinician's data as a whole: retention, counts, deleting everything,
 * and backup and restore. Each write is ONE transaction.
 */

/**
 * Delete raw spans and page events dated before `cutoffDate` (by the `date`
 * index), keeping every day rollup: the figures stay, the second-by-second
 * evidence goes. Remembers the cutoff so rollup rebuilds keep those days.
 * Returns how many records were deleted.
 */
export async function pruneBefore(db: TimebackDb, cutoffDate: LocalDateKey): Promise<{ spans: number; events: number }> {
  const tx = db.transaction(['spans', 'events', 'meta'], 'readwrite');
  const range = IDBKeyRange.upperBound(cutoffDate, true);
  const spanKeys = await tx.objectStore('spans').index('date').getAllKeys(range);
  const eventKeys = await tx.objectStore('events').index('date').getAllKeys(range);
  for (const key of spanKeys) await tx.objectStore('spans').delete(key);
  for (const key of eventKeys) await tx.objectStore('events').delete(key);
  const meta = tx.objectStore('meta');
  const previous = (await meta.get('prunedBefore')) as string | undefined;
  if (spanKeys.length + eventKeys.length > 0 && (!previous || previous < cutoffDate)) await meta.put(cutoffDate, 'prunedBefore');
  await tx.done;
  return { spans: spanKeys.length, events: eventKeys.length };
}

/**
 * The cutoff date that prunes about the oldest `fraction` of raw spans among
 * those dated before `notAfter` (whole days only), or undefined when there are none.
 */
export async function oldestFractionCutoff(db: TimebackDb, notAfter: LocalDateKey, fraction: number): Promise<LocalDateKey | undefined> {
  const tx = db.transaction('spans');
  const index = tx.store.index('date');
  const old = await index.count(IDBKeyRange.upperBound(notAfter, true));
  if (old === 0) return undefined;
  const total = await tx.store.count();
  const wanted = Math.max(1, Math.ceil(total * fraction));
  // Walk the date index (oldest first) to the wanted-th span; prune its whole day.
  let seen = 0;
  let cursor = await index.openKeyCursor(IDBKeyRange.upperBound(notAfter, true));
  let lastDate: string | undefined;
  while (cursor) {
    lastDate = cursor.key;
    if (++seen >= wanted) break;
    cursor = await cursor.continue();
  }
  await tx.done;
  if (!lastDate) return undefined;
  // The day after the last chosen span's date (string arithmetic on a calendar date, no zone involved).
  const next = new Date(`${lastDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const cutoff = next.toISOString().slice(0, 10);
  return cutoff < notAfter ? cutoff : notAfter;
}

export interface RecordCounts {
  spans: number;
  events: number;
  rollups: number;
}

export async function countRecords(db: TimebackDb): Promise<RecordCounts> {
  const tx = db.transaction(['spans', 'events', 'rollups']);
  const [spans, events, rollups] = await Promise.all([tx.objectStore('spans').count(), tx.objectStore('events').count(), tx.objectStore('rollups').count()]);
  await tx.done;
  return { spans, events, rollups };
}

/** Clear every IndexedDB store (records, rollups, tracker state, timer, journal) in one transaction. */
export async function deleteAllRecords(db: TimebackDb): Promise<void> {
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names, 'readwrite');
  for (const name of names) await tx.objectStore(name).clear();
  await tx.done;
}

/** Every raw record, read in one transaction: the content of a backup. */
export async function readAllRecords(db: TimebackDb): Promise<{ spans: ActivitySpan[]; events: PageEvent[] }> {
  const tx = db.transaction(['spans', 'events']);
  const [spans, events] = await Promise.all([tx.objectStore('spans').getAll(), tx.objectStore('events').getAll()]);
  await tx.done;
  return { spans, events };
}

export interface MergeResult {
  /** New records written. */
  added: number;
  /** Records already here, identical: nothing to do. */
  unchanged: number;
  /** Records whose id is already here with different content: the copy here is kept. */
  conflicting: number;
}

/**
 * Merge validated records in ONE transaction: a record whose id is new is
 * added; one whose id exists is never overwritten (identical or not). Then
 * every rollup is rebuilt from all records. If anything fails, the
 * transaction aborts and nothing changes.
 */
export async function mergeRecords(
  db: TimebackDb,
  records: { spans: readonly ActivitySpan[]; events: readonly PageEvent[] },
  ctx: Pick<WriteContext, 'params' | 'timeZone'>,
): Promise<MergeResult> {
  const tx = db.transaction(['meta', 'spans', 'rollups', 'events'], 'readwrite');
  const result: MergeResult = { added: 0, unchanged: 0, conflicting: 0 };
  try {
    for (const [name, list] of [
      ['spans', records.spans],
      ['events', records.events],
    ] as const) {
      const store = tx.objectStore(name);
      for (const record of list) {
        const existing = await store.get(record.id);
        if (existing === undefined) {
          await store.put(record as ActivitySpan & PageEvent);
          result.added++;
        } else if (sameRecord(existing, record)) result.unchanged++;
        else result.conflicting++;
      }
    }
    await rebuildRollups(tx, ctx);
    await tx.objectStore('meta').put({ ...ctx.params }, 'rollupParams');
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw error;
  }
  return result;
}
