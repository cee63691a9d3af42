import type { ActivitySource, ActivitySpan } from './activitySpan.js';
import { isLive } from './activitySpan.js';
import type { EntryChange } from './entries.js';
import { localDateKey } from './localDate.js';
import { isTaskCategory, type TaskCategory } from './taskCategory.js';
import { extendSpan, withoutSeconds } from './tracker.js';
import { countedSeconds } from './activeTime.js';
import type { ActiveTimeParams } from './activeTimeParams.js';
import { clipRuns, runsTotal } from './runs.js';

/**
 * Corrections to the record, planned as plain data. Nothing is overwritten:
 * a corrected record is marked `supersededBy` and kept, its replacements
 * carry `edited` and `originalId`, and the journal says how to undo it.
 */
export interface ChangeJournal {
  id: string;
  label: string;
  /** Records this change created (undo deletes them). */
  created: string[];
  /** Records this change superseded (undo makes them count again). */
  superseded: string[];
  /** A note edited in place: the note before. */
  noteBefore?: { id: string; note?: string };
}

export interface ChangePlan {
  /** Records to write: new ones, and originals now marked superseded. */
  put: ActivitySpan[];
  /** Ids of records to remove entirely (only an undo removes records). */
  remove: string[];
  journal: ChangeJournal | null;
}

export interface ChangeContext {
  now: number;
  timeZone: string;
  newId(): string;
  /** Ids a record may name: web and desktop systems ('' = no system). */
  systemIds: ReadonlySet<string>;
  /** Live manual and timer records that could overlap (the store passes those near the change). */
  manualNearby: readonly ActivitySpan[];
  /** The headline definition: a split keeps what counted on both sides of the cut. */
  params: ActiveTimeParams;
}

export const MAX_ENTRY_MS = 24 * 3600_000;
export const MAX_NOTE_LENGTH = 500;

type Result = { ok: true; plan: ChangePlan } | { ok: false; error: string };
const refuse = (error: string): Result => ({ ok: false, error });

const hhmm = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

/** A manual or timer record: every second of it is input, so it counts whole under any definition. */
export function manualSpan(input: {
  id: string;
  source: Exclude<ActivitySource, 'auto'>;
  start: number;
  end: number;
  category: TaskCategory;
  systemId?: string;
  note?: string;
  flaggedForReview?: boolean;
  timeZone: string;
}): ActivitySpan {
  const startSec = Math.floor(input.start / 1000);
  const seconds = Math.max(0, Math.round((input.end - startSec * 1000) / 1000));
  return {
    id: input.id,
    systemId: input.systemId ?? '',
    category: input.category,
    source: input.source,
    start: startSec * 1000,
    end: (startSec + seconds) * 1000,
    date: localDateKey(startSec * 1000, input.timeZone),
    input: seconds > 0 ? [0, seconds] : [],
    attended: seconds > 0 ? [0, seconds] : [],
    ...(input.note ? { note: input.note } : {}),
    ...(input.flaggedForReview ? { flaggedForReview: true } : {}),
  };
}

/** Check times for a manual record: in order, not in the future, at most a day, and clear of other manual records. */
function checkTimes(start: number, end: number, ctx: ChangeContext, ignoreId?: string): string | undefined {
  if (!Number.isFinite(start) || !Number.isFinite(end)) return 'Give a start and an end time.';
  if (end <= start) return 'The end must be after the start.';
  if (end > ctx.now + 60_000) return 'Time in the future cannot be logged.';
  if (end - start > MAX_ENTRY_MS) return 'One entry can be at most 24 hours; add several.';
  const clash = ctx.manualNearby.find((m) => m.id !== ignoreId && isLive(m) && m.start < end && start < m.end);
  if (clash) return `This overlaps your entry ${hhmm(clash.start, ctx.timeZone)}–${hhmm(clash.end, ctx.timeZone)}; change that one first.`;
  return undefined;
}

function checkLabel(category: unknown, systemId: unknown, ctx: ChangeContext): string | undefined {
  if (!isTaskCategory(category)) return 'Choose a task.';
  if (systemId !== undefined && (typeof systemId !== 'string' || !ctx.systemIds.has(systemId))) return 'Choose a system from your settings, or none.';
  return undefined;
}

function checkNote(note: unknown): string | undefined {
  if (note !== undefined && (typeof note !== 'string' || note.length > MAX_NOTE_LENGTH)) return `A note can be at most ${MAX_NOTE_LENGTH} characters.`;
  return undefined;
}

/** Replace `original` by `replacements`: originals are superseded and kept, replacements are marked edited. */
function replace(original: ActivitySpan, replacements: ActivitySpan[], label: string, ctx: ChangeContext): ChangePlan {
  const changeId = ctx.newId();
  const originalId = original.originalId ?? original.id;
  const fresh = replacements.map((r) => ({ ...r, edited: true, originalId }));
  return {
    put: [{ ...original, supersededBy: changeId }, ...fresh],
    remove: [],
    journal: { id: changeId, label, created: fresh.map((r) => r.id), superseded: [original.id] },
  };
}

/** Plan a change from the dashboard. `target` is the record it names (for edit, split, delete). */
export function planChange(change: EntryChange, target: ActivitySpan | undefined, ctx: ChangeContext): Result {
  if (change.kind === 'add') {
    const problem = checkLabel(change.category, change.systemId || undefined, ctx) ?? checkNote(change.note) ?? checkTimes(change.start, change.end, ctx);
    if (problem) return refuse(problem);
    const span = manualSpan({ id: ctx.newId(), source: 'manual', start: change.start, end: change.end, category: change.category, ...(change.systemId ? { systemId: change.systemId } : {}), ...(change.note ? { note: change.note } : {}), timeZone: ctx.timeZone });
    return { ok: true, plan: { put: [span], remove: [], journal: { id: ctx.newId(), label: 'add time', created: [span.id], superseded: [] } } };
  }
  if (!target || !isLive(target)) return refuse('That record no longer exists; reload the day.');
  if (change.kind === 'delete') {
    const changeId = ctx.newId();
    return { ok: true, plan: { put: [{ ...target, supersededBy: changeId }], remove: [], journal: { id: changeId, label: 'delete', created: [], superseded: [target.id] } } };
  }
  if (change.kind === 'split') {
    if (!Number.isFinite(change.at) || change.at <= target.start || change.at >= target.end) return refuse('Split at a time inside the record.');
    const atSec = Math.round(change.at / 1000);
    let first = withoutSeconds(target, atSec, Number.MAX_SAFE_INTEGER, ctx.timeZone);
    let second = withoutSeconds(target, Math.floor(target.start / 1000) - 1, atSec, ctx.timeZone);
    if (!first || !second || first.attended.length === 0 || second.attended.length === 0) return refuse('There is nothing to split on one side of that time.');
    // Seconds either side of the cut that counted before keep counting: each half gets them as
    // input, so a gap bridged across the cut is not lost and the day's total stays the same.
    const counted = countedSeconds(target, ctx.params);
    const countedAt = (sec: number) => runsTotal(clipRuns(counted, sec, sec + 1)) === 1;
    if (countedAt(atSec - 1)) first = extendSpan(first, [atSec - 1, atSec], [atSec - 1, atSec], ctx.timeZone);
    if (countedAt(atSec)) second = extendSpan(second, [atSec, atSec + 1], [atSec, atSec + 1], ctx.timeZone);
    const { switched: _once, ...secondHalf } = second; // a switch belongs to the record's start only
    return { ok: true, plan: replace(target, [{ ...first, id: ctx.newId() }, { ...secondHalf, id: ctx.newId() }], 'split', ctx) };
  }
  // edit
  const onlyNote = change.note !== undefined && change.start === undefined && change.end === undefined && change.category === undefined && change.systemId === undefined;
  const noteProblem = checkNote(change.note);
  if (noteProblem) return refuse(noteProblem);
  if (change.note !== undefined && target.source === 'auto') return refuse('Notes can be added to your own entries only.');
  if (onlyNote) {
    const note = change.note!.trim();
    const { note: _old, ...rest } = target;
    return { ok: true, plan: { put: [note ? { ...rest, note } : rest], remove: [], journal: { id: ctx.newId(), label: 'note', created: [], superseded: [], noteBefore: { id: target.id, ...(target.note ? { note: target.note } : {}) } } } };
  }
  const category = change.category ?? target.category;
  const systemId = change.systemId ?? target.systemId;
  const labelProblem = checkLabel(category, systemId || undefined, ctx);
  if (labelProblem) return refuse(labelProblem);
  const timesChanged = change.start !== undefined || change.end !== undefined;
  if (timesChanged && target.source === 'auto') return refuse('Tracked records cannot be moved; split or delete them instead.');
  if (timesChanged) {
    const start = change.start ?? target.start;
    const end = change.end ?? target.end;
    const problem = checkTimes(start, end, ctx, target.id);
    if (problem) return refuse(problem);
    const note = change.note !== undefined ? change.note.trim() : target.note;
    const moved = manualSpan({ id: ctx.newId(), source: target.source === 'timer' ? 'timer' : 'manual', start, end, category, ...(systemId ? { systemId } : {}), ...(note ? { note } : {}), timeZone: ctx.timeZone });
    return { ok: true, plan: replace(target, [moved], 'edit times', ctx) };
  }
  const relabelled: ActivitySpan = { ...target, id: ctx.newId(), category, systemId };
  delete relabelled.supersededBy;
  if (change.note !== undefined) relabelled.note = change.note.trim();
  return { ok: true, plan: replace(target, [relabelled], 'relabel', ctx) };
}

/** Plan the undo of a journalled change: remove what it created, restore what it superseded. */
export function planUndo(journal: ChangeJournal, records: ReadonlyMap<string, ActivitySpan>): ChangePlan {
  const put: ActivitySpan[] = [];
  for (const id of journal.superseded) {
    const r = records.get(id);
    if (!r) continue;
    const { supersededBy: _gone, ...restored } = r;
    put.push(restored);
  }
  if (journal.noteBefore) {
    const r = records.get(journal.noteBefore.id);
    if (r) {
      const { note: _current, ...rest } = r;
      put.push(journal.noteBefore.note ? { ...rest, note: journal.noteBefore.note } : rest);
    }
  }
  return { put, remove: [...journal.created], journal: null };
}
