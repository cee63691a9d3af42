import type { PeriodMetrics } from '../../core/periodMetrics.js';
import { formatDuration } from '../../ui/duration.js';
import { t } from '../../ui/i18n.js';
import { formatNumber } from '../common/format.js';

/** Fragmentation (switching, length of uninterrupted stretches) and breadth (systems used per day). */
export function WorkPatternSection({ metrics }: { metrics: PeriodMetrics }) {
  const { switchesPerActiveHour, medianBoutSec } = metrics.fragmentation;
  const { meanSystemsPerActiveDay, maxSystemsInADay } = metrics.breadth;
  const na = t('dash_notAvailable');
  return (
    <section class="section dash-section" aria-labelledby="pattern-heading">
      <h2 id="pattern-heading">{t('dash_patternHeading')}</h2>
      <p>{t('dash_patternIntro')}</p>
      <dl class="summary-list">
        <dt>{t('dash_switchesPerHour')}</dt>
        <dd>{switchesPerActiveHour === null ? na : formatNumber(switchesPerActiveHour)}</dd>
        <dt>{t('dash_medianBout')}</dt>
        <dd>{medianBoutSec === null ? na : formatDuration(medianBoutSec * 1000)}</dd>
        <dt>{t('dash_systemsPerDay')}</dt>
        <dd>{meanSystemsPerActiveDay === null ? na : formatNumber(meanSystemsPerActiveDay)}</dd>
        <dt>{t('dash_maxSystemsInADay')}</dt>
        <dd>{maxSystemsInADay}</dd>
      </dl>
    </section>
  );
}
