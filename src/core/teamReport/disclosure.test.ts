import { describe, expect, it } from 'vitest';
import { makeTeam, PERIOD } from '../../../test/support/teamExports.js';
import { buildTeamReport, discloseCount, discloseStatistic, teamReportToJson } from './index.js';
import { EN_GB } from '../../../test/support/reportMessages.js';

describe('disclosure rules', () => {
  it.each([
    [0, 8, 0],
    [1, 8, '*'],
    [7, 8, '*'],
    [8, 8, 10],
    [12, 8, 10],
    [13, 8, 15],
    [17, 8, 15],
    [18, 8, 20],
    [0, 11, 0],
    [1, 11, '*'],
    [8, 11, '*'],
    [10, 11, '*'],
    [11, 11, 10],
    [12, 11, 10],
    [13, 11, 15],
  ] as const)('%i people with threshold %i → %s', (n, min, shown) => {
    const d = discloseCount(n, min);
    expect('value' in d ? d.value : '*').toBe(shown);
  });

  it.each([0, 1, 7, 8, 12, 13])('a team of %i: the contributor count and every statistic follow the rules', (n) => {
    const r = buildTeamReport(makeTeam(n), { expectedPeriod: PERIOD });
    const json = JSON.parse(teamReportToJson(r, EN_GB));
    expect(json.contributors).toBe({ 0: 0, 1: '*', 7: '*', 8: 10, 12: 10, 13: 15 }[n]);
    const stats = [
      ...json.perCategory.flatMap((c: Record<string, unknown>) => [c.medianHours, c.q1Hours, c.q3Hours, c.totalHours]),
      ...json.perMeasure.flatMap((m: Record<string, unknown>) => [m.median, m.q1, m.q3]),
      ...json.trendByWeek.map((w: Record<string, unknown>) => w.medianActiveHours),
      ...Object.values(json.totals),
      json.afterHoursSharePercent,
    ];
    if (n === 0) expect(stats.every((s) => s === null)).toBe(true);
    else if (n < 8) expect(stats.every((s) => s === '*')).toBe(true);
    else expect(stats.some((s) => typeof s === 'number')).toBe(true);
    if (n > 0 && n < 8) {
      // Not even zeros or per-category counts are shown for a team this small.
      for (const c of json.perCategory) expect(c.contributors).toBe('*');
      for (const w of json.trendByWeek) expect(w.contributors).toBe('*');
    }
  });

  it.each([
    [10, 11, '*'],
    [11, 11, 10],
    [13, 11, 15],
  ] as const)('stricter threshold: %i contributors at %i → %s', (n, min, shown) => {
    const r = buildTeamReport(makeTeam(n), { minContributors: min });
    const json = JSON.parse(teamReportToJson(r, EN_GB));
    expect(json.contributors).toBe(shown);
    expect(json.disclosure.minContributors).toBe(min);
    if (shown === '*') expect(json.totals.activeHours).toBe('*');
    else expect(typeof json.totals.activeHours).toBe('number');
  });

  it('never accepts a threshold below 8', () => {
    expect(() => buildTeamReport([], { minContributors: 7 })).toThrow(RangeError);
    expect(() => buildTeamReport([], { minContributors: 8.5 })).toThrow(RangeError);
    expect(() => buildTeamReport([], { minContributors: 11 })).not.toThrow();
  });

  it('suppresses a statistic built from 1 … min−1 contributors and has no data from none', () => {
    expect(discloseStatistic(3.14159, 0)).toBeNull();
    expect(discloseStatistic(3.14159, 1)).toEqual({ suppressed: true });
    expect(discloseStatistic(3.14159, 7)).toEqual({ suppressed: true });
    expect(discloseStatistic(3.14159, 8)).toEqual({ value: 3.1 });
    expect(discloseStatistic(3.14159, 10, 11)).toEqual({ suppressed: true });
    expect(discloseStatistic(null, 9)).toBeNull();
  });
});
