/**
 * Sets of whole seconds as sorted, disjoint, half-open runs, stored flat:
 * [start0, end0, start1, end1, …]. Compact for bursts of typing and for long
 * reading, and cheap to merge — the evidence format of an ActivitySpan.
 */
export type Runs = number[];

export function runsTotal(runs: Runs): number {
  let total = 0;
  for (let i = 0; i < runs.length; i += 2) total += runs[i + 1]! - runs[i]!;
  return total;
}

/** Union of two run sets. */
export function unionRuns(a: Runs, b: Runs): Runs {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < a.length; i += 2) pairs.push([a[i]!, a[i + 1]!]);
  for (let i = 0; i < b.length; i += 2) pairs.push([b[i]!, b[i + 1]!]);
  pairs.sort((x, y) => x[0] - y[0]);
  const out: Runs = [];
  for (const [s, e] of pairs) {
    if (e <= s) continue;
    const last = out.length - 1;
    if (last > 0 && s <= out[last]!) {
      if (e > out[last]!) out[last] = e;
    } else {
      out.push(s, e);
    }
  }
  return out;
}

/** Intersection of a run set with [from, to). */
export function clipRuns(runs: Runs, from: number, to: number): Runs {
  const out: Runs = [];
  for (let i = 0; i < runs.length; i += 2) {
    const s = Math.max(runs[i]!, from);
    const e = Math.min(runs[i + 1]!, to);
    if (e > s) out.push(s, e);
  }
  return out;
}

/** Intersection of two run sets. */
export function intersectRuns(a: Runs, b: Runs): Runs {
  const out: Runs = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]!, b[j]!);
    const e = Math.min(a[i + 1]!, b[j + 1]!);
    if (e > s) out.push(s, e);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

/** Remove [from, to) from a run set. */
export function subtractRange(runs: Runs, from: number, to: number): Runs {
  const out: Runs = [];
  for (let i = 0; i < runs.length; i += 2) {
    const s = runs[i]!;
    const e = runs[i + 1]!;
    if (e <= from || s >= to) out.push(s, e);
    else {
      if (s < from) out.push(s, from);
      if (e > to) out.push(to, e);
    }
  }
  return out;
}

export function shiftRuns(runs: Runs, by: number): Runs {
  return runs.map((v) => v + by);
}

/** True when `runs` is a well-formed run set (finite integers, sorted, disjoint, non-empty runs). */
export function isRuns(value: unknown, maxPairs = 10_000): value is Runs {
  if (!Array.isArray(value) || value.length % 2 !== 0 || value.length > maxPairs * 2) return false;
  let prevEnd = -Infinity;
  for (let i = 0; i < value.length; i += 2) {
    const s = value[i];
    const e = value[i + 1];
    if (!Number.isSafeInteger(s) || !Number.isSafeInteger(e)) return false;
    if (s < prevEnd || e <= s) return false;
    prevEnd = e;
  }
  return true;
}



/**
 * Add [from, to) to `runs` in place and return it. The in-order case (the
 * content script's hot path) is O(1); anything else falls back to a union.
 */
export function appendRange(runs: Runs, from: number, to: number): Runs {
  if (to <= from) return runs;
  const last = runs.length - 1;
  if (last < 0 || runs[last]! < from) {
    runs.push(from, to);
  } else if (runs[last - 1]! <= from) {
    if (to > runs[last]!) runs[last] = to;
  } else {
    const merged = unionRuns(runs, [from, to]);
    runs.splice(0, runs.length, ...merged);
  }
  return runs;
}
