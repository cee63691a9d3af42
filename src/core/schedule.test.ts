import { describe, expect, it } from 'vitest';
import { minutesOfDay, parseSchedule } from './schedule.js';

describe('schedule times', () => {
  it('accepts a session that ends at midnight (24:00) and refuses one that starts there', () => {
    expect(minutesOfDay('24:00')).toBe(1440);
    expect(parseSchedule({ sessions: [{ weekday: 5, start: '20:00', end: '24:00' }], nonWorkingDates: [], leave: [] }).ok).toBe(true);
    expect(parseSchedule({ sessions: [{ weekday: 5, start: '24:00', end: '24:00' }], nonWorkingDates: [], leave: [] }).ok).toBe(false);
    expect(parseSchedule({ sessions: [{ weekday: 5, start: '08:00', end: '24:30' }], nonWorkingDates: [], leave: [] }).ok).toBe(false);
  });
});
