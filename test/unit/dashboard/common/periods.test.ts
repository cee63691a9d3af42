import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  datesInRange,
  daysInMonth,
  isLeapYear,
  isoWeek,
  isoWeekStart,
  periodOf,
  shiftAnchor,
  weekdayOf,
} from '../../../../src/dashboard/common/periods.js';

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
    expect(weekdayOf('2025-03-14')).toBe(5);
    expect(weekdayOf('2025-03-16')).toBe(0);
    expect(weekdayOf('2000-01-01')).toBe(6);
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

describe('ISO weeks', () => {
  it('start on Monday', () => {
    expect(isoWeekStart('2025-03-10')).toBe('2025-03-10');
    expect(isoWeekStart('2025-03-14')).toBe('2025-03-10');
    expect(isoWeekStart('2025-03-16')).toBe('2025-03-10');
    expect(isoWeekStart('2025-03-17')).toBe('2025-03-17');
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
    expect(isoWeek(key)).toEqual({ year, week });
  });

  it('a week across the year end runs Monday to Sunday', () => {
    expect(periodOf('week', '2025-01-01')).toEqual({ kind: 'week', from: '2024-12-30', to: '2025-01-05' });
    expect(periodOf('week', '2020-12-31')).toEqual({ kind: 'week', from: '2020-12-28', to: '2021-01-03' });
  });
});

describe('periods', () => {
  it('a day is itself', () => {
    expect(periodOf('day', '2025-03-14')).toEqual({ kind: 'day', from: '2025-03-14', to: '2025-03-14' });
  });

  it('a month is the calendar month, leap Februaries included', () => {
    expect(periodOf('month', '2025-03-14')).toEqual({ kind: 'month', from: '2025-03-01', to: '2025-03-31' });
    expect(periodOf('month', '2024-02-10')).toEqual({ kind: 'month', from: '2024-02-01', to: '2024-02-29' });
    expect(periodOf('month', '2025-02-10')).toEqual({ kind: 'month', from: '2025-02-01', to: '2025-02-28' });
  });

  it('a year is the calendar year, 1 January to 31 December, leap years included', () => {
    expect(periodOf('year', '2025-03-14')).toEqual({ kind: 'year', from: '2025-01-01', to: '2025-12-31' });
    expect(periodOf('year', '2024-12-31')).toEqual({ kind: 'year', from: '2024-01-01', to: '2024-12-31' });
    expect(datesInRange(periodOf('year', '2024-06-01').from, periodOf('year', '2024-06-01').to)).toHaveLength(366);
    expect(datesInRange(periodOf('year', '2025-06-01').from, periodOf('year', '2025-06-01').to)).toHaveLength(365);
  });

  it('steps a year at a time, 29 February landing on 28 February', () => {
    expect(shiftAnchor('year', '2025-03-14', 1)).toBe('2026-03-14');
    expect(shiftAnchor('year', '2025-03-14', -2)).toBe('2023-03-14');
    expect(shiftAnchor('year', '2024-02-29', 1)).toBe('2025-02-28');
    expect(periodOf('year', shiftAnchor('year', '2025-01-01', -1))).toEqual({ kind: 'year', from: '2024-01-01', to: '2024-12-31' });
  });

  it('moves to the previous and next period', () => {
    expect(shiftAnchor('day', '2025-01-01', -1)).toBe('2024-12-31');
    expect(periodOf('week', shiftAnchor('week', '2025-01-02', -1))).toEqual({ kind: 'week', from: '2024-12-23', to: '2024-12-29' });
    expect(periodOf('month', shiftAnchor('month', '2025-01-31', 1))).toEqual({ kind: 'month', from: '2025-02-01', to: '2025-02-28' });
    expect(periodOf('month', shiftAnchor('month', '2025-01-31', -1))).toEqual({ kind: 'month', from: '2024-12-01', to: '2024-12-31' });
  });
});
