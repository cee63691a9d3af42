/**
 * The checks the dashboard makes before asking the worker to change a record,
 * so a mistake is explained next to the form and nothing is sent. The worker
 * checks again (it is the only writer); these say it in the clinician's terms.
 */
import type { DayEntry, EntryChange } from '../../core/entries.js';
import type { LocalDateKey } from '../../core/localDate.js';
import { isLocalDateKey } from '../../core/dateKeys.js';
import { isTaskCategory, type TaskCategory } from '../../core/taskCategory.js';
import { t } from '../../ui/i18n.js';
import { longDate } from '../common/format.js';
import { clockTime, localDateOf, localMs, parseClock } from './localTime.js';

export const MAX_NOTE_CHARS = 500;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
export const MAX_DURATION_MIN = 24 * 60;

export type Checked<T> = { ok: true; change: T } | { ok: false; errors: string[] };

type Which = 'start' | 'end' | 'split';

/** The instant of a typed time on `date`, or why it is not one (added to `errors`). */
function instant(date: LocalDateKey, text: string, which: Which, errors: string[]): number | null {
  if (!parseClock(text)) {
    errors.push(t(`day_error_${which}Time`));
    return null;
  }
  const ms = localMs(date, text);
  // A well-formed time with no instant: the hour skipped when the clocks go forward.
  if (ms === null) errors.push(t('day_errorNoSuchTime', text.trim(), longDate(date)));
  return ms;
}

/** The rules every span typed by hand must keep: an end after the start, in the past, at most 24 hours. */
function spanErrors(start: number, end: number, now: number): string[] {
  if (end <= start) return [t('day_errorEndBeforeStart', clockTime(end), clockTime(start))];
  const errors: string[] = [];
  if (end > now) errors.push(t('day_errorFuture', clockTime(end)));
  if (end - start > DAY_MS) errors.push(t('day_errorTooLong'));
  return errors;
}

function noteErrors(note: string): string[] {
  return note.length > MAX_NOTE_CHARS ? [t('day_errorNoteTooLong', MAX_NOTE_CHARS, note.length)] : [];
}

/** The "Add time" form as typed. */
export interface AddDraft {
  date: string;
  start: string;
  /** Give an end time, or a duration in minutes. */
  mode: 'end' | 'duration';
  end: string;
  duration: string;
  category: TaskCategory | '';
  /** '' for no system. */
  systemId: string;
  note: string;
}

export function emptyAddDraft(date: LocalDateKey): AddDraft {
  return { date, start: '', mode: 'end', end: '', duration: '', category: '', systemId: '', note: '' };
}

export function addChange(draft: AddDraft, now: number): Checked<Extract<EntryChange, { kind: 'add' }>> {
  const errors: string[] = [];
  const dateOk = isLocalDateKey(draft.date);
  if (!dateOk) errors.push(t('day_errorDate'));
  const start = dateOk ? instant(draft.date, draft.start, 'start', errors) : null;
  let end: number | null = null;
  if (draft.mode === 'end') {
    end = dateOk ? instant(draft.date, draft.end, 'end', errors) : null;
  } else {
    const minutes = draft.duration.trim() === '' ? Number.NaN : Number(draft.duration);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_DURATION_MIN) errors.push(t('day_errorDuration', MAX_DURATION_MIN));
    // A duration may run past midnight: the end is counted on, not read off a clock.
    else if (start !== null) end = start + minutes * MINUTE_MS;
  }
  if (start !== null && end !== null) errors.push(...spanErrors(start, end, now));
  if (!isTaskCategory(draft.category)) errors.push(t('day_errorCategory'));
  const note = draft.note.trim();
  errors.push(...noteErrors(note));
  if (errors.length > 0 || start === null || end === null || !isTaskCategory(draft.category)) return { ok: false, errors };
  return {
    ok: true,
    change: { kind: 'add', start, end, category: draft.category, ...(draft.systemId ? { systemId: draft.systemId } : {}), ...(note ? { note } : {}) },
  };
}

/** A new task or system for any record. Both are sent, so the change says exactly what the record becomes. */
export function relabelChange(entry: DayEntry, category: TaskCategory, systemId: string): Checked<EntryChange> {
  if (category === entry.category && systemId === entry.systemId) return { ok: false, errors: [t('day_errorRelabelUnchanged')] };
  return { ok: true, change: { kind: 'edit', id: entry.id, category, systemId } };
}

/**
 * New start and end times for a manual or timer record. The form shows whole
 * minutes; a time left as shown is not sent, so its seconds are kept. Each
 * time is read on its own date, so a record across midnight can be edited.
 */
export function timesChange(entry: DayEntry, startText: string, endText: string, now: number): Checked<EntryChange> {
  const startChanged = startText.trim() !== clockTime(entry.start);
  const endChanged = endText.trim() !== clockTime(entry.end);
  if (!startChanged && !endChanged) return { ok: false, errors: [t('day_errorTimesUnchanged')] };
  const errors: string[] = [];
  const start = startChanged ? instant(localDateOf(entry.start), startText, 'start', errors) : entry.start;
  const end = endChanged ? instant(localDateOf(entry.end), endText, 'end', errors) : entry.end;
  if (start !== null && end !== null) errors.push(...spanErrors(start, end, now));
  if (errors.length > 0 || start === null || end === null) return { ok: false, errors };
  return { ok: true, change: { kind: 'edit', id: entry.id, ...(startChanged ? { start } : {}), ...(endChanged ? { end } : {}) } };
}

/** Split a record in two at a time strictly inside it. */
export function splitChange(entry: DayEntry, text: string): Checked<EntryChange> {
  const errors: string[] = [];
  // A record across midnight: the time may belong to either of its dates.
  const dates = [...new Set([localDateOf(entry.start), localDateOf(entry.end)])];
  let at: number | null = null;
  for (const date of dates) {
    const ms = instant(date, text, 'split', errors);
    if (ms !== null && ms > entry.start && ms < entry.end) at = ms;
  }
  if (at !== null) return { ok: true, change: { kind: 'split', id: entry.id, at } };
  // Only the first date's problem is worth saying; the rest repeat it.
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, 1) };
  return { ok: false, errors: [t('day_errorSplitOutside', clockTime(entry.start), clockTime(entry.end))] };
}

/** A private note on a manual record; an empty note removes it. */
export function noteChange(entry: DayEntry, text: string): Checked<EntryChange> {
  const note = text.trim();
  const errors = noteErrors(note);
  if (errors.length > 0) return { ok: false, errors };
  if (note === (entry.note ?? '')) return { ok: false, errors: [t('day_errorNoteUnchanged')] };
  return { ok: true, change: { kind: 'edit', id: entry.id, note } };
}
