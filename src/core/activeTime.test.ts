import { describe, expect, it } from 'vitest';
import { activeIntervals, activeMs, countedSeconds } from './activeTime.js';
import { DEFAULT_ACTIVE_TIME } from './activeTimeParams.js';
import { spanOf, T0_SEC } from './testSupport.js';

const p = (tau: number, reading: number) => ({ inactivityThresholdSec: tau, readingAllowanceSec: reading });

describe('active time of a span (docs/active-time.md)', () => {
  it.each([
    // name, input runs, attended runs, τ, R, expected seconds
    ['input seconds count', [[0, 10]], [], 60, 0, 10],
    ['a gap ≤ τ, attended throughout, is bridged', [[0, 10], [40, 50]], [[0, 50]], 60, 0, 50],
    ['a gap > τ is not bridged without reading allowance', [[0, 10], [100, 110]], [[0, 110]], 60, 0, 20],
    ['a gap > τ gets the reading allowance', [[0, 10], [100, 110]], [[0, 110]], 60, 60, 10 + 60 + 10],
    ['a gap ≤ τ with an unattended hole is not bridged (sleep, blur)', [[0, 10], [40, 50]], [[0, 20], [35, 50]], 60, 0, 20],
    ['…but its attended prefix counts as reading', [[0, 10], [40, 50]], [[0, 20], [35, 50]], 60, 60, 30],
    ['reading after the last input is capped by R', [[0, 10]], [[0, 500]], 60, 60, 70],
    ['reading after the last input is capped by attention', [[0, 10]], [[0, 25]], 60, 60, 25],
    ['τ = 5 s, Epic-like', [[0, 1], [4, 5], [20, 21]], [[0, 21]], 5, 0, 5 + 1],
    ['τ = 300 s bridges a 4-minute pause', [[0, 10], [250, 260]], [[0, 260]], 300, 0, 260],
    ['no input, nothing counts', [], [[0, 100]], 60, 60, 0],
  ] as const)('%s', (_name, input, attended, tau, reading, expected) => {
    const span = spanOf(input, attended);
    expect(activeMs(span, p(tau, reading))).toBe(expected * 1000);
  });

  it('is monotonic in τ', () => {
    const span = spanOf([[0, 3], [10, 12], [50, 55], [200, 201], [600, 640]], [[0, 700]]);
    const values = [5, 30, 60, 120, 300].map((t) => activeMs(span, p(t, 0)));
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('never counts more than the attended time', () => {
    const span = spanOf([[0, 3], [10, 12], [50, 55]], [[0, 60]]);
    expect(activeMs(span, p(300, 300))).toBeLessThanOrEqual(60_000);
  });

  it('returns absolute seconds', () => {
    expect(countedSeconds(spanOf([[0, 10]]), DEFAULT_ACTIVE_TIME)).toEqual([T0_SEC, T0_SEC + 10]);
  });

  it('splits counted time at local midnight (BST)', () => {
    // 23:59:00 → 00:01:00 London on 1–2 July 2026
    const base = Date.parse('2026-07-01T22:59:00Z') / 1000 - T0_SEC;
    const span = spanOf([[base, base + 120]]);
    const ivs = activeIntervals(span, DEFAULT_ACTIVE_TIME, 'Europe/London');
    expect(ivs.map((iv) => [iv.date, (iv.end - iv.start) / 1000])).toEqual([
      ['2026-07-01', 60],
      ['2026-07-02', 60],
    ]);
  });
});
