import type { LocalDateKey } from './localDate.js';
import type { Per8Measures } from './periodMetrics.js';
import type { TaskCategory } from './taskCategory.js';

/**
 * The anonymised personal export (docs/export-format.md, schema in
 * schemas/personal-export.schema.json). Aggregates only: per ISO week or day ×
 * task category (× system when the clinician asks), hours rounded to 0.1,
 * no timestamps finer than a day, nothing typed by the clinician except the
 * team code. It is still personal data about the clinician; the team report
 * is the anonymised output.
 */
export const PERSONAL_EXPORT_FORMAT = 'timeback-personal-export';
export const PERSONAL_EXPORT_SCHEMA_VERSION = 1;

export const ROLES = ['consultant', 'resident_doctor', 'gp', 'nurse', 'ahp', 'pharmacist', 'admin', 'other'] as const;
export type Role = (typeof ROLES)[number];

/** One of ROLES (an export's, a policy's or a request's role). */
export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

export type Granularity = 'week' | 'day';

export interface PersonalExportRow {
  /** ISO week ("2026-W20") or local date ("2026-05-12"). */
  period: string;
  category: TaskCategory;
  /** Present only when the clinician chose to include systems. */
  systemId?: string;
  /** Active hours, rounded to 0.1. */
  hours: number;
}

/** The per-8-hour measures are rounded to 0.1 h; null without scheduled hours. */
export interface PersonalExportMeasures extends Per8Measures {
  period: string;
  activeHours: number;
  scheduledHours: number;
  afterHoursHours: number;
  logins: number;
  medianLoginSec: number | null;
  waitingHours: number;
  pageLoadP50Sec: number | null;
  pageLoadP95Sec: number | null;
}

export interface PersonalExport {
  format: typeof PERSONAL_EXPORT_FORMAT;
  schemaVersion: typeof PERSONAL_EXPORT_SCHEMA_VERSION;
  extensionVersion: string;
  /** Random, not derived from any personal identifier; rotated per period unless the clinician keeps it. */
  contributorId: string;
  teamCode: string | null;
  role: Role | null;
  period: { from: LocalDateKey; to: LocalDateKey; granularity: Granularity };
  definition: { inactivityThresholdSec: number; readingAllowanceSec: number };
  includesSystems: boolean;
  rows: PersonalExportRow[];
  measures: PersonalExportMeasures[];
}
