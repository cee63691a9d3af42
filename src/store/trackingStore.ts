import type { ActiveTimeParams } from '../core/activeTimeParams.js';
import type { ActivitySpan } from '../core/activitySpan.js';
import type { AttentionInputs } from '../core/attention.js';
import { applyRollupDeltas, emptyRollup, eventRollupDelta, manualClaims, rollupsFromRecords, spanRollupDeltas, type DayRollup } from '../core/dayRollup.js';
import { MAX_THRESHOLD_SEC } from '../core/activeTimeParams.js';
import type { Runs } from '../core/runs.js';
import type { LocalDateKey } from '../core/localDate.js';
import { applyAttention, applyReport, INITIAL_TRACKER_STATE, spanIdsForTab, type ActivityReport, type SpanWrite, type TrackerState } from '../core/tracker.js';
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { TimebackDb, TimebackSchema } from './db.js';

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

/**
 * Fold one content-script report into spans, day rollups and tracker state,
 * all in ONE readwrite transaction: the worker can die at any point and the
 * store is either before or after the report, never between.
 */
export async function recordReport(db: TimebackDb, tabId: number, report: ActivityReport, ctx: WriteContext): Promise<SpanWrite[]> {
  const tx = db.transaction(['meta', 'spans', 'rollups', 'events'], 'readwrite');
  await ensureRollupParams(tx, ctx);
  const state = ((await tx.objectStore('meta').get('tracker')) as TrackerState | undefined) ?? INITIAL_TRACKER_STATE;
  const spans = new Map<string, ActivitySpan>();
  for (const id of spanIdsForTab(state, tabId)) {
    const span = await tx.objectStore('spans').get(id);
    if (span) spans.set(id, span);
  }
  const result = applyReport(state, tabId, report, Math.floor(ctx.nowMs / 1000), spans, ctx.newId, ctx.timeZone);
  const claims = await manualClaimsAround(tx.objectStore('spans'), result.writes.map((w) => w.after));
  const deltas = [
    ...result.writes.flatMap((w) => spanRollupDeltas(w.before, w.after, ctx.params, ctx.timeZone, { before: claims, after: claims })),
    ...result.events.map((e) => eventRollupDelta(e)),
  ];
  const dates = [...new Set(deltas.map((d) => d.date))];
  for (const date of dates) {
    const rollup = (await tx.objectStore('rollups').get(date)) ?? emptyRollup(date, ctx.params);
    await tx.objectStore('rollups').put(applyRollupDeltas(rollup, deltas));
  }
  for (const w of result.writes) await tx.objectStore('spans').put(w.after);
  for (const e of result.events) await tx.objectStore('events').put(e);
  await tx.objectStore('meta').put(result.state, 'tracker');
  await tx.done;
  return result.writes;
}

/** How far back a record may start and still reach into a given time (spans are split by attention, rarely longer). */
export const MAX_RECORD_MS = 24 * 3600_000;

type SpanStore = IDBPObjectStore<TimebackSchema, ArrayLike<StoreNames<TimebackSchema>>, 'spans', 'readwrite'>;

/** The seconds claimed by live manual or timer entries overlapping the given records (one indexed range read). */
export async function manualClaimsAround(store: SpanStore, records: readonly ActivitySpan[]): Promise<Runs> {
  if (records.length === 0) return [];
  const from = Math.min(...records.map((r) => r.start));
  const to = Math.max(...records.map((r) => r.end)) + MAX_THRESHOLD_SEC * 1000;
  const near = await store.index('start').getAll(IDBKeyRange.bound(from - MAX_RECORD_MS, to));
  return manualClaims(near.filter((s) => s.end > from));
}

/** Record a change of attention (focus, tab, idle/lock, pause). */
export async function recordAttention(db: TimebackDb, inputs: AttentionInputs, nowMs: number): Promise<TrackerState> {
  const tx = db.transaction('meta', 'readwrite');
  const state = ((await tx.store.get('tracker')) as TrackerState | undefined) ?? INITIAL_TRACKER_STATE;
  const next = applyAttention(state, inputs, Math.floor(nowMs / 1000));
  await tx.store.put(next, 'tracker');
  await tx.done;
  return next;
}

export async function readTracker(db: TimebackDb): Promise<TrackerState> {
  return ((await db.get('meta', 'tracker')) as TrackerState | undefined) ?? INITIAL_TRACKER_STATE;
}

export async function readRollup(db: TimebackDb, date: LocalDateKey): Promise<DayRollup | undefined> {
  return db.get('rollups', date);
}

export async function readSpan(db: TimebackDb, id: string): Promise<ActivitySpan | undefined> {
  return db.get('spans', id);
}

/**
 * Rollups hold the headline figure for one definition. When the clinician
 * changes τ or R, they are rebuilt from the spans inside the same transaction
 * as the write that noticed, so no rollup ever mixes two definitions.
 */
export async function ensureRollupParams(tx: RollupTx, ctx: WriteContext): Promise<void> {
  const meta = tx.objectStore('meta');
  const current = (await meta.get('rollupParams')) as ActiveTimeParams | undefined;
  if (sameParams(current, ctx.params)) return;
  await rebuildRollups(tx, ctx);
  await meta.put({ ...ctx.params }, 'rollupParams');
}

/**
 * Rebuild every day rollup from the raw records, except the rollups of days
 * before `meta.prunedBefore` (retention pruned their raw records): those are
 * all that is left of those days, so they are kept as they are (each records
 * its own params). Such a day without a rollup gets one from whatever records it has.
 */
export async function rebuildRollups(tx: RollupTx, ctx: Pick<WriteContext, 'params' | 'timeZone'>): Promise<void> {
  const prunedBefore = (await tx.objectStore('meta').get('prunedBefore')) as string | undefined;
  const spans = await tx.objectStore('spans').getAll();
  const events = await tx.objectStore('events').getAll();
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
