import type { PeriodMetrics } from '../../core/periodMetrics.js';
import { formatDuration } from '../../ui/duration.js';
import { t } from '../../ui/i18n.js';
import { formatHours } from '../common/format.js';

/** The period's key figures at a glance, and the active-time definition they use. */
export function PeriodSummary({ metrics, hasSchedule }: { metrics: PeriodMetrics; hasSchedule: boolean }) {
  return (
    <section class="dash-section" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('dash_summaryHeading')}</h2>
      <dl class="key-figures">
        <div class="key-figure">
          <dt>{t('dash_activeTime')}</dt>
          <dd class="key-figure-value">{formatDuration(metrics.activeMs)}</dd>
        </div>
        <div class="key-figure">
          <dt>{t('dash_activeDays')}</dt>
          <dd class="key-figure-value">{t('dash_activeDaysValue', metrics.activeDays, metrics.days)}</dd>
        </div>
        <div class="key-figure">
          <dt>{t('dash_afterHoursEpicShort')}</dt>
          <dd class="key-figure-value">{formatDuration(metrics.afterHoursEpicMs)}</dd>
        </div>
        <div class="key-figure">
          <dt>{t('dash_measureName_ehrTime8')}</dt>
          <dd class="key-figure-value">
            {metrics.ehrTime8 === null ? t('dash_notAvailable') : t('dash_per8Value', formatHours(metrics.ehrTime8))}
          </dd>
        </div>
      </dl>
      {!hasSchedule && <p class="hint">{t('dash_noSchedule')}</p>}
      <p class="hint">{t('dash_definition', metrics.params.inactivityThresholdSec, metrics.params.readingAllowanceSec)}</p>
    </section>
  );
}
