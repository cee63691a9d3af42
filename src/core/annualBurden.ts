/**
 * Burden in the units boards decide in: hours a year and full-time
 * equivalents (docs/metrics.md#burden-in-a-year). The period's hours are
 * annualised by the working weeks it held:
 *
 *   working weeks in the period  w = S ÷ J   (job plan: scheduled hours S in
 *       the period, leave and bank holidays already taken out, over J, the
 *       job plan's scheduled hours in a full week)
 *                                w = d ÷ 7 × W ÷ 52.18   (no job plan: the
 *       period's d calendar days taken as a typical slice of the year)
 *   hours a year                 A = H ÷ w × W
 *   full-time equivalents        F = A ÷ (C × W)
 *
 * with W working weeks a year and C contracted hours a week. Pure: the
 * caller passes the period's figures and the assumptions.
 */
import type { PeriodMetrics } from './periodMetrics.js';
import { minutesOfDay, type Schedule } from './schedule.js';

/** The four burdens a team takes to its board; their names and what each is made of are messages (`teamReport_burden_<id>`, `teamReport_burdenSource_<id>`). */
export const BURDENS = ['login', 'waiting', 'afterHours', 'inboxAdmin'] as const;
export type BurdenId = (typeof BURDENS)[number];

export interface AnnualAssumptions {
  /** W: working weeks in a year. */
  workingWeeksPerYear: number;
  /** C: contracted hours in a full-time week. */
  contractedHoursPerWeek: number;
}

/**
 * W = 45: 52.18 weeks, less 27 days of annual leave (5.4 weeks, the NHS
 * Agenda for Change full-time entitlement on joining) and 8 bank holidays in
 * England (1.6 weeks), is 45.2, rounded down. C = 37.5 h, the Agenda for
 * Change full-time week. Both can be changed; the outputs state them.
 */
export const DEFAULT_ANNUAL_ASSUMPTIONS: AnnualAssumptions = { workingWeeksPerYear: 45, contractedHoursPerWeek: 37.5 };

export const ANNUAL_LIMITS = {
  workingWeeksPerYear: { min: 1, max: 52 },
  contractedHoursPerWeek: { min: 1, max: 80 },
} as const;

/** Weeks in a calendar year (365.25 ÷ 7). */
export const WEEKS_PER_YEAR = 365.25 / 7;

/**
 * Below one working week in the period (by the job plan), or one calendar
 * week (without one), annualising would multiply noise: no annual figure.
 */
export const MIN_WORKING_WEEKS = 1;

/** Every problem with the assumptions, in plain English; empty when they are sound. */
export function checkAnnualAssumptions(a: AnnualAssumptions): string[] {
  const errors: string[] = [];
  const { workingWeeksPerYear: w, contractedHoursPerWeek: c } = a;
  if (typeof w !== 'number' || !Number.isFinite(w) || w < ANNUAL_LIMITS.workingWeeksPerYear.min || w > ANNUAL_LIMITS.workingWeeksPerYear.max)
    errors.push(`Working weeks a year must be a number from ${ANNUAL_LIMITS.workingWeeksPerYear.min} to ${ANNUAL_LIMITS.workingWeeksPerYear.max} (got ${String(w)}).`);
  if (typeof c !== 'number' || !Number.isFinite(c) || c < ANNUAL_LIMITS.contractedHoursPerWeek.min || c > ANNUAL_LIMITS.contractedHoursPerWeek.max)
    errors.push(`Contracted hours a week must be a number from ${ANNUAL_LIMITS.contractedHoursPerWeek.min} to ${ANNUAL_LIMITS.contractedHoursPerWeek.max} (got ${String(c)}).`);
  return errors;
}

export type WorkingWeeksBasis = 'job-plan' | 'calendar';

export interface WorkingWeeks {
  weeks: number;
  basis: WorkingWeeksBasis;
  /** At least one working week (job plan) or one calendar week (without): enough to annualise. */
  enough: boolean;
}

/**
 * w, the working weeks a period held: its scheduled hours over the job plan's
 * full week when there is a job plan, otherwise its calendar weeks scaled by
 * the working share of a year.
 */
export function workingWeeksInPeriod(
  input: { scheduledHours: number; jobPlanWeeklyHours: number | null; calendarDays: number },
  a: AnnualAssumptions = DEFAULT_ANNUAL_ASSUMPTIONS,
): WorkingWeeks {
  const j = input.jobPlanWeeklyHours;
  if (j !== null && j > 0 && input.scheduledHours > 0) {
    const weeks = input.scheduledHours / j;
    return { weeks, basis: 'job-plan', enough: weeks >= MIN_WORKING_WEEKS };
  }
  return { weeks: ((input.calendarDays / 7) * a.workingWeeksPerYear) / WEEKS_PER_YEAR, basis: 'calendar', enough: input.calendarDays >= 7 * MIN_WORKING_WEEKS };
}

/** A = H ÷ w × W; null when the period is too short to annualise. */
export function annualHours(periodHours: number, w: WorkingWeeks, a: AnnualAssumptions = DEFAULT_ANNUAL_ASSUMPTIONS): number | null {
  if (!w.enough || !(w.weeks > 0)) return null;
  return (periodHours / w.weeks) * a.workingWeeksPerYear;
}

/** F = A ÷ (C × W): the share of one full-time post the hours make. */
export function fullTimeEquivalents(hoursAYear: number, a: AnnualAssumptions = DEFAULT_ANNUAL_ASSUMPTIONS): number {
  return hoursAYear / (a.contractedHoursPerWeek * a.workingWeeksPerYear);
}

/** J: the job plan's scheduled hours in a full week (every session once), wall clock. */
export function jobPlanWeeklyHours(schedule: Schedule): number {
  return schedule.sessions.reduce((h, s) => h + Math.max(0, minutesOfDay(s.end) - minutesOfDay(s.start)) / 60, 0);
}

const HOUR_MS = 3_600_000;

/** The period's hours of each burden, from the clinician's own figures. */
export function burdenHoursOfPeriod(m: Pick<PeriodMetrics, 'byCategoryMs' | 'waiting' | 'afterHoursEpicMs'>): Record<BurdenId, number> {
  const cat = (c: keyof PeriodMetrics['byCategoryMs']) => (m.byCategoryMs[c] ?? 0) / HOUR_MS;
  return {
    login: cat('login_auth'),
    waiting: m.waiting.totalMs / HOUR_MS,
    afterHours: m.afterHoursEpicMs / HOUR_MS,
    inboxAdmin: cat('inbox_messaging') + cat('admin_other'),
  };
}

export interface PersonalBurden {
  burden: BurdenId;
  periodHours: number;
  /** Null when the period held less than one working week. */
  hoursAYear: number | null;
  fte: number | null;
}

export interface PersonalAnnualBurden {
  assumptions: AnnualAssumptions;
  workingWeeks: WorkingWeeks;
  jobPlanWeeklyHours: number | null;
  burdens: PersonalBurden[];
}

/** The clinician's own burdens for a period, a year at that rate (dashboard). */
export function personalAnnualBurden(
  m: Pick<PeriodMetrics, 'byCategoryMs' | 'waiting' | 'afterHoursEpicMs' | 'scheduledHours' | 'days'>,
  schedule: Schedule,
  a: AnnualAssumptions = DEFAULT_ANNUAL_ASSUMPTIONS,
): PersonalAnnualBurden {
  const j = jobPlanWeeklyHours(schedule);
  const weeks = workingWeeksInPeriod({ scheduledHours: m.scheduledHours, jobPlanWeeklyHours: j > 0 ? j : null, calendarDays: m.days }, a);
  const hours = burdenHoursOfPeriod(m);
  return {
    assumptions: a,
    workingWeeks: weeks,
    jobPlanWeeklyHours: j > 0 ? j : null,
    burdens: BURDENS.map((burden) => {
      const year = annualHours(hours[burden], weeks, a);
      return { burden, periodHours: hours[burden], hoursAYear: year, fte: year === null ? null : fullTimeEquivalents(year, a) };
    }),
  };
}
