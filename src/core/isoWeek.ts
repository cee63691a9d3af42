/**
 * ISO 8601 weeks on local date keys, for exports and reports. Weeks run
 * Monday–Sunday and belong to the year of their Thursday, so 2026-12-31
 * (a Thursday) is in 2026-W53 and 2027-01-01 too. Pure calendar arithmetic
 * on "YYYY-MM-DD" keys (dateKeys.ts): no time zone can shift a day.
 */
import { addDays, dateKey, isLocalDateKey, weekdayOfDate } from './dateKeys.js';
import type { LocalDateKey } from './localDate.js';

/** "2026-W20": week-based year, "-W", two-digit week. */
export type IsoWeekKey = string;

/** The shape of a week key; `parseIsoWeekKey` also checks that week 53 exists in that year. */
export const ISO_WEEK_KEY_PATTERN = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The Monday that starts the ISO week containing `date`. Throws RangeError on a malformed key. */
export function isoWeekMonday(date: LocalDateKey): LocalDateKey {
  return addDays(date, -((weekdayOfDate(date) + 6) % 7));
}

/** ISO week-based year and week number of a date. */
export function isoWeekOf(date: LocalDateKey): { year: number; week: number } {
  const thursday = addDays(isoWeekMonday(date), 3);
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = Math.round((Date.UTC(year, Number(thursday.slice(5, 7)) - 1, Number(thursday.slice(8, 10))) - Date.UTC(year, 0, 1)) / 86_400_000);
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** "2026-W20" for any date in that week. */
export function isoWeekKey(date: LocalDateKey): IsoWeekKey {
  const { year, week } = isoWeekOf(date);
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}

const weeksInYear = new Map<number, number>();

/** 52 or 53: a year has 53 ISO weeks when its 28 December falls in week 53. */
export function isoWeeksInYear(year: number): number {
  let weeks = weeksInYear.get(year);
  if (weeks === undefined) {
    weeks = isoWeekOf(dateKey(year, 12, 28)).week;
    // Validators ask once per row of every file: remember the years asked about (a bounded few).
    if (weeksInYear.size < 10_000) weeksInYear.set(year, weeks);
  }
  return weeks;
}

/** Year and week of a key, or null when it is malformed or names a week 53 the year does not have. */
export function parseIsoWeekKey(key: unknown): { year: number; week: number } | null {
  if (typeof key !== 'string') return null;
  const m = ISO_WEEK_KEY_PATTERN.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 1 || week > isoWeeksInYear(year)) return null;
  return { year, week };
}

/** The Monday of a week key. Throws RangeError when the key is not a real ISO week. */
export function mondayOfIsoWeek(key: IsoWeekKey): LocalDateKey {
  const parsed = parseIsoWeekKey(key);
  if (!parsed) throw new RangeError(`Not an ISO week (YYYY-Www): ${String(key)}`);
  // 4 January is always in week 1.
  return addDays(isoWeekMonday(dateKey(parsed.year, 1, 4)), 7 * (parsed.week - 1));
}

/** True for a Monday. */
export function isMonday(date: LocalDateKey): boolean {
  return isLocalDateKey(date) && weekdayOfDate(date) === 1;
}

/** True for a Sunday. */
export function isSunday(date: LocalDateKey): boolean {
  return isLocalDateKey(date) && weekdayOfDate(date) === 0;
}

/** Widen a range to whole ISO weeks: from its Monday to the Sunday of the week containing `to`. */
export function alignToIsoWeeks(from: LocalDateKey, to: LocalDateKey): { from: LocalDateKey; to: LocalDateKey } {
  return { from: isoWeekMonday(from), to: addDays(isoWeekMonday(to), 6) };
}

/** The keys of every ISO week that has a day in `from`..`to`, in order; empty when `to` is before `from`. */
export function isoWeekKeysInRange(from: LocalDateKey, to: LocalDateKey): IsoWeekKey[] {
  // Validators ask for the same period once per file: keep the last answer.
  if (lastWeekKeys && lastWeekKeys.from === from && lastWeekKeys.to === to) return [...lastWeekKeys.keys];
  const out: IsoWeekKey[] = [];
  if (to < from) return out;
  for (let monday = isoWeekMonday(from); monday <= to; monday = addDays(monday, 7)) out.push(isoWeekKey(monday));
  lastWeekKeys = { from, to, keys: [...out] };
  return out;
}

let lastWeekKeys: { from: LocalDateKey; to: LocalDateKey; keys: IsoWeekKey[] } | undefined;
