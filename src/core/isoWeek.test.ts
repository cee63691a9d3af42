import { describe, expect, it } from 'vitest';
import { addDays } from './dateKeys.js';
import { alignToIsoWeeks, isoWeekKey, isoWeekKeysInRange, isoWeeksInYear, mondayOfIsoWeek, parseIsoWeekKey } from './isoWeek.js';

describe('ISO weeks (core/isoWeek.ts)', () => {
  it.each([
    ['2026-05-11', '2026-W20'],
    ['2026-05-17', '2026-W20'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('%s is in %s', (date, key) => {
    expect(isoWeekKey(date)).toBe(key);
  });

  it('knows which years have 53 weeks', () => {
    expect([2020, 2021, 2026, 2027, 2032].map(isoWeeksInYear)).toEqual([53, 52, 53, 52, 53]);
    expect(parseIsoWeekKey('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeekKey('2027-W53')).toBeNull();
    expect(parseIsoWeekKey('2027-W00')).toBeNull();
    expect(parseIsoWeekKey('2027W01')).toBeNull();
  });

  it('finds Mondays, aligns ranges and lists weeks', () => {
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(mondayOfIsoWeek('2025-W01')).toBe('2024-12-30');
    expect(alignToIsoWeeks('2026-05-13', '2026-05-19')).toEqual({ from: '2026-05-11', to: '2026-05-24' });
    expect(isoWeekKeysInRange('2026-12-28', '2027-01-10')).toEqual(['2026-W53', '2027-W01']);
    expect(isoWeekKeysInRange('2026-05-12', '2026-05-11')).toEqual([]);
  });

  it('round-trips every week of 2000–2040', () => {
    for (let y = 2000; y <= 2040; y++)
      for (let w = 1; w <= isoWeeksInYear(y); w++) {
        const key = `${y}-W${String(w).padStart(2, '0')}`;
        const monday = mondayOfIsoWeek(key);
        expect(isoWeekKey(monday)).toBe(key);
        expect(isoWeekKey(addDays(monday, 6))).toBe(key);
      }
  });
});
