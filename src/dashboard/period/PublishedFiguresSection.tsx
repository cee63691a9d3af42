import { BENCHMARK_SOURCES } from '../../core/benchmarkSources.js';
import { BENCHMARKS, type Benchmark, type BenchmarkComparison } from '../../core/benchmarks.js';
import type { PeriodMetrics } from '../../core/periodMetrics.js';
import { formatDuration } from '../../ui/duration.js';
import { t } from '../../ui/i18n.js';
import { BenchmarkFigure } from './BenchmarkFigure.js';
import { BenchmarkTable } from './BenchmarkTable.js';
import { formatPercent } from '../common/format.js';

/** The clinician's figure that a benchmark sits beside, or null when this period cannot give it. */
function yourFigure(c: BenchmarkComparison, m: PeriodMetrics): string | null {
  switch (c.kind) {
    case 'perActiveDay':
      return m.activeDays > 0 ? t('dash_perDayValue', formatDuration(m[c.metric] / m.activeDays)) : null;
    case 'categoryShare':
      return m.activeMs > 0 ? t('dash_shareValue', formatPercent((m.byCategoryMs[c.category] ?? 0) / m.activeMs)) : null;
    case 'loginDuration':
      return m.login.medianLoginMs === null ? null : formatDuration(m.login.medianLoginMs);
    case 'systemsPerDay':
      return t('dash_systemsMaxValue', m.breadth.maxSystemsInADay);
    default:
      return null;
  }
}

/**
 * Every other published figure with a personal counterpart, beside it (the
 * per-8-hour ones are with Sinsky's measures); then figures for context, and
 * the full references.
 */
export function PublishedFiguresSection({ metrics }: { metrics: PeriodMetrics }) {
  const comparable = BENCHMARKS.filter((b) => b.comparison.kind !== 'per8' && b.comparison.kind !== 'context');
  const context = BENCHMARKS.filter((b) => b.comparison.kind === 'context');
  const sources = [...new Set(BENCHMARKS.map((b) => b.source))].map((id) => BENCHMARK_SOURCES[id]);
  return (
    <section class="section dash-section" aria-labelledby="published-heading">
      <h2 id="published-heading">{t('dash_publishedHeading')}</h2>
      <p>{t('dash_publishedIntro')}</p>
      <BenchmarkTable captionId="published-caption" caption={t('dash_publishedCaption')}>
        {comparable.map((b: Benchmark) => (
          <tr key={b.id}>
            <th scope="row">
              <span class="measure-hint">{b.measures}</span>
            </th>
            <td>{yourFigure(b.comparison, metrics) ?? t('dash_notAvailable')}</td>
            <td>
              <BenchmarkFigure benchmark={b} />
            </td>
          </tr>
        ))}
      </BenchmarkTable>
      <details class="details">
        <summary>{t('dash_contextFigures')}</summary>
        <ul class="plain-list">
          {context.map((b) => (
            <li key={b.id} class="context-figure">
              <p class="measure-name">{b.measures}</p>
              <BenchmarkFigure benchmark={b} />
            </li>
          ))}
        </ul>
      </details>
      <details class="details">
        <summary>{t('dash_sources')}</summary>
        <ol class="source-list">
          {sources.map((s) => (
            <li key={s.id}>{s.citation}</li>
          ))}
        </ol>
      </details>
    </section>
  );
}
