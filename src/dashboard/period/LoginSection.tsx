import type { PeriodMetrics } from '../../core/periodMetrics.js';
import { formatDuration } from '../../ui/duration.js';
import { t } from '../../ui/i18n.js';
import { formatNumber } from '../common/format.js';

/** Login burden: how often, how long on sign-in pages, and how long a typical login takes. */
export function LoginSection({ metrics }: { metrics: PeriodMetrics }) {
  const { count, perActiveDay, medianLoginMs, authPageMs } = metrics.login;
  return (
    <section class="section dash-section" aria-labelledby="login-heading">
      <h2 id="login-heading">{t('dash_loginHeading')}</h2>
      <p>{t('dash_loginIntro')}</p>
      <dl class="summary-list">
        <dt>{t('dash_loginCount')}</dt>
        <dd>{count}</dd>
        <dt>{t('dash_loginPerDay')}</dt>
        <dd>{perActiveDay === null ? t('dash_notAvailable') : formatNumber(perActiveDay)}</dd>
        <dt>{t('dash_loginPageTime')}</dt>
        <dd>{formatDuration(authPageMs)}</dd>
        <dt>{t('dash_loginMedian')}</dt>
        <dd>{medianLoginMs === null ? t('dash_noLogins') : formatDuration(medianLoginMs)}</dd>
      </dl>
    </section>
  );
}
