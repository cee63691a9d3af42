import type { ComponentChildren } from 'preact';
import type { PeriodMetrics } from '../../core/periodMetrics.js';
import { formatDuration } from '../../ui/duration.js';
import { categoryLabel } from '../../ui/categoryLabel.js';
import { t } from '../../ui/i18n.js';
import { BarChart } from './BarChart.js';
import { categoriesWithTime, categoryClass } from '../common/categoryOrder.js';
import { DataTable } from '../common/DataTable.js';
import type { Period } from '../common/periods.js';
import { trendBars, trendIsMonthly, trendRows } from './trendRows.js';

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
      <DataTable caption={monthly ? t('dash_byTaskMonthlyCaption') : t('dash_byTaskDailyCaption')}>
        <thead>
          <tr>
            <th scope="col">{monthly ? t('dash_colMonth') : t('dash_colDate')}</th>
            {categories.map((c) => (
              <th key={c} scope="col" class="numeric">
                {categoryLabel(c)}
              </th>
            ))}
            <th scope="col" class="numeric">
              {t('dash_total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {categories.map((c) => (
                <td key={c} class="numeric">
                  {formatDuration(r.byCategoryMs[c] ?? 0)}
                </td>
              ))}
              <td class="numeric">{formatDuration(r.activeMs)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('dash_total')}</th>
            {categories.map((c) => (
              <td key={c} class="numeric">
                {formatDuration(metrics.byCategoryMs[c] ?? 0)}
              </td>
            ))}
            <td class="numeric">{formatDuration(metrics.activeMs)}</td>
          </tr>
        </tfoot>
      </DataTable>
    </>
  );
}
