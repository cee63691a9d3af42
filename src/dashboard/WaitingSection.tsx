import type { PeriodMetrics } from '../core/periodMetrics.js';
import { formatDuration } from '../core/todaySummary.js';
import { t } from '../ui/i18n.js';

/** Time waiting for the systems: the total, and page-load times per system (typical and slowest 5%). */
export function WaitingSection({ metrics, nameOf }: { metrics: PeriodMetrics; nameOf: (systemId: string) => string }) {
  const systems = Object.entries(metrics.waiting.bySystem).sort((a, b) => b[1].totalMs - a[1].totalMs);
  return (
    <section class="section dash-section" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">{t('dash_waitingHeading')}</h2>
      <p>{t('dash_waitingIntro')}</p>
      <dl class="summary-list">
        <dt>{t('dash_waitingTotal')}</dt>
        <dd>{formatDuration(metrics.waiting.totalMs)}</dd>
      </dl>
      {systems.length === 0 ? (
        <p class="inset">{t('dash_noPageLoads')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="waiting-caption" tabIndex={0}>
          <table class="table">
            <caption id="waiting-caption">{t('dash_waitingCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dash_colSystem')}</th>
                <th scope="col" class="numeric">
                  {t('dash_colPageLoads')}
                </th>
                <th scope="col" class="numeric">
                  {t('dash_colP50')}
                </th>
                <th scope="col" class="numeric">
                  {t('dash_colP95')}
                </th>
                <th scope="col" class="numeric">
                  {t('dash_colLoadTotal')}
                </th>
              </tr>
            </thead>
            <tbody>
              {systems.map(([id, s]) => (
                <tr key={id}>
                  <th scope="row">{nameOf(id)}</th>
                  <td class="numeric">{s.pageLoads}</td>
                  <td class="numeric">{formatSeconds(s.p50Ms)}</td>
                  <td class="numeric">{formatSeconds(s.p95Ms)}</td>
                  <td class="numeric">{formatDuration(s.totalMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Page loads are mostly under a minute: tenths of a second say more than formatDuration's whole seconds. */
function formatSeconds(ms: number): string {
  return ms < 60_000 ? t('dash_secondsValue', (ms / 1000).toFixed(1)) : formatDuration(ms);
}
