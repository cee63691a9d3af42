/**
 * The bars and table rows of a period's trend charts: one per day for a
 * week or month, one per calendar month for a year (365 bars would be
 * unreadable, and too much to draw). Month rows add up their days, so the
 * rows always sum to the period's totals.
 */
import type { PeriodMetrics } from '../../core/periodMetrics.js';
import type { TaskCategory } from '../../core/taskCategory.js';
import { dayLabel, dayOfMonth, monthLabel, shortDay, shortMonth } from '../common/format.js';
import type { Period } from '../common/periods.js';
import type { ChartBar, ChartSegment } from './BarChart.js';

type DailyRow = PeriodMetrics['daily'][number];

export interface TrendRow {
  /** The date, or the month's first date. */
  key: string;
  /** Short label under the bar: "Fri 14", "14", "Mar". */
  axisLabel: string;
  /** Full label for tooltips and table rows: "Fri 14 March", "March 2025". */
  label: string;
  activeMs: number;
  byCategoryMs: Partial<Record<TaskCategory, number>>;
  afterHoursEpicMs: number;
  outsideScheduleMs: number;
}

/** One bar per row of the trend, labelled as the row is; its segments are the chart's own. */
export const trendBars = (rows: readonly TrendRow[], segments: (row: TrendRow) => ChartSegment[]): ChartBar[] =>
  rows.map((r) => ({ key: r.key, axisLabel: r.axisLabel, label: r.label, segments: segments(r) }));

/** Whether the period's trend is by month (a year) rather than by day. */
export const trendIsMonthly = (period: Period) => period.kind === 'year';

/** One pass over the days, adding each into its month, in date order. */
function monthTotals(daily: readonly DailyRow[]): TrendRow[] {
  const months: TrendRow[] = [];
  for (const d of daily) {
    const first = `${d.date.slice(0, 8)}01`;
    let month = months[months.length - 1];
    if (month?.key !== first) {
      month = { key: first, axisLabel: shortMonth(first), label: monthLabel(first), activeMs: 0, byCategoryMs: {}, afterHoursEpicMs: 0, outsideScheduleMs: 0 };
      months.push(month);
    }
    month.activeMs += d.activeMs;
    month.afterHoursEpicMs += d.afterHoursEpicMs;
    month.outsideScheduleMs += d.outsideScheduleMs;
    for (const [c, ms] of Object.entries(d.byCategoryMs) as Array<[TaskCategory, number]>) month.byCategoryMs[c] = (month.byCategoryMs[c] ?? 0) + ms;
  }
  return months;
}

/** The period's trend rows: months for a year, days otherwise. */
export function trendRows(metrics: PeriodMetrics, period: Period): TrendRow[] {
  if (trendIsMonthly(period)) return monthTotals(metrics.daily);
  return metrics.daily.map((d) => ({
    key: d.date,
    axisLabel: period.kind === 'week' ? shortDay(d.date) : dayOfMonth(d.date),
    label: dayLabel(d.date),
    activeMs: d.activeMs,
    byCategoryMs: d.byCategoryMs,
    afterHoursEpicMs: d.afterHoursEpicMs,
    outsideScheduleMs: d.outsideScheduleMs,
  }));
}
