import type { ActivitySpan } from './activitySpan.js';

/*
 * Waiting to the millisecond. Evidence is whole seconds, but a page load is
 * measured in ms (Navigation Timing). A load is booked as the whole seconds it
 * touches, [floor(start), ceil(end)), taken out of the page being left, and
 * the parts of its first and last second outside the load are not counted
 * (the span's load edges). The page that arrives shares the load's last
 * second: the part of it before the load ended is not counted there either.
 * So the waiting booked equals the attended part of the measured load, and no
 * millisecond counts twice.
 */

/** The counted stretch [fromMs, toMs) of a span without its load edges (they apply only at its first and last evidence second). */
export function withoutLoadEdges(span: ActivitySpan, fromMs: number, toMs: number): [number, number] {
  const edges = span.loadEdgeMs;
  if (!edges) return [fromMs, toMs];
  const from = fromMs === span.start ? fromMs + edges[0] : fromMs;
  const to = toMs === span.end ? toMs - edges[1] : toMs;
  return from < to ? [from, to] : [from, from];
}

/** The span with these edges (omitted when both are 0). */
export function withLoadEdges(span: ActivitySpan, headMs: number, tailMs: number): ActivitySpan {
  const { loadEdgeMs: _old, ...rest } = span;
  const head = Math.max(0, Math.min(999, Math.round(headMs)));
  const tail = Math.max(0, Math.min(999, Math.round(tailMs)));
  return head > 0 || tail > 0 ? { ...rest, loadEdgeMs: [head, tail] } : rest;
}

/** After the span's evidence changed: an edge stays only while its second is still the span's first (or last). */
export function keptLoadEdges(before: ActivitySpan, after: ActivitySpan): ActivitySpan {
  const edges = before.loadEdgeMs;
  if (!edges && !after.loadEdgeMs) return after;
  return withLoadEdges(after, edges && after.start === before.start ? edges[0] : 0, edges && after.end === before.end ? edges[1] : 0);
}

/**
 * A waiting span that holds a load measured from `startMs` to `endMs`: the
 * parts of its first and last second outside the load are its edges, when
 * those seconds are the load's (an attention period may have cut the load short).
 */
export function bookLoad(span: ActivitySpan, startMs: number, endMs: number): ActivitySpan {
  const firstSec = Math.floor(startMs / 1000);
  const endSec = Math.ceil(endMs / 1000);
  const head = span.start === firstSec * 1000 ? startMs - span.start : (span.loadEdgeMs?.[0] ?? 0);
  const tail = span.end === endSec * 1000 ? span.end - endMs : (span.loadEdgeMs?.[1] ?? 0);
  return withLoadEdges(span, head, tail);
}

/** The page arriving at the end of a load: the part of its first second before the load ended is the load's. */
export function arrivalAfterLoad(span: ActivitySpan, loadEndMs: number): ActivitySpan {
  return span.start === Math.floor(loadEndMs / 1000) * 1000 ? withLoadEdges(span, loadEndMs - span.start, span.loadEdgeMs?.[1] ?? 0) : span;
}
