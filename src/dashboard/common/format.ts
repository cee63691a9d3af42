/**
 * How the dashboard writes dates, hours and shares. Words come from the
 * message catalogue; month and weekday names from Intl in en-GB, the
 * language of the only catalogue Timeback ships.
 */
import { isoWeekOf } from '../../core/isoWeek.js';
import type { LocalDateKey } from '../../core/localDate.js';
import { t } from '../../ui/i18n.js';
import type { Period } from './periods.js';

const DATE_LOCALE = 'en-GB';
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date key written with the given fields, separated by spaces (NHS style: "Friday 14 March 2025", no commas). */
function dateText(key: LocalDateKey, options: Intl.DateTimeFormatOptions): string {
  const id = JSON.stringify(options);
  let f = formatters.get(id);
  // UTC both ways: the key is already the local date, so no zone may move it.
  if (!f) formatters.set(id, (f = new Intl.DateTimeFormat(DATE_LOCALE, { timeZone: 'UTC', ...options })));
  return f
    .formatToParts(new Date(`${key}T00:00:00Z`))
    .filter((p) => p.type !== 'literal')
    .map((p) => p.value)
    .join(' ');
}

/** "Friday 14 March 2025" */
export const longDate = (key: LocalDateKey) => dateText(key, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
/** "Fri 14 March" */
export const dayLabel = (key: LocalDateKey) => dateText(key, { weekday: 'short', day: 'numeric', month: 'long' });
/** "Fri 14": a week chart's axis. */
export const shortDay = (key: LocalDateKey) => dateText(key, { weekday: 'short', day: 'numeric' });
/** "14": a month chart's axis. */
export const dayOfMonth = (key: LocalDateKey) => String(Number(key.slice(8, 10)));
/** "March 2025": the month containing `key`. */
export const monthLabel = (key: LocalDateKey) => dateText(key, { month: 'long', year: 'numeric' });
/** "Mar": a year chart's axis. */
export const shortMonth = (key: LocalDateKey) => dateText(key, { month: 'short' });

/** The heading of a period: "Friday 14 March 2025", "Week 11: 10 March to 16 March 2025", "March 2025", "2025". */
export function periodTitle(period: Period): string {
  if (period.kind === 'day') return longDate(period.from);
  if (period.kind === 'month') return monthLabel(period.from);
  if (period.kind === 'year') return dateText(period.from, { year: 'numeric' });
  const sameYear = period.from.slice(0, 4) === period.to.slice(0, 4);
  const start = dateText(period.from, sameYear ? { day: 'numeric', month: 'long' } : { day: 'numeric', month: 'long', year: 'numeric' });
  const end = dateText(period.to, { day: 'numeric', month: 'long', year: 'numeric' });
  return t('dash_weekTitle', isoWeekOf(period.from).week, start, end);
}

/** Hours to one decimal place: "5.8 h". */
export function formatHours(hours: number): string {
  return t('dash_hoursValue', hours.toFixed(1));
}

/** A share from 0 to 1 as a whole percentage: "62%". */
export function formatPercent(share: number): string {
  return t('dash_percentValue', Math.round(share * 100));
}

/** A plain number to `digits` decimal places. */
export function formatNumber(value: number, digits = 1): string {
  return value.toFixed(digits);
}
