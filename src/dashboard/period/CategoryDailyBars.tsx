import type { ComponentChildren } from 'preact';
import type { PeriodMetrics } from '../../core/periodMetrics.js';
import { formatDuration } from '../../ui/duration.js';
import { categoryLabel } from '../../ui/categoryLabel.js';
import { t } from '../../ui/i18n.js';
import { BarChart } from './BarChart.js';
import { categoriesWithTime, categoryClass } from '../common/categoryOrder.js';
import type { Period } from '../common/periods.js';
import { trendBars, trendIsMonthly, trendRows, type TrendRow } from './trendRows.js';
import { TrendTable } from './TrendTable.js';

/**
 * Active time stacked by task for each day (week or month) or each month
 * (year), with a day-by-task or month-by-task data table.
 */
export function CategoryDailyBars({ metrics, period, legend }: { metrics: PeriodMetrics; period: Period; legend: ComponentChildren }) {
  const categories = categoriesWithTime(metrics.byCategoryMs);
  const rows = trendRows(metrics, period);
  const monthly = trendIsMonthly(period);
  const bars = trendBars(rows, (r) => categories.map((c) => ({ key: c, className: categoryClass(c), label: categoryLabel(c), ms: r.byCategoryMs[c] ?? 0 })));
  const busiest = rows.reduce((best, r) => (r.activeMs > best.activeMs ? r : best));
  const figures = [formatDuration(metrics.activeMs), busiest.label, formatDuration(busiest.activeMs)] as const;
  const summary = monthly ? t('dash_byTaskMonthlySummary', ...figures) : t('dash_byTaskDailySummary', ...figures);
  return (
    <>
      <BarChart bars={bars} summary={summary} />
      {legend}
      <TrendTable
        caption={monthly ? t('dash_byTaskMonthlyCaption') : t('dash_byTaskDailyCaption')}
        monthly={monthly}
        rows={rows}
        columns={[
          ...categories.map((c) => ({ key: c, heading: categoryLabel(c), ms: (r: TrendRow) => r.byCategoryMs[c] ?? 0, totalMs: metrics.byCategoryMs[c] ?? 0 })),
          { key: 'total', heading: t('dash_total'), ms: (r) => r.activeMs, totalMs: metrics.activeMs },
        ]}
      />
    </>
  );
}
