import { describe, expect, it } from 'vitest';
import { computeLocalParts, localDateKey, localDayStart, localParts, nextLocalDayStart, splitAtLocalMidnight } from './localDate.js';

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

describe('fast paths agree with the reference search', () => {
  /** The original definitions: binary search on the date key, and splitting by it. */
  function referenceNext(ms: number, tz: string): number {
    const today = localDateKey(ms, tz);
    let lo = ms;
    let hi = ms + 27 * 3600_000;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (localDateKey(mid, tz) === today) lo = mid;
      else hi = mid;
    }
    return hi;
  }
  function referenceSplit(startMs: number, endMs: number, tz: string) {
    const pieces: Array<{ date: string; start: number; end: number }> = [];
    for (let a = startMs; a < endMs; ) {
      const b = Math.min(referenceNext(a, tz), endMs);
      pieces.push({ date: localDateKey(a, tz), start: a, end: b });
      a = b;
    }
    return pieces;
  }
  // DST at 01:00 UTC, at local midnight (Santiago), by 30 minutes (Lord Howe), a fall back across
  // midnight (São Paulo 2018), Samoa skipping a whole day (2011), and a zone without DST.
  const zones = ['Europe/London', 'America/Santiago', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Pacific/Apia', 'Asia/Kolkata'];
  const instants = [
    '2026-03-29T00:59:59.500Z', '2026-03-29T01:00:00Z', '2026-10-25T00:30:00Z', '2026-10-24T23:00:00Z', '2026-05-12T22:59:59.999Z',
    '2026-09-05T12:00:00Z', '2026-04-04T12:00:00Z', '2026-10-03T14:00:00Z', '2018-02-17T01:30:00Z', '2018-02-18T02:10:00Z',
    '2018-11-03T12:00:00Z', '2011-12-29T09:00:00Z', '2011-12-29T11:00:00Z', '2026-01-01T00:00:00Z',
  ].map(utc);

  it('nextLocalDayStart', () => {
    for (const tz of zones) for (const ms of instants) for (const d of [0, 1, 999, 3600_000 - 1, 7 * 3600_000]) expect(nextLocalDayStart(ms + d, tz), `${tz} ${new Date(ms + d).toISOString()}`).toBe(referenceNext(ms + d, tz));
  });

  it('splitAtLocalMidnight', () => {
    for (const tz of zones)
      for (const ms of instants)
        for (const len of [1, 1000, 1801_000, 3 * 3600_000 + 7, 21 * 3600_000, 30 * 3600_000])
          for (const back of [0, 2 * 3600_000 + 1]) expect(splitAtLocalMidnight(ms - back, ms - back + len, tz), `${tz} ${new Date(ms - back).toISOString()} +${len}`).toEqual(referenceSplit(ms - back, ms - back + len, tz));
  });
});

describe('localParts (cached offsets) agrees with Intl', () => {
  it('around every transition and at random instants, in awkward zones', () => {
    const zones = ['Europe/London', 'America/Santiago', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Pacific/Apia', 'Asia/Kolkata', 'Pacific/Chatham', 'Antarctica/Troll', 'America/St_Johns'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const randomInstants: number[] = [];
    for (let i = 0; i < 300; i++) randomInstants.push(Date.UTC(2010, 0, 1) + Math.floor(random() * 20 * 365 * 86_400_000));
    const offset = (ms: number, tz: string) => {
      const p = computeLocalParts(ms, tz);
      return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
    };
    for (const tz of zones) {
      const instants = [...randomInstants];
      // Every change of offset over 2011–2027 (found day by day, then hour by hour), probed to the millisecond either side.
      let next = offset(Date.UTC(2011, 0, 1), tz);
      for (let day = Date.UTC(2011, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
        const now = next;
        next = offset(day + 86_400_000, tz);
        if (now === next) continue;
        for (let h = day; h < day + 86_400_000; h += 3600_000) {
          if (offset(h, tz) === offset(h + 3600_000, tz)) continue;
          for (let m = 0; m <= 3600_000; m += 60_000) for (const d of [-1, 0, 1, 999]) instants.push(h + m + d);
        }
      }
      for (const ms of instants) expect(localParts(ms, tz), `${tz} ${new Date(ms).toISOString()}`).toEqual(computeLocalParts(ms, tz));
    }
  });
});
