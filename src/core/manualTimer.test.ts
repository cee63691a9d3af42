import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMER_LIMIT_MS, scheduledDayEnd, startTimer, stopTimer } from './manualTimer.js';
import { EMPTY_SCHEDULE, type Schedule } from './schedule.js';

const TZ = 'Europe/London';
const at = (iso: string) => Date.parse(iso);
const clinic: Schedule = {
  sessions: [
    { weekday: 2, start: '08:30', end: '12:30' },
    { weekday: 2, start: '13:30', end: '18:00' },
  ],
  nonWorkingDates: ['2026-05-19'],
  leave: [{ from: '2026-05-26', to: '2026-05-28' }],
};

describe('manual timers', () => {
  it('end of the scheduled day: Tuesday 12 May 2026 ends 18:00 BST (17:00Z)', () => {
    expect(new Date(scheduledDayEnd(at('2026-05-12T08:00:00Z'), clinic, TZ)!).toISOString()).toBe('2026-05-12T17:00:00.000Z');
  });

  it.each([
    ['a day off', '2026-05-19T08:00:00Z'],
    ['leave', '2026-05-27T08:00:00Z'],
    ['a day without sessions', '2026-05-13T08:00:00Z'],
  ])('no scheduled day end on %s', (_name, iso) => {
    expect(scheduledDayEnd(at(iso), clinic, TZ)).toBeUndefined();
  });

  it.each([
    // started, schedule, expected limit
    ['morning in clinic: the end of the scheduled day', '2026-05-12T07:30:00Z', clinic, '2026-05-12T17:00:00.000Z'],
    ['late afternoon: 4 hours beats the day end', '2026-05-12T15:30:00Z', clinic, '2026-05-12T19:30:00.000Z'],
    ['no schedule: 4 hours', '2026-05-12T07:30:00Z', EMPTY_SCHEDULE, '2026-05-12T11:30:00.000Z'],
  ])('limit: %s', (_name, iso, schedule, expected) => {
    const timer = startTimer({ now: at(iso), category: 'direct_care', schedule, timeZone: TZ });
    expect(new Date(timer.limitAt).toISOString()).toBe(expected);
  });

  it('stops at the time asked while under the limit', () => {
    const timer = startTimer({ now: at('2026-05-12T09:00:00Z'), category: 'non_ehr', systemId: 'emis', schedule: EMPTY_SCHEDULE, timeZone: TZ });
    expect(stopTimer(timer, at('2026-05-12T09:25:00Z'), TZ)).toEqual({
      category: 'non_ehr',
      systemId: 'emis',
      start: at('2026-05-12T09:00:00Z'),
      end: at('2026-05-12T09:25:00Z'),
      date: '2026-05-12',
      flaggedForReview: false,
    });
  });

  it('a timer left running is cut at its limit and flagged for review, never silently counted', () => {
    const timer = startTimer({ now: at('2026-05-12T09:00:00Z'), category: 'non_ehr', schedule: EMPTY_SCHEDULE, timeZone: TZ });
    const stopped = stopTimer(timer, at('2026-05-13T08:00:00Z'), TZ);
    expect(stopped.end - stopped.start).toBe(DEFAULT_TIMER_LIMIT_MS);
    expect(stopped.flaggedForReview).toBe(true);
  });

  it('a clock that went backwards gives an empty entry, not a negative one', () => {
    const timer = startTimer({ now: at('2026-05-12T09:00:00Z'), category: 'non_ehr', schedule: EMPTY_SCHEDULE, timeZone: TZ });
    const stopped = stopTimer(timer, at('2026-05-12T08:00:00Z'), TZ);
    expect(stopped.end).toBe(stopped.start);
  });
});
