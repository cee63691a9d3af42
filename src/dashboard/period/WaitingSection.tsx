import type { PeriodMetrics } from '../../core/periodMetrics.js';
import { formatDuration } from '../../ui/duration.js';
import { t } from '../../ui/i18n.js';
import { NumericHeader } from '../common/NumericHeader.js';

type Samples = { count: number; p50Ms: number; p95Ms: number; totalMs: number };

/**
 * Time waiting for the systems: the total, then per system the document loads
 * and the in-app waits of single-page apps (typical and slowest 5%), each in a
 * table of its own.
 */
export function WaitingSection({ metrics, nameOf }: { metrics: PeriodMetrics; nameOf: (systemId: string) => string }) {
  const loads = Object.entries(metrics.waiting.bySystem).map(([id, s]): [string, Samples] => [id, { ...s, count: s.pageLoads }]);
  const inApp = Object.entries(metrics.waiting.inAppBySystem).map(([id, s]): [string, Samples] => [id, { ...s, count: s.waits }]);
  return (
    <section class="section dash-section" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">{t('dash_waitingHeading')}</h2>
      <p>{t('dash_waitingIntro')}</p>
      <dl class="summary-list">
        <dt>{t('dash_waitingTotal')}</dt>
        <dd>{formatDuration(metrics.waiting.totalMs)}</dd>
      </dl>
      {loads.length === 0 ? <p class="inset">{t('dash_noPageLoads')}</p> : <SamplesTable id="waiting-caption" caption={t('dash_waitingCaption')} countLabel={t('dash_colPageLoads')} rows={loads} nameOf={nameOf} />}
      {inApp.length === 0 ? (
        <p class="inset">{t('dash_noInAppWaits')}</p>
      ) : (
        <SamplesTable id="in-app-caption" caption={t('dash_inAppCaption')} countLabel={t('dash_colInAppWaits')} rows={inApp} nameOf={nameOf} />
      )}
    </section>
  );
}

function SamplesTable({ id, caption, countLabel, rows, nameOf }: { id: string; caption: string; countLabel: string; rows: Array<[string, Samples]>; nameOf: (systemId: string) => string }) {
  const sorted = [...rows].sort((a, b) => b[1].totalMs - a[1].totalMs);
  return (
    <div class="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table class="table">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash_colSystem')}</th>
            <NumericHeader>{countLabel}</NumericHeader>
            <NumericHeader>{t('dash_colP50')}</NumericHeader>
            <NumericHeader>{t('dash_colP95')}</NumericHeader>
            <NumericHeader>{t('dash_colLoadTotal')}</NumericHeader>
          </tr>
        </thead>
        <tbody>
          {sorted.map(([systemId, s]) => (
            <tr key={systemId}>
              <th scope="row">{nameOf(systemId)}</th>
              <td class="numeric">{s.count}</td>
              <td class="numeric">{formatSeconds(s.p50Ms)}</td>
              <td class="numeric">{formatSeconds(s.p95Ms)}</td>
              <td class="numeric">{formatDuration(s.totalMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Page loads are mostly under a minute: tenths of a second say more than formatDuration's whole seconds. */
function formatSeconds(ms: number): string {
  return ms < 60_000 ? t('dash_secondsValue', (ms / 1000).toFixed(1)) : formatDuration(ms);
}
