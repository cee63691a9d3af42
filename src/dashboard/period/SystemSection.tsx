import type { PeriodMetrics } from '../../core/periodMetrics.js';
import { formatDuration } from '../../ui/duration.js';
import { t } from '../../ui/i18n.js';
import { DataTable } from '../common/DataTable.js';
import { formatPercent } from '../common/format.js';
import { HBarChart } from './HBarChart.js';

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
      <DataTable caption={t('dash_bySystemCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('dash_colSystem')}</th>
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
              <td class="numeric">{metrics.activeMs > 0 ? formatPercent(row.ms / metrics.activeMs) : ''}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
