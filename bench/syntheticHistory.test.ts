import { describe, expect, it } from 'vitest';
import { localDateKey, localParts } from '../src/core/localDate.js';
import { historyShape, localTimeMs, syntheticHistory } from './syntheticHistory.js';

const TZ = 'Europe/London';

describe('synthetic history for the benchmark', () => {
  const year = syntheticHistory({ lastDate: '2026-11-25', days: 365, timeZone: TZ });

  it('is the same for the same seed, and different for another', () => {
    expect(syntheticHistory({ lastDate: '2026-11-25', days: 30, timeZone: TZ })).toEqual(syntheticHistory({ lastDate: '2026-11-25', days: 30, timeZone: TZ }));
    expect(syntheticHistory({ lastDate: '2026-11-25', days: 30, timeZone: TZ, seed: 7 })).not.toEqual(syntheticHistory({ lastDate: '2026-11-25', days: 30, timeZone: TZ }));
  });

  it('is a busy clinician\'s year: about 7 attended hours on each of 200–240 working days, weekends off', () => {
    const shape = historyShape(year, TZ);
    expect(shape.firstDate).toBe('2025-11-26');
    expect(shape.workingDays).toBeGreaterThanOrEqual(200);
    expect(shape.workingDays).toBeLessThanOrEqual(240);
    expect(shape.attendedHoursPerWorkingDay).toBeGreaterThan(6);
    expect(shape.attendedHoursPerWorkingDay).toBeLessThan(9);
    expect(shape.manualEntries).toBeGreaterThan(100);
    for (const day of year) if ([0, 6].includes(new Date(`${day.date}T12:00:00Z`).getUTCDay())) expect(day.bouts).toEqual([]);
  });

  // A page load shorter than two seconds has no whole second inside it: a sample without evidence.
  const withEvidence = (days: typeof year) => days.flatMap((d) => d.bouts).filter((b) => b.attended.length > 0);

  it('has sign-ins, page loads and after-hours work', () => {
    const bouts = withEvidence(year);
    expect(bouts.some((b) => b.category === 'login_auth')).toBe(true);
    expect(bouts.filter((b) => b.pageLoadMs !== undefined).length).toBeGreaterThan(1000);
    expect(bouts.some((b) => localParts(b.attended[0]! * 1000, TZ).hour >= 19)).toBe(true);
  });

  it('keeps every bout on its own local date, DST days included, with evidence as sorted runs', () => {
    const problems: string[] = [];
    for (const day of year)
      for (const b of day.bouts.filter((x) => x.attended.length > 0)) {
        if (localDateKey(b.attended[0]! * 1000, TZ) !== day.date) problems.push(`${day.date}: bout on another date`);
        for (const runs of [b.input, b.attended]) if (runs.some((v, i) => i > 0 && v <= runs[i - 1]!)) problems.push(`${day.date}: unsorted runs`);
      }
    expect(problems).toEqual([]);
  });

  it('places local times by the zone\'s real offset either side of a clock change', () => {
    expect(new Date(localTimeMs('2026-03-27', 9, 0, TZ)).toISOString()).toBe('2026-03-27T09:00:00.000Z');
    expect(new Date(localTimeMs('2026-03-30', 9, 0, TZ)).toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('leaves out anything after "now"', () => {
    const notAfterMs = Date.parse('2026-11-25T11:00:00Z');
    const days = syntheticHistory({ lastDate: '2026-11-25', days: 3, timeZone: TZ, notAfterMs });
    for (const b of withEvidence(days)) expect(b.attended[b.attended.length - 1]! * 1000).toBeLessThanOrEqual(notAfterMs);
  });
});
