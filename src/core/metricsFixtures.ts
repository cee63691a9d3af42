/**
 * Hand-built day rollups and a clinic week for the computePeriodMetrics tests
 * (metrics.test.ts, metricsScheduleAndClock.test.ts). Cells, slots and
 * sensitivity maps are made to agree, so every expected figure can be worked
 * out by hand.
 */
import { DEFAULT_ACTIVE_TIME, SENSITIVITY_THRESHOLDS_SEC, type ActiveTimeParams } from './activeTimeParams.js';
import type { DayRollup, RollupCell } from './dayRollup.js';
import type { computePeriodMetrics } from './metrics.js';
import { EMPTY_SCHEDULE, minutesOfDay, type Schedule, type ScheduledSession } from './schedule.js';
import type { TaskCategory } from './taskCategory.js';

/** One whole 5-minute slot of activity. */
export const FULL = 300_000;
export const params = DEFAULT_ACTIVE_TIME;

/** Sensitivity fixtures: under τ the cell and its slots hold this share of the headline time. */
const SENS_SHARE: Record<number, number> = { 5: 0.5, 30: 0.75, 60: 1, 300: 1 };

export const MON = 1;
export const WED = 3;
export const SUN = 0;

/** Slot number of a "HH:MM" on a 5-minute edge. */
function slotAt(hhmm: string): number {
  const m = minutesOfDay(hhmm);
  if (m % 5 !== 0) throw new Error(`${hhmm} is not on a slot edge`);
  return m / 5;
}

type Part =
  /** Whole slots from..to (to may be "24:00"), `perSlot` ms each. */
  | { system: string; category: TaskCategory; from: string; to: string; perSlot?: number }
  /** Explicit slot → ms. */
  | { system: string; category: TaskCategory; slots: Record<number, number> };

function partSlots(p: Part): Record<number, number> {
  if ('slots' in p) return p.slots;
  const out: Record<number, number> = {};
  const end = p.to === '24:00' ? 288 : slotAt(p.to);
  for (let s = slotAt(p.from); s < end; s++) out[s] = p.perSlot ?? FULL;
  return out;
}

/** A hand-built DayRollup whose cells, slots and sensitivity maps agree. */
export function day(
  date: string,
  parts: Part[],
  extra: Partial<Pick<DayRollup, 'bouts' | 'switches' | 'logins' | 'pageLoads'>> & { params?: ActiveTimeParams } = {},
): DayRollup {
  const r: DayRollup = {
    date,
    params: extra.params ?? params,
    cells: {},
    slots: {},
    slotsByThreshold: {},
    bouts: extra.bouts ?? {},
    switches: extra.switches ?? 0,
    correctedMs: 0,
    logins: extra.logins ?? {},
    pageLoads: extra.pageLoads ?? {},
  };
  for (const p of parts) {
    const slots = partSlots(p);
    const ms = Object.values(slots).reduce((a, b) => a + b, 0);
    const bySystem = (r.cells[p.system] ??= {});
    const cell: RollupCell = (bySystem[p.category] ??= { activeMs: 0, byThresholdMs: {} });
    cell.activeMs += ms;
    for (const t of SENSITIVITY_THRESHOLDS_SEC) cell.byThresholdMs[t] = (cell.byThresholdMs[t] ?? 0) + ms * SENS_SHARE[t]!;
    for (const [k, v] of Object.entries(slots)) {
      r.slots[k] = (r.slots[k] ?? 0) + v;
      for (const t of SENSITIVITY_THRESHOLDS_SEC) {
        const m = (r.slotsByThreshold[t] ??= {});
        m[k] = (m[k] ?? 0) + v * SENS_SHARE[t]!;
      }
    }
  }
  return r;
}

export function schedule(sessions: ScheduledSession[], more: Partial<Schedule> = {}): Schedule {
  return { sessions, nonWorkingDates: more.nonWorkingDates ?? [], leave: more.leave ?? [] };
}

// ---------------------------------------------------------------------------
// Fixture A: a clinic week, Monday 2026-05-11 … Sunday 2026-05-17.
// Sessions: Monday and Wednesday 09:00–13:00 → S = 4 h + 4 h = 8 h.
// Monday:    ehr documentation 09:00–11:00 (120 min, inside)
//            ehr inbox 18:00–19:00 (60 min, outside, after hours in both windows)
//            pacs results 19:00–19:30 (30 min, outside, after hours in both)
// Wednesday: ehr orders 12:30–13:30 (60 min: 30 inside, 30 outside; not after hours)
//            ehr login page 06:30–07:00 (30 min, outside; Epic window yes (<07:00), Cerner no (≥06:00))
//            pacs waiting 12:00–12:30 (30 min, inside)
// Saturday:  ehr documentation 10:00–10:30 (30 min, no sessions → outside; weekend → after hours)
// A = 210 + 120 + 30 = 360 min = 6 h.
// ---------------------------------------------------------------------------
export const weekA = {
  from: '2026-05-11',
  to: '2026-05-17',
  schedule: schedule([
    { weekday: MON, start: '09:00', end: '13:00' },
    { weekday: WED, start: '09:00', end: '13:00' },
  ]),
  params,
  rollups: [
    day(
      '2026-05-11',
      [
        { system: 'ehr', category: 'documentation', from: '09:00', to: '11:00' },
        { system: 'ehr', category: 'inbox_messaging', from: '18:00', to: '19:00' },
        { system: 'pacs', category: 'results_review', from: '19:00', to: '19:30' },
      ],
      { logins: { ehr: [20_000, 40_000] }, pageLoads: { ehr: [1000, 3000] }, switches: 9, bouts: { 60: 2, 600: 1 } },
    ),
    day(
      '2026-05-13',
      [
        { system: 'ehr', category: 'orders_prescribing', from: '12:30', to: '13:30' },
        { system: 'ehr', category: 'login_auth', from: '06:30', to: '07:00' },
        { system: 'pacs', category: 'waiting_for_system', from: '12:00', to: '12:30' },
      ],
      { logins: { pacs: [90_000] }, pageLoads: { ehr: [2000], pacs: [500] }, switches: 6, bouts: { 60: 1, 1200: 1 } },
    ),
    day('2026-05-16', [{ system: 'ehr', category: 'documentation', from: '10:00', to: '10:30' }], { bouts: { 1800: 1 } }),
  ],
};

export const emptyDay = (date: string, scheduledHours = 0) => ({
  date,
  activeMs: 0,
  byCategoryMs: {},
  scheduledHours,
  outsideScheduleMs: 0,
  afterHoursEpicMs: 0,
  logins: 0,
});

export interface Case {
  name: string;
  input: Parameters<typeof computePeriodMetrics>[0];
  expected: Record<string, unknown>;
}

/** The metrics input for the dates from..to with no job plan: the cases about rollups alone. */
export function unscheduled(from: string, to: string, rollups: DayRollup[]): Case['input'] {
  return { from, to, params, schedule: EMPTY_SCHEDULE, rollups };
}
