import { activeIntervals } from './activeTime.js';
import { SENSITIVITY_THRESHOLDS_SEC, type ActiveTimeParams } from './activeTimeParams.js';
import type { ActivitySpan } from './activitySpan.js';
import type { LocalDateKey } from './localDate.js';
import type { TaskCategory } from './taskCategory.js';

/** Active ms for one system and category on one day, under the headline and each sensitivity threshold. */
export interface RollupCell {
  activeMs: number;
  /** Input-gap rule without reading allowance, keyed by τ in seconds. */
  byThresholdMs: Record<string, number>;
}

/**
 * One local day's totals, maintained incrementally as spans change, so that
 * the popup and dashboard never scan raw history. `params` records which
 * headline definition `activeMs` was computed with.
 */
export interface DayRollup {
  date: LocalDateKey;
  params: ActiveTimeParams;
  /** systemId → category → cell */
  cells: Record<string, Partial<Record<TaskCategory, RollupCell>>>;
}

/** A span's contribution to each day, as signed amounts to add to rollups. */
export interface RollupDelta {
  date: LocalDateKey;
  systemId: string;
  category: TaskCategory;
  activeMs: number;
  byThresholdMs: Record<string, number>;
}

function contributions(span: ActivitySpan, params: ActiveTimeParams, timeZone: string, sign: 1 | -1): RollupDelta[] {
  const byDate = new Map<LocalDateKey, RollupDelta>();
  const get = (date: LocalDateKey): RollupDelta => {
    let d = byDate.get(date);
    if (!d) {
      d = { date, systemId: span.systemId, category: span.category, activeMs: 0, byThresholdMs: {} };
      for (const t of SENSITIVITY_THRESHOLDS_SEC) d.byThresholdMs[t] = 0;
      byDate.set(date, d);
    }
    return d;
  };
  for (const iv of activeIntervals(span, params, timeZone)) get(iv.date).activeMs += sign * (iv.end - iv.start);
  for (const t of SENSITIVITY_THRESHOLDS_SEC) {
    const p = { inactivityThresholdSec: t, readingAllowanceSec: 0 };
    for (const iv of activeIntervals(span, p, timeZone)) get(iv.date).byThresholdMs[t]! += sign * (iv.end - iv.start);
  }
  return [...byDate.values()];
}

/** What changes in the rollups when `before` (or nothing) becomes `after` (or nothing). */
export function spanRollupDeltas(
  before: ActivitySpan | undefined,
  after: ActivitySpan | undefined,
  params: ActiveTimeParams,
  timeZone: string,
): RollupDelta[] {
  const all = [
    ...(before ? contributions(before, params, timeZone, -1) : []),
    ...(after ? contributions(after, params, timeZone, 1) : []),
  ];
  const merged = new Map<string, RollupDelta>();
  for (const d of all) {
    const key = `${d.date}\u0000${d.systemId}\u0000${d.category}`;
    const m = merged.get(key);
    if (!m) {
      merged.set(key, { ...d, byThresholdMs: { ...d.byThresholdMs } });
      continue;
    }
    m.activeMs += d.activeMs;
    for (const [t, v] of Object.entries(d.byThresholdMs)) m.byThresholdMs[t] = (m.byThresholdMs[t] ?? 0) + v;
  }
  return [...merged.values()].filter((d) => d.activeMs !== 0 || Object.values(d.byThresholdMs).some((v) => v !== 0));
}

export function emptyRollup(date: LocalDateKey, params: ActiveTimeParams): DayRollup {
  return { date, params: { ...params }, cells: {} };
}

/** Apply deltas for `rollup.date` (others are ignored). Returns a new rollup. */
export function applyRollupDeltas(rollup: DayRollup, deltas: readonly RollupDelta[]): DayRollup {
  const cells: DayRollup['cells'] = structuredClone(rollup.cells);
  for (const d of deltas) {
    if (d.date !== rollup.date) continue;
    const bySystem = (cells[d.systemId] ??= {});
    const cell = (bySystem[d.category] ??= { activeMs: 0, byThresholdMs: {} });
    cell.activeMs += d.activeMs;
    for (const [t, v] of Object.entries(d.byThresholdMs)) cell.byThresholdMs[t] = (cell.byThresholdMs[t] ?? 0) + v;
    if (cell.activeMs === 0 && Object.values(cell.byThresholdMs).every((v) => v === 0)) delete bySystem[d.category];
    if (Object.keys(bySystem).length === 0) delete cells[d.systemId];
  }
  return { ...rollup, cells };
}

/** Build rollups from scratch (after a change of the headline parameters, or to verify incremental upkeep). */
export function rollupsFromSpans(
  spans: Iterable<ActivitySpan>,
  params: ActiveTimeParams,
  timeZone: string,
): Map<LocalDateKey, DayRollup> {
  const out = new Map<LocalDateKey, DayRollup>();
  for (const span of spans) {
    const deltas = spanRollupDeltas(undefined, span, params, timeZone);
    for (const d of deltas) {
      const r = out.get(d.date) ?? emptyRollup(d.date, params);
      out.set(d.date, applyRollupDeltas(r, [d]));
    }
  }
  return out;
}

export function rollupTotalMs(rollup: DayRollup | undefined): number {
  if (!rollup) return 0;
  let total = 0;
  for (const bySystem of Object.values(rollup.cells))
    for (const cell of Object.values(bySystem)) total += cell?.activeMs ?? 0;
  return total;
}
