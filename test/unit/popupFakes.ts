/** A TodaySummary and a fake PopupApi shared by the popup tests. */
import { vi } from 'vitest';
import type { TodaySummary } from '../../src/core/todaySummary.js';
import type { IdleReviewAction } from '../../src/core/entries.js';
import type { TaskCategory } from '../../src/core/taskCategory.js';
import type { PopupApi } from '../../src/popup/api.js';

export function summary(overrides: Partial<TodaySummary> = {}): TodaySummary {
  return {
    date: '2025-03-14' as TodaySummary['date'],
    totalMs: (2 * 3600 + 5 * 60) * 1000,
    bySystem: [
      { systemId: 'emis-web', name: 'EMIS Web', ms: (1 * 3600 + 35 * 60) * 1000 },
      { systemId: 'ers', name: 'e-RS', ms: 30 * 60 * 1000 },
    ],
    byCategory: [
      { category: 'documentation', ms: 65 * 60 * 1000 },
      { category: 'referrals', ms: 40 * 60 * 1000 },
      { category: 'results_review', ms: 20 * 60 * 1000 },
    ],
    nowTracking: { systemId: 'emis-web', name: 'EMIS Web', category: 'documentation' },
    paused: false,
    systemsConfigured: 2,
    params: { inactivityThresholdSec: 60, readingAllowanceSec: 60 },
    timerSystems: [
      { id: 'emis-web', name: 'EMIS Web' },
      { id: 'ers', name: 'e-RS' },
    ],
    timer: null,
    lastTimer: null,
    idleReview: null,
    ...overrides,
  };
}

/** How long the fake worker lets a timer run. */
export const FAKE_TIMER_LIMIT_MS = 4 * 3600_000;

/** A PopupApi whose worker state is `api.state.current`. */
export function fakeApi(initial: TodaySummary) {
  const state = { current: initial };
  return {
    state,
    getToday: vi.fn(async (): Promise<TodaySummary> => state.current),
    setPaused: vi.fn(async (paused: boolean): Promise<TodaySummary> => {
      state.current = { ...state.current, paused, nowTracking: paused ? null : state.current.nowTracking };
      return state.current;
    }),
    startTimer: vi.fn(async (category: TaskCategory, systemId?: string): Promise<TodaySummary> => {
      const systemName = state.current.timerSystems.find((s) => s.id === systemId)?.name;
      const now = Date.now();
      state.current = {
        ...state.current,
        nowTracking: null,
        timer: { category, ...(systemId ? { systemId } : {}), ...(systemName ? { systemName } : {}), startedAt: now, limitAt: now + FAKE_TIMER_LIMIT_MS },
        lastTimer: { category, ...(systemId ? { systemId } : {}) },
      };
      return state.current;
    }),
    stopTimer: vi.fn(async (): Promise<TodaySummary> => {
      state.current = { ...state.current, timer: null };
      return state.current;
    }),
    resolveIdleReview: vi.fn(async (_action: IdleReviewAction): Promise<TodaySummary> => {
      state.current = { ...state.current, idleReview: null };
      return state.current;
    }),
    openDashboard: vi.fn(),
  } satisfies PopupApi & Record<string, unknown>;
}
