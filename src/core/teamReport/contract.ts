/**
 * The team report's contract (docs/team-report.md): its format name and
 * version, the disclosure defaults, the input and output types, and the
 * measures, task and role labels that every writer shares.
 */
import type { Role } from '../exportFormat.js';
import type { LocalDateKey } from '../localDate.js';
import type { TaskCategory } from '../taskCategory.js';

export const TEAM_REPORT_FORMAT = 'timeback-team-report';
export const TEAM_REPORT_FORMAT_VERSION = 1;
/** Statistics from 1 … 7 contributors are suppressed. */
export const DEFAULT_MIN_CONTRIBUTORS = 8;
/** 5 MB (5 × 1024 × 1024 bytes) per file. A year of weekly rows is well under 1 MB. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** What a suppressed cell shows. */
export const SUPPRESSED_MARK = '*';

// ---------------------------------------------------------------------------
// Types

/** A disclosed figure: a value that may be shown, or a suppressed one (shown as "*"). */
export type Disclosed = { value: number } | { suppressed: true };
/** A statistic cell: `null` when no contributor has a value for it ("no data"). */
export type Cell = Disclosed | null;

export interface TeamReportInput {
  /** The file name, for the operator's list of accepted and refused files only. */
  name: string;
  /** The file's text (UTF-8 decoded). */
  text: string;
  /** The file's size in bytes when known (the CLI passes it and skips reading oversized files). */
  byteLength?: number;
}

export interface TeamReportOptions {
  /** Statistics from fewer contributors than this are suppressed. Default 8 (suppress 1–7); never below 8. */
  minContributors?: number;
  /** Files larger than this are refused unread. Default 5 MB. */
  maxFileBytes?: number;
  /** When given, every file must cover exactly this period. */
  expectedPeriod?: { from: LocalDateKey; to: LocalDateKey };
}

export type RejectionCode =
  | 'too_large'
  | 'identifiers'
  | 'not_json'
  | 'not_personal_export'
  | 'newer_schema'
  | 'unknown_schema'
  | 'invalid'
  | 'period_mismatch'
  | 'definition_mismatch'
  | 'duplicate_contributor';

/** Plain-English labels, the only text about refused files that the shared outputs carry. */
export const REJECTION_LABELS: Record<RejectionCode, string> = {
  too_large: 'File too large',
  identifiers: 'Looked like it contained a patient identifier',
  not_json: 'Not a readable JSON file',
  not_personal_export: 'Not a Timeback personal export',
  newer_schema: 'Made by a newer version of Timeback',
  unknown_schema: 'Unknown export version',
  invalid: 'Did not match the personal export format',
  period_mismatch: 'Covered a different period',
  definition_mismatch: 'Used a different definition of active time',
  duplicate_contributor: 'Second export from the same contributor',
};

export interface Rejection {
  name: string;
  code: RejectionCode;
  /** Why, for the operator. Never quotes the file's content. */
  reason: string;
}

export type MeasureId =
  | 'activeHours'
  | 'ehrTime8'
  | 'wow8'
  | 'noteTime8'
  | 'prescTime8'
  | 'ibTime8'
  | 'afterHoursShare'
  | 'loginsPerWeek'
  | 'medianLoginSec'
  | 'waitingHours'
  | 'pageLoadP95Sec';

export interface MeasureDefinition {
  id: MeasureId;
  label: string;
  unit: string;
  decimals: number;
  /** How one contributor's value is made from their export. */
  perContributor: string;
}

export const TEAM_MEASURES: readonly MeasureDefinition[] = [
  { id: 'activeHours', label: 'Active time per week', unit: 'hours per week', decimals: 1, perContributor: 'total active hours ÷ weeks in the period' },
  { id: 'ehrTime8', label: 'EHR-Time8', unit: 'hours per 8 scheduled hours', decimals: 1, perContributor: 'mean of the export’s values weighted by scheduled hours' },
  { id: 'wow8', label: 'WOW8 (work outside of work)', unit: 'hours per 8 scheduled hours', decimals: 1, perContributor: 'mean of the export’s values weighted by scheduled hours' },
  { id: 'noteTime8', label: 'Note-Time8 (documentation)', unit: 'hours per 8 scheduled hours', decimals: 1, perContributor: 'mean of the export’s values weighted by scheduled hours' },
  { id: 'prescTime8', label: 'Presc-Time8 (orders and prescribing)', unit: 'hours per 8 scheduled hours', decimals: 1, perContributor: 'mean of the export’s values weighted by scheduled hours' },
  { id: 'ibTime8', label: 'IB-Time8 (inbox and messages)', unit: 'hours per 8 scheduled hours', decimals: 1, perContributor: 'mean of the export’s values weighted by scheduled hours' },
  { id: 'afterHoursShare', label: 'Share of active time after hours', unit: 'per cent of active time', decimals: 1, perContributor: 'after-hours hours ÷ active hours' },
  { id: 'loginsPerWeek', label: 'Logins per week', unit: 'logins per week', decimals: 1, perContributor: 'total logins ÷ weeks in the period' },
  { id: 'medianLoginSec', label: 'Typical time to log in', unit: 'seconds', decimals: 0, perContributor: 'median of the export’s per-period medians' },
  { id: 'waitingHours', label: 'Waiting for the system per week', unit: 'hours per week', decimals: 1, perContributor: 'total waiting hours ÷ weeks in the period' },
  { id: 'pageLoadP95Sec', label: 'Slow page loads (95th percentile)', unit: 'seconds', decimals: 1, perContributor: 'median of the export’s per-period 95th percentiles' },
];

/** A role, or none given; labelled from the messages file (`teamReport_role_*`, reportLabels.ts). */
export type RoleGroup = Role | 'not_stated';

export interface CategoryCell {
  category: TaskCategory;
  /** Contributors with any time in the category, disclosed by the count rule. */
  contributors: Disclosed;
  /** Hours in the period per contributor, over every contributor (0 for those without time in the category). */
  median: Cell;
  q1: Cell;
  q3: Cell;
  /** Hours of all contributors together. */
  totalHours: Cell;
}

export interface MeasureCell {
  measure: MeasureId;
  /** Contributors with a value for the measure, disclosed by the count rule. */
  contributors: Disclosed;
  median: Cell;
  q1: Cell;
  q3: Cell;
}

export interface WeekCell {
  /** ISO week, e.g. "2026-W20". */
  week: string;
  /** Contributors whose export has figures for the week, disclosed by the count rule. */
  contributors: Disclosed;
  medianActiveHours: Cell;
}

export interface TeamTotals {
  activeHours: Cell;
  scheduledHours: Cell;
  afterHoursHours: Cell;
  waitingHours: Cell;
  logins: Cell;
}

export type RoleBreakdown =
  | { shown: true; groups: Array<{ role: RoleGroup; contributors: Disclosed; percent: Cell }> }
  | { shown: false; reason: string };

export interface TeamReport {
  /** Names of the merged files: for the operator only; the shared outputs never carry them. */
  accepted: string[];
  /** Refused files and why: for the operator; the shared outputs carry only counts per reason. */
  rejected: Rejection[];
  period: { from: LocalDateKey; to: LocalDateKey } | null;
  /** The definition of active time shared by every merged file. */
  definition: { inactivityThresholdSec: number; readingAllowanceSec: number } | null;
  minContributors: number;
  contributors: Disclosed;
  perCategory: CategoryCell[];
  perMeasure: MeasureCell[];
  totals: TeamTotals;
  /** After-hours hours ÷ active hours, in per cent, from the disclosed (rounded) totals. */
  afterHoursShare: Cell;
  trendByWeek: WeekCell[];
  roles: RoleBreakdown;
  /** Team codes found in the merged files, sorted; files without one are not listed. */
  teamCodes: string[];
  notes: string[];
}
