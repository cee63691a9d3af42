import { weekdayOfDate } from './dateKeys.js';
import { localDateKey, localDayStart, type LocalDateKey } from './localDate.js';
import { isDayOff, minutesOfDay, type Schedule } from './schedule.js';
import type { TaskCategory } from './taskCategory.js';

/**
 * A manual timer for work no content script can see (desktop EHRs, phone
 * calls, paper). Its start is persisted, so it survives the worker being
 * killed and the browser restarting; a timer left running is stopped at its
 * limit and flagged for review, never silently counted.
 */
export interface RunningTimer {
  category: TaskCategory;
  /** A configured system, or a desktop system the clinician named; optional. */
  systemId?: string;
  startedAt: number;
  /** Epoch ms after which the timer no longer counts. */
  limitAt: number;
}

/** The default limit when no scheduled session ends later that day. */
export const DEFAULT_TIMER_LIMIT_MS = 4 * 3600_000;

/** The end of the last scheduled session on the local day of `ms`, or undefined when none is scheduled. */
export function scheduledDayEnd(ms: number, schedule: Schedule, timeZone: string): number | undefined {
  const date = localDateKey(ms, timeZone);
  if (isDayOff(schedule, date)) return undefined;
  const weekday = weekdayOfDate(date);
  const ends = schedule.sessions.filter((s) => s.weekday === weekday).map((s) => minutesOfDay(s.end));
  if (ends.length === 0) return undefined;
  // Wall-clock minutes from the local day start; DST days shift this by the change, which is
  // correct for every session that does not span the changeover hour (sessions in the small hours are rare).
  return localDayStart(ms, timeZone) + Math.max(...ends) * 60_000;
}

/**
 * Start a timer. Its limit is 4 hours, or the end of the scheduled day if that
 * comes later, so a timer started in the morning can last the clinic day.
 */
export function startTimer(input: { now: number; category: TaskCategory; systemId?: string; schedule: Schedule; timeZone: string; limitMs?: number }): RunningTimer {
  const byDuration = input.now + (input.limitMs ?? DEFAULT_TIMER_LIMIT_MS);
  const dayEnd = scheduledDayEnd(input.now, input.schedule, input.timeZone);
  return {
    category: input.category,
    ...(input.systemId ? { systemId: input.systemId } : {}),
    startedAt: input.now,
    limitAt: dayEnd !== undefined && dayEnd > byDuration ? dayEnd : byDuration,
  };
}

export interface StoppedTimer {
  category: TaskCategory;
  systemId?: string;
  start: number;
  end: number;
  date: LocalDateKey;
  /** True when the timer ran past its limit and was cut there: the clinician should review it. */
  flaggedForReview: boolean;
}

/** Stop a timer at `now` (or at its limit if that came first). A clock that went backwards gives an empty entry. */
export function stopTimer(timer: RunningTimer, now: number, timeZone: string): StoppedTimer {
  const overLimit = now >= timer.limitAt;
  const end = Math.max(timer.startedAt, overLimit ? timer.limitAt : now);
  return {
    category: timer.category,
    ...(timer.systemId ? { systemId: timer.systemId } : {}),
    start: timer.startedAt,
    end,
    date: localDateKey(timer.startedAt, timeZone),
    flaggedForReview: overLimit,
  };
}
