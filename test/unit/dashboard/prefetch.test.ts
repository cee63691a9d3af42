import { describe, expect, it, vi } from 'vitest';
import type { DashboardApi } from '../../../src/dashboard/dashboardApi.js';
import { OPENING_SETTINGS_REQUESTS, withPrefetch } from '../../../src/dashboard/prefetch.js';

function fakeApi() {
  const listeners = new Set<(raw: unknown) => void>();
  return {
    load: vi.fn(async () => ({ version: 2 })),
    readRollups: vi.fn(async () => []),
    today: () => '2026-11-26',
    watch: (onChange: (raw: unknown) => void) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    listeners,
  } as unknown as DashboardApi & { load: ReturnType<typeof vi.fn>; readRollups: ReturnType<typeof vi.fn>; listeners: Set<(raw: unknown) => void> };
}

describe('the dashboard prefetches its opening view', () => {
  it('asks for the settings and the named period\'s rollups at once; the settings serve the opening\'s two requests, the rollups the first', async () => {
    const api = fakeApi();
    const prefetched = withPrefetch(api, '#month');
    expect(api.load).toHaveBeenCalledTimes(1);
    expect(api.readRollups).toHaveBeenCalledWith('2026-11-01', '2026-11-30');
    await prefetched.load(); // the Dashboard, choosing the view
    await prefetched.load(); // the month view, for its figures
    await prefetched.readRollups('2026-11-01', '2026-11-30');
    expect(OPENING_SETTINGS_REQUESTS).toBe(2);
    expect(api.load).toHaveBeenCalledTimes(1);
    expect(api.readRollups).toHaveBeenCalledTimes(1);
    expect(api.listeners.size).toBe(0);
    // Later requests read afresh.
    await prefetched.load();
    await prefetched.readRollups('2026-11-01', '2026-11-30');
    expect(api.load).toHaveBeenCalledTimes(2);
    expect(api.readRollups).toHaveBeenCalledTimes(2);
  });

  it('reads afresh when the first request is for another period, and prefetches no rollups for Share or Settings', async () => {
    const api = fakeApi();
    const prefetched = withPrefetch(api, '');
    expect(api.readRollups).toHaveBeenCalledWith('2026-11-23', '2026-11-29');
    await prefetched.readRollups('2026-11-01', '2026-11-30');
    expect(api.readRollups).toHaveBeenLastCalledWith('2026-11-01', '2026-11-30');
    expect(api.readRollups).toHaveBeenCalledTimes(2);
    const settingsApi = fakeApi();
    withPrefetch(settingsApi, '#settings');
    expect(settingsApi.readRollups).not.toHaveBeenCalled();
  });

  it('a failed prefetch surfaces only to the request it serves', async () => {
    const api = fakeApi();
    api.readRollups.mockRejectedValueOnce(new Error('blocked'));
    const prefetched = withPrefetch(api, '#week');
    await expect(prefetched.readRollups('2026-11-23', '2026-11-29')).rejects.toThrow('blocked');
    await expect(prefetched.readRollups('2026-11-23', '2026-11-29')).resolves.toEqual([]);
  });

  it('a settings change reported before the opening\'s second request drops the prefetched settings', async () => {
    const api = fakeApi();
    const prefetched = withPrefetch(api, '#week');
    await prefetched.load();
    for (const l of api.listeners) l({ version: 2, paused: true });
    await prefetched.load();
    expect(api.load).toHaveBeenCalledTimes(2);
    expect(api.listeners.size).toBe(0);
  });
});
