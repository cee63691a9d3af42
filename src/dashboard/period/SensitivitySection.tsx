import type { PeriodMetrics } from '../../core/periodMetrics.js';
import { formatDuration } from '../../ui/duration.js';
import { t } from '../../ui/i18n.js';
import { formatHours } from '../common/format.js';
import { HBarChart } from './HBarChart.js';
import { NumericHeader } from '../common/NumericHeader.js';

/**
 * The same period under the input-gap rule alone at τ = 5, 30, 60 and 300 s,
 * beside the headline definition in use (docs/active-time.md, Sensitivity):
 * published figures used different rules, and this shows how much that moves.
 */
export function SensitivitySection({ metrics, hasSchedule }: { metrics: PeriodMetrics; hasSchedule: boolean }) {
  const { inactivityThresholdSec: tau, readingAllowanceSec: allowance } = metrics.params;
  const per8 = (v: number | null) => (v === null ? (hasSchedule ? t('dash_noScheduledHours') : t('dash_noSchedule')) : t('dash_per8Value', formatHours(v)));
  const rows = [
    {
      key: 'headline',
      rule: t('dash_sensitivityHeadline', tau, allowance),
      short: t('dash_sensitivityHeadlineShort'),
      activeMs: metrics.activeMs,
      ehrTime8: metrics.ehrTime8,
      headline: true,
    },
    ...metrics.sensitivity.map((s) => ({
      key: String(s.thresholdSec),
      rule: t('dash_sensitivityRule', s.thresholdSec),
      short: t('dash_sensitivityRuleShort', s.thresholdSec),
      activeMs: s.activeMs,
      ehrTime8: s.ehrTime8,
      headline: false,
    })),
  ];
  const low = Math.min(...metrics.sensitivity.map((s) => s.activeMs));
  const high = Math.max(...metrics.sensitivity.map((s) => s.activeMs));
  const summary = t('dash_sensitivitySummary', formatDuration(metrics.activeMs), formatDuration(low), formatDuration(high));
  return (
    <section class="section dash-section" aria-labelledby="sensitivity-heading">
      <h2 id="sensitivity-heading">{t('dash_sensitivityHeading')}</h2>
      <p>{t('dash_sensitivityIntro')}</p>
      <HBarChart rows={rows.map((r) => ({ key: r.key, label: r.short, ms: r.activeMs, className: r.headline ? 'series-headline' : 'series-sensitivity' }))} summary={summary} />
      <div class="table-scroll" role="region" aria-labelledby="sensitivity-caption" tabIndex={0}>
        <table class="table">
          <caption id="sensitivity-caption">{t('dash_sensitivityCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dash_colRule')}</th>
              <NumericHeader>{t('dash_colActiveTime')}</NumericHeader>
              <NumericHeader>{t('dash_measureName_ehrTime8')}</NumericHeader>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} class={r.headline ? 'row-headline' : undefined}>
                <th scope="row">{r.rule}</th>
                <td class="numeric">{formatDuration(r.activeMs)}</td>
                <td class="numeric">{per8(r.ehrTime8)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
