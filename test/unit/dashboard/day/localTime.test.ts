import { beforeAll, describe, expect, it } from 'vitest';
import { addChange, emptyAddDraft, splitChange } from '../../../../src/dashboard/day/entryDraft.js';
import { clockTime, localDateOf, localDayStartMs, localMs, parseClock } from '../../../../src/dashboard/day/localTime.js';
import type { DayEntry } from '../../../../src/core/entries.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';

const HOUR = 3_600_000;
const MIN = 60_000;

beforeAll(() => installEnGbMessages());

describe('localTime: the test runs in the clinician’s zone', () => {
  it('is Europe/London (vitest.config.ts sets TZ)', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Europe/London');
  });
});

describe('localMs: a typed date and time as an instant', () => {
  it('uses GMT in winter and BST in summer', () => {
    expect(localMs('2025-01-15', '09:30')).toBe(Date.UTC(2025, 0, 15, 9, 30));
    expect(localMs('2025-07-15', '09:30')).toBe(Date.UTC(2025, 6, 15, 8, 30));
    expect(localMs('2025-07-15', '00:00')).toBe(Date.UTC(2025, 6, 14, 23, 0));
  });

  it('on the day the clocks go forward (30 March 2025), refuses the skipped hour', () => {
    expect(localMs('2025-03-30', '00:30')).toBe(Date.UTC(2025, 2, 30, 0, 30));
    expect(localMs('2025-03-30', '00:59')).toBe(Date.UTC(2025, 2, 30, 0, 59));
    for (const skipped of ['01:00', '01:30', '01:59']) expect(localMs('2025-03-30', skipped), skipped).toBeNull();
    expect(localMs('2025-03-30', '02:00')).toBe(Date.UTC(2025, 2, 30, 1, 0));
    expect(localMs('2025-03-30', '23:59')).toBe(Date.UTC(2025, 2, 30, 22, 59));
    // 02:00 BST is the instant straight after 00:59:59 GMT.
    expect(localMs('2025-03-30', '02:00')! - localMs('2025-03-30', '00:59')!).toBe(MIN);
  });

  it('on the day the clocks go back (26 October 2025), takes the first of the repeated hour', () => {
    expect(localMs('2025-10-26', '00:30')).toBe(Date.UTC(2025, 9, 25, 23, 30));
    expect(localMs('2025-10-26', '01:30')).toBe(Date.UTC(2025, 9, 26, 0, 30));
    expect(localMs('2025-10-26', '02:00')).toBe(Date.UTC(2025, 9, 26, 2, 0));
    // 01:00 to 02:00 on the clock is two real hours.
    expect(localMs('2025-10-26', '02:00')! - localMs('2025-10-26', '01:00')!).toBe(2 * HOUR);
  });

  it('gives 23- and 25-hour days', () => {
    expect(localDayStartMs('2025-03-31') - localDayStartMs('2025-03-30')).toBe(23 * HOUR);
    expect(localDayStartMs('2025-10-27') - localDayStartMs('2025-10-26')).toBe(25 * HOUR);
    expect(localDayStartMs('2025-03-14')).toBe(Date.UTC(2025, 2, 14));
  });

  it.each([
    ['2025-03-14', ''],
    ['2025-03-14', '9:30'],
    ['2025-03-14', '24:00'],
    ['2025-03-14', '12:60'],
    ['2025-03-14', 'noon'],
    ['2025-02-29', '09:00'],
    ['2025-13-01', '09:00'],
    ['', '09:00'],
  ])('refuses %s %s', (date, time) => {
    expect(localMs(date, time)).toBeNull();
  });

  it('reads HH:MM with surrounding spaces', () => {
    expect(parseClock(' 07:05 ')).toEqual({ hour: 7, minute: 5 });
    expect(localMs('2024-02-29', '07:05')).toBe(Date.UTC(2024, 1, 29, 7, 5));
  });
});

describe('clockTime and localDateOf: an instant as the clinician reads it', () => {
  it('writes 24-hour HH:MM in local time', () => {
    expect(clockTime(Date.UTC(2025, 2, 14, 0, 0))).toBe('00:00');
    expect(clockTime(Date.UTC(2025, 2, 14, 13, 5, 59))).toBe('13:05');
    expect(clockTime(Date.UTC(2025, 2, 30, 0, 59))).toBe('00:59');
    expect(clockTime(Date.UTC(2025, 2, 30, 1, 0))).toBe('02:00');
    // The repeated hour reads the same twice.
    expect(clockTime(Date.UTC(2025, 9, 26, 0, 30))).toBe('01:30');
    expect(clockTime(Date.UTC(2025, 9, 26, 1, 30))).toBe('01:30');
  });

  it('gives the local date, which in summer starts an hour before UTC’s', () => {
    expect(localDateOf(Date.UTC(2025, 5, 30, 23, 30))).toBe('2025-07-01');
    expect(localDateOf(Date.UTC(2025, 11, 31, 23, 30))).toBe('2025-12-31');
  });

  it('round-trips every quarter hour of both DST days (the repeated hour to its first instance)', () => {
    for (const date of ['2025-03-30', '2025-10-26']) {
      const end = localDayStartMs(date === '2025-03-30' ? '2025-03-31' : '2025-10-27');
      for (let ms = localDayStartMs(date); ms < end; ms += 15 * MIN) {
        const back = localMs(localDateOf(ms), clockTime(ms));
        expect([ms, ms - HOUR], new Date(ms).toISOString()).toContain(back);
      }
    }
  });
});

describe('entry checks on DST days', () => {
  const now = Date.UTC(2026, 0, 1);

  it('adds start + duration across the skipped hour as real minutes', () => {
    const checked = addChange({ ...emptyAddDraft('2025-03-30'), start: '00:30', mode: 'duration', duration: '90', category: 'documentation' }, now);
    expect(checked).toEqual({ ok: true, change: { kind: 'add', start: Date.UTC(2025, 2, 30, 0, 30), end: Date.UTC(2025, 2, 30, 2, 0), category: 'documentation' } });
  });

  it('refuses a start in the skipped hour, naming the date', () => {
    const checked = addChange({ ...emptyAddDraft('2025-03-30'), start: '01:30', end: '03:00', category: 'documentation' }, now);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors).toEqual(['There was no 01:30 on Sunday 30 March 2025: the clocks went forward an hour. Give a time before or after the change.']);
  });

  it('counts 00:00 to 23:59 on the 25-hour day as too long', () => {
    const checked = addChange({ ...emptyAddDraft('2025-10-26'), start: '00:00', end: '23:59', category: 'documentation' }, now);
    expect(!checked.ok && checked.errors).toEqual(['A record can be at most 24 hours long.']);
  });

  it('splits a record that runs past midnight at a time on its second date', () => {
    const entry: DayEntry = {
      id: 'night',
      systemId: '',
      systemName: '',
      category: 'direct_care',
      source: 'manual',
      start: Date.UTC(2025, 2, 14, 23, 0),
      end: Date.UTC(2025, 2, 15, 1, 0),
      activeMs: 2 * HOUR,
      edited: false,
      flaggedForReview: false,
    };
    expect(splitChange(entry, '00:15')).toEqual({ ok: true, change: { kind: 'split', id: 'night', at: Date.UTC(2025, 2, 15, 0, 15) } });
    expect(splitChange(entry, '23:30')).toEqual({ ok: true, change: { kind: 'split', id: 'night', at: Date.UTC(2025, 2, 14, 23, 30) } });
    expect(splitChange(entry, '02:00').ok).toBe(false);
  });
});
