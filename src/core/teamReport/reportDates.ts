/** Dates in the team report's words: the month names and their order come from the messages file. */
import type { LocalDateKey } from '../localDate.js';
import type { MessageLookup } from './reportLabels.js';

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-05-04" → "4 May 2026" (`teamReport_longDate`, `teamReport_month_5`); anything else as it is. */
export function longDate(t: MessageLookup, key: string): string {
  const m = DATE_KEY.exec(key);
  return m ? t('teamReport_longDate', Number(m[3]), t(`teamReport_month_${Number(m[2])}`), m[1]!) : key;
}

/** "4 May 2026 to 31 May 2026". */
export function periodText(t: MessageLookup, period: { from: LocalDateKey; to: LocalDateKey }): string {
  return t('teamReport_period', longDate(t, period.from), longDate(t, period.to));
}
