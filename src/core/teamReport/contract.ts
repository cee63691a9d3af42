/**
 * The team report's contract (docs/team-report.md): its format name and
 * version, the disclosure defaults, the input and output types, and the
 * measures every writer shares. The report holds codes and numbers; the
 * writers put them in words from the messages file (reportLabels.ts).
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

/** Why a file was refused, in the order the shared outputs list them; in words, the messages `share_reject_<code>`. */
export const REJECTION_CODES = [
  'too_large',
  'identifiers',
  'not_json',
  'not_personal_export',
  'newer_schema',
  'unknown_schema',
  'invalid',
  'period_mismatch',
  'definition_mismatch',
  'duplicate_contributor',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

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
  /**
   * The unit as a format identifier: the CSV's `unit` column, the same in
   * every language. Its words for people are the message `teamReport_measureUnit_<id>`,
   * and the measure's name is `teamReport_measure_<id>`.
   */
  unit: string;
  decimals: number;
}

/** One value per contributor (docs/team-report.md#what-the-figures-are), then the median and quartiles across them. */
export const TEAM_MEASURES: readonly MeasureDefinition[] = [
  // total active hours ÷ weeks in the period
  { id: 'activeHours', unit: 'hours per week', decimals: 1 },
  // the next five: the mean of the export's values weighted by scheduled hours
  { id: 'ehrTime8', unit: 'hours per 8 scheduled hours', decimals: 1 },
  { id: 'wow8', unit: 'hours per 8 scheduled hours', decimals: 1 },
  { id: 'noteTime8', unit: 'hours per 8 scheduled hours', decimals: 1 },
  { id: 'prescTime8', unit: 'hours per 8 scheduled hours', decimals: 1 },
  { id: 'ibTime8', unit: 'hours per 8 scheduled hours', decimals: 1 },
  // after-hours hours ÷ active hours
  { id: 'afterHoursShare', unit: 'per cent of active time', decimals: 1 },
  // total logins ÷ weeks in the period
  { id: 'loginsPerWeek', unit: 'logins per week', decimals: 1 },
  // median of the export's per-period medians
  { id: 'medianLoginSec', unit: 'seconds', decimals: 0 },
  // total waiting hours ÷ weeks in the period
  { id: 'waitingHours', unit: 'hours per week', decimals: 1 },
  // median of the export's per-period 95th percentiles
  { id: 'pageLoadP95Sec', unit: 'seconds', decimals: 1 },
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

/** Why the role breakdown is withheld; in words, the messages `teamReport_rolesWithheld_<reason>`. */
export const ROLES_WITHHELD = ['no_contributors', 'small_group'] as const;
export type RolesWithheld = (typeof ROLES_WITHHELD)[number];

export type RoleBreakdown =
  | { shown: true; groups: Array<{ role: RoleGroup; contributors: Disclosed; percent: Cell }> }
  | { shown: false; reason: RolesWithheld };

/** A note about the merged files; in words, the messages `teamReport_note_<note>`. */
export const REPORT_NOTES = ['no_files', 'too_few_contributors', 'several_team_codes', 'some_without_team_code'] as const;
export type ReportNote = (typeof REPORT_NOTES)[number];

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
  notes: ReportNote[];
}
