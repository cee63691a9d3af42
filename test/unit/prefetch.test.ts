import { describe, expect, it, vi } from 'vitest';
import type { DashboardApi } from '../../src/dashboard/dashboardApi.js';
import { withPrefetch } from '../../src/dashboard/prefetch.js';

function fakeApi() {
  return {
    load: vi.fn(async () => ({ version: 2 })),
    readRollups: vi.fn(async () => []),
    today: () => '2026-11-26',
  } as unknown as DashboardApi & { load: ReturnType<typeof vi.fn>; readRollups: ReturnType<typeof vi.fn> };
}

describe('the dashboard prefetches its opening view', () => {
  it('asks for the settings and the named period\'s rollups at once, and serves each to the first matching request only', async () => {
    const api = fakeApi();
    const prefetched = withPrefetch(api, '#month');
    expect(api.load).toHaveBeenCalledTimes(1);
    expect(api.readRollups).toHaveBeenCalledWith('2026-11-01', '2026-11-30');
    await prefetched.load();
    await prefetched.readRollups('2026-11-01', '2026-11-30');
    expect(api.load).toHaveBeenCalledTimes(1);
    expect(api.readRollups).toHaveBeenCalledTimes(1);
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
});
