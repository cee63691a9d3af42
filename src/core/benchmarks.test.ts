import { describe, expect, it } from 'vitest';
import { BENCHMARK_SOURCES } from './benchmarkSources.js';
import { BENCHMARKS, benchmarksFor } from './benchmarks.js';

describe('benchmarks', () => {
  it('every benchmark has a known source with a full citation, and a unique id', () => {
    const ids = new Set<string>();
    for (const b of BENCHMARKS) {
      expect(ids.has(b.id), b.id).toBe(false);
      ids.add(b.id);
      expect(BENCHMARK_SOURCES[b.source], b.id).toBeDefined();
      expect(b.measures.length).toBeGreaterThan(0);
      expect(b.population.length).toBeGreaterThan(0);
      expect(Number.isFinite(b.value)).toBe(true);
    }
    for (const s of Object.values(BENCHMARK_SOURCES)) expect(s.citation.length).toBeGreaterThan(40);
  });

  it.each([
    ['sinsky2024-ehrtime8', 5.8],
    ['sinsky2024-ehrtime8-primary-care', 7.3],
    ['melnick2021-ehrtime8', 5.23],
    ['arndt2017-ehr-hours', 5.9],
    ['arndt2017-workday', 11.4],
    ['arndt2017-after-hours', 1.4],
    ['arndt2017-inbox-share', 23.7],
    ['sinsky2016-face-time', 27],
    ['sinsky2016-ehr-desk', 49.2],
    ['overhage2020-chart-review-share', 33],
    ['overhage2020-documentation-share', 24],
    ['overhage2020-ordering-share', 17],
    ['holmgren2021-non-us', 59.1],
    ['holmgren2021-us', 90.2],
    ['dhsc2020-login-before', 105],
    ['dhsc2020-login-after', 10],
    ['dhsc2020-systems', 15],
    ['bma2022-hours-lost', 13_500_000],
    ['bma2022-fte', 8_000],
    ['tact2025-non-patient-facing', 73],
    ['tact2025-patient-facing', 17.9],
  ])('%s = %d (the published figure)', (id, value) => {
    expect(BENCHMARKS.find((b) => b.id === id)?.value).toBe(value);
  });

  it('16 min 14 s per encounter', () => {
    expect(BENCHMARKS.find((b) => b.id === 'overhage2020-per-encounter')?.value).toBeCloseTo(16.2333, 4);
  });

  it('benchmarksFor selects by what they compare with', () => {
    const ehr8 = benchmarksFor((c) => c.kind === 'per8' && c.metric === 'ehrTime8').map((b) => b.id);
    expect(ehr8).toEqual(['sinsky2024-ehrtime8', 'sinsky2024-ehrtime8-primary-care', 'melnick2021-ehrtime8']);
  });
});
