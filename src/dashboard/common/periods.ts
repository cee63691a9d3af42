/**
 * Pure calendar maths on LocalDateKey strings ("YYYY-MM-DD") for the
 * dashboard's day, week, month and year views. The keys are already the
 * clinician's local dates, so arithmetic runs on UTC midnights: no time zone
 * or DST can shift a day. Day steps come from core/schedule.ts, so the
 * dashboard and the metrics share one calendar.
 */
import type { LocalDateKey } from '../../core/localDate.js';
import { addDays, datesInRange, weekdayOfDate } from '../../core/schedule.js';

export { addDays, datesInRange };

export type PeriodKind = 'day' | 'week' | 'month' | 'year';

export interface Period {
  kind: PeriodKind;
  /** Inclusive first and last dates. */
  from: LocalDateKey;
  to: LocalDateKey;
}

const DAY_MS = 86_400_000;

function parts(key: LocalDateKey): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) throw new RangeError(`Not a date key: ${key}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function toUtcMs(key: LocalDateKey): number {
  const { year, month, day } = parts(key);
  return Date.UTC(year, month - 1, day);
}

export function dateKey(year: number, month: number, day: number): LocalDateKey {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Whole months later (or earlier); the day is clamped to the target month (31 Jan + 1 → 28 or 29 Feb). */
export function addMonths(key: LocalDateKey, months: number): LocalDateKey {
  const { year, month, day } = parts(key);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dateKey(y, m, Math.min(day, daysInMonth(y, m)));
}

/** 0 = Sunday … 6 = Saturday, as in ScheduledSession.weekday. */
export const weekdayOf = weekdayOfDate;

/** The Monday starting the ISO week that contains `key`. */
export function isoWeekStart(key: LocalDateKey): LocalDateKey {
  return addDays(key, -((weekdayOf(key) + 6) % 7));
}

/** ISO 8601 week number and week-based year: the week belongs to the year of its Thursday. */
export function isoWeek(key: LocalDateKey): { year: number; week: number } {
  const thursday = addDays(isoWeekStart(key), 3);
  const year = parts(thursday).year;
  const week = Math.floor((toUtcMs(thursday) - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return { year, week };
}

/** The day, ISO week (Monday–Sunday), calendar month or calendar year (1 January–31 December) containing `anchor`. */
export function periodOf(kind: PeriodKind, anchor: LocalDateKey): Period {
  if (kind === 'day') return { kind, from: anchor, to: anchor };
  if (kind === 'week') {
    const from = isoWeekStart(anchor);
    return { kind, from, to: addDays(from, 6) };
  }
  const { year, month } = parts(anchor);
  if (kind === 'year') return { kind, from: dateKey(year, 1, 1), to: dateKey(year, 12, 31) };
  return { kind, from: dateKey(year, month, 1), to: dateKey(year, month, daysInMonth(year, month)) };
}

/** The anchor `steps` periods later (negative: earlier), keeping the day within the period where it can. */
export function shiftAnchor(kind: PeriodKind, anchor: LocalDateKey, steps: number): LocalDateKey {
  if (kind === 'day') return addDays(anchor, steps);
  if (kind === 'week') return addDays(anchor, 7 * steps);
  // A year is 12 months, so 29 February steps to 28 February rather than into March.
  return addMonths(anchor, kind === 'year' ? 12 * steps : steps);
}
