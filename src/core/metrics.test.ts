/**
 * Every formula of computePeriodMetrics against hand-computed fixtures.
 * Rollups are written by hand with small round numbers; each expected value
 * is a literal with its arithmetic in a comment.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACTIVE_TIME, SENSITIVITY_THRESHOLDS_SEC, type ActiveTimeParams } from './activeTimeParams.js';
import { datesInRange } from './dateRange.js';
import type { DayRollup, RollupCell } from './dayRollup.js';
import { AFTER_HOURS_WINDOWS, computePeriodMetrics, slotMsWithin } from './metrics.js';
import type { PeriodMetrics } from './periodMetrics.js';
import { EMPTY_SCHEDULE, minutesOfDay, type Schedule, type ScheduledSession } from './schedule.js';
import type { TaskCategory } from './taskCategory.js';

const MIN = 60_000;
const H = 3_600_000;
/** One whole 5-minute slot of activity. */
const FULL = 300_000;
const params = DEFAULT_ACTIVE_TIME;

/** Sensitivity fixtures: under τ the cell and its slots hold this share of the headline time. */
const SENS_SHARE: Record<number, number> = { 5: 0.5, 30: 0.75, 60: 1, 300: 1 };

const MON = 1;
const WED = 3;
const SUN = 0;

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
function day(
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

function schedule(sessions: ScheduledSession[], more: Partial<Schedule> = {}): Schedule {
  return { sessions, nonWorkingDates: more.nonWorkingDates ?? [], leave: more.leave ?? [] };
}

const close = (v: number) => expect.closeTo(v, 9);

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
const weekA = {
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

const emptyDay = (date: string, scheduledHours = 0) => ({
  date,
  activeMs: 0,
  byCategoryMs: {},
  scheduledHours,
  outsideScheduleMs: 0,
  afterHoursEpicMs: 0,
  logins: 0,
});

interface Case {
  name: string;
  input: Parameters<typeof computePeriodMetrics>[0];
  expected: Record<string, unknown>;
}

const cases: Case[] = [
  {
    name: 'a clinic week: every formula',
    input: weekA,
    expected: {
      days: 7,
      activeDays: 3, // Mon, Wed, Sat
      activeMs: 21_600_000, // 360 min
      byCategoryMs: {
        documentation: 9_000_000, // 120 + 30 min
        inbox_messaging: 3_600_000,
        results_review: 1_800_000,
        orders_prescribing: 3_600_000,
        login_auth: 1_800_000,
        waiting_for_system: 1_800_000,
      },
      bySystemMs: { ehr: 18_000_000, pacs: 3_600_000 }, // ehr 120+60+60+30+30 = 300 min; pacs 30+30 = 60 min
      scheduledHours: 8,
      ehrTime8: 6, // 8 · 6 h / 8 h
      wow8: 3, // outside 90 + 60 + 30 = 180 min = 3 h; 8 · 3 / 8
      noteTime8: 2.5, // 150 min = 2.5 h; 8 · 2.5 / 8
      prescTime8: 1, // 60 min
      ibTime8: 1, // 60 min
      outsideScheduleMs: 10_800_000, // 180 min
      afterHoursEpicMs: 9_000_000, // Mon 90 + Wed 30 (06:30–07:00) + Sat 30 = 150 min
      afterHoursCernerMs: 7_200_000, // Mon 90 + Sat 30 = 120 min
      undividedAttention: 0.625, // Mon (240−120)/240 = 0.5; Wed (240−60)/240 = 0.75; mean 0.625
      sensitivity: [
        { thresholdSec: 5, activeMs: 10_800_000, ehrTime8: 3, wow8: 1.5 }, // ×0.5: 3 h; outside 1.5 h
        { thresholdSec: 30, activeMs: 16_200_000, ehrTime8: 4.5, wow8: 2.25 }, // ×0.75: 4.5 h; outside 2.25 h
        { thresholdSec: 60, activeMs: 21_600_000, ehrTime8: 6, wow8: 3 },
        { thresholdSec: 300, activeMs: 21_600_000, ehrTime8: 6, wow8: 3 },
      ],
      login: {
        count: 3, // 2 + 1 samples
        perActiveDay: 1, // 3 / 3 active days
        medianLoginMs: 40_000, // [20 000, 40 000, 90 000] → middle
        authPageMs: 1_800_000, // login_auth 30 min
      },
      waiting: {
        totalMs: 1_800_000, // waiting_for_system 30 min
        bySystem: {
          // ehr [1000, 2000, 3000]: p50 rank ⌈0.5·3⌉ = 2 → 2000; p95 rank ⌈0.95·3⌉ = 3 → 3000; total 6000
          ehr: { pageLoads: 3, p50Ms: 2000, p95Ms: 3000, totalMs: 6000 },
          pacs: { pageLoads: 1, p50Ms: 500, p95Ms: 500, totalMs: 500 },
        },
      },
      fragmentation: {
        switchesPerActiveHour: 2.5, // (9 + 6) / 6 h
        medianBoutSec: 330, // 60,60,60,600,1200,1800 → (60 + 600) / 2
      },
      breadth: {
        meanSystemsPerActiveDay: close(5 / 3), // Mon 2 (ehr, pacs), Wed 2, Sat 1 → 5/3
        maxSystemsInADay: 2,
      },
      daily: [
        {
          date: '2026-05-11',
          activeMs: 12_600_000, // 210 min
          byCategoryMs: { documentation: 7_200_000, inbox_messaging: 3_600_000, results_review: 1_800_000 },
          scheduledHours: 4,
          outsideScheduleMs: 5_400_000, // 90 min
          afterHoursEpicMs: 5_400_000, // 18:00–19:30
          logins: 2,
        },
        emptyDay('2026-05-12'),
        {
          date: '2026-05-13',
          activeMs: 7_200_000, // 120 min
          byCategoryMs: { orders_prescribing: 3_600_000, login_auth: 1_800_000, waiting_for_system: 1_800_000 },
          scheduledHours: 4,
          outsideScheduleMs: 3_600_000, // 13:00–13:30 + 06:30–07:00
          afterHoursEpicMs: 1_800_000, // 06:30–07:00
          logins: 1,
        },
        emptyDay('2026-05-14'),
        emptyDay('2026-05-15'),
        {
          date: '2026-05-16',
          activeMs: 1_800_000,
          byCategoryMs: { documentation: 1_800_000 },
          scheduledHours: 0,
          outsideScheduleMs: 1_800_000,
          afterHoursEpicMs: 1_800_000,
          logins: 0,
        },
        emptyDay('2026-05-17'),
      ],
    },
  },
  {
    // Tue 09:02–10:58 (116 min) and Thu 14:03–14:07 (4 min): S = 120 min = 2 h.
    // Tue: 09:00–11:00 fully active (24 slots). Slot 09:00 is 3/5 inside (09:02–09:05): 300 000·180/300 = 180 000;
    //   slots 09:05…10:50 (22) inside = 6 600 000; slot 10:55 is 3/5 inside (10:55–10:58) = 180 000.
    //   Inside 6 960 000 (116 min), outside 7 200 000 − 6 960 000 = 240 000.
    // Thu: slot 14:00 holds 100 000 ms, 2/5 inside (14:03–14:05) → 40 000; slot 14:05 holds 200 000 ms,
    //   2/5 inside (14:05–14:07) → 80 000. Inside 120 000; outside 300 000 − 120 000 = 180 000.
    name: 'sessions that cross 5-minute slot edges: split in proportion to overlap',
    input: {
      from: '2026-05-12',
      to: '2026-05-14',
      params,
      schedule: schedule([
        { weekday: 2, start: '09:02', end: '10:58' },
        { weekday: 4, start: '14:03', end: '14:07' },
      ]),
      rollups: [
        day('2026-05-12', [{ system: 'ehr', category: 'documentation', from: '09:00', to: '11:00' }]),
        day('2026-05-14', [{ system: 'ehr', category: 'documentation', slots: { 168: 100_000, 169: 200_000 } }]),
      ],
    },
    expected: {
      scheduledHours: 2, // (116 + 4) / 60
      activeMs: 7_500_000, // 7 200 000 + 300 000 = 125 min
      ehrTime8: close((8 * 125) / 60 / 2), // 8 · (125/60 h) / 2 h = 8.333…
      outsideScheduleMs: 420_000, // 240 000 + 180 000 = 7 min
      wow8: close((8 * 7) / 60 / 2), // 8 · (7/60 h) / 2 h = 0.4666…
      undividedAttention: 0.25, // Tue (116 − 116)/116 = 0; Thu (240 000 − 120 000)/240 000 = 0.5; mean 0.25
      afterHoursEpicMs: 0,
      daily: [
        { date: '2026-05-12', scheduledHours: close(116 / 60), outsideScheduleMs: 240_000 },
        { date: '2026-05-13', scheduledHours: 0, outsideScheduleMs: 0 },
        { date: '2026-05-14', scheduledHours: close(4 / 60), outsideScheduleMs: 180_000 },
      ],
    },
  },
  {
    // Activity Monday 23:50 → Tuesday 00:10, stored as two rollups (the split at midnight is the store's).
    // Session Mon 09:00–17:00 does not touch it. The bout is booked on the day it starts.
    name: 'activity across midnight: two rollups, both after hours',
    input: {
      from: '2026-05-11',
      to: '2026-05-12',
      params,
      schedule: schedule([{ weekday: MON, start: '09:00', end: '17:00' }]),
      rollups: [
        day('2026-05-11', [{ system: 'ehr', category: 'documentation', from: '23:50', to: '24:00' }], { bouts: { 1200: 1 } }),
        day('2026-05-12', [{ system: 'ehr', category: 'documentation', from: '00:00', to: '00:10' }]),
      ],
    },
    expected: {
      days: 2,
      activeDays: 2,
      activeMs: 1_200_000, // 10 + 10 min
      outsideScheduleMs: 1_200_000,
      afterHoursEpicMs: 1_200_000, // 23:50–24:00 (≥17:30) + 00:00–00:10 (<07:00)
      afterHoursCernerMs: 1_200_000, // ≥18:00 and <06:00
      scheduledHours: 8,
      ehrTime8: close((8 * (20 / 60)) / 8), // 1/3 h per 8 h
      undividedAttention: 1, // the Monday session had no activity
      fragmentation: { switchesPerActiveHour: 0, medianBoutSec: 1200 },
      daily: [
        { date: '2026-05-11', activeMs: 600_000, afterHoursEpicMs: 600_000, outsideScheduleMs: 600_000, scheduledHours: 8 },
        { date: '2026-05-12', activeMs: 600_000, afterHoursEpicMs: 600_000, outsideScheduleMs: 600_000, scheduledHours: 0 },
      ],
    },
  },
  {
    // Europe/London, Sunday 2026-10-25: clocks go back at 02:00 BST, so 01:00–02:00 happens twice and
    // slots 12…23 can hold up to 600 000 ms each. Here all twelve are full twice: 2 h of activity.
    // A Sunday session 01:00–02:00 is 1 h of wall clock (S uses wall clock), though 2 h really pass.
    name: 'DST autumn day: the doubled 01:00–02:00 hour',
    input: {
      from: '2026-10-25',
      to: '2026-10-25',
      params,
      schedule: schedule([{ weekday: SUN, start: '01:00', end: '02:00' }]),
      rollups: [day('2026-10-25', [{ system: 'ehr', category: 'documentation', from: '01:00', to: '02:00', perSlot: 600_000 }])],
    },
    expected: {
      activeMs: 7_200_000, // 12 · 600 000 = 2 h
      scheduledHours: 1, // wall clock
      ehrTime8: 16, // 8 · 2 h / 1 h
      outsideScheduleMs: 0, // every slot fully inside the session
      wow8: 0,
      undividedAttention: 0, // (1 h − min(1 h, 2 h)) / 1 h: capped at 0, never negative
      afterHoursEpicMs: 7_200_000, // Sunday
      afterHoursCernerMs: 7_200_000,
    },
  },
  {
    // Europe/London, Sunday 2026-03-29: clocks go forward at 01:00 GMT, so 01:00–02:00 does not exist
    // and slots 12…23 are empty. Activity 00:00–01:00 and 02:00–03:00 (2 h). Session 00:00–03:00 is
    // 3 h of wall clock (S) though only 2 h pass: the missing hour counts as undisturbed session time.
    name: 'DST spring day: the missing 01:00–02:00 hour',
    input: {
      from: '2026-03-29',
      to: '2026-03-29',
      params,
      schedule: schedule([{ weekday: SUN, start: '00:00', end: '03:00' }]),
      rollups: [
        day('2026-03-29', [
          { system: 'ehr', category: 'documentation', from: '00:00', to: '01:00' },
          { system: 'ehr', category: 'documentation', from: '02:00', to: '03:00' },
        ]),
      ],
    },
    expected: {
      activeMs: 7_200_000, // 2 h
      scheduledHours: 3,
      ehrTime8: close(16 / 3), // 8 · 2 / 3
      outsideScheduleMs: 0,
      undividedAttention: close(1 / 3), // (3 h − 2 h) / 3 h
      afterHoursEpicMs: 7_200_000,
    },
  },
  {
    name: 'no scheduled hours: per-8-hour measures are null, active time is not',
    input: {
      from: '2026-05-11',
      to: '2026-05-11',
      params,
      schedule: EMPTY_SCHEDULE,
      rollups: [day('2026-05-11', [{ system: 'ehr', category: 'documentation', from: '10:00', to: '11:00' }])],
    },
    expected: {
      activeMs: 3_600_000,
      scheduledHours: 0,
      ehrTime8: null,
      wow8: null,
      noteTime8: null,
      prescTime8: null,
      ibTime8: null,
      outsideScheduleMs: 3_600_000, // no sessions: all outside
      undividedAttention: null,
      sensitivity: SENSITIVITY_THRESHOLDS_SEC.map((t) => ({ thresholdSec: t, ehrTime8: null, wow8: null })),
      fragmentation: { switchesPerActiveHour: 0 },
    },
  },
  {
    // Mon–Fri 09:00–17:00. Mon 2026-05-11 is a non-working date, Wed–Thu are leave → sessions Tue and Fri only.
    name: 'leave and non-working dates remove sessions; work on them is outside the schedule',
    input: {
      from: '2026-05-11',
      to: '2026-05-15',
      params,
      schedule: schedule(
        [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
        { nonWorkingDates: ['2026-05-11'], leave: [{ from: '2026-05-13', to: '2026-05-14' }] },
      ),
      rollups: [
        day('2026-05-11', [{ system: 'ehr', category: 'inbox_messaging', from: '10:00', to: '11:00' }]), // non-working date
        day('2026-05-12', [{ system: 'ehr', category: 'documentation', from: '10:00', to: '12:00' }]), // in session
        day('2026-05-13', [{ system: 'ehr', category: 'inbox_messaging', from: '10:00', to: '11:00' }]), // on leave
      ],
    },
    expected: {
      scheduledHours: 16, // Tue 8 + Fri 8
      activeMs: 14_400_000, // 1 + 2 + 1 h
      ehrTime8: 2, // 8 · 4 / 16
      outsideScheduleMs: 7_200_000, // the non-working Monday and the leave Wednesday
      wow8: 1, // 8 · 2 / 16
      ibTime8: 1, // 8 · 2 / 16
      afterHoursEpicMs: 0, // 10:00–11:00 on weekdays is not after hours, even on leave
      undividedAttention: 0.875, // Tue (480 − 120)/480 = 0.75; Fri 480/480 = 1; mean 0.875
      daily: [
        { date: '2026-05-11', scheduledHours: 0, outsideScheduleMs: 3_600_000 },
        { date: '2026-05-12', scheduledHours: 8, outsideScheduleMs: 0 },
        { date: '2026-05-13', scheduledHours: 0, outsideScheduleMs: 3_600_000 },
        { date: '2026-05-14', scheduledHours: 0, outsideScheduleMs: 0 },
        { date: '2026-05-15', scheduledHours: 8, outsideScheduleMs: 0 },
      ],
    },
  },
  {
    // Mon 05:30–07:30 (2 h): Epic (<07:00) 90 min, Cerner (<06:00) 30 min.
    // Fri 17:00–18:30 (90 min): Epic (≥17:30) 60 min, Cerner (≥18:00) 30 min.
    // Sat 12:00–13:00 and Sun 15:00–15:30: weekend, all after hours in both windows (60 + 30 min).
    name: 'after-hours windows on weekdays and weekends',
    input: {
      from: '2026-05-11',
      to: '2026-05-17',
      params,
      schedule: EMPTY_SCHEDULE,
      rollups: [
        day('2026-05-11', [{ system: 'ehr', category: 'documentation', from: '05:30', to: '07:30' }]),
        day('2026-05-15', [{ system: 'ehr', category: 'documentation', from: '17:00', to: '18:30' }]),
        day('2026-05-16', [{ system: 'ehr', category: 'documentation', from: '12:00', to: '13:00' }]),
        day('2026-05-17', [{ system: 'ehr', category: 'documentation', from: '15:00', to: '15:30' }]),
      ],
    },
    expected: {
      activeMs: 18_000_000, // 120 + 90 + 60 + 30 = 300 min
      afterHoursEpicMs: 14_400_000, // 90 + 60 + 60 + 30 = 240 min
      afterHoursCernerMs: 9_000_000, // 30 + 30 + 60 + 30 = 150 min
      daily: [
        { date: '2026-05-11', afterHoursEpicMs: 5_400_000 },
        emptyDay('2026-05-12'),
        emptyDay('2026-05-13'),
        emptyDay('2026-05-14'),
        { date: '2026-05-15', afterHoursEpicMs: 3_600_000 },
        { date: '2026-05-16', afterHoursEpicMs: 3_600_000 },
        { date: '2026-05-17', afterHoursEpicMs: 1_800_000 },
      ],
    },
  },
  {
    name: 'page-load and login percentiles: 1 sample',
    input: { from: '2026-05-11', to: '2026-05-11', params, schedule: EMPTY_SCHEDULE, rollups: [day('2026-05-11', [], { pageLoads: { ehr: [700] }, logins: { ehr: [15_000] } })] },
    expected: {
      waiting: { totalMs: 0, bySystem: { ehr: { pageLoads: 1, p50Ms: 700, p95Ms: 700, totalMs: 700 } } },
      login: { count: 1, perActiveDay: null, medianLoginMs: 15_000 }, // no active time that day → no active days
    },
  },
  {
    name: 'page-load and login percentiles: 2 samples',
    input: {
      from: '2026-05-11',
      to: '2026-05-11',
      params,
      schedule: EMPTY_SCHEDULE,
      rollups: [day('2026-05-11', [{ system: 'ehr', category: 'login_auth', from: '08:00', to: '08:05' }], { pageLoads: { ehr: [300, 100] }, logins: { ehr: [10_000, 30_000] } })],
    },
    expected: {
      // sorted [100, 300]: p50 rank ⌈0.5·2⌉ = 1 → 100; p95 rank ⌈0.95·2⌉ = 2 → 300
      waiting: { bySystem: { ehr: { pageLoads: 2, p50Ms: 100, p95Ms: 300, totalMs: 400 } } },
      login: { count: 2, perActiveDay: 2, medianLoginMs: 20_000, authPageMs: 300_000 }, // (10 000 + 30 000)/2
    },
  },
  {
    name: 'page-load percentiles: 20 samples over two days',
    input: {
      from: '2026-05-11',
      to: '2026-05-12',
      params,
      schedule: EMPTY_SCHEDULE,
      rollups: [
        // 100, 200 … 2000 ms, shuffled and split across the days
        day('2026-05-11', [], { pageLoads: { ehr: [2000, 100, 1500, 300, 1900, 700, 1100, 500, 1300, 900] } }),
        day('2026-05-12', [], { pageLoads: { ehr: [200, 1800, 400, 1600, 600, 1400, 800, 1200, 1000, 1700] } }),
      ],
    },
    expected: {
      // p50 rank ⌈0.5·20⌉ = 10 → 1000; p95 rank ⌈0.95·20⌉ = 19 → 1900; total 100·(1+…+20) = 21 000
      waiting: { bySystem: { ehr: { pageLoads: 20, p50Ms: 1000, p95Ms: 1900, totalMs: 21_000 } } },
    },
  },
  {
    name: 'empty period: "to" before "from"',
    input: { from: '2026-05-12', to: '2026-05-11', params, schedule: weekA.schedule, rollups: weekA.rollups },
    expected: {
      days: 0,
      activeDays: 0,
      activeMs: 0,
      byCategoryMs: {},
      bySystemMs: {},
      scheduledHours: 0,
      ehrTime8: null,
      wow8: null,
      outsideScheduleMs: 0,
      afterHoursEpicMs: 0,
      afterHoursCernerMs: 0,
      undividedAttention: null,
      sensitivity: SENSITIVITY_THRESHOLDS_SEC.map((t) => ({ thresholdSec: t, activeMs: 0, ehrTime8: null, wow8: null })),
      login: { count: 0, perActiveDay: null, medianLoginMs: null, authPageMs: 0 },
      waiting: { totalMs: 0, bySystem: {} },
      fragmentation: { switchesPerActiveHour: null, medianBoutSec: null },
      breadth: { meanSystemsPerActiveDay: null, maxSystemsInADay: 0 },
      daily: [],
    },
  },
  {
    // Same schedule as week A, no rollups: S = 8 h, so the per-8-hour measures are 0, not null.
    name: 'a scheduled week with no activity: zeros, and fully undisturbed sessions',
    input: { ...weekA, rollups: [] },
    expected: {
      days: 7,
      activeDays: 0,
      activeMs: 0,
      scheduledHours: 8,
      ehrTime8: 0,
      wow8: 0,
      noteTime8: 0,
      undividedAttention: 1,
      login: { count: 0, perActiveDay: null, medianLoginMs: null },
      fragmentation: { switchesPerActiveHour: null, medianBoutSec: null },
      breadth: { meanSystemsPerActiveDay: null, maxSystemsInADay: 0 },
      daily: datesInRange('2026-05-11', '2026-05-17').map((d) => emptyDay(d, d === '2026-05-11' || d === '2026-05-13' ? 4 : 0)),
    },
  },
  {
    // Rollups outside the period are ignored; a rollup built for other parameters is used as it is.
    name: 'rollups outside the period are ignored; stale params are used as stored',
    input: {
      from: '2026-05-12',
      to: '2026-05-12',
      params,
      schedule: EMPTY_SCHEDULE,
      rollups: [
        day('2026-05-11', [{ system: 'ehr', category: 'documentation', from: '10:00', to: '11:00' }]),
        day('2026-05-12', [{ system: 'ehr', category: 'documentation', from: '10:00', to: '10:30' }], { params: { inactivityThresholdSec: 5, readingAllowanceSec: 0 } }),
        day('2026-05-13', [{ system: 'ehr', category: 'documentation', from: '10:00', to: '11:00' }]),
      ],
    },
    expected: { days: 1, activeMs: 1_800_000, params: DEFAULT_ACTIVE_TIME },
  },
  {
    name: 'two rollups for one date are added together',
    input: {
      from: '2026-05-12',
      to: '2026-05-12',
      params,
      schedule: EMPTY_SCHEDULE,
      rollups: [
        day('2026-05-12', [{ system: 'ehr', category: 'documentation', from: '10:00', to: '10:30' }], { switches: 1 }),
        day('2026-05-12', [{ system: 'pacs', category: 'results_review', from: '10:30', to: '11:00' }], { switches: 2 }),
      ],
    },
    expected: {
      activeDays: 1,
      activeMs: 3_600_000,
      bySystemMs: { ehr: 1_800_000, pacs: 1_800_000 },
      fragmentation: { switchesPerActiveHour: 3 }, // 3 switches / 1 h
      breadth: { meanSystemsPerActiveDay: 2, maxSystemsInADay: 2 },
    },
  },
];

describe('computePeriodMetrics', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    expect(computePeriodMetrics(input)).toMatchObject(expected);
  });

  it('returns every field of PeriodMetrics, with one daily row per calendar day', () => {
    const m: PeriodMetrics = computePeriodMetrics(weekA);
    expect(Object.keys(m).sort()).toEqual(
      [
        'from', 'to', 'days', 'activeDays', 'params', 'activeMs', 'byCategoryMs', 'bySystemMs', 'scheduledHours',
        'ehrTime8', 'wow8', 'noteTime8', 'prescTime8', 'ibTime8', 'outsideScheduleMs', 'afterHoursEpicMs',
        'afterHoursCernerMs', 'undividedAttention', 'sensitivity', 'login', 'waiting', 'fragmentation', 'breadth', 'daily',
      ].sort(),
    );
    expect(m.daily.map((d) => d.date)).toEqual(datesInRange('2026-05-11', '2026-05-17'));
    expect(m.from).toBe('2026-05-11');
    expect(m.to).toBe('2026-05-17');
  });

  it('adds up: the daily rows sum to the period totals', () => {
    const m = computePeriodMetrics(weekA);
    const sum = (f: (d: PeriodMetrics['daily'][number]) => number) => m.daily.reduce((s, d) => s + f(d), 0);
    expect(sum((d) => d.activeMs)).toBe(m.activeMs);
    expect(sum((d) => d.scheduledHours)).toBe(m.scheduledHours);
    expect(sum((d) => d.outsideScheduleMs)).toBe(m.outsideScheduleMs);
    expect(sum((d) => d.afterHoursEpicMs)).toBe(m.afterHoursEpicMs);
    expect(sum((d) => d.logins)).toBe(m.login.count);
  });

  it('empty maps stay empty (toMatchObject cannot tell)', () => {
    const m = computePeriodMetrics({ from: '2026-05-12', to: '2026-05-11', params, schedule: weekA.schedule, rollups: weekA.rollups });
    expect(m.byCategoryMs).toEqual({});
    expect(m.bySystemMs).toEqual({});
    expect(m.waiting.bySystem).toEqual({});
    const week = computePeriodMetrics(weekA);
    expect(week.daily[1]!.byCategoryMs).toEqual({});
    expect(Object.keys(week.waiting.bySystem)).toEqual(['ehr', 'pacs']);
  });

  it('does not modify its inputs', () => {
    const input = structuredClone(weekA);
    computePeriodMetrics(input);
    expect(input).toEqual(weekA);
  });

  it('throws on a malformed date', () => {
    expect(() => computePeriodMetrics({ ...weekA, from: '2026-5-11' })).toThrow(RangeError);
  });
});

describe('slotMsWithin', () => {
  it.each([
    { name: 'whole slot inside', slots: { 108: FULL }, ranges: [[9 * 3600, 10 * 3600]] as const, want: FULL },
    { name: 'slot partly inside, uniform', slots: { 108: 100_000 }, ranges: [[9 * 3600 + 120, 10 * 3600]] as const, want: 60_000 }, // 100 000 · 180/300
    { name: 'outside', slots: { 107: FULL }, ranges: [[9 * 3600, 10 * 3600]] as const, want: 0 },
    { name: 'malformed slot keys ignored', slots: { x: FULL, 288: FULL, '-1': FULL, '08': FULL }, ranges: [[0, 86_400]] as const, want: 0 },
  ] as Array<{ name: string; slots: Record<string, number>; ranges: ReadonlyArray<readonly [number, number]>; want: number }>)('$name', ({ slots, ranges, want }) => {
    expect(slotMsWithin(slots, ranges)).toBe(want);
  });

  it('after-hours windows are on slot edges', () => {
    expect(AFTER_HOURS_WINDOWS.epic).toEqual([[0, 25_200], [63_000, 86_400]]); // 07:00, 17:30
    expect(AFTER_HOURS_WINDOWS.cerner).toEqual([[0, 21_600], [64_800, 86_400]]); // 06:00, 18:00
    for (const ranges of Object.values(AFTER_HOURS_WINDOWS)) for (const edge of ranges.flat()) expect(edge % 300).toBe(0);
  });
});
