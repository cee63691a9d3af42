import { describe, expect, it } from 'vitest';
import { datesInRange } from '../../../../src/core/dateRange.js';
import { periodOf, shiftAnchor } from '../../../../src/dashboard/common/periods.js';

describe('weeks', () => {
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
