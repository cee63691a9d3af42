/**
 * Disclosure control for the team report, as the product owner's privacy and
 * export reference sets it out:
 *
 * - counts of people: 0 stays 0, 1 … min−1 → "*", otherwise rounded to the nearest 5;
 * - any statistic built from 1 … min−1 contributors → "*";
 * - percentages from the rounded figures;
 * - min defaults to 8 (suppress 1–7); a stricter threshold (e.g. 11) is an option;
 * - no per-contributor rows, no subgroup filters, no "team minus one" views.
 */
import { roundTo } from '../numbers.js';
import { DEFAULT_MIN_CONTRIBUTORS, REJECTION_CODES, SUPPRESSED_MARK, type Cell, type Disclosed, type RejectionCode, type TeamReport } from './contract.js';
import type { MessageLookup } from './reportLabels.js';

export function checkThreshold(min: number): void {
  if (!Number.isInteger(min) || min < DEFAULT_MIN_CONTRIBUTORS || min > 1000) {
    throw new RangeError(`minContributors must be a whole number from ${DEFAULT_MIN_CONTRIBUTORS} to 1000 (got ${String(min)})`);
  }
}

/** A count of people: 0 stays 0; 1 … min−1 → suppressed; otherwise rounded to the nearest 5. */
export function discloseCount(n: number, minContributors = DEFAULT_MIN_CONTRIBUTORS): Disclosed {
  if (n === 0) return { value: 0 };
  if (n < minContributors) return { suppressed: true };
  return { value: Math.round(n / 5) * 5 };
}

/**
 * A statistic built from `contributors` people: no data (null) from 0,
 * suppressed from 1 … min−1, otherwise the value rounded to `decimals`.
 */
export function discloseStatistic(value: number | null, contributors: number, minContributors = DEFAULT_MIN_CONTRIBUTORS, decimals = 1): Cell {
  if (contributors === 0 || value === null) return null;
  if (contributors < minContributors) return { suppressed: true };
  return { value: roundTo(value, decimals) };
}

export function isSuppressed(cell: Cell): cell is { suppressed: true } {
  return cell !== null && 'suppressed' in cell;
}

export function shownValue(cell: Cell): number | null {
  return cell !== null && 'value' in cell ? cell.value : null;
}

export const SUPPRESSED: { suppressed: true } = { suppressed: true };

/**
 * How many contributors a statistic over `values` (one per contributor) is
 * built from, for disclosure: those with a non-zero value, or all of them when
 * every value is 0. A quartile or total over many zeros and a few non-zero
 * values is in effect built from those few (with 6 zeros and 2 values, the
 * upper quartile is a quarter of one person's figure), so it is disclosed by
 * their number. When nobody has a non-zero value, the figure is 0 from
 * everyone and reveals only that count.
 */
export function disclosureBasis(values: readonly number[]): number {
  const nonZero = values.filter((v) => v !== 0).length;
  return nonZero > 0 ? nonZero : values.length;
}

/** A cell as published: a number, "*" when suppressed, null when there is no data. */
export function publishCell(cell: Cell): number | typeof SUPPRESSED_MARK | null {
  if (cell === null) return null;
  return 'suppressed' in cell ? SUPPRESSED_MARK : cell.value;
}

/** Counts per reason: the only trace of refused files in a shared output (no names, no file text). */
export function refusalSummary(report: TeamReport): Array<{ code: RejectionCode; files: number }> {
  const counts = new Map<RejectionCode, number>();
  for (const r of report.rejected) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
  return REJECTION_CODES.filter((c) => counts.has(c)).map((code) => ({ code, files: counts.get(code)! }));
}

/** The rules above in words, for the shared outputs (`teamReport_disclosureStatement`). */
export function disclosureStatement(t: MessageLookup, min: number): string {
  return t('teamReport_disclosureStatement', min - 1);
}
