import { activeMs } from '../core/activeTime.js';
import { MAX_THRESHOLD_SEC } from '../core/activeTimeParams.js';
import { isLive, type ActivitySpan } from '../core/activitySpan.js';
import type { ChangeJournal, ChangePlan } from '../core/corrections.js';
import { planUndo } from '../core/corrections.js';
import { applyRollupDeltas, emptyRollup, manualClaims, spanRollupDeltas, type RollupDelta } from '../core/dayRollup.js';
import type { DayEntries, DayEntry } from '../core/entries.js';
import { localDayStart, nextLocalDayStart, type LocalDateKey } from '../core/localDate.js';
import { clipRuns, unionRuns } from '../core/runs.js';
import type { TimebackDb } from './db.js';
import { encodeSpan, readableSpan, readableSpans } from './recordCodec.js';
import { ensureRollupParams, MAX_RECORD_MS, readSpan, type WriteContext } from './trackingStore.js';

const sameRuns = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Apply a planned change in ONE transaction: records written or removed,
 * and every day rollup they touch — including automatic records whose
 * counted time changes because a manual entry now claims (or releases) their
 * seconds. Journals the change for undo (an undo clears the journal).
 */
export async function applyPlan(db: TimebackDb, plan: ChangePlan, ctx: WriteContext): Promise<void> {
  const tx = db.transaction(['meta', 'spans', 'rollups', 'events'], 'readwrite');
  await ensureRollupParams(tx, ctx);
  const spans = tx.objectStore('spans');
  const ids = [...new Set([...plan.put.map((s) => s.id), ...plan.remove])];
  const old = new Map<string, ActivitySpan>();
  for (const id of ids) {
    const s = readableSpan(await spans.get(id));
    if (s) old.set(id, s);
  }
  const touched = [...old.values(), ...plan.put];
  const from = Math.min(...touched.map((s) => s.start));
  const to = Math.max(...touched.map((s) => s.end)) + MAX_THRESHOLD_SEC * 1000;
  const near = touched.length === 0 ? [] : readableSpans(await spans.index('start').getAll(IDBKeyRange.bound(from - MAX_RECORD_MS, to))).filter((s) => s.end >= from);
  const before = new Map(near.map((s) => [s.id, s]));
  for (const [id, s] of old) before.set(id, s);
  const after = new Map(before);
  for (const id of plan.remove) after.delete(id);
  for (const s of plan.put) after.set(s.id, s);
  const claimsBefore = manualClaims(before.values());
  const claimsAfter = manualClaims(after.values());
  const claimsChanged = !sameRuns(claimsBefore, claimsAfter);
  const deltas: RollupDelta[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(id);
    const a = after.get(id);
    if (b === a && !(claimsChanged && b?.source === 'auto')) continue;
    deltas.push(...spanRollupDeltas(b, a, ctx.params, ctx.timeZone, { before: claimsBefore, after: claimsAfter }));
  }
  const rollups = tx.objectStore('rollups');
  for (const date of new Set(deltas.map((d) => d.date))) {
    const rollup = (await rollups.get(date)) ?? emptyRollup(date, ctx.params);
    await rollups.put(applyRollupDeltas(rollup, deltas));
  }
  for (const id of plan.remove) await spans.delete(id);
  for (const s of plan.put) await spans.put(encodeSpan(s));
  const meta = tx.objectStore('meta');
  if (plan.journal) await meta.put(plan.journal, 'lastChange');
  await tx.done;
}

/** Undo the last journalled change. False when there is nothing to undo. */
export async function undoLastChange(db: TimebackDb, ctx: WriteContext): Promise<boolean> {
  const journal = (await db.get('meta', 'lastChange')) as ChangeJournal | undefined;
  if (!journal) return false;
  const records = new Map<string, ActivitySpan>();
  for (const id of [...journal.created, ...journal.superseded, ...(journal.noteBefore ? [journal.noteBefore.id] : [])]) {
    const s = await readSpan(db, id);
    if (s) records.set(id, s);
  }
  await applyPlan(db, planUndo(journal, records), ctx);
  await db.delete('meta', 'lastChange');
  return true;
}

/** Live manual and timer records near [start, end): to refuse overlapping entries. */
export async function manualRecordsNear(db: TimebackDb, start: number, end: number): Promise<ActivitySpan[]> {
  const near = readableSpans(await db.getAllFromIndex('spans', 'start', IDBKeyRange.bound(start - MAX_RECORD_MS, end)));
  return near.filter((s) => s.source !== 'auto' && isLive(s) && s.end > start);
}

/** Every live record that counts on `date`, with what it counts there: the day timeline. */
export async function readDayEntries(
  db: TimebackDb,
  date: LocalDateKey,
  ctx: Pick<WriteContext, 'params' | 'timeZone'> & { nameOf(systemId: string): string; probeMs: number },
): Promise<DayEntries> {
  // Any instant on `date` (the caller passes one) gives the day's bounds by calendar arithmetic.
  const dayStart = localDayStart(ctx.probeMs, ctx.timeZone);
  const dayEnd = nextLocalDayStart(ctx.probeMs, ctx.timeZone);
  const near = readableSpans(await db.getAllFromIndex('spans', 'start', IDBKeyRange.bound(dayStart - MAX_RECORD_MS, dayEnd, false, true)));
  const live = near.filter((s) => isLive(s) && s.end >= dayStart);
  const claims = clipRuns(manualClaims(live), Math.floor(dayStart / 1000) - MAX_RECORD_MS / 1000, Math.ceil(dayEnd / 1000));
  const entries: DayEntry[] = [];
  for (const s of live) {
    // Only the part of a record on this day counts here: the days around it are excluded.
    const outside: number[] = [Math.floor(dayStart / 1000) - 2 * 86_400, Math.floor(dayStart / 1000), Math.ceil(dayEnd / 1000), Math.ceil(dayEnd / 1000) + 2 * 86_400];
    const ms = activeMs(s, ctx.params, s.source === 'auto' ? unionRuns(claims, outside) : outside);
    if (ms === 0 && (s.end <= dayStart || s.start >= dayEnd)) continue;
    entries.push({
      id: s.id,
      systemId: s.systemId,
      systemName: s.systemId ? ctx.nameOf(s.systemId) : '',
      category: s.category,
      source: s.source,
      start: s.start,
      end: s.end,
      activeMs: ms,
      edited: s.edited === true,
      flaggedForReview: s.flaggedForReview === true,
      ...(s.note ? { note: s.note } : {}),
    });
  }
  entries.sort((a, b) => a.start - b.start);
  const journal = (await db.get('meta', 'lastChange')) as ChangeJournal | undefined;
  return {
    date,
    entries,
    totalMs: entries.reduce((t, e) => t + e.activeMs, 0),
    correctedMs: entries.filter((e) => e.source !== 'auto' || e.edited).reduce((t, e) => t + e.activeMs, 0),
    undo: journal ? { label: journal.label } : null,
  };
}

