import { describe, expect, it } from 'vitest';
import { localDateKey, localDayStart, nextLocalDayStart, splitAtLocalMidnight } from './localDate.js';

const LONDON = 'Europe/London';
const utc = (s: string) => Date.parse(s);

describe('localDateKey', () => {
  it.each([
    ['2026-03-28T23:30:00Z', '2026-03-28'], // GMT
    ['2026-06-30T23:30:00Z', '2026-07-01'], // BST: 00:30 local
    ['2026-10-24T22:59:59Z', '2026-10-24'],
    ['2026-10-24T23:00:00Z', '2026-10-25'], // BST midnight
  ])('%s is %s in London', (instant, key) => {
    expect(localDateKey(utc(instant), LONDON)).toBe(key);
  });

  it('does not depend on the process locale or zone', () => {
    expect(localDateKey(utc('2026-01-01T12:00:00Z'), 'Pacific/Auckland')).toBe('2026-01-02');
    expect(localDateKey(utc('2026-01-01T12:00:00Z'), 'America/Los_Angeles')).toBe('2026-01-01');
  });
});

describe('day lengths around DST (Europe/London)', () => {
  it.each([
    ['spring forward: 29 March 2026 has 23 hours', '2026-03-29T12:00:00Z', 23],
    ['fall back: 25 October 2026 has 25 hours', '2026-10-25T12:00:00Z', 25],
    ['an ordinary day has 24 hours', '2026-05-12T12:00:00Z', 24],
  ])('%s', (_name, instant, hours) => {
    const start = localDayStart(utc(instant), LONDON);
    const next = nextLocalDayStart(utc(instant), LONDON);
    expect((next - start) / 3600_000).toBe(hours);
    expect(localDateKey(start, LONDON)).toBe(localDateKey(utc(instant), LONDON));
    expect(localDateKey(start - 1, LONDON)).not.toBe(localDateKey(start, LONDON));
  });

  it('midnight in London during BST is 23:00 UTC the day before', () => {
    expect(new Date(nextLocalDayStart(utc('2026-07-01T10:00:00Z'), LONDON)).toISOString()).toBe('2026-07-01T23:00:00.000Z');
  });

  it('handles a zone whose midnight is skipped (America/Santiago, September 2026)', () => {
    // Chile springs forward at 24:00 local time: the day starts at 01:00.
    const start = nextLocalDayStart(utc('2026-09-05T12:00:00Z'), 'America/Santiago');
    expect(localDateKey(start, 'America/Santiago')).toBe('2026-09-06');
    expect(localDateKey(start - 1, 'America/Santiago')).toBe('2026-09-05');
  });
});

describe('splitAtLocalMidnight', () => {
  it('keeps an interval within one day whole', () => {
    expect(splitAtLocalMidnight(utc('2026-05-12T09:00:00Z'), utc('2026-05-12T10:00:00Z'), LONDON)).toHaveLength(1);
  });

  it('splits at local (not UTC) midnight in summer', () => {
    const pieces = splitAtLocalMidnight(utc('2026-07-01T22:30:00Z'), utc('2026-07-01T23:30:00Z'), LONDON);
    expect(pieces.map((p) => [p.date, (p.end - p.start) / 60_000])).toEqual([
      ['2026-07-01', 30],
      ['2026-07-02', 30],
    ]);
  });

  it('splits across both DST nights with correct durations', () => {
    for (const [from, to] of [
      ['2026-03-28T23:00:00Z', '2026-03-29T02:00:00Z'],
      ['2026-10-24T22:00:00Z', '2026-10-25T03:00:00Z'],
    ] as const) {
      const pieces = splitAtLocalMidnight(utc(from), utc(to), LONDON);
      expect(pieces).toHaveLength(2);
      expect(pieces.reduce((t, p) => t + p.end - p.start, 0)).toBe(utc(to) - utc(from));
      expect(pieces[0]!.end).toBe(pieces[1]!.start);
    }
  });

  it('splits a span over several days into one piece per day', () => {
    const pieces = splitAtLocalMidnight(utc('2026-10-24T12:00:00Z'), utc('2026-10-27T12:00:00Z'), LONDON);
    expect(pieces.map((p) => p.date)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
    expect(pieces[1]!.end - pieces[1]!.start).toBe(25 * 3600_000);
  });
});
