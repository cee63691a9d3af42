import { describe, expect, it } from 'vitest';
import { csvCell } from './csvCell.js';
import { formatNumber, histogramMedian, median, middleValue, nearestRankPercentile, quantile, roundTo, sortedSum } from './numbers.js';
import { isJsonObject, isPlainObject } from './plainObject.js';

describe('numbers', () => {
  it.each([
    [0.15, 1, 0.2],
    [-0.15, 1, -0.2],
    [2.5, 0, 3],
    [-0.04, 1, 0],
    [1234.5678, 2, 1234.57],
  ])('roundTo(%s, %s) = %s (half away from zero)', (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
    expect(Object.is(roundTo(value, decimals), -0)).toBe(false);
  });

  it.each([
    [[], null, null],
    [[5], 5, 5],
    [[3, 1, 2], 2, 2],
    [[4, 1, 3, 2], 2.5, 2.5],
  ])('median and middleValue of %j', (values, m, mid) => {
    expect(median(values)).toBe(m);
    expect(middleValue(values)).toBe(mid);
  });

  it('quantile interpolates between order statistics (type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('sortedSum does not depend on the order of the values', () => {
    expect(sortedSum([0.1, 1e16, -1e16, 0.2])).toBe(sortedSum([1e16, 0.2, -1e16, 0.1]));
  });

  it.each([
    [1234567.891, 1, '1,234,567.9'],
    [999.95, 1, '1,000.0'],
    [12, 0, '12'],
    [-1234.5, 0, '-1,235'],
  ])('formatNumber(%s, %s) = %s', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });
});

describe('csvCell', () => {
  it.each([
    [null, ''],
    [12.5, '12.5'],
    [true, 'true'],
    ['plain', 'plain'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-3', "'-3"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['@x,y', `"'@x,y"`],
  ])('csvCell(%j) = %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('isPlainObject', () => {
  it.each([
    [{}, true],
    [{ a: 1 }, true],
    [[], false],
    [null, false],
    ['x', false],
    [1, false],
  ])('isPlainObject(%j) = %s', (value, expected) => {
    expect(isPlainObject(value)).toBe(expected);
  });

  it.each([
    ['a parsed object', JSON.parse('{"a":1}') as unknown, true],
    ['an object without a prototype', Object.create(null) as unknown, true],
    ['a class instance', new Date(0), false],
    ['a map', new Map(), false],
    ['a list', [], false],
    ['null', null, false],
  ])('isJsonObject(%s) = %s', (_name, value, expected) => {
    expect(isJsonObject(value)).toBe(expected);
  });
});

describe('percentiles and medians', () => {
  const twenty = Array.from({ length: 20 }, (_, i) => (i + 1) * 100); // 100 … 2000
  it.each([
    { samples: [], p: 50, want: null },
    { samples: [700], p: 50, want: 700 },
    { samples: [700], p: 95, want: 700 },
    { samples: [300, 100], p: 50, want: 100 }, // rank ⌈1⌉ = 1
    { samples: [300, 100], p: 95, want: 300 }, // rank ⌈1.9⌉ = 2
    { samples: twenty, p: 50, want: 1000 }, // rank 10
    { samples: twenty, p: 95, want: 1900 }, // rank 19
    { samples: twenty, p: 100, want: 2000 }, // rank 20
    { samples: twenty, p: 1, want: 100 }, // rank ⌈0.2⌉ = 1
    { samples: twenty.slice(0, 13), p: 95, want: 1300 }, // rank ⌈12.35⌉ = 13 (rounding would give 12)
  ])('nearest-rank p$p of $samples.length samples = $want', ({ samples, p, want }) => {
    expect(nearestRankPercentile(samples, p)).toBe(want);
  });

  it.each([
    { samples: [], want: null },
    { samples: [5], want: 5 },
    { samples: [30, 10], want: 20 }, // mean of the two middle values
    { samples: [3, 1, 2], want: 2 },
    { samples: twenty, want: 1050 }, // (1000 + 1100) / 2
  ])('median of $samples.length samples = $want', ({ samples, want }) => {
    expect(middleValue(samples)).toBe(want);
  });

  it.each([
    { hist: [], want: null },
    { hist: [[30, 1]], want: 30 },
    { hist: [[10, 1], [20, 1]], want: 15 },
    { hist: [[60, 3], [600, 1], [1200, 1], [1800, 1]], want: 330 }, // 60,60,60,600,1200,1800
    { hist: [[60, 2], [600, 1]], want: 60 }, // 60,60,600
    { hist: [[60, 1], [90, 0], [600, -1]], want: 60 }, // non-positive counts ignored
  ] as Array<{ hist: Array<[number, number]>; want: number | null }>)('median of histogram $hist = $want', ({ hist, want }) => {
    expect(histogramMedian(new Map(hist))).toBe(want);
  });
});
