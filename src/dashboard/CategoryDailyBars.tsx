import type { ComponentChildren } from 'preact';
import type { PeriodMetrics } from '../core/periodMetrics.js';
import { formatDuration } from '../core/todaySummary.js';
import { categoryLabel } from '../ui/categoryLabel.js';
import { t } from '../ui/i18n.js';
import { BarChart } from './BarChart.js';
import { categoriesWithTime, categoryClass } from './categoryOrder.js';
import { DataTable } from './DataTable.js';
import { dayLabel, dayOfMonth, shortDay } from './format.js';
import type { Period } from './periods.js';

/** Each day's active time stacked by task (week or month), with a day-by-task data table. */
export function CategoryDailyBars({ metrics, period, legend }: { metrics: PeriodMetrics; period: Period; legend: ComponentChildren }) {
  const categories = categoriesWithTime(metrics.byCategoryMs);
  const bars = metrics.daily.map((d) => ({
    key: d.date,
    axisLabel: period.kind === 'week' ? shortDay(d.date) : dayOfMonth(d.date),
    label: dayLabel(d.date),
    segments: categories.map((c) => ({ key: c, className: categoryClass(c), label: categoryLabel(c), ms: d.byCategoryMs[c] ?? 0 })),
  }));
  const busiest = metrics.daily.reduce((best, d) => (d.activeMs > best.activeMs ? d : best));
  const summary = t('dash_byTaskDailySummary', formatDuration(metrics.activeMs), dayLabel(busiest.date), formatDuration(busiest.activeMs));
  return (
    <>
      <BarChart bars={bars} summary={summary} />
      {legend}
      <DataTable caption={t('dash_byTaskDailyCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('dash_colDate')}</th>
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
          {metrics.daily.map((d) => (
            <tr key={d.date}>
              <th scope="row">{dayLabel(d.date)}</th>
              {categories.map((c) => (
                <td key={c} class="numeric">
                  {formatDuration(d.byCategoryMs[c] ?? 0)}
                </td>
              ))}
              <td class="numeric">{formatDuration(d.activeMs)}</td>
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
