import type { ComponentChildren } from 'preact';
import type { PeriodMetrics } from '../../core/periodMetrics.js';
import { formatDuration } from '../../ui/duration.js';
import { categoryLabel } from '../../ui/categoryLabel.js';
import { t } from '../../ui/i18n.js';
import { categoriesWithTime, categoryClass } from '../common/categoryOrder.js';
import { HBarChart } from './HBarChart.js';
import { TimeShareTable } from './TimeShareTable.js';

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
      <TimeShareTable caption={t('dash_byTaskDayCaption')} rowHeading={t('dash_colTask')} rows={rows} activeMs={metrics.activeMs} total />
    </>
  );
}
