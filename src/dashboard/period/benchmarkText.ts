/** How a published figure from core/benchmarks.ts is written beside the clinician's own. */
import { BENCHMARK_SOURCES, type BenchmarkSource } from '../../core/benchmarkSources.js';
import type { Benchmark } from '../../core/benchmarks.js';
import { t } from '../../ui/i18n.js';

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** "5.8 h per 8 h scheduled", "59.1 min a day", "23.7% of EHR time". */
export function benchmarkValue(b: Benchmark): string {
  return t(`dash_unit_${b.unit}`, NUMBER.format(b.value));
}

/** "mean", "median", "one trust" … */
export function benchmarkStatistic(b: Benchmark): string {
  return t(`dash_statistic_${b.statistic}`);
}

export function benchmarkSource(b: Benchmark): BenchmarkSource {
  return BENCHMARK_SOURCES[b.source];
}
