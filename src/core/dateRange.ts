/**
 * Inclusive ranges of calendar dates, on local date keys (dateKeys.ts): the
 * days of a period, listed or counted.
 */
import { dateKeyToUtcMs, utcMsToDateKey } from './dateKeys.js';
import type { LocalDateKey } from './localDate.js';

const DAY_MS = 86_400_000;

/** Every calendar date from `from` to `to` inclusive; empty when `to` is before `from`. Throws RangeError on a malformed key. */
export function datesInRange(from: LocalDateKey, to: LocalDateKey): LocalDateKey[] {
  const out: LocalDateKey[] = [];
  const end = dateKeyToUtcMs(to);
  for (let ms = dateKeyToUtcMs(from); ms <= end; ms += DAY_MS) out.push(utcMsToDateKey(ms));
  return out;
}

/** Calendar days from `from` to `to` inclusive, for two valid date keys (counted, not listed). */
export function daysInRange(from: LocalDateKey, to: LocalDateKey): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}
