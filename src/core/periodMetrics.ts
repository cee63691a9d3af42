import type { ActiveTimeParams } from './activeTimeParams.js';
import type { LocalDateKey } from './localDate.js';
import type { TaskCategory } from './taskCategory.js';

/**
 * The burden measures for a period of days, computed locally from day
 * rollups and the clinician's schedule. Every field is defined, with its
 * formula and source, in docs/metrics.md. `null` means "cannot be computed"
 * (for example a per-8-hour measure with no scheduled hours), never zero.
 */
export interface PeriodMetrics {
  from: LocalDateKey;
  to: LocalDateKey;
  /** Calendar days in the period, and days with any active time. */
  days: number;
  activeDays: number;
  params: ActiveTimeParams;
  activeMs: number;
  byCategoryMs: Partial<Record<TaskCategory, number>>;
  bySystemMs: Record<string, number>;
  /** S: scheduled patient-facing hours in the period (sessions on working days, minus leave and non-working dates). */
  scheduledHours: number;
  /** Sinsky et al. 2020: hours per 8 h of scheduled time; null when scheduledHours is 0. */
  ehrTime8: number | null;
  wow8: number | null;
  noteTime8: number | null;
  prescTime8: number | null;
  ibTime8: number | null;
  /** Active ms outside scheduled sessions (the numerator of WOW8, before normalising). */
  outsideScheduleMs: number;
  /** After hours: Epic "pajama time" (weekdays 17:30–07:00 and weekends) and the Cerner window (18:00–06:00 and weekends). */
  afterHoursEpicMs: number;
  afterHoursCernerMs: number;
  /** Mean over scheduled sessions of (|σ| − |A ∩ σ|) / |σ|; null with no sessions. */
  undividedAttention: number | null;
  /** Active time and the per-8-hour measures under each sensitivity threshold τ (input-gap rule). */
  sensitivity: Array<{ thresholdSec: number; activeMs: number; ehrTime8: number | null; wow8: number | null }>;
  login: {
    count: number;
    perActiveDay: number | null;
    /** Median time from a login page to the first page after it. */
    medianLoginMs: number | null;
    /** Active time on authentication pages (category login_auth). */
    authPageMs: number;
  };
  waiting: {
    /** Active time in the waiting_for_system category. */
    totalMs: number;
    bySystem: Record<string, { pageLoads: number; p50Ms: number; p95Ms: number; totalMs: number }>;
  };
  fragmentation: {
    switchesPerActiveHour: number | null;
    medianBoutSec: number | null;
  };
  breadth: {
    /** Mean over active days of the number of distinct systems used. */
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
