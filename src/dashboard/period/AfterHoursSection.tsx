import type { PeriodMetrics } from '../../core/periodMetrics.js';
import { formatDuration } from '../../ui/duration.js';
import { t } from '../../ui/i18n.js';
import { BarChart } from './BarChart.js';
import type { Period } from '../common/periods.js';
import { trendBars, trendIsMonthly, trendRows, type TrendRow } from './trendRows.js';
import { TrendTable } from './TrendTable.js';

/**
 * Evening, night and weekend time ("pyjama time") in the two published
 * windows, and time outside the clinician's own sessions when there is a
 * schedule; for a week or month, a day-by-day trend, and for a year a
 * month-by-month one.
 */
export function AfterHoursSection({ metrics, period, hasSchedule }: { metrics: PeriodMetrics; period: Period; hasSchedule: boolean }) {
  const rows = period.kind === 'day' ? [] : trendRows(metrics, period);
  const monthly = trendIsMonthly(period);
  const bars = trendBars(rows, (r) => [{ key: 'after-hours', className: 'series-after-hours', label: t('dash_afterHoursEpicShort'), ms: r.afterHoursEpicMs }]);
  // Counted in days even by month: "on 40 of 365 days" says more than "in 9 of 12 months".
  const daysWithAfterHours = metrics.daily.filter((d) => d.afterHoursEpicMs > 0).length;
  const chartFigures = [formatDuration(metrics.afterHoursEpicMs), daysWithAfterHours, metrics.days] as const;
  return (
    <section class="section dash-section" aria-labelledby="after-hours-heading">
      <h2 id="after-hours-heading">{t('dash_afterHoursHeading')}</h2>
      <p>{t('dash_afterHoursIntro')}</p>
      <dl class="summary-list">
        <dt>{t('dash_afterHoursEpic')}</dt>
        <dd>{formatDuration(metrics.afterHoursEpicMs)}</dd>
        <dt>{t('dash_afterHoursCerner')}</dt>
        <dd>{formatDuration(metrics.afterHoursCernerMs)}</dd>
        <dt>{t('dash_outsideSchedule')}</dt>
        <dd>{hasSchedule ? formatDuration(metrics.outsideScheduleMs) : t('dash_noSchedule')}</dd>
      </dl>
      {period.kind !== 'day' && (
        <>
          <BarChart
            bars={bars}
            summary={monthly ? t('dash_afterHoursMonthlyChartSummary', ...chartFigures) : t('dash_afterHoursChartSummary', ...chartFigures)}
          />
          <TrendTable
            caption={monthly ? t('dash_afterHoursMonthlyCaption') : t('dash_afterHoursCaption')}
            monthly={monthly}
            rows={rows}
            columns={[
              { key: 'after-hours', heading: t('dash_afterHoursEpicShort'), ms: (r) => r.afterHoursEpicMs, totalMs: metrics.afterHoursEpicMs },
              ...(hasSchedule ? [{ key: 'outside-schedule', heading: t('dash_outsideSchedule'), ms: (r: TrendRow) => r.outsideScheduleMs, totalMs: metrics.outsideScheduleMs }] : []),
            ]}
          />
        </>
      )}
    </section>
  );
}
