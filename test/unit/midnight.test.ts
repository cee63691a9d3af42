import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearOfMidnight, recentMinutes } from '../e2e/support/midnight.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** The e2e helper that picks times for the dashboard's "Add time" form: never in the future, never before today. */
describe('recentMinutes', () => {
  const TZ = 'Europe/London';
  const at = async (iso: string) => {
    vi.setSystemTime(new Date(iso));
    let resolvedAt = 0;
    const pending = recentMinutes(TZ).then((stretch) => ((resolvedAt = Date.now()), stretch));
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    return { ...(await pending), resolvedAt };
  };

  it.each([
    // now (UTC)                 start    end      minutes  why
    ['2026-11-26T14:37:20Z', '14:26', '14:36', 10, 'mid-day: ten minutes ending a minute ago'],
    ['2026-11-27T00:07:47Z', '00:00', '00:06', 6, 'just after midnight (the CI run that failed): only today’s minutes'],
    ['2026-11-27T00:00:30Z', '00:00', '00:01', 1, 'within two minutes of midnight: waits until 00:02'],
    ['2026-11-26T23:59:10Z', '00:00', '00:01', 1, 'just before midnight: waits into the new day'],
    ['2026-06-30T23:09:00Z', '00:00', '00:08', 8, 'summer time: local midnight is 23:00 UTC'],
    ['2026-03-29T01:30:00Z', '02:19', '02:29', 10, 'the day the clocks go forward'],
  ])('at %s: %s–%s, %i min (%s)', async (iso, start, end, minutes) => {
    const stretch = await at(iso);
    expect([stretch.start, stretch.end]).toEqual([start, end]);
    expect(stretch.durationMs).toBe(minutes * 60_000);
    // Not in the future when the form is sent: it ended at least a minute before the helper answered.
    expect(stretch.endMs).toBeLessThanOrEqual(stretch.resolvedAt - 60_000);
  });
});

/** The e2e helper that keeps a test's measured stretch on one local day. */
describe('clearOfMidnight', () => {
  it.each([
    // now (UTC)                 span (min)  resumes at (UTC)
    ['2026-11-26T14:37:20Z', 4, '2026-11-26T14:37:20.000Z', 'mid-day: no wait'],
    ['2026-11-26T23:55:59Z', 4, '2026-11-26T23:55:59.000Z', 'ends before midnight: no wait'],
    ['2026-11-26T23:57:30Z', 4, '2026-11-27T00:00:02.000Z', 'would cross midnight: waits until just after it'],
    ['2026-06-30T22:58:00Z', 3, '2026-06-30T23:00:02.000Z', 'summer time: local midnight is 23:00 UTC'],
  ])('at %s for %i min: resumes at %s (%s)', async (iso, minutes, resumes) => {
    vi.setSystemTime(new Date(iso));
    let resumedAt = 0;
    const pending = clearOfMidnight(minutes * 60_000).then(() => (resumedAt = Date.now()));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await pending;
    expect(new Date(resumedAt).toISOString()).toBe(resumes);
  });
});
