/**
 * Period keys of the personal export: an ISO week ("2026-W20") or a local
 * date, by the export's granularity.
 */
import { addDays } from './dateKeys.js';
import type { Granularity } from './exportFormat.js';
import { isoWeekKey, mondayOfIsoWeek } from './isoWeek.js';

/** The period key (ISO week or date) that a date belongs to. */
export function periodKeyOf(date: string, granularity: Granularity): string {
  return granularity === 'week' ? isoWeekKey(date) : date;
}

/** The first and last dates of a period key. */
export function periodKeyRange(key: string, granularity: Granularity): { from: string; to: string } {
  if (granularity === 'day') return { from: key, to: key };
  const monday = mondayOfIsoWeek(key);
  return { from: monday, to: addDays(monday, 6) };
}
