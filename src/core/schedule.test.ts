import { describe, expect, it } from 'vitest';
import { isDayOff, minutesOfDay, parseSchedule, scheduledMinutesOnDate, sessionMinutes, sessionsOnDate, type Schedule, type ScheduledSession } from './schedule.js';

function schedule(sessions: ScheduledSession[], more: Partial<Schedule> = {}): Schedule {
  return { sessions, nonWorkingDates: more.nonWorkingDates ?? [], leave: more.leave ?? [] };
}

describe('schedule times', () => {
  it('accepts a session that ends at midnight (24:00) and refuses one that starts there', () => {
    expect(minutesOfDay('24:00')).toBe(1440);
    expect(parseSchedule({ sessions: [{ weekday: 5, start: '20:00', end: '24:00' }], nonWorkingDates: [], leave: [] }).ok).toBe(true);
    expect(parseSchedule({ sessions: [{ weekday: 5, start: '24:00', end: '24:00' }], nonWorkingDates: [], leave: [] }).ok).toBe(false);
    expect(parseSchedule({ sessions: [{ weekday: 5, start: '08:00', end: '24:30' }], nonWorkingDates: [], leave: [] }).ok).toBe(false);
  });
});

describe('schedule helpers', () => {
  const week = schedule(
    [
      { weekday: 1, start: '13:00', end: '17:30' },
      { weekday: 1, start: '08:30', end: '12:00' },
      { weekday: 3, start: '09:00', end: '12:00' },
    ],
    { nonWorkingDates: ['2026-05-25'], leave: [{ from: '2026-06-01', to: '2026-06-05' }] },
  );

  it.each([
    ['2026-05-11', false],
    ['2026-05-25', true], // non-working date
    ['2026-05-31', false],
    ['2026-06-01', true], // first day of leave
    ['2026-06-05', true], // last day of leave
    ['2026-06-06', false],
  ])('isDayOff(%s) = %s', (date, want) => {
    expect(isDayOff(week, date)).toBe(want);
  });

  it('sessionsOnDate: the weekday’s sessions by start time, none on days off', () => {
    expect(sessionsOnDate(week, '2026-05-11').map((s) => s.start)).toEqual(['08:30', '13:00']);
    expect(sessionsOnDate(week, '2026-05-12')).toEqual([]);
    expect(sessionsOnDate(week, '2026-05-25')).toEqual([]); // a Monday, but non-working
    expect(sessionsOnDate(week, '2026-06-01')).toEqual([]); // a Monday on leave
  });

  it('scheduledMinutesOnDate and sessionMinutes use wall-clock lengths', () => {
    expect(sessionMinutes({ weekday: 1, start: '08:30', end: '12:00' })).toBe(210);
    expect(scheduledMinutesOnDate(week, '2026-05-11')).toBe(480); // 210 + 270
    expect(scheduledMinutesOnDate(week, '2026-05-13')).toBe(180);
    expect(scheduledMinutesOnDate(week, '2026-05-25')).toBe(0);
    // A Sunday session over the autumn change is 60 wall-clock minutes, though 120 minutes pass.
    expect(scheduledMinutesOnDate(schedule([{ weekday: 0, start: '01:00', end: '02:00' }]), '2026-10-25')).toBe(60);
  });
});
