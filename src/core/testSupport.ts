/** Test helpers for core tests: build spans and reports from readable second offsets. */
import type { ActivitySpan } from './activitySpan.js';
import { extendSpan } from './tracker.js';
import type { TaskCategory } from './taskCategory.js';

/** 2026-05-12 09:00:00 London (BST) — an ordinary clinic morning. */
export const T0_SEC = Date.parse('2026-05-12T08:00:00Z') / 1000;

export function flat(pairs: ReadonlyArray<readonly [number, number]>, base = T0_SEC): number[] {
  return pairs.flatMap(([s, e]) => [base + s, base + e]);
}

export function spanOf(
  input: ReadonlyArray<readonly [number, number]>,
  attended: ReadonlyArray<readonly [number, number]> = [],
  opts: { systemId?: string; category?: TaskCategory; id?: string } = {},
): ActivitySpan {
  const first = (input[0]?.[0] ?? 0) + T0_SEC;
  return extendSpan(
    {
      id: opts.id ?? 'span-1',
      systemId: opts.systemId ?? 'ehr',
      category: opts.category ?? 'documentation',
      source: 'auto',
      start: first * 1000,
      end: first * 1000,
      date: '',
      input: [],
      attended: [],
    },
    flat(input),
    flat(attended),
    'Europe/London',
  );
}
