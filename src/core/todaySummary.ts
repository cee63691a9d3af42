import type { ActiveTimeParams } from './activeTimeParams.js';
import type { DayRollup } from './dayRollup.js';
import type { LocalDateKey } from './localDate.js';
import type { ClinicalSystem } from './settings.js';
import type { TaskCategory } from './taskCategory.js';

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
}

export function buildTodaySummary(input: {
  date: LocalDateKey;
  rollup: DayRollup | undefined;
  systems: readonly ClinicalSystem[];
  nowTracking: { systemId: string; category: TaskCategory } | null;
  paused: boolean;
  params: ActiveTimeParams;
}): TodaySummary {
  const names = new Map(input.systems.map((s) => [s.id, s.name]));
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
  };
}

/** "2 h 05 min", "14 min", "3 min 20 s", "40 s": durations for people; seconds only where they matter. */
export function formatDuration(ms: number): string {
  const totalSec = Math.round(ms / 1000);
  if (totalSec < 60) return `${totalSec} s`;
  const totalMin = Math.floor(totalSec / 60);
  if (totalMin < 10 && totalSec % 60 !== 0) return `${totalMin} min ${totalSec % 60} s`;
  if (totalMin < 60) return `${totalMin} min`;
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  return `${h} h ${String(m).padStart(2, '0')} min`;
}
