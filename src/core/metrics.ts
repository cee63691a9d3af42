/**
 * Burden measures for a period of days, from day rollups and the clinician's
 * schedule. Every measure, its formula and its source are in docs/metrics.md.
 *
 * Inputs are local: rollup slots are local time-of-day slots and schedule
 * sessions are local wall-clock times, so no time zone is needed here. The
 * weekday of each date comes from the date key by calendar arithmetic.
 */
import { SENSITIVITY_THRESHOLDS_SEC, type ActiveTimeParams } from './activeTimeParams.js';
import { isWeekend } from './dateKeys.js';
import { datesInRange } from './dateRange.js';
import { SLOT_SEC, SLOTS_PER_DAY, type DayRollup } from './dayRollup.js';
import type { LocalDateKey } from './localDate.js';
import { histogramMedian, middleValue, nearestRankPercentile } from './numbers.js';
import type { PeriodMetrics } from './periodMetrics.js';
import { minutesOfDay, sessionsOnDate, type Schedule } from './schedule.js';
import type { TaskCategory } from './taskCategory.js';

const HOUR_MS = 3_600_000;
const DAY_SEC = 86_400;

/** A half-open range of seconds after local midnight (wall clock): [start, end). */
export type DaySeconds = readonly [start: number, end: number];

/**
 * Weekday after-hours windows, as seconds after local midnight; Saturday and
 * Sunday are after hours all day. All edges fall on 5-minute slot edges, so
 * the slot split is exact.
 */
export const AFTER_HOURS_WINDOWS = {
  /** Epic "pajama time": weekdays 17:30–07:00 and weekends (Rotenstein et al., JAMA Netw Open 2023). */
  epic: [
    [0, 7 * 3600],
    [17 * 3600 + 30 * 60, DAY_SEC],
  ],
  /** Cerner: weekdays 18:00–06:00 and weekends (as used by Overhage & McCallie, Ann Intern Med 2020). */
  cerner: [
    [0, 6 * 3600],
    [18 * 3600, DAY_SEC],
  ],
} as const satisfies Record<string, readonly DaySeconds[]>;

const WHOLE_DAY: readonly DaySeconds[] = [[0, DAY_SEC]];

/** Sorted, non-overlapping union of ranges. */
function union(ranges: readonly DaySeconds[]): DaySeconds[] {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * Active ms of a slot map that falls inside `ranges` (which must not overlap).
 * A slot partly covered contributes in proportion to the covered part: time is
 * taken as uniform within its 5-minute slot (exact when every range edge is on
 * a slot edge).
 */
export function slotMsWithin(slots: Readonly<Record<string, number>> | undefined, ranges: readonly DaySeconds[]): number {
  if (!slots) return 0;
  const cumulative = slotProfile(slots);
  let ms = 0;
  for (const [x, y] of ranges) if (y > x) ms += msBefore(cumulative, y) - msBefore(cumulative, x);
  return ms;
}

/** Active ms of the slot map before local second `t` of the day (uniform within a slot). */
function msBefore(cumulative: Float64Array, t: number): number {
  if (t <= 0) return 0;
  if (t >= DAY_SEC) return cumulative[SLOTS_PER_DAY]!;
  const i = Math.floor(t / SLOT_SEC);
  const at = cumulative[i]!;
  return at + ((cumulative[i + 1]! - at) * (t - i * SLOT_SEC)) / SLOT_SEC;
}

/** Valid slot keys: "0".."287" (anything else in a stored map is ignored). */
const SLOT_INDEX = new Map(Array.from({ length: SLOTS_PER_DAY }, (_, i) => [String(i), i]));

/**
 * Cumulative active ms at the start of each slot (289 entries), per slot map.
 * A period's metrics read each day's slots about ten times (a year view:
 * thousands); rollups are never changed once read, so the profile is kept.
 */
const profiles = new WeakMap<object, Float64Array>();

function slotProfile(slots: Readonly<Record<string, number>>): Float64Array {
  let cumulative = profiles.get(slots);
  if (cumulative) return cumulative;
  const bySlot = new Float64Array(SLOTS_PER_DAY);
  for (const key in slots) {
    const slot = SLOT_INDEX.get(key);
    const v = slots[key]!;
    if (slot !== undefined && Number.isFinite(v)) bySlot[slot]! += v;
  }
  cumulative = new Float64Array(SLOTS_PER_DAY + 1);
  for (let i = 0; i < SLOTS_PER_DAY; i++) cumulative[i + 1] = cumulative[i]! + bySlot[i]!;
  profiles.set(slots, cumulative);
  return cumulative;
}

function slotTotal(slots: Readonly<Record<string, number>> | undefined): number {
  return slots ? slotProfile(slots)[SLOTS_PER_DAY]! : 0;
}

function addTo<K>(map: Map<K, number>, key: K, v: number): void {
  map.set(key, (map.get(key) ?? 0) + v);
}

function nonZeroRecord<K extends string>(map: ReadonlyMap<K, number>): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const [k, v] of map) if (v !== 0) out[k] = v;
  return out;
}

/**
 * Compute the burden measures for the calendar days `from`..`to` inclusive.
 *
 * - `rollups` may omit days without activity; rollups for dates outside the
 *   period are ignored, and two rollups for one date are added together.
 * - Rollups are assumed to be built for `params` (the store rebuilds them
 *   when the headline parameters change); a rollup built for other
 *   parameters is still used as it is.
 * - `to` before `from` gives an empty period (0 days).
 * - Missing rollup fields (an older rollup shape) count as empty.
 */
export function computePeriodMetrics(input: {
  from: LocalDateKey;
  to: LocalDateKey;
  rollups: readonly DayRollup[];
  schedule: Schedule;
  params: ActiveTimeParams;
}): PeriodMetrics {
  const { from, to, schedule, params } = input;
  const dates = datesInRange(from, to);
  const inPeriod = new Set(dates);
  const rollupsByDate = new Map<LocalDateKey, DayRollup[]>();
  for (const r of input.rollups) {
    if (!inPeriod.has(r.date)) continue;
    const list = rollupsByDate.get(r.date);
    if (list) list.push(r);
    else rollupsByDate.set(r.date, [r]);
  }

  let activeMs = 0;
  const byCategory = new Map<TaskCategory, number>();
  const bySystem = new Map<string, number>();
  let scheduledMin = 0;
  let outsideScheduleMs = 0;
  let afterHoursEpicMs = 0;
  let afterHoursCernerMs = 0;
  const sessionShares: number[] = [];
  const sens = SENSITIVITY_THRESHOLDS_SEC.map((t) => ({ thresholdSec: t as number, activeMs: 0, outsideMs: 0 }));
  const loginSamples: number[] = [];
  const pageLoads = new Map<string, number[]>();
  const softWaits = new Map<string, number[]>();
  let switches = 0;
  const bouts = new Map<number, number>();
  let activeDays = 0;
  const systemsPerActiveDay: number[] = [];
  const daily: PeriodMetrics['daily'] = [];

  for (const date of dates) {
    const rollups = rollupsByDate.get(date) ?? [];
    const sessions = sessionsOnDate(schedule, date)
      .map((s) => [minutesOfDay(s.start) * 60, minutesOfDay(s.end) * 60] as const)
      .filter(([a, b]) => b > a);
    const inside = union(sessions);
    const dayScheduledMin = inside.reduce((sum, [a, b]) => sum + (b - a) / 60, 0);
    const weekend = isWeekend(date);

    let dayActiveMs = 0;
    const dayByCategory = new Map<TaskCategory, number>();
    const dayBySystem = new Map<string, number>();
    let daySlotMs = 0;
    let dayInsideMs = 0;
    let dayEpicMs = 0;
    let dayCernerMs = 0;
    const sessionInsideMs = sessions.map(() => 0);
    let dayLogins = 0;

    for (const r of rollups) {
      for (const [systemId, cells] of Object.entries(r.cells ?? {})) {
        for (const [category, cell] of Object.entries(cells) as Array<[TaskCategory, (typeof cells)[TaskCategory]]>) {
          if (!cell) continue;
          dayActiveMs += cell.activeMs;
          addTo(dayByCategory, category, cell.activeMs);
          addTo(dayBySystem, systemId, cell.activeMs);
          for (const s of sens) s.activeMs += cell.byThresholdMs?.[String(s.thresholdSec)] ?? 0;
        }
      }
      daySlotMs += slotTotal(r.slots);
      dayInsideMs += slotMsWithin(r.slots, inside);
      dayEpicMs += weekend ? slotTotal(r.slots) : slotMsWithin(r.slots, AFTER_HOURS_WINDOWS.epic);
      dayCernerMs += weekend ? slotTotal(r.slots) : slotMsWithin(r.slots, AFTER_HOURS_WINDOWS.cerner);
      sessions.forEach((range, i) => (sessionInsideMs[i]! += slotMsWithin(r.slots, [range])));
      for (const s of sens) {
        const slots = r.slotsByThreshold?.[String(s.thresholdSec)];
        s.outsideMs += slotTotal(slots) - slotMsWithin(slots, inside);
      }
      for (const samples of Object.values(r.logins ?? {})) {
        loginSamples.push(...samples);
        dayLogins += samples.length;
      }
      for (const [target, source] of [[pageLoads, r.pageLoads], [softWaits, r.softWaits]] as const)
        for (const [systemId, samples] of Object.entries(source ?? {})) {
          const list = target.get(systemId);
          if (list) list.push(...samples);
          else target.set(systemId, [...samples]);
        }
      switches += r.switches ?? 0;
      for (const [len, count] of Object.entries(r.bouts ?? {})) if (Number.isFinite(Number(len))) addTo(bouts, Number(len), count);
    }

    // Undivided attention (proxy): the share of each session not spent in the systems.
    // Capped at 0: on the autumn DST day a session over 01:00–02:00 lasts longer than its wall-clock length.
    sessions.forEach(([a, b], i) => {
      const lengthMs = (b - a) * 1000;
      sessionShares.push((lengthMs - Math.min(lengthMs, sessionInsideMs[i]!)) / lengthMs);
    });

    const dayOutsideMs = daySlotMs - dayInsideMs;
    activeMs += dayActiveMs;
    for (const [k, v] of dayByCategory) addTo(byCategory, k, v);
    for (const [k, v] of dayBySystem) addTo(bySystem, k, v);
    scheduledMin += dayScheduledMin;
    outsideScheduleMs += dayOutsideMs;
    afterHoursEpicMs += dayEpicMs;
    afterHoursCernerMs += dayCernerMs;
    if (dayActiveMs > 0) {
      activeDays++;
      systemsPerActiveDay.push([...dayBySystem.values()].filter((v) => v > 0).length);
    }
    daily.push({
      date,
      activeMs: dayActiveMs,
      byCategoryMs: nonZeroRecord(dayByCategory),
      scheduledHours: dayScheduledMin / 60,
      outsideScheduleMs: dayOutsideMs,
      afterHoursEpicMs: dayEpicMs,
      logins: dayLogins,
    });
  }

  const scheduledHours = scheduledMin / 60;
  /** Sinsky et al. 2020: hours per 8 hours of scheduled time. */
  const per8 = (ms: number): number | null => (scheduledHours > 0 ? (8 * (ms / HOUR_MS)) / scheduledHours : null);
  const categoryMs = (c: TaskCategory) => byCategory.get(c) ?? 0;

  const sampleFigures = (samples: number[]) => ({
    p50Ms: nearestRankPercentile(samples, 50)!,
    p95Ms: nearestRankPercentile(samples, 95)!,
    totalMs: samples.reduce((sum, v) => sum + v, 0),
  });
  const bySystemId = <T>(samples: Map<string, number[]>, figures: (s: number[]) => T): Record<string, T> =>
    Object.fromEntries([...samples].filter(([, s]) => s.length > 0).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([id, s]) => [id, figures(s)]));
  const waitingBySystem: PeriodMetrics['waiting']['bySystem'] = bySystemId(pageLoads, (s) => ({ pageLoads: s.length, ...sampleFigures(s) }));
  const inAppBySystem: PeriodMetrics['waiting']['inAppBySystem'] = bySystemId(softWaits, (s) => ({ waits: s.length, ...sampleFigures(s) }));

  return {
    from,
    to,
    days: dates.length,
    activeDays,
    params: { ...params },
    activeMs,
    byCategoryMs: nonZeroRecord(byCategory),
    bySystemMs: Object.fromEntries([...bySystem].filter(([, v]) => v !== 0)),
    scheduledHours,
    ehrTime8: per8(activeMs),
    wow8: per8(outsideScheduleMs),
    noteTime8: per8(categoryMs('documentation')),
    prescTime8: per8(categoryMs('orders_prescribing')),
    ibTime8: per8(categoryMs('inbox_messaging')),
    outsideScheduleMs,
    afterHoursEpicMs,
    afterHoursCernerMs,
    undividedAttention: sessionShares.length > 0 ? sessionShares.reduce((s, v) => s + v, 0) / sessionShares.length : null,
    sensitivity: sens.map((s) => ({ thresholdSec: s.thresholdSec, activeMs: s.activeMs, ehrTime8: per8(s.activeMs), wow8: per8(s.outsideMs) })),
    login: {
      count: loginSamples.length,
      perActiveDay: activeDays > 0 ? loginSamples.length / activeDays : null,
      medianLoginMs: middleValue(loginSamples),
      authPageMs: categoryMs('login_auth'),
    },
    waiting: { totalMs: categoryMs('waiting_for_system'), bySystem: waitingBySystem, inAppBySystem },
    fragmentation: {
      switchesPerActiveHour: activeMs > 0 ? switches / (activeMs / HOUR_MS) : null,
      medianBoutSec: histogramMedian(bouts),
    },
    breadth: {
      meanSystemsPerActiveDay: systemsPerActiveDay.length > 0 ? systemsPerActiveDay.reduce((s, v) => s + v, 0) / systemsPerActiveDay.length : null,
      maxSystemsInADay: systemsPerActiveDay.reduce((m, v) => Math.max(m, v), 0),
    },
    daily,
  };
}
