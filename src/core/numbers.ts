/**
 * Plain number helpers shared by the metrics, the personal export, the team
 * report and its case for change: rounding, order statistics (medians,
 * percentiles) and en-GB digits. Pure.
 */

/** Half away from zero at `decimals` places, robust to binary fractions such as 0.15. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(value) * f + 1e-9) / f;
  const signed = value < 0 ? -r : r;
  return signed === 0 ? 0 : signed;
}

/**
 * Quantile by linear interpolation between order statistics (Hyndman & Fan
 * type 7, the default of R, NumPy and Excel's QUARTILE.INC): with the n values
 * sorted as x[0] ≤ … ≤ x[n−1], h = (n − 1)·p and
 * Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). Q(0.5) is the median (the mean
 * of the two middle values when n is even). Null for no values.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The median as the type-7 quantile at 0.5 (see `quantile`). Null for no values. */
export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/**
 * The median as the middle value, or (a + b) / 2 of the two middle values when
 * the count is even. Equal to `median` in exact arithmetic; kept apart because
 * the two can differ in the last binary digit, and published figures must not move.
 */
export function middleValue(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile (p in 1..100) of samples: the ⌈p·n/100⌉-th smallest. Null with no samples. */
export function nearestRankPercentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** The median of a histogram (value → count), by the same rule as `middleValue`. Non-positive counts are ignored. */
export function histogramMedian(histogram: ReadonlyMap<number, number>): number | null {
  const entries = [...histogram].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  const n = entries.reduce((sum, [, c]) => sum + c, 0);
  if (n === 0) return null;
  // 1-based ranks of the middle value(s).
  const lo = Math.floor((n + 1) / 2);
  const hi = Math.floor(n / 2) + 1;
  const at = (rank: number) => {
    let seen = 0;
    for (const [value, c] of entries) {
      seen += c;
      if (seen >= rank) return value;
    }
    return entries[entries.length - 1]![0];
  };
  return n % 2 === 1 ? at(lo) : (at(lo) + at(hi)) / 2;
}

/** The total, added in ascending order so that it does not depend on the order of the inputs. */
export function sortedSum(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b).reduce((s, v) => s + v, 0);
}

/** en-GB digits: thousands separated by commas, fixed decimals (rounded half away from zero). */
export function formatNumber(value: number, decimals: number): string {
  const [whole, frac] = roundTo(value, decimals).toFixed(decimals).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}
