import type { PeriodMetrics } from '../../core/periodMetrics.js';
import { categoryLabel } from '../../ui/categoryLabel.js';
import { t } from '../../ui/i18n.js';
import { CategoryBreakdown } from './CategoryBreakdown.js';
import { CategoryDailyBars } from './CategoryDailyBars.js';
import { categoriesWithTime, categoryClass } from '../common/categoryOrder.js';
import { ChartLegend } from './ChartLegend.js';
import type { Period } from '../common/periods.js';

/** Active time by task: stacked bars per day for a week or month, per month for a year, a breakdown for one day. */
export function ActiveTimeSection({ metrics, period }: { metrics: PeriodMetrics; period: Period }) {
  const legend = categoriesWithTime(metrics.byCategoryMs).map((c) => ({ key: c, label: categoryLabel(c), className: categoryClass(c) }));
  return (
    <section class="section dash-section" aria-labelledby="by-task-heading">
      <h2 id="by-task-heading">{t('dash_byTaskHeading')}</h2>
      <p>{t('dash_byTaskIntro')}</p>
      {period.kind === 'day' ? (
        <CategoryBreakdown metrics={metrics} legend={<ChartLegend items={legend} />} />
      ) : (
        <CategoryDailyBars metrics={metrics} period={period} legend={<ChartLegend items={legend} />} />
      )}
    </section>
  );
}
