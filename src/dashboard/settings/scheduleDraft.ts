/**
 * Pure helpers between the schedule editor (text as typed) and Schedule.
 * Validation itself is parseSchedule's job; these only reshape.
 */
import type { Schedule } from '../../core/schedule.js';

export interface SessionDraft {
  /** Stable key for list rendering and input ids; never stored. */
  key: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  start: string;
  end: string;
}

export interface DateDraft {
  key: number;
  date: string;
}

export interface LeaveDraft {
  key: number;
  from: string;
  to: string;
}

export interface ScheduleDraft {
  sessions: SessionDraft[];
  nonWorkingDates: DateDraft[];
  leave: LeaveDraft[];
}

/** Monday first, as a UK week reads. */
export const WEEKDAYS_MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0] as const;

let nextKey = 1;

export function newSession(weekday = 1, start = '', end = ''): SessionDraft {
  return { key: nextKey++, weekday, start, end };
}

export function newDate(date = ''): DateDraft {
  return { key: nextKey++, date };
}

export function newLeave(from = '', to = ''): LeaveDraft {
  return { key: nextKey++, from, to };
}

/** The editor's starting point: sessions in week order (Monday first), then by start time. */
export function draftFromSchedule(schedule: Schedule): ScheduleDraft {
  const order = (weekday: number) => (weekday + 6) % 7;
  return {
    sessions: [...schedule.sessions]
      .sort((a, b) => order(a.weekday) - order(b.weekday) || a.start.localeCompare(b.start))
      .map((s) => newSession(s.weekday, s.start, s.end)),
    nonWorkingDates: [...schedule.nonWorkingDates].sort().map((d) => newDate(d)),
    leave: [...schedule.leave].sort((a, b) => a.from.localeCompare(b.from)).map((l) => newLeave(l.from, l.to)),
  };
}

/**
 * The schedule a draft describes, for parseSchedule to judge. Session and
 * leave rows are kept even when blank, so "Session 2" in an error is the
 * second row on screen; blank non-working days are dropped (their error
 * names no row, so a left-over empty one would only confuse).
 */
export function scheduleFromDraft(draft: ScheduleDraft): Schedule {
  return {
    sessions: draft.sessions.map((s) => ({ weekday: s.weekday, start: s.start.trim(), end: s.end.trim() })),
    nonWorkingDates: [...new Set(draft.nonWorkingDates.map((d) => d.date.trim()).filter((d) => d !== ''))].sort(),
    leave: draft.leave.map((l) => ({ from: l.from.trim(), to: l.to.trim() })),
  };
}
