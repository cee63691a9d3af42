import type { ComponentChildren } from 'preact';
import type { PeriodMetrics } from '../../core/periodMetrics.js';
import { formatDuration } from '../../ui/duration.js';
import { categoryLabel } from '../../ui/categoryLabel.js';
import { t } from '../../ui/i18n.js';
import { categoriesWithTime, categoryClass } from '../common/categoryOrder.js';
import { DataTable } from '../common/DataTable.js';
import { formatPercent } from '../common/format.js';
import { HBarChart } from './HBarChart.js';

/** One day's active time by task, largest first, with its data table. */
export function CategoryBreakdown({ metrics, legend }: { metrics: PeriodMetrics; legend: ComponentChildren }) {
  const rows = categoriesWithTime(metrics.byCategoryMs)
    .map((c) => ({ key: c, label: categoryLabel(c), ms: metrics.byCategoryMs[c] ?? 0, className: categoryClass(c) }))
    .sort((a, b) => b.ms - a.ms);
  const top = rows[0];
  const summary = top ? t('dash_byTaskDaySummary', formatDuration(metrics.activeMs), top.label, formatDuration(top.ms)) : t('dash_chartNoTime');
  return (
    <>
      <HBarChart rows={rows} summary={summary} />
      {legend}
      <DataTable caption={t('dash_byTaskDayCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('dash_colTask')}</th>
            <th scope="col" class="numeric">
              {t('dash_colActiveTime')}
            </th>
            <th scope="col" class="numeric">
              {t('dash_colShare')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td class="numeric">{formatDuration(row.ms)}</td>
              <td class="numeric">{formatPercent(row.ms / metrics.activeMs)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('dash_total')}</th>
            <td class="numeric">{formatDuration(metrics.activeMs)}</td>
            <td class="numeric">{formatPercent(1)}</td>
          </tr>
        </tfoot>
      </DataTable>
    </>
  );
}
