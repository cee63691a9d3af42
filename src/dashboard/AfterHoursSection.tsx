import type { PeriodMetrics } from '../core/periodMetrics.js';
import { formatDuration } from '../core/todaySummary.js';
import { t } from '../ui/i18n.js';
import { BarChart } from './BarChart.js';
import { DataTable } from './DataTable.js';
import { dayLabel, dayOfMonth, shortDay } from './format.js';
import type { Period } from './periods.js';

/**
 * Evening, night and weekend time ("pyjama time") in the two published
 * windows, and time outside the clinician's own sessions when there is a
 * schedule; for a week or month, a day-by-day trend.
 */
export function AfterHoursSection({ metrics, period, hasSchedule }: { metrics: PeriodMetrics; period: Period; hasSchedule: boolean }) {
  const bars = metrics.daily.map((d) => ({
    key: d.date,
    axisLabel: period.kind === 'week' ? shortDay(d.date) : dayOfMonth(d.date),
    label: dayLabel(d.date),
    segments: [{ key: 'after-hours', className: 'series-after-hours', label: t('dash_afterHoursEpicShort'), ms: d.afterHoursEpicMs }],
  }));
  const daysWithAfterHours = metrics.daily.filter((d) => d.afterHoursEpicMs > 0).length;
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
          <BarChart bars={bars} summary={t('dash_afterHoursChartSummary', formatDuration(metrics.afterHoursEpicMs), daysWithAfterHours, metrics.days)} />
          <DataTable caption={t('dash_afterHoursCaption')}>
            <thead>
              <tr>
                <th scope="col">{t('dash_colDate')}</th>
                <th scope="col" class="numeric">
                  {t('dash_afterHoursEpicShort')}
                </th>
                {hasSchedule && (
                  <th scope="col" class="numeric">
                    {t('dash_outsideSchedule')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {metrics.daily.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{dayLabel(d.date)}</th>
                  <td class="numeric">{formatDuration(d.afterHoursEpicMs)}</td>
                  {hasSchedule && <td class="numeric">{formatDuration(d.outsideScheduleMs)}</td>}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('dash_total')}</th>
                <td class="numeric">{formatDuration(metrics.afterHoursEpicMs)}</td>
                {hasSchedule && <td class="numeric">{formatDuration(metrics.outsideScheduleMs)}</td>}
              </tr>
            </tfoot>
          </DataTable>
        </>
      )}
    </section>
  );
}
