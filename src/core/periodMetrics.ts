import type { ActiveTimeParams } from './activeTimeParams.js';
import type { LocalDateKey } from './localDate.js';
import type { TaskCategory } from './taskCategory.js';

/** The per-8-hour measures (Sinsky et al. 2020), in Sinsky's order. */
export const PER8_MEASURES = ['ehrTime8', 'wow8', 'noteTime8', 'prescTime8', 'ibTime8'] as const;
export type Per8Measure = (typeof PER8_MEASURES)[number];
/** Hours per 8 h of scheduled time; null when there are no scheduled hours. */
export type Per8Measures = Record<Per8Measure, number | null>;

/**
 * The burden measures for a period of days, computed locally from day
 * rollups and the clinician's schedule by `computePeriodMetrics`
 * (src/core/metrics.ts). Every field is defined, with its formula and
 * source, in docs/metrics.md. `null` means "cannot be computed" (for example
 * a per-8-hour measure with no scheduled hours), never zero.
 *
 * Units: `…Ms` are milliseconds, `…Hours` and the per-8-hour measures are
 * hours. Figures split by the schedule or the after-hours windows can hold
 * fractions of a millisecond (a 5-minute slot partly inside a session is
 * split in proportion); round only for display.
 */
export interface PeriodMetrics extends Per8Measures {
  from: LocalDateKey;
  to: LocalDateKey;
  /** Calendar days in the period (0 when `to` is before `from`), and days with headline active time > 0. */
  days: number;
  activeDays: number;
  params: ActiveTimeParams;
  activeMs: number;
  byCategoryMs: Partial<Record<TaskCategory, number>>;
  bySystemMs: Record<string, number>;
  /** S: scheduled patient-facing hours in the period (sessions on working days, minus leave and non-working dates), wall clock. */
  scheduledHours: number;
  // ehrTime8, wow8, noteTime8, prescTime8, ibTime8 (Per8Measures): Sinsky et al. 2020; null when scheduledHours is 0.
  /** Active ms outside scheduled sessions (the numerator of WOW8, before normalising). */
  outsideScheduleMs: number;
  /** After hours: Epic "pajama time" (weekdays 17:30–07:00 and weekends) and the Cerner window (18:00–06:00 and weekends). */
  afterHoursEpicMs: number;
  afterHoursCernerMs: number;
  /** Mean over scheduled session occurrences of (|σ| − |A ∩ σ|) / |σ|, each in [0, 1]; null with no sessions. */
  undividedAttention: number | null;
  /** Active time and the per-8-hour measures under each sensitivity threshold τ (input-gap rule), in the order of SENSITIVITY_THRESHOLDS_SEC. */
  sensitivity: Array<{ thresholdSec: number; activeMs: number; ehrTime8: number | null; wow8: number | null }>;
  login: {
    /** Completed logins (samples) in the period. */
    count: number;
    /** count / activeDays; null with no active days. */
    perActiveDay: number | null;
    /** Median time from a login page to the first page after it (mean of the two middle samples when the count is even). */
    medianLoginMs: number | null;
    /** Active time on authentication pages (category login_auth). */
    authPageMs: number;
  };
  waiting: {
    /** Active time in the waiting_for_system category. */
    totalMs: number;
    /** Page loads (Navigation Timing) per system: count, nearest-rank p50/p95, and the sum of the load durations. Systems without samples are absent. */
    bySystem: Record<string, { pageLoads: number; p50Ms: number; p95Ms: number; totalMs: number }>;
    /** In-app waits of single-page apps (soft navigations) per system, the same way; systems without any are absent. */
    inAppBySystem: Record<string, { waits: number; p50Ms: number; p95Ms: number; totalMs: number }>;
  };
  fragmentation: {
    /** Switches / active hours; null with no active time. */
    switchesPerActiveHour: number | null;
    /** Median bout length in seconds (may end in .5); null with no bouts. */
    medianBoutSec: number | null;
  };
  breadth: {
    /** Mean over active days of the number of distinct systems with active time; null with no active days. */
    meanSystemsPerActiveDay: number | null;
    maxSystemsInADay: number;
  };
  /** One row per calendar day, for trends and tables. */
  daily: Array<{
    date: LocalDateKey;
    activeMs: number;
    byCategoryMs: Partial<Record<TaskCategory, number>>;
    scheduledHours: number;
    outsideScheduleMs: number;
    afterHoursEpicMs: number;
    logins: number;
  }>;
}
