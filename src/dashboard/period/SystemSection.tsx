import type { PeriodMetrics } from '../../core/periodMetrics.js';
import { formatDuration } from '../../ui/duration.js';
import { t } from '../../ui/i18n.js';
import { HBarChart } from './HBarChart.js';
import { TimeShareTable } from './TimeShareTable.js';

/** Active time in each clinical system, largest first. */
export function SystemSection({ metrics, nameOf }: { metrics: PeriodMetrics; nameOf: (systemId: string) => string }) {
  const rows = Object.entries(metrics.bySystemMs)
    .filter(([, ms]) => ms > 0)
    .map(([id, ms]) => ({ key: id, label: nameOf(id), ms, className: 'series-system' }))
    .sort((a, b) => b.ms - a.ms);
  const top = rows[0];
  const summary = top ? t('dash_bySystemSummary', rows.length, top.label, formatDuration(top.ms)) : t('dash_chartNoTime');
  return (
    <section class="section dash-section" aria-labelledby="by-system-heading">
      <h2 id="by-system-heading">{t('dash_bySystemHeading')}</h2>
      <HBarChart rows={rows} summary={summary} />
      <TimeShareTable caption={t('dash_bySystemCaption')} rowHeading={t('dash_colSystem')} rows={rows} activeMs={metrics.activeMs} />
    </section>
  );
}
