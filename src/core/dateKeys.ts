/**
 * Calendar arithmetic on local date keys ("YYYY-MM-DD"). A key is already
 * the clinician's local calendar date, so its weekday, its neighbours and its
 * month come from calendar arithmetic on the key alone, on UTC midnights
 * where every day has 24 h: no time zone or DST can shift a day. Shared by
 * the metrics, the exports and the dashboard's periods.
 */
import type { LocalDateKey } from './localDate.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MS = 86_400_000;

/** A well-formed key of a date that exists ("2026-02-30" does not). */
export function isLocalDateKey(value: unknown): value is LocalDateKey {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The key of a year, month (1–12) and day, zero-padded. */
export function dateKey(year: number, month: number, day: number): LocalDateKey {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Year, month and day of a key of the shape YYYY-MM-DD (the shape is checked, not that the date exists). Throws RangeError otherwise. */
export function dateKeyParts(key: LocalDateKey): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) throw new RangeError(`Not a date key: ${key}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** UTC midnight (ms) of a date key. Throws RangeError on a malformed key. */
export function dateKeyToUtcMs(date: LocalDateKey): number {
  if (!isLocalDateKey(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${String(date)}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** The date key of a UTC instant (ms). */
export function utcMsToDateKey(ms: number): LocalDateKey {
  return new Date(ms).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, of a calendar date (as in ScheduledSession.weekday). Throws RangeError on a malformed key. */
export function weekdayOfDate(date: LocalDateKey): number {
  return new Date(dateKeyToUtcMs(date)).getUTCDay();
}

/** True for Saturday and Sunday. */
export function isWeekend(date: LocalDateKey): boolean {
  const d = weekdayOfDate(date);
  return d === 0 || d === 6;
}

/** The calendar date `days` after (or, negative, before) `date`. */
export function addDays(date: LocalDateKey, days: number): LocalDateKey {
  return utcMsToDateKey(dateKeyToUtcMs(date) + days * DAY_MS);
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
  const { year, month, day } = dateKeyParts(key);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dateKey(y, m, Math.min(day, daysInMonth(y, m)));
}
