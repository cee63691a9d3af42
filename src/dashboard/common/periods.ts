/**
 * The dashboard's day, week, month and year periods on LocalDateKey strings
 * ("YYYY-MM-DD"). The calendar arithmetic is core's (dateKeys.ts,
 * isoWeek.ts), so the dashboard and the metrics share one calendar.
 */
import { addDays, addMonths, dateKey, dateKeyParts, daysInMonth } from '../../core/dateKeys.js';
import { isoWeekMonday } from '../../core/isoWeek.js';
import type { LocalDateKey } from '../../core/localDate.js';

export type PeriodKind = 'day' | 'week' | 'month' | 'year';

export interface Period {
  kind: PeriodKind;
  /** Inclusive first and last dates. */
  from: LocalDateKey;
  to: LocalDateKey;
}

/** The day, ISO week (Monday–Sunday), calendar month or calendar year (1 January–31 December) containing `anchor`. */
export function periodOf(kind: PeriodKind, anchor: LocalDateKey): Period {
  if (kind === 'day') return { kind, from: anchor, to: anchor };
  if (kind === 'week') {
    const from = isoWeekMonday(anchor);
    return { kind, from, to: addDays(from, 6) };
  }
  const { year, month } = dateKeyParts(anchor);
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
