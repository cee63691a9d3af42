import type { Benchmark } from '../../core/benchmarks.js';
import { t } from '../../ui/i18n.js';
import { benchmarkSource, benchmarkStatistic, benchmarkValue } from './benchmarkText.js';

/**
 * One published figure with its statistic, source and caveat. The caveat is
 * always shown: no published figure was measured the way Timeback measures.
 */
export function BenchmarkFigure({ benchmark }: { benchmark: Benchmark }) {
  return (
    <div class="benchmark">
      <p class="benchmark-value">{t('dash_benchmarkValue', benchmarkValue(benchmark), benchmarkStatistic(benchmark))}</p>
      <p class="benchmark-source">
        <cite>{benchmarkSource(benchmark).short}</cite>
      </p>
      <p class="hint benchmark-caveat">{benchmark.caveat}</p>
    </div>
  );
}
