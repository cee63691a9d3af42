import { activeIntervals, countedSeconds } from './activeTime.js';
import { SENSITIVITY_THRESHOLDS_SEC, type ActiveTimeParams } from './activeTimeParams.js';
import { isLive, type ActivitySpan } from './activitySpan.js';
import { localDateKey, localParts, type LocalDateKey } from './localDate.js';
import type { PageEvent } from './records.js';
import { unionRuns, type Runs } from './runs.js';
import type { TaskCategory } from './taskCategory.js';

/** Active ms for one system and category on one day, under the headline and each sensitivity threshold. */
export interface RollupCell {
  activeMs: number;
  /** Input-gap rule without reading allowance, keyed by τ in seconds. */
  byThresholdMs: Record<string, number>;
}

/** Length of a time-of-day slot: local 5-minute slots ("0" = 00:00–00:05 … "287" = 23:55–24:00). */
export const SLOT_SEC = 300;
export const SLOTS_PER_DAY = 288;

/**
 * One local day's totals, maintained incrementally as spans and page events
 * change, so the popup and dashboard never scan raw history. `params`
 * records which headline definition the headline figures use.
 */
export interface DayRollup {
  date: LocalDateKey;
  params: ActiveTimeParams;
  /** systemId → category → cell */
  cells: Record<string, Partial<Record<TaskCategory, RollupCell>>>;
  /** Headline active ms per local time-of-day slot, all systems and categories (for schedule-aware measures). */
  slots: Record<string, number>;
  /** The same per sensitivity threshold τ (input-gap rule, R = 0): τ → slot → ms. */
  slotsByThreshold: Record<string, Record<string, number>>;
  /** Uninterrupted bouts under the headline definition: length in whole seconds → count. */
  bouts: Record<string, number>;
  /** Changes of system or category from one span to the next within 5 minutes. */
  switches: number;
  /** Completed logins: per system, ms from the login page to the first page after it. */
  logins: Record<string, number[]>;
  /** Page loads (Navigation Timing, start → loadEventEnd), ms, per system. */
  pageLoads: Record<string, number[]>;
  /** In-app waits of single-page apps (soft navigations, docs/metrics.md), ms, per system. Absent until there is one. */
  softWaits?: Record<string, number[]>;
  /** Active ms from manual entries, timers and hand-edited records: how much was corrected by hand. */
  correctedMs: number;
}

/** A signed change to one day's rollup. */
export interface RollupDelta {
  date: LocalDateKey;
  cells: Array<{ systemId: string; category: TaskCategory; activeMs: number; byThresholdMs: Record<string, number> }>;
  slots: Record<string, number>;
  slotsByThreshold: Record<string, Record<string, number>>;
  bouts: Record<string, number>;
  switches: number;
  correctedMs: number;
  /** Samples to add (or, with a negative sign, remove). */
  logins: Array<{ systemId: string; ms: number; sign: 1 | -1 }>;
  pageLoads: Array<{ systemId: string; ms: number; sign: 1 | -1 }>;
  softWaits: Array<{ systemId: string; ms: number; sign: 1 | -1 }>;
}

function emptyDelta(date: LocalDateKey): RollupDelta {
  return { date, cells: [], slots: {}, slotsByThreshold: {}, bouts: {}, switches: 0, correctedMs: 0, logins: [], pageLoads: [], softWaits: [] };
}

function add(map: Record<string, number>, key: string | number, v: number): void {
  const next = (map[key] ?? 0) + v;
  if (next === 0) delete map[key];
  else map[key] = next;
}

/** Spread counted time over local 5-minute slots. Zone offsets are whole quarter hours, so UTC 5-minute edges are local ones. */
function addToSlots(target: (date: LocalDateKey) => Record<string, number>, startMs: number, endMs: number, timeZone: string, sign: number): void {
  let a = startMs;
  while (a < endMs) {
    const edge = (Math.floor(a / 1000 / SLOT_SEC) + 1) * SLOT_SEC * 1000;
    const b = Math.min(edge, endMs);
    const p = localParts(a, timeZone);
    const slot = p.hour * 12 + Math.floor(p.minute / 5);
    add(target(localDateKey(a, timeZone)), slot, sign * (b - a));
    a = b;
  }
}

function spanContribution(span: ActivitySpan, params: ActiveTimeParams, timeZone: string, sign: 1 | -1, exclude: Runs): Map<LocalDateKey, RollupDelta> {
  const byDate = new Map<LocalDateKey, RollupDelta>();
  // A record replaced or deleted by a correction is kept but no longer counts.
  if (!isLive(span)) return byDate;
  const corrected = span.source !== 'auto' || span.edited === true;
  const get = (date: LocalDateKey) => {
    let d = byDate.get(date);
    if (!d) byDate.set(date, (d = emptyDelta(date)));
    return d;
  };
  const cell = (date: LocalDateKey) => {
    const d = get(date);
    let c = d.cells[0];
    if (!c) {
      c = { systemId: span.systemId, category: span.category, activeMs: 0, byThresholdMs: {} };
      for (const t of SENSITIVITY_THRESHOLDS_SEC) c.byThresholdMs[t] = 0;
      d.cells.push(c);
    }
    return c;
  };
  for (const iv of activeIntervals(span, params, timeZone, exclude)) {
    cell(iv.date).activeMs += sign * (iv.end - iv.start);
    if (corrected) get(iv.date).correctedMs += sign * (iv.end - iv.start);
    addToSlots((date) => get(date).slots, iv.start, iv.end, timeZone, sign);
  }
  for (const t of SENSITIVITY_THRESHOLDS_SEC) {
    const p = { inactivityThresholdSec: t, readingAllowanceSec: 0 };
    for (const iv of activeIntervals(span, p, timeZone, exclude)) {
      cell(iv.date).byThresholdMs[t]! += sign * (iv.end - iv.start);
      addToSlots((date) => (get(date).slotsByThreshold[t] ??= {}), iv.start, iv.end, timeZone, sign);
    }
  }
  // Bouts are whole runs of counted time, booked on the day they start.
  const runs = countedSeconds(span, params, exclude);
  for (let i = 0; i < runs.length; i += 2) add(get(localDateKey(runs[i]! * 1000, timeZone)).bouts, runs[i + 1]! - runs[i]!, sign);
  if (span.switched) get(span.date).switches += sign;
  return byDate;
}

function mergeDeltas(parts: Iterable<RollupDelta>): RollupDelta[] {
  const out = new Map<LocalDateKey, RollupDelta>();
  for (const d of parts) {
    const m = out.get(d.date);
    if (!m) {
      out.set(d.date, structuredClone(d));
      continue;
    }
    m.cells.push(...structuredClone(d.cells));
    for (const [k, v] of Object.entries(d.slots)) add(m.slots, k, v);
    for (const [t, slots] of Object.entries(d.slotsByThreshold)) for (const [k, v] of Object.entries(slots)) add((m.slotsByThreshold[t] ??= {}), k, v);
    for (const [k, v] of Object.entries(d.bouts)) add(m.bouts, k, v);
    m.switches += d.switches;
    m.correctedMs += d.correctedMs;
    m.logins.push(...d.logins);
    m.pageLoads.push(...d.pageLoads);
    m.softWaits.push(...d.softWaits);
  }
  return [...out.values()];
}

/** What changes in the rollups when `before` (or nothing) becomes `after` (or nothing). */
export function spanRollupDeltas(
  before: ActivitySpan | undefined,
  after: ActivitySpan | undefined,
  params: ActiveTimeParams,
  timeZone: string,
  /** Seconds claimed by manual entries (they win over automatic time); applies to automatic spans. */
  exclusions: { before?: Runs; after?: Runs } = {},
): RollupDelta[] {
  const excl = (span: ActivitySpan, runs: Runs | undefined) => (span.source === 'auto' ? (runs ?? []) : []);
  return mergeDeltas([
    ...(before ? spanContribution(before, params, timeZone, -1, excl(before, exclusions.before)).values() : []),
    ...(after ? spanContribution(after, params, timeZone, 1, excl(after, exclusions.after)).values() : []),
  ]);
}

/**
 * The seconds that live manual and timer entries claim, as runs: automatic
 * time inside them is not counted, so nothing counts twice (docs/active-time.md).
 */
export function manualClaims(spans: Iterable<ActivitySpan>): Runs {
  let out: Runs = [];
  for (const s of spans) if (s.source !== 'auto' && isLive(s) && s.end > s.start) out = unionRuns(out, [Math.floor(s.start / 1000), Math.ceil(s.end / 1000)]);
  return out;
}

export function eventRollupDelta(event: PageEvent, sign: 1 | -1 = 1): RollupDelta {
  const d = emptyDelta(event.date);
  (event.kind === 'login' ? d.logins : event.kind === 'softWait' ? d.softWaits : d.pageLoads).push({ systemId: event.systemId, ms: event.durationMs, sign });
  return d;
}

export function emptyRollup(date: LocalDateKey, params: ActiveTimeParams): DayRollup {
  return { date, params: { ...params }, cells: {}, slots: {}, slotsByThreshold: {}, bouts: {}, switches: 0, logins: {}, pageLoads: {}, correctedMs: 0 };
}

function applySamples(target: Record<string, number[]>, samples: RollupDelta['logins']): void {
  for (const { systemId, ms, sign } of samples) {
    const list = (target[systemId] ??= []);
    if (sign > 0) list.push(ms);
    else {
      const i = list.indexOf(ms);
      if (i >= 0) list.splice(i, 1);
    }
    if (list.length === 0) delete target[systemId];
  }
}

/** Apply deltas for `rollup.date` (others are ignored). Returns a new rollup. */
export function applyRollupDeltas(rollup: DayRollup, deltas: readonly RollupDelta[]): DayRollup {
  const next = structuredClone(rollup);
  for (const d of deltas) {
    if (d.date !== next.date) continue;
    for (const c of d.cells) {
      const bySystem = (next.cells[c.systemId] ??= {});
      const cell = (bySystem[c.category] ??= { activeMs: 0, byThresholdMs: {} });
      cell.activeMs += c.activeMs;
      for (const [t, v] of Object.entries(c.byThresholdMs)) cell.byThresholdMs[t] = (cell.byThresholdMs[t] ?? 0) + v;
      if (cell.activeMs === 0 && Object.values(cell.byThresholdMs).every((v) => v === 0)) delete bySystem[c.category];
      if (Object.keys(bySystem).length === 0) delete next.cells[c.systemId];
    }
    for (const [k, v] of Object.entries(d.slots)) add(next.slots, k, v);
    for (const [t, slots] of Object.entries(d.slotsByThreshold)) {
      const target = (next.slotsByThreshold[t] ??= {});
      for (const [k, v] of Object.entries(slots)) add(target, k, v);
      if (Object.keys(target).length === 0) delete next.slotsByThreshold[t];
    }
    for (const [k, v] of Object.entries(d.bouts)) add(next.bouts, k, v);
    next.switches += d.switches;
    // Rollups written before corrections existed have no correctedMs yet.
    next.correctedMs = (next.correctedMs ?? 0) + d.correctedMs;
    applySamples(next.logins, d.logins);
    applySamples(next.pageLoads, d.pageLoads);
    if (d.softWaits.length > 0) {
      applySamples((next.softWaits ??= {}), d.softWaits);
      if (Object.keys(next.softWaits).length === 0) delete next.softWaits;
    }
  }
  return next;
}

/** Build rollups from scratch (after a change of the headline parameters, or to verify incremental upkeep). */
export function rollupsFromRecords(
  spans: Iterable<ActivitySpan>,
  events: Iterable<PageEvent>,
  params: ActiveTimeParams,
  timeZone: string,
): Map<LocalDateKey, DayRollup> {
  // Each day's deltas in order, applied in one go (one copy of the rollup per day, not per record).
  const byDate = new Map<LocalDateKey, RollupDelta[]>();
  const collect = (deltas: RollupDelta[]) => {
    for (const d of deltas) {
      const list = byDate.get(d.date);
      if (list) list.push(d);
      else byDate.set(d.date, [d]);
    }
  };
  const all = [...spans];
  const claims = manualClaims(all);
  for (const span of all) collect(spanRollupDeltas(undefined, span, params, timeZone, { after: claims }));
  for (const event of events) collect([eventRollupDelta(event)]);
  const out = new Map<LocalDateKey, DayRollup>();
  for (const [date, deltas] of byDate) out.set(date, applyRollupDeltas(emptyRollup(date, params), deltas));
  return out;
}

export function rollupTotalMs(rollup: DayRollup | undefined): number {
  if (!rollup) return 0;
  let total = 0;
  for (const bySystem of Object.values(rollup.cells))
    for (const cell of Object.values(bySystem)) total += cell?.activeMs ?? 0;
  return total;
}
