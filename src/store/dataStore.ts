import type { ActivitySpan } from '../core/activitySpan.js';
import { sameRecord } from '../core/backupValidation.js';
import type { TimebackDb } from './db.js';
import type { LocalDateKey } from '../core/localDate.js';
import { encodeEvent, encodeSpan, readableEvent, readableEvents, readableSpan, readableSpans } from './recordCodec.js';
import type { PageEvent } from '../core/records.js';
import { rebuildRollups, type WriteContext } from './trackingStore.js';

/**
 * The clinician's data as a whole: retention, counts, deleting everything,
 * and backup and restore. Each write is ONE transaction.
 */

const DAY_MS = 86_400_000;
/**
 * Every UTC offset in use lies within a day of UTC (−12 h … +14 h), so the
 * local midnight that starts `date`, in whatever zone a record was dated,
 * lies within this margin of `date`'s UTC midnight.
 */
const ZONE_MARGIN_MS = DAY_MS;

/** 00:00 UTC of a calendar date (no zone involved). */
function utcMidnight(date: LocalDateKey): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/**
 * The `start` ranges that hold the spans dated before `cutoffDate`, without a
 * `date` index. A span's `date` is the local date of its `start` in the zone
 * it was written in, so spans starting more than a day before the cutoff's
 * UTC midnight are dated before it in every zone (`certain`), spans starting
 * a day or more after it are not (`all` ends there), and for those in
 * between (`edge`) the stored `date` decides. No zone, and no DST
 * rule, is assumed: records written before the clinician changed zones are
 * handled too.
 */
function datedBeforeRanges(cutoffDate: LocalDateKey): { certain: IDBKeyRange; edge: IDBKeyRange; all: IDBKeyRange } {
  const midnight = utcMidnight(cutoffDate);
  return {
    certain: IDBKeyRange.upperBound(midnight - ZONE_MARGIN_MS, true),
    edge: IDBKeyRange.bound(midnight - ZONE_MARGIN_MS, midnight + ZONE_MARGIN_MS, false, true),
    all: IDBKeyRange.upperBound(midnight + ZONE_MARGIN_MS, true),
  };
}

/**
 * Delete raw spans and page events dated before `cutoffDate` (their `date`
 * field), keeping every day rollup: the figures stay, the second-by-second
 * evidence goes. Spans are found through the `start` index (datedBeforeRanges);
 * events, a few per active hour, have no index and are scanned.
 * Remembers the cutoff so rollup rebuilds keep those days.
 * Returns how many records were deleted.
 */
export async function pruneBefore(db: TimebackDb, cutoffDate: LocalDateKey): Promise<{ spans: number; events: number }> {
  const tx = db.transaction(['spans', 'events', 'meta'], 'readwrite');
  const spans = tx.objectStore('spans');
  const events = tx.objectStore('events');
  const { certain, edge } = datedBeforeRanges(cutoffDate);
  const spanKeys = await spans.index('start').getAllKeys(certain);
  // The stored date (`d`) decides, without decoding: records that cannot be read are pruned too.
  for (const s of await spans.index('start').getAll(edge)) if (s.d < cutoffDate) spanKeys.push(s.id);
  const eventKeys = (await events.getAll()).filter((e) => e.d < cutoffDate).map((e) => e.id);
  for (const key of spanKeys) await spans.delete(key);
  for (const key of eventKeys) await events.delete(key);
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
  const total = await tx.store.count();
  const wanted = Math.max(1, Math.ceil(total * fraction));
  // Walk the spans oldest first (by `start`) to the wanted-th one dated before
  // `notAfter`; prune every whole day up to the latest date seen, so at least
  // the wanted spans go.
  let seen = 0;
  let lastDate: string | undefined;
  let cursor = await tx.store.index('start').openCursor(datedBeforeRanges(notAfter).all);
  while (cursor) {
    const { d: date } = cursor.value;
    if (date < notAfter) {
      if (lastDate === undefined || date > lastDate) lastDate = date;
      if (++seen >= wanted) break;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  if (!lastDate) return undefined;
  // The day after the latest chosen span's date (calendar arithmetic in UTC, no zone involved).
  const next = new Date(utcMidnight(lastDate) + DAY_MS);
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
  return { spans: readableSpans(spans), events: readableEvents(events) };
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
    /** `existing` is undefined when the record here cannot be read: it is kept as it is too, counted as conflicting. */
    const count = (existing: object | undefined, record: object) => {
      if (existing !== undefined && sameRecord(existing, record)) result.unchanged++;
      else result.conflicting++;
    };
    const spans = tx.objectStore('spans');
    for (const record of records.spans) {
      const stored = await spans.get(record.id);
      if (stored === undefined) {
        await spans.put(encodeSpan(record));
        result.added++;
      } else count(readableSpan(stored), record);
    }
    const events = tx.objectStore('events');
    for (const record of records.events) {
      const stored = await events.get(record.id);
      if (stored === undefined) {
        await events.put(encodeEvent(record));
        result.added++;
      } else count(readableEvent(stored), record);
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
