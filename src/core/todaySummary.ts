import type { ActiveTimeParams } from './activeTimeParams.js';
import type { DayRollup } from './dayRollup.js';
import type { LocalDateKey } from './localDate.js';
import type { ClinicalSystem } from './settings.js';
import type { TaskCategory } from './taskCategory.js';
import type { IdleReview, TimerView } from './entries.js';

/** What the popup shows. Built from one day rollup, so its cost never grows with history. */
export interface TodaySummary {
  date: LocalDateKey;
  totalMs: number;
  bySystem: Array<{ systemId: string; name: string; ms: number }>;
  byCategory: Array<{ category: TaskCategory; ms: number }>;
  /** The system and category being tracked right now, if any. */
  nowTracking: { systemId: string; name: string; category: TaskCategory } | null;
  paused: boolean;
  systemsConfigured: number;
  params: ActiveTimeParams;
  /** Systems a manual timer can name: the configured web systems and named desktop systems. */
  timerSystems: Array<{ id: string; name: string }>;
  timer: TimerView | null;
  /** The last timer's category and system, for the keyboard shortcut and a one-click restart. */
  lastTimer: { category: TaskCategory; systemId?: string } | null;
  idleReview: IdleReview | null;
}

export function buildTodaySummary(input: {
  date: LocalDateKey;
  rollup: DayRollup | undefined;
  systems: readonly ClinicalSystem[];
  nowTracking: { systemId: string; category: TaskCategory } | null;
  paused: boolean;
  params: ActiveTimeParams;
  /** Named desktop systems (no web pages), for manual timers and entries. */
  desktopSystems?: ReadonlyArray<{ id: string; name: string }>;
  timer?: { category: TaskCategory; systemId?: string; startedAt: number; limitAt: number } | null;
  lastTimer?: { category: TaskCategory; systemId?: string } | null;
  idleReview?: IdleReview | null;
  now?: number;
  /** Epoch ms of the start of `date`: a timer running since yesterday counts only today's part. */
  todayStart?: number;
}): TodaySummary {
  const timerSystems = [...input.systems, ...(input.desktopSystems ?? [])].map((s) => ({ id: s.id, name: s.name }));
  const names = new Map(timerSystems.map((s) => [s.id, s.name]));
  // A removed system's time still counts; it is shown by its id.
  const nameOf = (id: string) => names.get(id) ?? id;
  const bySystem = new Map<string, number>();
  const byCategory = new Map<TaskCategory, number>();
  let totalMs = 0;
  for (const [systemId, cells] of Object.entries(input.rollup?.cells ?? {})) {
    for (const [category, cell] of Object.entries(cells) as Array<[TaskCategory, { activeMs: number }]>) {
      totalMs += cell.activeMs;
      bySystem.set(systemId, (bySystem.get(systemId) ?? 0) + cell.activeMs);
      byCategory.set(category, (byCategory.get(category) ?? 0) + cell.activeMs);
    }
  }
  // A running timer counts as it runs (automatic tracking is suspended meanwhile, so nothing counts twice).
  const timer = input.timer ?? null;
  if (timer && input.now !== undefined) {
    const ms = Math.max(0, Math.min(input.now, timer.limitAt) - Math.max(timer.startedAt, input.todayStart ?? timer.startedAt));
    totalMs += ms;
    if (timer.systemId) bySystem.set(timer.systemId, (bySystem.get(timer.systemId) ?? 0) + ms);
    byCategory.set(timer.category, (byCategory.get(timer.category) ?? 0) + ms);
  }
  const byMsDesc = <T extends { ms: number }>(a: T, b: T) => b.ms - a.ms;
  return {
    date: input.date,
    totalMs,
    bySystem: [...bySystem].map(([systemId, ms]) => ({ systemId, name: nameOf(systemId), ms })).sort(byMsDesc),
    byCategory: [...byCategory].map(([category, ms]) => ({ category, ms })).sort(byMsDesc),
    nowTracking: input.nowTracking ? { ...input.nowTracking, name: nameOf(input.nowTracking.systemId) } : null,
    paused: input.paused,
    systemsConfigured: input.systems.length,
    params: input.params,
    timerSystems,
    timer: timer ? { ...timer, ...(timer.systemId && names.has(timer.systemId) ? { systemName: names.get(timer.systemId)! } : {}) } : null,
    lastTimer: input.lastTimer ?? null,
    idleReview: input.idleReview ?? null,
  };
}
