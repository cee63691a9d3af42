import { describe, expect, it } from 'vitest';
import { csvCell } from './csvCell.js';
import { formatNumber, median, middleValue, quantile, roundTo, sortedSum } from './numbers.js';
import { isPlainObject } from './plainObject.js';

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
});
