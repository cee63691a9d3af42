import { localDateKey, localDayStart } from '../../../src/core/localDate.js';
import { sleep } from './extension.js';

/*
 * The browser tests read "today" (the popup's summary, the Day view). A test
 * that ran across local midnight would find its evidence split over two days,
 * so these helpers keep a test's measured stretch on one day. They cost a wait
 * only when a run comes near midnight.
 */

/** The zone the browser tests run in (vitest.config.ts sets TZ for them and the browsers they launch). */
export const TEST_TIME_ZONE = 'Europe/London';

const MINUTE_MS = 60_000;
/** Kept clear of midnight on both sides, so the entry, the dashboard's day and the clock agree. */
const MIDNIGHT_MARGIN_MS = 2 * MINUTE_MS;

/** A stretch for the dashboard's "Add time" form: HH:MM as typed, and the times it stands for. */
export interface RecentMinutes {
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  durationMs: number;
}

/**
 * Whole minutes of today that ended at least a minute ago: `minutes` of them,
 * or as many as today has had. A manual record may not end in the future or
 * start before the day shown, so within two minutes of midnight this first
 * waits until two minutes past it (at most about four minutes). Call it before
 * opening the dashboard, so the Day view shows the same day.
 */
export async function recentMinutes(timeZone = TEST_TIME_ZONE, minutes = 10): Promise<RecentMinutes> {
  const midnight = localDayStart(Date.now() + MIDNIGHT_MARGIN_MS, timeZone);
  const waitMs = midnight + MIDNIGHT_MARGIN_MS - Date.now();
  if (waitMs > 0) await sleep(waitMs + 1_000);
  const now = Date.now();
  const endMs = Math.floor((now - MINUTE_MS) / MINUTE_MS) * MINUTE_MS;
  const startMs = Math.max(localDayStart(now, timeZone), endMs - minutes * MINUTE_MS);
  const hhmm = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  return { start: hhmm(startMs), end: hhmm(endMs), startMs, endMs, durationMs: endMs - startMs };
}

/**
 * If the next `spanMs` would run into another local day, wait until just after
 * midnight, so a test that measures that long sees all of it on one day.
 */
export async function clearOfMidnight(spanMs: number, timeZone = TEST_TIME_ZONE): Promise<void> {
  const now = Date.now();
  if (localDateKey(now + spanMs, timeZone) === localDateKey(now, timeZone)) return;
  await sleep(localDayStart(now + spanMs, timeZone) - now + 2_000);
}
