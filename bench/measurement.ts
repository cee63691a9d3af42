/** One row of the benchmark table (docs/performance.md). */
export interface Measurement {
  /** Stable id, the key in bench/results.json. */
  id: string;
  label: string;
  unit: string;
  /** The budget (docs/performance.md); null for figures shown for context only. */
  budget: number | null;
  /** Each run's figure; `median` is their median. */
  runs: number[];
  median: number;
  /** A correctness condition measured alongside (e.g. "nothing lost"); false fails the row whatever the figure. */
  verified?: boolean;
  /** median ≤ budget and nothing failed verification (null when there is no budget and nothing to verify). */
  pass: boolean | null;
  /** How it was measured, in one line. */
  note?: string;
}

/** Timeback against the naive peer design on the same scenario. */
export interface BaselineRow {
  measure: string;
  unit: string;
  timeback: number;
  naive: number;
  /** naive ÷ timeback: how many times more the peer design costs. */
  ratio: number;
}

export interface BenchOptions {
  /** Tiny sizes and one run each: the smoke run inside `npm test`. */
  smoke: boolean;
  /** Runs per measure (median taken). */
  runs: number;
  /** Scratch directory for this bench run. */
  workDir: string;
  timeZone: string;
  /** One Chromium measure alone, after the same year of history (`--only burst`, `--only dashboard`). */
  only?: 'burst' | 'dashboard';
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A row from its runs. `check` is a further condition of passing (e.g. "nothing lost"), stated in the note. */
export function measurement(m: Omit<Measurement, 'median' | 'pass'> & { check?: boolean }): Measurement {
  const { check, ...row } = m;
  const med = median(row.runs);
  const within = row.budget === null ? null : Number.isFinite(med) && med <= row.budget;
  const pass = within === null ? (check === undefined ? null : check) : within && check !== false;
  return { ...row, ...(check === undefined ? {} : { verified: check }), median: med, pass };
}

/** Time an async function, in ms. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
