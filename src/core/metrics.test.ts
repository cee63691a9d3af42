/**
 * Every formula of computePeriodMetrics against hand-computed fixtures.
 * Rollups are written by hand with small round numbers; each expected value
 * is a literal with its arithmetic in a comment.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACTIVE_TIME, SENSITIVITY_THRESHOLDS_SEC } from './activeTimeParams.js';
import { datesInRange } from './dateRange.js';
import { AFTER_HOURS_WINDOWS, computePeriodMetrics, slotMsWithin } from './metrics.js';
import { day, emptyDay, FULL, params, unscheduled, weekA, type Case } from './metricsFixtures.js';
import type { PeriodMetrics } from './periodMetrics.js';

const close = (v: number) => expect.closeTo(v, 9);

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
    name: 'page-load and login percentiles: 1 sample',
    input: unscheduled('2026-05-11', '2026-05-11', [day('2026-05-11', [], { pageLoads: { ehr: [700] }, logins: { ehr: [15_000] } })]),
    expected: {
      waiting: { totalMs: 0, bySystem: { ehr: { pageLoads: 1, p50Ms: 700, p95Ms: 700, totalMs: 700 } } },
      login: { count: 1, perActiveDay: null, medianLoginMs: 15_000 }, // no active time that day → no active days
    },
  },
  {
    name: 'page-load and login percentiles: 2 samples',
    input: unscheduled('2026-05-11', '2026-05-11', [day('2026-05-11', [{ system: 'ehr', category: 'login_auth', from: '08:00', to: '08:05' }], { pageLoads: { ehr: [300, 100] }, logins: { ehr: [10_000, 30_000] } })]),
    expected: {
      // sorted [100, 300]: p50 rank ⌈0.5·2⌉ = 1 → 100; p95 rank ⌈0.95·2⌉ = 2 → 300
      waiting: { bySystem: { ehr: { pageLoads: 2, p50Ms: 100, p95Ms: 300, totalMs: 400 } } },
      login: { count: 2, perActiveDay: 2, medianLoginMs: 20_000, authPageMs: 300_000 }, // (10 000 + 30 000)/2
    },
  },
  {
    name: 'page-load percentiles: 20 samples over two days',
    input: unscheduled('2026-05-11', '2026-05-12', [
      // 100, 200 … 2000 ms, shuffled and split across the days
      day('2026-05-11', [], { pageLoads: { ehr: [2000, 100, 1500, 300, 1900, 700, 1100, 500, 1300, 900] } }),
      day('2026-05-12', [], { pageLoads: { ehr: [200, 1800, 400, 1600, 600, 1400, 800, 1200, 1000, 1700] } }),
    ]),
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
    input: unscheduled('2026-05-12', '2026-05-12', [
      day('2026-05-11', [{ system: 'ehr', category: 'documentation', from: '10:00', to: '11:00' }]),
      day('2026-05-12', [{ system: 'ehr', category: 'documentation', from: '10:00', to: '10:30' }], { params: { inactivityThresholdSec: 5, readingAllowanceSec: 0 } }),
      day('2026-05-13', [{ system: 'ehr', category: 'documentation', from: '10:00', to: '11:00' }]),
    ]),
    expected: { days: 1, activeMs: 1_800_000, params: DEFAULT_ACTIVE_TIME },
  },
  {
    name: 'two rollups for one date are added together',
    input: unscheduled('2026-05-12', '2026-05-12', [
      day('2026-05-12', [{ system: 'ehr', category: 'documentation', from: '10:00', to: '10:30' }], { switches: 1 }),
      day('2026-05-12', [{ system: 'pacs', category: 'results_review', from: '10:30', to: '11:00' }], { switches: 2 }),
    ]),
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
