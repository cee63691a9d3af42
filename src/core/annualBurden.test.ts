import { describe, expect, it } from 'vitest';
import { DEFAULT_ACTIVE_TIME } from './activeTimeParams.js';
import {
  annualHours,
  checkAnnualAssumptions,
  DEFAULT_ANNUAL_ASSUMPTIONS,
  fullTimeEquivalents,
  jobPlanWeeklyHours,
  personalAnnualBurden,
  WEEKS_PER_YEAR,
  workingWeeksInPeriod,
} from './annualBurden.js';
import { computePeriodMetrics } from './metrics.js';
import type { Schedule } from './schedule.js';

const H = 3_600_000;

/** Monday to Friday 09:00–17:00: 40 h a week. */
const JOB_PLAN: Schedule = {
  sessions: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  // The early May and spring bank holidays of 2026 in England.
  nonWorkingDates: ['2026-05-04', '2026-05-25'],
  leave: [{ from: '2026-05-11', to: '2026-05-15' }],
};

describe('annualising a period', () => {
  it('counts working weeks from the job plan, net of leave and bank holidays (hand-computed)', () => {
    expect(jobPlanWeeklyHours(JOB_PLAN)).toBe(40);
    // 4 weeks of 40 h = 160 h, less two bank holidays (16 h) and a week of leave (40 h): 104 h.
    const m = computePeriodMetrics({ from: '2026-05-04', to: '2026-05-31', rollups: [], schedule: JOB_PLAN, params: DEFAULT_ACTIVE_TIME });
    expect(m.scheduledHours).toBe(104);
    // w = 104 ÷ 40 = 2.6 working weeks.
    expect(workingWeeksInPeriod({ scheduledHours: 104, jobPlanWeeklyHours: 40, calendarDays: 28 })).toEqual({ weeks: 2.6, basis: 'job-plan', enough: true });
    // 5.2 h of logging in over 2.6 working weeks = 2 h a week; × 45 weeks = 90 h a year; ÷ (37.5 × 45 = 1,687.5 h) = 0.0533 FTE.
    const year = personalAnnualBurden(
      { ...m, byCategoryMs: { login_auth: 5.2 * H, inbox_messaging: 2 * H, admin_other: 0.6 * H }, waiting: { totalMs: 1.3 * H, bySystem: {}, inAppBySystem: {} }, afterHoursEpicMs: 7.8 * H },
      JOB_PLAN,
    );
    expect(year.workingWeeks).toEqual({ weeks: 2.6, basis: 'job-plan', enough: true });
    const by = Object.fromEntries(year.burdens.map((b) => [b.burden, b]));
    expect(by.login!.hoursAYear).toBeCloseTo(90, 9);
    expect(by.login!.fte).toBeCloseTo(90 / 1687.5, 12);
    expect(by.inboxAdmin!.hoursAYear).toBeCloseTo(45, 9); // 2.6 h ÷ 2.6 × 45
    expect(by.waiting!.hoursAYear).toBeCloseTo(22.5, 9); // 1.3 ÷ 2.6 × 45
    expect(by.afterHours!.hoursAYear).toBeCloseTo(135, 9); // 7.8 ÷ 2.6 × 45
    expect(by.afterHours!.fte).toBeCloseTo(0.08, 12); // 135 ÷ 1,687.5
  });

  it('without a job plan, takes the calendar period as a typical slice of the year', () => {
    const w = workingWeeksInPeriod({ scheduledHours: 0, jobPlanWeeklyHours: null, calendarDays: 28 });
    expect(w.basis).toBe('calendar');
    expect(w.weeks).toBeCloseTo((4 * 45) / WEEKS_PER_YEAR, 12);
    // 4 h over 4 calendar weeks: 1 h a calendar week, 52.18 h a year whatever W is.
    expect(annualHours(4, w)).toBeCloseTo(365.25 / 7, 9);
    // One calendar week is enough without a job plan (it is 0.86 working weeks); six days are not.
    const week = workingWeeksInPeriod({ scheduledHours: 0, jobPlanWeeklyHours: null, calendarDays: 7 });
    expect(week.enough).toBe(true);
    expect(annualHours(1, week)).toBeCloseTo(WEEKS_PER_YEAR, 9);
    expect(annualHours(1, workingWeeksInPeriod({ scheduledHours: 0, jobPlanWeeklyHours: null, calendarDays: 6 }))).toBeNull();
    // A job plan but no scheduled time in the period (all leave): the calendar too.
    expect(workingWeeksInPeriod({ scheduledHours: 0, jobPlanWeeklyHours: 40, calendarDays: 7 }).basis).toBe('calendar');
  });

  it('gives no annual figure from less than one working week of the job plan', () => {
    // A week of 40 h with four days of leave: 8 h scheduled, 0.2 working weeks.
    expect(annualHours(3, workingWeeksInPeriod({ scheduledHours: 8, jobPlanWeeklyHours: 40, calendarDays: 7 }))).toBeNull();
    expect(annualHours(3, workingWeeksInPeriod({ scheduledHours: 40, jobPlanWeeklyHours: 40, calendarDays: 7 }))).toBe(135);
  });

  it('uses the contracted hours and working weeks given', () => {
    const a = { workingWeeksPerYear: 42, contractedHoursPerWeek: 40 };
    expect(annualHours(10, { weeks: 2, basis: 'job-plan', enough: true }, a)).toBe(210);
    expect(fullTimeEquivalents(210, a)).toBeCloseTo(210 / 1680, 12);
    expect(fullTimeEquivalents(1687.5)).toBe(1);
  });

  it('refuses unsound assumptions with a clear message', () => {
    expect(checkAnnualAssumptions(DEFAULT_ANNUAL_ASSUMPTIONS)).toEqual([]);
    expect(checkAnnualAssumptions({ workingWeeksPerYear: 53, contractedHoursPerWeek: 0 })).toEqual([
      'Working weeks a year must be a number from 1 to 52 (got 53).',
      'Contracted hours a week must be a number from 1 to 80 (got 0).',
    ]);
    expect(checkAnnualAssumptions({ workingWeeksPerYear: Number.NaN, contractedHoursPerWeek: 37.5 })).toHaveLength(1);
  });
});
