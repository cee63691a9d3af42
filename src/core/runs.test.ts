import { describe, expect, it } from 'vitest';
import { appendRange, clipRuns, intersectRuns, isRuns, runsTotal, unionRuns } from './runs.js';

describe('run sets', () => {
  it.each([
    [[], [], []],
    [[0, 2], [2, 4], [0, 4]],
    [[0, 2], [3, 4], [0, 2, 3, 4]],
    [[5, 9], [0, 6], [0, 9]],
    [[0, 10], [2, 3], [0, 10]],
    [[0, 1, 4, 5], [1, 4], [0, 5]],
  ])('union %j ∪ %j = %j', (a, b, out) => {
    expect(unionRuns(a, b)).toEqual(out);
    expect(unionRuns(b, a)).toEqual(out);
  });

  it.each([
    [[0, 10], [2, 3, 5, 20], [2, 3, 5, 10]],
    [[0, 2, 4, 6], [1, 5], [1, 2, 4, 5]],
    [[0, 2], [2, 4], []],
  ])('intersect %j ∩ %j = %j', (a, b, out) => {
    expect(intersectRuns(a, b)).toEqual(out);
  });

  it('clips and totals', () => {
    expect(clipRuns([0, 10, 20, 30], 5, 25)).toEqual([5, 10, 20, 25]);
    expect(runsTotal([0, 10, 20, 30])).toBe(20);
  });

  it('appends in order and falls back to union when out of order', () => {
    const r: number[] = [];
    appendRange(r, 1, 2);
    appendRange(r, 2, 3);
    appendRange(r, 5, 6);
    expect(r).toEqual([1, 3, 5, 6]);
    expect(appendRange(r, 0, 1)).toEqual([0, 3, 5, 6]);
    // Out of order mutates in place too: callers keep their reference.
    appendRange(r, 2, 5);
    expect(r).toEqual([0, 6]);
  });

  it.each([
    [[0, 1], true],
    [[], true],
    [[1, 0], false],
    [[0, 2, 1, 3], false],
    [[0, 1, 2], false],
    [[0.5, 1], false],
    ['0,1', false],
    [[0, Infinity], false],
  ])('isRuns(%j) is %s', (v, ok) => {
    expect(isRuns(v)).toBe(ok);
  });
});
