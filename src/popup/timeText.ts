/**
 * Clock times and a running timer's elapsed time, as the popup writes them.
 * Times use the browser's locale and time zone, always on a 24-hour clock
 * ("17:30", as in en-GB), so a limit cannot be misread as morning or evening.
 */

let clock: Intl.DateTimeFormat | undefined;

/** "17:30": a moment on the local 24-hour clock. */
export function clockTime(ms: number): string {
  clock ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return clock.format(new Date(ms));
}

/** "0:12:05": hours, minutes and seconds, like a stopwatch, so every second visibly counts. */
export function elapsedText(ms: number): string {
  const totalSec = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
