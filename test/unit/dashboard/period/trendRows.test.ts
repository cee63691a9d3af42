import { beforeAll, describe, expect, it } from 'vitest';
import { datesInRange } from '../../../../src/core/dateRange.js';
import { computePeriodMetrics } from '../../../../src/core/metrics.js';
import type { PeriodMetrics } from '../../../../src/core/periodMetrics.js';
import { EMPTY_SCHEDULE } from '../../../../src/core/schedule.js';
import { periodOf, type PeriodKind } from '../../../../src/dashboard/common/periods.js';
import { trendIsMonthly, trendRows } from '../../../../src/dashboard/period/trendRows.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';

const MIN = 60_000;
const PARAMS = { inactivityThresholdSec: 60, readingAllowanceSec: 60 };

/** A period's metrics whose daily rows are given by `day` (the other fields are those of an empty period). */
function metricsFor(kind: PeriodKind, anchor: string, day: (date: string, i: number) => Partial<PeriodMetrics['daily'][number]>): PeriodMetrics {
  const { from, to } = periodOf(kind, anchor);
  const empty = computePeriodMetrics({ from, to, rollups: [], schedule: EMPTY_SCHEDULE, params: PARAMS });
  return {
    ...empty,
    daily: datesInRange(from, to).map((date, i) => ({
      date,
      activeMs: 0,
      byCategoryMs: {},
      scheduledHours: 0,
      outsideScheduleMs: 0,
      afterHoursEpicMs: 0,
      logins: 0,
      ...day(date, i),
    })),
  };
}

beforeAll(() => installEnGbMessages());

describe('trend rows', () => {
  it('are the days of a week, labelled by weekday', () => {
    const period = periodOf('week', '2025-03-14');
    const rows = trendRows(metricsFor('week', '2025-03-14', () => ({ activeMs: 10 * MIN })), period);
    expect(trendIsMonthly(period)).toBe(false);
    expect(rows.map((r) => r.axisLabel)).toEqual(['Mon 10', 'Tue 11', 'Wed 12', 'Thu 13', 'Fri 14', 'Sat 15', 'Sun 16']);
    expect(rows[4]).toMatchObject({ key: '2025-03-14', label: 'Fri 14 March', activeMs: 10 * MIN });
  });

  it('are the days of a month, labelled by day of the month', () => {
    const rows = trendRows(metricsFor('month', '2025-02-10', () => ({})), periodOf('month', '2025-02-10'));
    expect(rows).toHaveLength(28);
    expect(rows[0]).toMatchObject({ key: '2025-02-01', axisLabel: '1', label: 'Sat 1 February' });
  });

  it('are the 12 months of a year, each adding up its days', () => {
    const period = periodOf('year', '2024-07-01');
    // Leap year: 366 days, each with 1 min of documentation; 2 min of referrals on each 1st.
    const metrics = metricsFor('year', '2024-07-01', (date) => {
      const first = date.endsWith('-01');
      return {
        activeMs: (first ? 3 : 1) * MIN,
        byCategoryMs: first ? { documentation: MIN, referrals: 2 * MIN } : { documentation: MIN },
        afterHoursEpicMs: first ? MIN : 0,
        outsideScheduleMs: 0.5 * MIN,
      };
    });
    const rows = trendRows(metrics, period);
    expect(trendIsMonthly(period)).toBe(true);
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.key)).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}-01`));
    expect(rows[0]).toMatchObject({ axisLabel: 'Jan', label: 'January 2024' });
    expect(rows[1]).toEqual({
      key: '2024-02-01',
      axisLabel: 'Feb',
      label: 'February 2024',
      activeMs: (29 + 2) * MIN,
      byCategoryMs: { documentation: 29 * MIN, referrals: 2 * MIN },
      afterHoursEpicMs: MIN,
      outsideScheduleMs: 14.5 * MIN,
    });
    // The months add up to the year.
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
    expect(sum((r) => r.activeMs)).toBe((366 + 24) * MIN);
    expect(sum((r) => r.byCategoryMs.referrals ?? 0)).toBe(24 * MIN);
    expect(sum((r) => r.afterHoursEpicMs)).toBe(12 * MIN);
    // The daily rows are left as they were.
    expect(metrics.daily[31]!.byCategoryMs).toEqual({ documentation: MIN, referrals: 2 * MIN });
  });
});
