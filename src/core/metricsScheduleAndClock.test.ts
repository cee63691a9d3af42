/**
 * computePeriodMetrics where the schedule and the clock meet: sessions that
 * cross slot edges, midnight, both DST days in Europe/London, no schedule,
 * leave and non-working dates, and the after-hours windows. Each expected
 * value is a literal with its arithmetic in a comment.
 */
import { describe, expect, it } from 'vitest';
import { SENSITIVITY_THRESHOLDS_SEC } from './activeTimeParams.js';
import { computePeriodMetrics } from './metrics.js';
import { day, emptyDay, MON, params, schedule, SUN, unscheduled, type Case } from './metricsFixtures.js';

const close = (v: number) => expect.closeTo(v, 9);

const cases: Case[] = [
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
    input: unscheduled('2026-05-11', '2026-05-11', [day('2026-05-11', [{ system: 'ehr', category: 'documentation', from: '10:00', to: '11:00' }])]),
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
    input: unscheduled('2026-05-11', '2026-05-17', [
      day('2026-05-11', [{ system: 'ehr', category: 'documentation', from: '05:30', to: '07:30' }]),
      day('2026-05-15', [{ system: 'ehr', category: 'documentation', from: '17:00', to: '18:30' }]),
      day('2026-05-16', [{ system: 'ehr', category: 'documentation', from: '12:00', to: '13:00' }]),
      day('2026-05-17', [{ system: 'ehr', category: 'documentation', from: '15:00', to: '15:30' }]),
    ]),
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
];

describe('computePeriodMetrics', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    expect(computePeriodMetrics(input)).toMatchObject(expected);
  });
});
