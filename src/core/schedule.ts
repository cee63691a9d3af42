import { isLocalDateKey, weekdayOfDate } from './dateKeys.js';
import type { LocalDateKey } from './localDate.js';

/**
 * The clinician's job plan or rota: when patient-facing work is scheduled.
 * Sinsky's measures are normalised per 8 hours of scheduled time, and
 * "work outside work" is active time outside these sessions.
 */
export interface ScheduledSession {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Local wall-clock time "HH:MM", 24-hour. */
  start: string;
  /** Local wall-clock time "HH:MM", after `start` (sessions do not cross midnight). */
  end: string;
}

export interface LeavePeriod {
  /** Inclusive local dates. */
  from: LocalDateKey;
  to: LocalDateKey;
}

export interface Schedule {
  sessions: ScheduledSession[];
  /** Single dates with no sessions (bank holidays, days off). */
  nonWorkingDates: LocalDateKey[];
  /** Leave: no sessions on any date in these ranges. */
  leave: LeavePeriod[];
}

export const EMPTY_SCHEDULE: Schedule = { sessions: [], nonWorkingDates: [], leave: [] };

// "24:00" is allowed so a session can run to midnight (an evening session or the first half of a night shift).
const HHMM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
export const MAX_SESSIONS = 70;
const MAX_DATES = 400;

/** Minutes after local midnight for "HH:MM". */
export function minutesOfDay(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) return NaN;
  return m[3] ? 24 * 60 : Number(m[1]) * 60 + Number(m[2]);
}

/** Validate a schedule; every problem is reported. Never throws. */
export function parseSchedule(raw: unknown): { ok: true; schedule: Schedule } | { ok: false; errors: string[] } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, errors: ['The schedule must be an object.'] };
  const r = raw as Record<string, unknown>;
  const errors: string[] = [];
  const sessions: ScheduledSession[] = [];
  if (!Array.isArray(r.sessions) || r.sessions.length > MAX_SESSIONS) errors.push(`Scheduled sessions must be a list of at most ${MAX_SESSIONS}.`);
  else
    r.sessions.forEach((s: unknown, i: number) => {
      const where = `Session ${i + 1}`;
      const v = (s ?? {}) as Record<string, unknown>;
      if (!Number.isInteger(v.weekday) || (v.weekday as number) < 0 || (v.weekday as number) > 6) errors.push(`${where}: choose a day of the week.`);
      const start = typeof v.start === 'string' ? minutesOfDay(v.start) : NaN;
      const end = typeof v.end === 'string' ? minutesOfDay(v.end) : NaN;
      if (Number.isNaN(start) || Number.isNaN(end) || start === 24 * 60) errors.push(`${where}: give start and end times as HH:MM (24-hour).`);
      else if (end <= start) errors.push(`${where}: the end (${v.end}) must be after the start (${v.start}); sessions cannot cross midnight.`);
      else sessions.push({ weekday: v.weekday as number, start: v.start as string, end: v.end as string });
    });
  // Overlapping sessions on one weekday would count scheduled time twice.
  for (let d = 0; d <= 6; d++) {
    const day = sessions.filter((s) => s.weekday === d).sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start));
    for (let i = 1; i < day.length; i++)
      if (minutesOfDay(day[i]!.start) < minutesOfDay(day[i - 1]!.end))
        errors.push(`Two sessions overlap on the same day (${day[i - 1]!.start}–${day[i - 1]!.end} and ${day[i]!.start}–${day[i]!.end}).`);
  }
  const nonWorkingDates = Array.isArray(r.nonWorkingDates) ? r.nonWorkingDates : null;
  if (!nonWorkingDates || nonWorkingDates.length > MAX_DATES || !nonWorkingDates.every(isLocalDateKey))
    errors.push(`Non-working days must be a list of dates (YYYY-MM-DD), at most ${MAX_DATES}.`);
  const leave = Array.isArray(r.leave) ? r.leave : null;
  if (!leave || leave.length > MAX_DATES) errors.push('Leave must be a list of date ranges.');
  else
    leave.forEach((l: unknown, i: number) => {
      const v = (l ?? {}) as Record<string, unknown>;
      if (!isLocalDateKey(v.from) || !isLocalDateKey(v.to)) errors.push(`Leave ${i + 1}: give "from" and "to" dates as YYYY-MM-DD.`);
      else if (v.to < v.from) errors.push(`Leave ${i + 1}: "to" (${v.to}) is before "from" (${v.from}).`);
    });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    schedule: {
      sessions,
      nonWorkingDates: [...(nonWorkingDates as string[])],
      leave: (leave as LeavePeriod[]).map((l) => ({ from: l.from, to: l.to })),
    },
  };
}

// Schedule-aware helpers for the metrics (src/core/metrics.ts): dates are
// local date keys, so a date's weekday needs no time zone (dateKeys.ts).

/** True when the date is a non-working date or inside a leave range (so it has no sessions). */
export function isDayOff(schedule: Schedule, date: LocalDateKey): boolean {
  return schedule.nonWorkingDates.includes(date) || schedule.leave.some((l) => l.from <= date && date <= l.to);
}

/** Length of a session in minutes (local wall-clock: on DST-change days the real duration differs). */
export function sessionMinutes(session: ScheduledSession): number {
  return minutesOfDay(session.end) - minutesOfDay(session.start);
}

/** The sessions that take place on a date, by start time; none on a non-working date or on leave. */
export function sessionsOnDate(schedule: Schedule, date: LocalDateKey): ScheduledSession[] {
  if (isDayOff(schedule, date)) return [];
  const weekday = weekdayOfDate(date);
  return schedule.sessions.filter((s) => s.weekday === weekday).sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start));
}

/** Scheduled wall-clock minutes on a date (the sum of its sessions; validated schedules never overlap). */
export function scheduledMinutesOnDate(schedule: Schedule, date: LocalDateKey): number {
  return sessionsOnDate(schedule, date).reduce((sum, s) => sum + sessionMinutes(s), 0);
}
