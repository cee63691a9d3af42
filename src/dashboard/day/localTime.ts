/**
 * Local date and clock time ⇄ epoch ms, in the browser's own time zone.
 *
 * The dashboard runs on the clinician's machine, in the clinician's zone, so
 * the browser's zone is the right one for what they type ("09:30 on Friday").
 * Instants are built with `new Date(year, month - 1, day, h, m)`, which uses
 * the zone's rules for that very date: a summer time typed in winter gets the
 * summer offset, and DST days are 23 or 25 hours long as they really are.
 */
import { dateKey, isLocalDateKey } from '../../core/dateKeys.js';
import type { LocalDateKey } from '../../core/localDate.js';

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "HH:MM" (24-hour, as a time input gives it) as hours and minutes; null when malformed. */
export function parseClock(text: string): { hour: number; minute: number } | null {
  const m = HHMM.exec(text.trim());
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

/**
 * Epoch ms of `time` on local `date`. Null when either is malformed, or when
 * the time does not exist that day: the hour the clocks skip when they go
 * forward (01:00–01:59 on the last Sunday in March in the UK). `Date` would
 * quietly move such a time an hour on; a record at a time that never happened
 * is a typing mistake, so it is refused instead.
 *
 * A time that happens twice (01:00–01:59 on the last Sunday in October, when
 * the clocks go back) is the first of the two, as ECMAScript specifies.
 */
export function localMs(date: LocalDateKey, time: string): number | null {
  const clock = parseClock(time);
  if (!clock || !isLocalDateKey(date)) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const d = new Date(year, month - 1, day, clock.hour, clock.minute);
  // Read back: a skipped time comes back an hour on.
  if (d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== day || d.getHours() !== clock.hour || d.getMinutes() !== clock.minute) return null;
  return d.getTime();
}

/** Epoch ms of the first instant of local `date` (its midnight, or the first time after a skipped midnight). */
export function localDayStartMs(date: LocalDateKey): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day).getTime();
}

/** The local date (YYYY-MM-DD) of an instant. */
export function localDateOf(ms: number): LocalDateKey {
  const d = new Date(ms);
  return dateKey(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

// en-GB with an explicit 23-hour cycle: "00:05", never "24:05" or "12:05 am".
const CLOCK = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "09:05": the local clock time of an instant, in the form a time input takes. Seconds are dropped, not rounded. */
export function clockTime(ms: number): string {
  return CLOCK.format(new Date(ms));
}
