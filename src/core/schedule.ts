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

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const MAX_SESSIONS = 70;
const MAX_DATES = 400;

/** Minutes after local midnight for "HH:MM". */
export function minutesOfDay(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) return NaN;
  return Number(m[1]) * 60 + Number(m[2]);
}

export function isLocalDateKey(value: unknown): value is LocalDateKey {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
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
      if (Number.isNaN(start) || Number.isNaN(end)) errors.push(`${where}: give start and end times as HH:MM (24-hour).`);
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
