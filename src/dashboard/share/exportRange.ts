/**
 * The periods a clinician can export: whole ISO weeks (Monday to Sunday) or
 * whole calendar months, chosen by their first day. Pure date-key maths on
 * top of periods.ts, so the Share page and its tests agree on every boundary.
 */
import { addDays, addMonths } from '../../core/dateKeys.js';
import type { LocalDateKey } from '../../core/localDate.js';
import { periodTitle } from '../common/format.js';
import { periodOf } from '../common/periods.js';

export type RangeUnit = 'week' | 'month';

/** How far back the pickers reach: a year either way, so no choice exceeds the 53 weeks an export may cover. */
export const WEEKS_OFFERED = 52;
export const MONTHS_OFFERED = 12;

export interface RangeChoice {
  unit: RangeUnit;
  /** First day of the first week or month. */
  fromStart: LocalDateKey;
  /** First day of the last week or month. */
  toStart: LocalDateKey;
}

/** The first day of the week or month containing `date`. */
export function startOf(unit: RangeUnit, date: LocalDateKey): LocalDateKey {
  return periodOf(unit, date).from;
}

/** The first days of the weeks or months on offer, newest (the one containing today) first. */
export function startsOffered(unit: RangeUnit, today: LocalDateKey): LocalDateKey[] {
  const first = startOf(unit, today);
  const count = unit === 'week' ? WEEKS_OFFERED : MONTHS_OFFERED;
  return Array.from({ length: count }, (_, i) => (unit === 'week' ? addDays(first, -7 * i) : addMonths(first, -i)));
}

/** "Week 11: 10 March to 16 March 2025" or "March 2025". */
export function startLabel(unit: RangeUnit, start: LocalDateKey): string {
  return periodTitle(periodOf(unit, start));
}

/** The last `count` weeks or months, up to and including the current one. */
export function lastPeriods(unit: RangeUnit, today: LocalDateKey, count: number): RangeChoice {
  const toStart = startOf(unit, today);
  return { unit, toStart, fromStart: unit === 'week' ? addDays(toStart, -7 * (count - 1)) : addMonths(toStart, -(count - 1)) };
}

/** Only this week or this month. */
export function currentPeriod(unit: RangeUnit, today: LocalDateKey): RangeChoice {
  const start = startOf(unit, today);
  return { unit, fromStart: start, toStart: start };
}

/** The inclusive dates the choice covers; null when the first period is after the last. */
export function rangeDates(choice: RangeChoice): { from: LocalDateKey; to: LocalDateKey } | null {
  if (choice.fromStart > choice.toStart) return null;
  return { from: periodOf(choice.unit, choice.fromStart).from, to: periodOf(choice.unit, choice.toStart).to };
}
