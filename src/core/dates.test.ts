import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dateKey, dateKeyParts, daysInMonth, isLeapYear, isLocalDateKey, isWeekend, weekdayOfDate } from './dateKeys.js';
import { datesInRange, daysInRange } from './dateRange.js';
import { isoWeekMonday, isoWeekOf } from './isoWeek.js';

describe('day arithmetic on date keys', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
  });

  it('is unaffected by the clocks changing (tests run in Europe/London)', () => {
    expect(addDays('2025-03-29', 1)).toBe('2025-03-30');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(addDays('2025-10-26', 1)).toBe('2025-10-27');
    expect(datesInRange('2025-03-29', '2025-04-01')).toEqual(['2025-03-29', '2025-03-30', '2025-03-31', '2025-04-01']);
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(weekdayOfDate('2025-03-14')).toBe(5);
    expect(weekdayOfDate('2025-03-16')).toBe(0);
    expect(weekdayOfDate('2000-01-01')).toBe(6);
  });
});

describe('leap years and month lengths', () => {
  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [1900, false],
    [2100, false],
  ])('%i is a leap year: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it('has the right length for every month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it('adds months, clamping the day to the shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2025-01-15', -13)).toBe('2023-12-15');
  });
});

describe('date keys: weekdays, days and ranges', () => {
  it.each([
    ['2026-05-11', 1],
    ['2026-05-16', 6],
    ['2026-03-29', 0], // DST spring, Sunday
    ['2026-10-25', 0], // DST autumn, Sunday
    ['2024-02-29', 4],
    ['2000-01-01', 6],
  ])('weekdayOfDate(%s) = %i', (date, want) => {
    expect(weekdayOfDate(date)).toBe(want);
  });

  it.each([
    ['2026-05-16', true],
    ['2026-05-17', true],
    ['2026-05-15', false],
  ])('isWeekend(%s) = %s', (date, want) => {
    expect(isWeekend(date)).toBe(want);
  });

  it.each([
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'], // across the 23-hour day
    ['2026-10-25', 1, '2026-10-26'], // across the 25-hour day
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-05-11', 0, '2026-05-11'],
  ] as const)('addDays(%s, %i) = %s', (date, n, want) => {
    expect(addDays(date, n)).toBe(want);
  });

  it('datesInRange is inclusive, and empty when reversed', () => {
    expect(datesInRange('2026-03-28', '2026-03-30')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(datesInRange('2026-05-11', '2026-05-11')).toEqual(['2026-05-11']);
    expect(datesInRange('2026-05-12', '2026-05-11')).toEqual([]);
    expect(datesInRange('2025-12-30', '2026-01-02')).toHaveLength(4);
  });

  it('rejects malformed date keys', () => {
    expect(() => weekdayOfDate('2026-02-30')).toThrow(RangeError);
    expect(() => addDays('20260511', 1)).toThrow(RangeError);
    expect(() => datesInRange('2026-05-11', 'soon')).toThrow(RangeError);
  });

  it.each([
    ['2026-05-11', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-5-11', false],
    [20260511, false],
  ] as const)('isLocalDateKey(%s) = %s', (value, want) => {
    expect(isLocalDateKey(value)).toBe(want);
  });

  it('builds and reads keys', () => {
    expect(dateKey(2026, 5, 1)).toBe('2026-05-01');
    expect(dateKey(999, 12, 31)).toBe('0999-12-31');
    expect(dateKeyParts('2026-05-01')).toEqual({ year: 2026, month: 5, day: 1 });
    expect(() => dateKeyParts('2026-5-1')).toThrow(RangeError);
  });

  it('daysInRange counts what datesInRange lists', () => {
    for (const [from, to] of [['2026-03-28', '2026-03-30'], ['2025-12-30', '2026-01-02'], ['2024-01-01', '2024-12-31'], ['2026-05-11', '2026-05-11']] as const)
      expect(daysInRange(from, to)).toBe(datesInRange(from, to).length);
  });
});

describe('ISO weeks', () => {
  it('start on Monday', () => {
    expect(isoWeekMonday('2025-03-10')).toBe('2025-03-10');
    expect(isoWeekMonday('2025-03-14')).toBe('2025-03-10');
    expect(isoWeekMonday('2025-03-16')).toBe('2025-03-10');
    expect(isoWeekMonday('2025-03-17')).toBe('2025-03-17');
  });

  it.each([
    // Week 1 is the week with the year's first Thursday, so it can start in December…
    ['2024-12-30', 2025, 1],
    ['2025-01-01', 2025, 1],
    ['2025-01-05', 2025, 1],
    ['2025-01-06', 2025, 2],
    // …and the last days of January's year can belong to the previous year's week 52 or 53.
    ['2021-01-03', 2020, 53],
    ['2021-01-04', 2021, 1],
    ['2023-01-01', 2022, 52],
    ['2026-12-31', 2026, 53],
    ['2027-01-03', 2026, 53],
    ['2027-01-04', 2027, 1],
    ['2025-03-14', 2025, 11],
    ['2024-12-29', 2024, 52],
  ])('%s is in week %i-W%i', (key, year, week) => {
    expect(isoWeekOf(key)).toEqual({ year, week });
  });

});
