import type { ActiveTimeParams } from '../core/activeTimeParams.js';
import { MAX_THRESHOLD_SEC } from '../core/activeTimeParams.js';
import type { ActivityReport } from '../core/activityReport.js';
import type { ActivitySpan } from '../core/activitySpan.js';
import { currentPeriod, type AttentionInputs } from '../core/attention.js';
import { applyRollupDeltas, emptyRollup, eventRollupDelta, manualClaims, rollupsFromRecords, spanRollupDeltas, type DayRollup, type RollupDelta } from '../core/dayRollup.js';
import type { LocalDateKey } from '../core/localDate.js';
import type { PageEvent } from '../core/records.js';
import type { Runs } from '../core/runs.js';
import { applyAttention, applyReport, INITIAL_TRACKER_STATE, spanIdsForReport, takeBackSwitchSecond, type SpanWrite, type TrackerState } from '../core/tracker.js';
import { sameRecord } from '../core/backupValidation.js';
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { TimebackDb, TimebackSchema } from './db.js';
import { encodeEvent, encodeSpan, isStoredAuto, readableEvents, readableSpan, readableSpans } from './recordCodec.js';

/** Everything a write needs besides the data: the clock, the zone and the headline definition. */
export interface WriteContext {
  nowMs: number;
  timeZone: string;
  params: ActiveTimeParams;
  newId: () => string;
}

function sameParams(a: ActiveTimeParams | undefined, b: ActiveTimeParams): boolean {
  return !!a && a.inactivityThresholdSec === b.inactivityThresholdSec && a.readingAllowanceSec === b.readingAllowanceSec;
}

export type RollupTx = IDBPTransaction<TimebackSchema, ['meta', 'spans', 'rollups', 'events'], 'readwrite'>;

/** One content-script report and the tab it came from. */
export interface TabReport {
  tabId: number;
  report: ActivityReport;
}

/**
 * Fold one content-script report into spans, day rollups and tracker state,
 * all in ONE readwrite transaction: the worker can die at any point and the
 * store is either before or after the report, never between.
 */
export async function recordReport(db: TimebackDb, tabId: number, report: ActivityReport, ctx: WriteContext): Promise<SpanWrite[]> {
  return (await recordReports(db, [{ tabId, report }], ctx))[0]!;
}

/**
 * Fold several reports, in order, into ONE readwrite transaction (group
 * commit): the same result as recording them one by one, with one read of the
 * tracker state, one write per touched span and rollup, and one commit. Many
 * tabs reporting at once cost one transaction, not one each.
 */
export async function recordReports(db: TimebackDb, items: readonly TabReport[], ctx: WriteContext): Promise<SpanWrite[][]> {
  const tx = db.transaction(['meta', 'spans', 'rollups', 'events'], 'readwrite');
  const meta = tx.objectStore('meta');
  const spanStore = tx.objectStore('spans');
  // The definition the rollups hold and the tracker state, read together (a rebuild leaves the tracker as it is).
  const [rollupParams, stored] = await Promise.all([meta.get('rollupParams') as Promise<ActiveTimeParams | undefined>, meta.get('tracker') as Promise<TrackerState | undefined>]);
  await ensureRollupParamsAre(tx, ctx, rollupParams);
  let state = stored ?? INITIAL_TRACKER_STATE;
  const nowSec = Math.floor(ctx.nowMs / 1000);
  // Every span this transaction has read or written (undefined: read, and not there), so a
  // batch reads each span once. Only the spans a report can reach are read (spanIdsForReport):
  // most reports in a burst come from tabs whose attention has ended, and need none.
  const known = new Map<string, ActivitySpan | undefined>();
  // Nothing is written before the end, so each read below sees the store as it was: the spans
  // the reports reach in the state as read are read up front, together, in one round trip.
  const upFront = [...new Set(items.flatMap(({ tabId, report }) => spanIdsForReport(state, tabId, report, nowSec)))];
  const found = await Promise.all(upFront.map((id) => spanStore.get(id)));
  upFront.forEach((id, i) => known.set(id, readableSpan(found[i])));
  const changedSpans = new Map<string, ActivitySpan>();
  const events: PageEvent[] = [];
  const deltas: RollupDelta[] = [];
  const claims = manualClaimsCache(spanStore);
  const out: SpanWrite[][] = [];
  for (const { tabId, report } of items) {
    const spans = new Map<string, ActivitySpan>();
    for (const id of spanIdsForReport(state, tabId, report, nowSec)) {
      if (!known.has(id)) known.set(id, readableSpan(await spanStore.get(id)));
      const span = known.get(id);
      if (span) spans.set(id, span);
    }
    const result = applyReport(state, tabId, report, nowSec, spans, ctx.newId, ctx.timeZone);
    for (const w of result.writes) known.set(w.after.id, w.after);
    // Evidence a span already holds (a second reported twice) leaves it as it was: its rollup
    // delta, the same span counted off and on again, is zero, and nothing is written or read for it.
    const changed = result.writes.filter((w) => !(w.before && sameRecord(w.before, w.after)));
    if (changed.length > 0) {
      const near = await claims(result.writes.map((w) => w.after));
      for (const w of changed) {
        deltas.push(...spanRollupDeltas(w.before, w.after, ctx.params, ctx.timeZone, { before: near, after: near }));
        changedSpans.set(w.after.id, w.after);
      }
    }
    for (const e of result.events) deltas.push(eventRollupDelta(e));
    events.push(...result.events);
    state = result.state;
    out.push(result.writes);
  }
  // Deltas add up, so each touched day's rollup is read and written once. The writes go
  // together, in order, and the commit is awaited once: a failed write fails the transaction.
  const rollups = tx.objectStore('rollups');
  const dates = [...new Set(deltas.map((d) => d.date))];
  const before = await Promise.all(dates.map((date) => rollups.get(date)));
  const writes: Promise<unknown>[] = dates.map((date, i) => rollups.put(applyRollupDeltas(before[i] ?? emptyRollup(date, ctx.params), deltas)));
  for (const span of changedSpans.values()) writes.push(spanStore.put(encodeSpan(span)));
  for (const e of events) writes.push(tx.objectStore('events').put(encodeEvent(e)));
  writes.push(meta.put(state, 'tracker'));
  await Promise.all([...writes, tx.done]);
  return out;
}

/**
 * The seconds claimed by manual and timer entries near some records, for a
 * batch of reports: reports never write manual entries, so one indexed read
 * serves every report whose records fall inside the range already read.
 */
function manualClaimsCache(store: SpanStore): (records: readonly ActivitySpan[]) => Promise<Runs> {
  let cached: { from: number; to: number; near: ActivitySpan[] } | undefined;
  return async (records) => {
    if (records.length === 0) return [];
    const from = Math.min(...records.map((r) => r.start));
    const to = Math.max(...records.map((r) => r.end)) + MAX_THRESHOLD_SEC * 1000;
    if (!cached || from < cached.from || to > cached.to) {
      // Read a little wider than asked (an hour each way), so the next reports fall inside it.
      const wide = { from: Math.min(from, cached?.from ?? from) - 3600_000, to: Math.max(to, cached?.to ?? to) + 3600_000 };
      const near = await store.index('start').getAll(IDBKeyRange.bound(wide.from - MAX_RECORD_MS, wide.to));
      // Only manual and timer records claim seconds: the automatic ones (most) are not decoded.
      cached = { ...wide, near: readableSpans(near.filter((s) => !isStoredAuto(s))) };
    }
    return manualClaims(cached.near.filter((s) => s.end > from && s.start <= to));
  };
}

/** How far back a record may start and still reach into a given time (spans are split by attention, rarely longer). */
export const MAX_RECORD_MS = 24 * 3600_000;

type SpanStore = IDBPObjectStore<TimebackSchema, ArrayLike<StoreNames<TimebackSchema>>, 'spans', 'readwrite'>;

/** The seconds claimed by live manual or timer entries overlapping the given records (one indexed range read). */
export function manualClaimsAround(store: SpanStore, records: readonly ActivitySpan[]): Promise<Runs> {
  return manualClaimsCache(store)(records);
}

/**
 * Record a change of attention (focus, tab, idle/lock, pause). A switch from
 * one tab to another may take back the switch second from the tab being left
 * (takeBackSwitchSecond), in the same transaction as its rollup.
 */
export async function recordAttention(db: TimebackDb, inputs: AttentionInputs, nowMs: number, ctx: Pick<WriteContext, 'params' | 'timeZone'>): Promise<TrackerState> {
  const tx = db.transaction(['meta', 'spans', 'rollups', 'events'], 'readwrite');
  const meta = tx.objectStore('meta');
  const state = ((await meta.get('tracker')) as TrackerState | undefined) ?? INITIAL_TRACKER_STATE;
  const nowSec = Math.floor(nowMs / 1000);
  const next = applyAttention(state, inputs, nowSec);
  const leftSpanId = currentPeriod(state.periods)?.spanId;
  const left = leftSpanId ? readableSpan(await tx.objectStore('spans').get(leftSpanId)) : undefined;
  const takenBack = left && takeBackSwitchSecond(state, next, new Map([[left.id, left]]), nowSec, ctx.timeZone);
  if (takenBack) {
    await ensureRollupParams(tx, { ...ctx, nowMs, newId: () => '' });
    const claims = await manualClaimsAround(tx.objectStore('spans'), [left]);
    const deltas = spanRollupDeltas(takenBack.before, takenBack.after, ctx.params, ctx.timeZone, { before: claims, after: claims });
    for (const date of new Set(deltas.map((d) => d.date))) {
      const rollup = (await tx.objectStore('rollups').get(date)) ?? emptyRollup(date, ctx.params);
      await tx.objectStore('rollups').put(applyRollupDeltas(rollup, deltas));
    }
    await tx.objectStore('spans').put(encodeSpan(takenBack.after));
  }
  await meta.put(next, 'tracker');
  await tx.done;
  return next;
}

export async function readTracker(db: TimebackDb): Promise<TrackerState> {
  return ((await db.get('meta', 'tracker')) as TrackerState | undefined) ?? INITIAL_TRACKER_STATE;
}

export async function readRollup(db: TimebackDb, date: LocalDateKey): Promise<DayRollup | undefined> {
  return db.get('rollups', date);
}

/** One span by id: undefined when there is none, or when it cannot be read (recordCodec.ts). */
export async function readSpan(db: TimebackDb, id: string): Promise<ActivitySpan | undefined> {
  return readableSpan(await db.get('spans', id));
}

/** What the popup's summary is built from, read together (readToday). */
export interface TodayRecords {
  rollup: DayRollup | undefined;
  /** The span of the open attention period, if it has one. */
  openSpan: ActivitySpan | undefined;
  /** The manual-timer entries kept in `meta` (manualLogging.ts gives them their types). */
  timer: unknown;
  lastTimer: unknown;
  idleReview: unknown;
}

/**
 * Everything the popup's summary needs, in ONE readonly transaction: the popup
 * waits for this as it opens, and every extra transaction is another round
 * trip to the browser's storage.
 */
export async function readToday(db: TimebackDb, date: LocalDateKey): Promise<TodayRecords> {
  const tx = db.transaction(['rollups', 'meta', 'spans'], 'readonly');
  const meta = tx.objectStore('meta');
  const [rollup, tracker, timer, lastTimer, idleReview] = await Promise.all([
    tx.objectStore('rollups').get(date),
    meta.get('tracker') as Promise<TrackerState | undefined>,
    meta.get('timer'),
    meta.get('lastTimer'),
    meta.get('idleReview'),
  ]);
  const spanId = currentPeriod((tracker ?? INITIAL_TRACKER_STATE).periods)?.spanId;
  const openSpan = spanId ? readableSpan(await tx.objectStore('spans').get(spanId)) : undefined;
  return { rollup, openSpan, timer, lastTimer, idleReview };
}

/**
 * Rollups hold the headline figure for one definition. When the clinician
 * changes τ or R, they are rebuilt from the spans inside the same transaction
 * as the write that noticed, so no rollup ever mixes two definitions.
 */
export async function ensureRollupParams(tx: RollupTx, ctx: WriteContext): Promise<void> {
  await ensureRollupParamsAre(tx, ctx, (await tx.objectStore('meta').get('rollupParams')) as ActiveTimeParams | undefined);
}

/** ensureRollupParams, with the stored definition already read in this transaction. */
async function ensureRollupParamsAre(tx: RollupTx, ctx: WriteContext, current: ActiveTimeParams | undefined): Promise<void> {
  if (sameParams(current, ctx.params)) return;
  await rebuildRollups(tx, ctx);
  await tx.objectStore('meta').put({ ...ctx.params }, 'rollupParams');
}

/**
 * Rebuild every day rollup from the raw records, except the rollups of days
 * before `meta.prunedBefore` (retention pruned their raw records): those are
 * all that is left of those days, so they are kept as they are (each records
 * its own params). Such a day without a rollup gets one from whatever records it has.
 */
export async function rebuildRollups(tx: RollupTx, ctx: Pick<WriteContext, 'params' | 'timeZone'>): Promise<void> {
  const prunedBefore = (await tx.objectStore('meta').get('prunedBefore')) as string | undefined;
  const spans = readableSpans(await tx.objectStore('spans').getAll());
  const events = readableEvents(await tx.objectStore('events').getAll());
  const rollups = tx.objectStore('rollups');
  const kept = new Set(prunedBefore ? await rollups.getAllKeys(IDBKeyRange.upperBound(prunedBefore, true)) : []);
  if (prunedBefore) await rollups.delete(IDBKeyRange.lowerBound(prunedBefore));
  else await rollups.clear();
  for (const rollup of rollupsFromRecords(spans, events, ctx.params, ctx.timeZone).values()) if (!kept.has(rollup.date)) await rollups.put(rollup);
}

/** Rebuild rollups now if the definition changed (called when settings change). */
export async function refreshRollups(db: TimebackDb, ctx: WriteContext): Promise<void> {
  const tx = db.transaction(['meta', 'spans', 'rollups', 'events'], 'readwrite');
  await ensureRollupParams(tx, ctx);
  await tx.done;
}
