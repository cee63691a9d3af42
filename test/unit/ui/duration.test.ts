import { beforeAll, describe, expect, it } from 'vitest';
import { formatDuration } from '../../../src/ui/duration.js';
import { installEnGbMessages } from '../../../src/ui/enGbMessages.js';

beforeAll(installEnGbMessages);

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [40_400, '40 s'],
    [60_000, '1 min'],
    [84_000, '1 min 24 s'],
    [599_000, '9 min 59 s'],
    [610_000, '10 min'],
    [3_540_000, '59 min'],
    [3_600_000, '1 h 00 min'],
    [7_500_000, '2 h 05 min'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
