import { benchmarksFor } from '../../core/benchmarks.js';
import { PER8_MEASURES, type PeriodMetrics } from '../../core/periodMetrics.js';
import { t } from '../../ui/i18n.js';
import { BenchmarkFigure } from './BenchmarkFigure.js';
import { BenchmarkTable } from './BenchmarkTable.js';
import { formatHours, formatPercent } from '../common/format.js';

/** The per-8-hour measures, in Sinsky's order; each has `dash_measureName_*` and `dash_measure_*` messages. */
export { PER8_MEASURES };

/**
 * Sinsky et al.'s EHR-use measures (JAMIA 2020), each normalised to 8 hours
 * of scheduled patient time, beside the published figures for them.
 * With no schedule there is nothing to divide by, so each one says why.
 */
export function SinskySection({ metrics, hasSchedule, onAddSchedule }: { metrics: PeriodMetrics; hasSchedule: boolean; onAddSchedule: () => void }) {
  const missing = hasSchedule ? t('dash_noScheduledHours') : t('dash_noSchedule');
  return (
    <section class="section dash-section" aria-labelledby="sinsky-heading">
      <h2 id="sinsky-heading">{t('dash_sinskyHeading')}</h2>
      <p>{t('dash_sinskyIntro')}</p>
      {hasSchedule ? (
        <p>{t('dash_scheduledHours', formatHours(metrics.scheduledHours))}</p>
      ) : (
        <div class="inset">
          <p>{t('dash_noSchedule')}</p>
          <button type="button" class="button button-secondary" onClick={onAddSchedule}>
            {t('dash_addSchedule')}
          </button>
        </div>
      )}
      <BenchmarkTable captionId="sinsky-caption" caption={t('dash_sinskyCaption')}>
        {PER8_MEASURES.map((metric) => {
          const value = metrics[metric];
          const published = benchmarksFor((c) => c.kind === 'per8' && c.metric === metric);
          return (
            <tr key={metric}>
              <th scope="row">
                <span class="measure-name">{t(`dash_measureName_${metric}`)}</span>
                <span class="hint measure-hint">{t(`dash_measure_${metric}`)}</span>
              </th>
              <td>{value === null ? missing : t('dash_per8Value', formatHours(value))}</td>
              <td>{published.length > 0 ? published.map((b) => <BenchmarkFigure key={b.id} benchmark={b} />) : t('dash_noPublishedFigure')}</td>
            </tr>
          );
        })}
        <tr>
          <th scope="row">
            <span class="measure-name">{t('dash_undividedAttention')}</span>
            <span class="hint measure-hint">{t('dash_measure_undividedAttention')}</span>
          </th>
          <td>{metrics.undividedAttention === null ? missing : formatPercent(metrics.undividedAttention)}</td>
          <td>{t('dash_noPublishedFigure')}</td>
        </tr>
      </BenchmarkTable>
      <p class="hint">{t('dash_sinskyTeamwork')}</p>
    </section>
  );
}
