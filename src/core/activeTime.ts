import type { ActiveTimeParams } from './activeTimeParams.js';
import { withoutLoadEdges } from './loadEdges.js';
import type { ActivitySpan } from './activitySpan.js';
import { splitAtLocalMidnight, type LocalDateKey } from './localDate.js';
import { shiftRuns, subtractRange, unionRuns, type Runs } from './runs.js';

/** A stretch of counted active time within one local day. Derived, never stored raw. */
export interface ActiveInterval {
  systemId: string;
  category: ActivitySpan['category'];
  source: ActivitySpan['source'];
  date: LocalDateKey;
  start: number;
  end: number;
}

/**
 * The counted seconds of a span under the given parameters (absolute epoch
 * seconds), following docs/active-time.md:
 * - every second with input counts;
 * - a gap between inputs of at most τ counts whole if the tab was attended throughout;
 * - otherwise the first min(R, attended prefix) seconds of the gap count (reading);
 * - the same reading allowance follows the last input.
 */
export function countedSeconds(span: ActivitySpan, params: ActiveTimeParams, exclude: Runs = []): Runs {
  const counted = countedBeforeExclusions(span, params);
  if (exclude.length === 0 || counted.length === 0) return counted;
  const first = counted[0]!;
  const last = counted[counted.length - 1]!;
  let out = counted;
  // Only claims that overlap the counted seconds change them (callers may pass a whole year's).
  for (let i = 0; i < exclude.length; i += 2) if (exclude[i + 1]! > first && exclude[i]! < last) out = subtractRange(out, exclude[i]!, exclude[i + 1]!);
  return out;
}

function countedBeforeExclusions(span: ActivitySpan, params: ActiveTimeParams): Runs {
  const base = Math.floor(span.start / 1000);
  const input = shiftRuns(span.input, base);
  if (input.length === 0) return [];
  const attended = unionRuns(input, shiftRuns(span.attended, base));
  const tau = params.inactivityThresholdSec;
  const reading = params.readingAllowanceSec;
  const extra: Runs = [];
  let a = 0; // index into attended runs
  for (let i = 0; i < input.length; i += 2) {
    const gapStart = input[i + 1]!;
    const gapEnd = i + 2 < input.length ? input[i + 2]! : Infinity;
    // Attended prefix of the gap: the attended run that contains gapStart - 1 ends where attention lapsed.
    while (a < attended.length && attended[a + 1]! < gapStart) a += 2;
    const attendedUntil = a < attended.length && attended[a]! < gapStart ? attended[a + 1]! : gapStart;
    const prefixEnd = Math.min(attendedUntil, gapEnd);
    if (gapEnd - gapStart <= tau && prefixEnd === gapEnd) {
      extra.push(gapStart, gapEnd);
    } else {
      const readEnd = Math.min(prefixEnd, gapStart + reading);
      if (readEnd > gapStart) extra.push(gapStart, readEnd);
    }
  }
  return unionRuns(input, extra);
}

/** Counted active time of a span in ms (less any excluded seconds: time a manual entry claims). */
export function activeMs(span: ActivitySpan, params: ActiveTimeParams, exclude: Runs = []): number {
  let total = 0;
  const runs = countedSeconds(span, params, exclude);
  for (let i = 0; i < runs.length; i += 2) {
    const [from, to] = withoutLoadEdges(span, runs[i]! * 1000, runs[i + 1]! * 1000);
    total += to - from;
  }
  return total;
}

/** The span's counted time as ActiveIntervals, split at local midnight. */
export function activeIntervals(span: ActivitySpan, params: ActiveTimeParams, timeZone: string, exclude: Runs = []): ActiveInterval[] {
  const runs = countedSeconds(span, params, exclude);
  const out: ActiveInterval[] = [];
  for (let i = 0; i < runs.length; i += 2) {
    const [from, to] = withoutLoadEdges(span, runs[i]! * 1000, runs[i + 1]! * 1000);
    for (const piece of splitAtLocalMidnight(from, to, timeZone)) {
      out.push({
        systemId: span.systemId,
        category: span.category,
        source: span.source,
        date: piece.date,
        start: piece.start,
        end: piece.end,
      });
    }
  }
  return out;
}
