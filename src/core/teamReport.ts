/**
 * The team report (docs/team-report.md): merges anonymised personal exports
 * (exportFormat.ts) from one fixed team for one period into figures that are
 * safe to share, under the disclosure control in
 * /work/shared/reference/privacy-and-export.md:
 *
 * - counts of people: 0 stays 0, 1 … min−1 → "*", otherwise rounded to the nearest 5;
 * - any statistic built from 1 … min−1 contributors → "*";
 * - percentages from the rounded figures;
 * - min defaults to 8 (suppress 1–7); a stricter threshold (e.g. 11) is an option;
 * - no per-contributor rows, no subgroup filters, no "team minus one" views.
 *
 * Every file is checked on its own; a refused file contributes nothing.
 * Everything here is pure: the CLI (scripts/team-report.mjs) reads the files.
 */
import { PERSONAL_EXPORT_FORMAT, PERSONAL_EXPORT_SCHEMA_VERSION, ROLES, type PersonalExport, type Role } from './exportFormat.js';
import { validatePersonalExport } from './exportValidation.js';
import { isoWeekKey, isoWeekKeysInRange } from './isoWeek.js';
import type { LocalDateKey } from './localDate.js';
import { importedIdentifierReason, rawTextIdentifierReason, withoutQuotedText } from './importGuard.js';
import { datesInRange, isLocalDateKey } from './schedule.js';
import { TASK_CATEGORIES, type TaskCategory } from './taskCategory.js';

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

export const CATEGORY_LABELS: Record<TaskCategory, string> = {
  documentation: 'Documentation',
  results_review: 'Results review',
  chart_review: 'Chart review',
  orders_prescribing: 'Orders and prescribing',
  inbox_messaging: 'Inbox and messages',
  referrals: 'Referrals',
  patient_search: 'Patient search',
  login_auth: 'Logging in',
  waiting_for_system: 'Waiting for the system',
  scheduling: 'Scheduling',
  admin_other: 'Admin and other',
  direct_care: 'Direct patient care',
  non_ehr: 'Non-EHR work',
};

export type RoleGroup = Role | 'not_stated';

export const ROLE_LABELS: Record<RoleGroup, string> = {
  consultant: 'Consultant',
  resident_doctor: 'Resident doctor',
  gp: 'GP',
  nurse: 'Nurse',
  ahp: 'Allied health professional',
  pharmacist: 'Pharmacist',
  admin: 'Administrative',
  other: 'Other',
  not_stated: 'Not stated',
};

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

// ---------------------------------------------------------------------------
// Disclosure control

function checkThreshold(min: number): void {
  if (!Number.isInteger(min) || min < DEFAULT_MIN_CONTRIBUTORS || min > 1000) {
    throw new RangeError(`minContributors must be a whole number from ${DEFAULT_MIN_CONTRIBUTORS} to 1000 (got ${String(min)})`);
  }
}

/** A count of people: 0 stays 0; 1 … min−1 → suppressed; otherwise rounded to the nearest 5. */
export function discloseCount(n: number, minContributors = DEFAULT_MIN_CONTRIBUTORS): Disclosed {
  if (n === 0) return { value: 0 };
  if (n < minContributors) return { suppressed: true };
  return { value: Math.round(n / 5) * 5 };
}

/**
 * A statistic built from `contributors` people: no data (null) from 0,
 * suppressed from 1 … min−1, otherwise the value rounded to `decimals`.
 */
export function discloseStatistic(value: number | null, contributors: number, minContributors = DEFAULT_MIN_CONTRIBUTORS, decimals = 1): Cell {
  if (contributors === 0 || value === null) return null;
  if (contributors < minContributors) return { suppressed: true };
  return { value: roundTo(value, decimals) };
}

export function isSuppressed(cell: Cell): cell is { suppressed: true } {
  return cell !== null && 'suppressed' in cell;
}

function shownValue(cell: Cell): number | null {
  return cell !== null && 'value' in cell ? cell.value : null;
}

const SUPPRESSED: { suppressed: true } = { suppressed: true };

// ---------------------------------------------------------------------------
// Statistics

/** Half away from zero at `decimals` places, robust to binary fractions such as 0.15. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(value) * f + 1e-9) / f;
  const signed = value < 0 ? -r : r;
  return signed === 0 ? 0 : signed;
}

/**
 * Quantile by linear interpolation between order statistics (Hyndman & Fan
 * type 7, the default of R, NumPy and Excel's QUARTILE.INC): with the n values
 * sorted as x[0] ≤ … ≤ x[n−1], h = (n − 1)·p and
 * Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). Q(0.5) is the median (the mean
 * of the two middle values when n is even). Null for no values.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function medianOf(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

function sum(values: readonly number[]): number {
  // Sorted before adding, so the total does not depend on the order of the files.
  return [...values].sort((a, b) => a - b).reduce((s, v) => s + v, 0);
}

// ---------------------------------------------------------------------------
// Checking one file

const SCHEMA_MIGRATIONS: Readonly<Record<number, (value: Record<string, unknown>) => unknown>> = {
  // Version 1 is the first version of the personal export, so there is nothing
  // to migrate yet. A future version N adds a function here that turns a
  // version N−1 export into a version N one; the file is then validated as N.
};

export type FileCheck = { ok: true; value: PersonalExport } | { ok: false; code: RejectionCode; reason: string };

function refuse(code: RejectionCode, reason: string): { ok: false; code: RejectionCode; reason: string } {
  return { ok: false, code, reason };
}

/** UTF-8 length of a JavaScript string (lone surrogates count as the 3-byte replacement character). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${roundTo(n / (1024 * 1024), 1)} MB`;
  if (n >= 1024) return `${roundTo(n / 1024, 1)} KB`;
  return `${n} bytes`;
}

/** Keeps operator-facing text printable: no control or bidi characters, bounded length. */
export function plainText(text: string, max = 300): string {
  const cleaned = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ');
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function checkFormatAndVersion(parsed: unknown): { ok: false; code: RejectionCode; reason: string } | { ok: true; migrated: unknown } {
  if (!isPlainObject(parsed) || parsed.format !== PERSONAL_EXPORT_FORMAT) {
    return refuse('not_personal_export', `is not a Timeback personal export (its "format" is not "${PERSONAL_EXPORT_FORMAT}")`);
  }
  const v = parsed.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    return refuse(
      'unknown_schema',
      `has no valid schemaVersion; this tool reads version ${PERSONAL_EXPORT_SCHEMA_VERSION}, the first version, so there is no older version to migrate from`,
    );
  }
  if (v > PERSONAL_EXPORT_SCHEMA_VERSION) {
    return refuse(
      'newer_schema',
      `is schemaVersion ${v}, newer than this tool supports (version ${PERSONAL_EXPORT_SCHEMA_VERSION}); update Timeback's team-report tool and run it again`,
    );
  }
  let migrated: unknown = parsed;
  for (let from = v; from < PERSONAL_EXPORT_SCHEMA_VERSION; from++) {
    const step = SCHEMA_MIGRATIONS[from];
    if (!step) return refuse('unknown_schema', `is schemaVersion ${v}, which this tool cannot migrate to version ${PERSONAL_EXPORT_SCHEMA_VERSION}`);
    migrated = step(migrated as Record<string, unknown>);
  }
  return { ok: true, migrated };
}

/** Checks one file on its own, as the report does before merging it. */
export function checkTeamReportFile(input: TeamReportInput, maxFileBytes = DEFAULT_MAX_FILE_BYTES): FileCheck {
  const text = input.text;
  if (typeof text !== 'string') return refuse('not_json', 'could not be read as text');
  const bytes = typeof input.byteLength === 'number' && Number.isFinite(input.byteLength) ? Math.max(input.byteLength, 0) : utf8ByteLength(text);
  if (bytes > maxFileBytes) {
    return refuse(
      'too_large',
      `is ${formatNumber(bytes, 0)} bytes, over the limit of ${formatNumber(maxFileBytes, 0)} bytes (${formatBytes(maxFileBytes)}) for one personal export; it was not read`,
    );
  }
  if (text.trim() === '') return refuse('not_json', 'is empty');
  // The identifier check runs on the raw text, before anything in the file is
  // interpreted, so no reason below can quote a patient identifier.
  const phi = rawTextIdentifierReason(text);
  if (phi !== null) return refuse('identifiers', phi);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    // The parser's message can quote the file; it is not passed on.
    return refuse('not_json', 'is not valid JSON (damaged, cut short, or not an export)');
  }
  // Again on the parsed fields, where a JSON escape can hide one (without a backslash there is none to hide).
  const parsedPhi = text.includes('\\') ? importedIdentifierReason(parsed) : null;
  if (parsedPhi !== null) return refuse('identifiers', parsedPhi);
  const version = checkFormatAndVersion(parsed);
  if (!version.ok) return version;
  let result: ReturnType<typeof validatePersonalExport>;
  try {
    result = validatePersonalExport(version.migrated);
  } catch {
    return refuse('invalid', 'does not match the personal export format');
  }
  if (!result.ok) {
    const shown = result.errors.slice(0, 3).map((m) => plainText(withoutQuotedText(String(m)), 160));
    const more = result.errors.length > 3 ? `; and ${result.errors.length - 3} more` : '';
    return refuse('invalid', `does not match the personal export format: ${shown.join('; ')}${more}`);
  }
  // The validator's copy holds only the known fields, and it has checked every
  // figure (finite, in range, rows inside the period, measures for every period).
  return { ok: true, value: result.value };
}

// ---------------------------------------------------------------------------
// One contributor's figures

interface ContributorFigures {
  id: string;
  role: RoleGroup;
  teamCode: string | null;
  categoryHours: Map<TaskCategory, number>;
  /** ISO week → active hours, for weeks with a measures row. */
  weekActiveHours: Map<string, number>;
  activeHours: number;
  scheduledHours: number;
  afterHoursHours: number;
  waitingHours: number;
  logins: number;
  measures: Record<MeasureId, number | null>;
}

function weightedBySchedule(rows: PersonalExport['measures'], pick: (m: PersonalExport['measures'][number]) => number | null): number | null {
  let weighted = 0;
  let weights = 0;
  for (const m of rows) {
    const v = pick(m);
    if (v === null || !(m.scheduledHours > 0)) continue;
    weighted += v * m.scheduledHours;
    weights += m.scheduledHours;
  }
  return weights > 0 ? weighted / weights : null;
}

function figuresOf(e: PersonalExport, weeksInPeriod: number): ContributorFigures {
  const categoryHours = new Map<TaskCategory, number>();
  for (const row of e.rows) categoryHours.set(row.category, (categoryHours.get(row.category) ?? 0) + row.hours);
  const weekActiveHours = new Map<string, number>();
  for (const m of e.measures) {
    const week = e.period.granularity === 'week' ? m.period : isoWeekKey(m.period);
    weekActiveHours.set(week, (weekActiveHours.get(week) ?? 0) + m.activeHours);
  }
  const total = (pick: (m: PersonalExport['measures'][number]) => number): number => sum(e.measures.map(pick));
  const activeHours = total((m) => m.activeHours);
  const afterHoursHours = total((m) => m.afterHoursHours);
  const waitingHours = total((m) => m.waitingHours);
  const logins = total((m) => m.logins);
  const nonNull = (pick: (m: PersonalExport['measures'][number]) => number | null): number[] =>
    e.measures.map(pick).filter((v): v is number => v !== null);
  return {
    id: e.contributorId,
    role: e.role ?? 'not_stated',
    teamCode: e.teamCode,
    categoryHours,
    weekActiveHours,
    activeHours,
    scheduledHours: total((m) => m.scheduledHours),
    afterHoursHours,
    waitingHours,
    logins,
    measures: {
      activeHours: activeHours / weeksInPeriod,
      ehrTime8: weightedBySchedule(e.measures, (m) => m.ehrTime8),
      wow8: weightedBySchedule(e.measures, (m) => m.wow8),
      noteTime8: weightedBySchedule(e.measures, (m) => m.noteTime8),
      prescTime8: weightedBySchedule(e.measures, (m) => m.prescTime8),
      ibTime8: weightedBySchedule(e.measures, (m) => m.ibTime8),
      afterHoursShare: activeHours > 0 ? (100 * afterHoursHours) / activeHours : null,
      loginsPerWeek: logins / weeksInPeriod,
      medianLoginSec: medianOf(nonNull((m) => m.medianLoginSec)),
      waitingHours: waitingHours / weeksInPeriod,
      pageLoadP95Sec: medianOf(nonNull((m) => m.pageLoadP95Sec)),
    },
  };
}

// ---------------------------------------------------------------------------
// The report

function sameDefinition(a: PersonalExport['definition'], b: PersonalExport['definition']): boolean {
  return a.inactivityThresholdSec === b.inactivityThresholdSec && a.readingAllowanceSec === b.readingAllowanceSec;
}

function checkExpectedPeriod(p: { from: LocalDateKey; to: LocalDateKey } | undefined): void {
  if (p === undefined) return;
  if (!isLocalDateKey(p.from) || !isLocalDateKey(p.to) || p.to < p.from) throw new RangeError('expectedPeriod must be two valid dates YYYY-MM-DD, from on or before to');
}

export function buildTeamReport(inputs: ReadonlyArray<TeamReportInput>, options: TeamReportOptions = {}): TeamReport {
  const merged = mergeTeamFiles(inputs, options);
  return summarise(merged.exports, merged);
}

/** The files checked and merged: the accepted exports stay in memory (never an output), for figures built on top of the report. */
export type MergedTeamFiles = ReturnType<typeof mergeTeamFiles>;
export function mergeTeamFiles(inputs: ReadonlyArray<TeamReportInput>, options: TeamReportOptions = {}) {
  const min = options.minContributors ?? DEFAULT_MIN_CONTRIBUTORS;
  checkThreshold(min);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!(maxFileBytes > 0)) throw new RangeError('maxFileBytes must be positive');
  checkExpectedPeriod(options.expectedPeriod);

  const accepted: string[] = [];
  const rejected: Rejection[] = [];
  const exports: PersonalExport[] = [];
  const seen = new Set<string>();
  let period = options.expectedPeriod ? { from: options.expectedPeriod.from, to: options.expectedPeriod.to } : null;
  let definition: PersonalExport['definition'] | null = null;

  for (const input of inputs) {
    const name = input !== null && typeof input === 'object' && typeof input.name === 'string' ? input.name : '(unnamed)';
    let check: FileCheck;
    try {
      check = input !== null && typeof input === 'object' ? checkTeamReportFile(input, maxFileBytes) : refuse('not_json', 'could not be read as text');
    } catch {
      check = refuse('invalid', 'could not be checked');
    }
    if (!check.ok) {
      rejected.push({ name, code: check.code, reason: check.reason });
      continue;
    }
    const e = check.value;
    if (period !== null && (e.period.from !== period.from || e.period.to !== period.to)) {
      const against = options.expectedPeriod ? 'the report period' : 'the first merged file';
      rejected.push({ name, code: 'period_mismatch', reason: `covers ${e.period.from} to ${e.period.to}, but ${against} covers ${period.from} to ${period.to}` });
      continue;
    }
    if (definition !== null && !sameDefinition(e.definition, definition)) {
      rejected.push({
        name,
        code: 'definition_mismatch',
        reason:
          `measures active time with an inactivity threshold of ${e.definition.inactivityThresholdSec} s and a reading allowance of ${e.definition.readingAllowanceSec} s, ` +
          `but the merged files use ${definition.inactivityThresholdSec} s and ${definition.readingAllowanceSec} s; the figures would not be comparable`,
      });
      continue;
    }
    if (seen.has(e.contributorId)) {
      rejected.push({ name, code: 'duplicate_contributor', reason: 'has the same contributor id as a file already merged for this period; only the first is kept' });
      continue;
    }
    seen.add(e.contributorId);
    period ??= { from: e.period.from, to: e.period.to };
    definition ??= { inactivityThresholdSec: e.definition.inactivityThresholdSec, readingAllowanceSec: e.definition.readingAllowanceSec };
    accepted.push(name);
    exports.push(e);
  }

  return { accepted, rejected, exports, period, definition, min };
}

/**
 * How many contributors a statistic over `values` (one per contributor) is
 * built from, for disclosure: those with a non-zero value, or all of them when
 * every value is 0. A quartile or total over many zeros and a few non-zero
 * values is in effect built from those few (with 6 zeros and 2 values, the
 * upper quartile is a quarter of one person's figure), so it is disclosed by
 * their number. When nobody has a non-zero value, the figure is 0 from
 * everyone and reveals only that count.
 */
export function disclosureBasis(values: readonly number[]): number {
  const nonZero = values.filter((v) => v !== 0).length;
  return nonZero > 0 ? nonZero : values.length;
}

export function summarise(
  exports: PersonalExport[],
  ctx: {
    accepted: string[];
    rejected: Rejection[];
    period: { from: LocalDateKey; to: LocalDateKey } | null;
    definition: PersonalExport['definition'] | null;
    min: number;
  },
): TeamReport {
  const { min } = ctx;
  const weeksInPeriod = ctx.period ? datesInRange(ctx.period.from, ctx.period.to).length / 7 : 1;
  // Sorted by contributor id so that nothing depends on the order of the files.
  const people = exports.map((e) => figuresOf(e, weeksInPeriod)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = people.length;
  /** The whole team is below the threshold: every figure about it is suppressed, including zeros. */
  const teamTooSmall = n > 0 && n < min;
  const count = (k: number): Disclosed => (teamTooSmall ? SUPPRESSED : discloseCount(k, min));
  const stat = (value: number | null, k: number, decimals = 1): Cell => (teamTooSmall ? SUPPRESSED : discloseStatistic(value, k, min, decimals));

  // Per category: every contributor counts (0 when they have no time in it).
  const perCategory: CategoryCell[] = TASK_CATEGORIES.map((category) => {
    const values = people.map((p) => p.categoryHours.get(category) ?? 0);
    const k = disclosureBasis(values);
    return {
      category,
      contributors: count(values.filter((v) => v > 0).length),
      median: stat(medianOf(values), k),
      q1: stat(quantile(values, 0.25), k),
      q3: stat(quantile(values, 0.75), k),
      totalHours: stat(n === 0 ? null : sum(values), k),
    };
  });

  const total = (pick: (p: ContributorFigures) => number, decimals = 1): Cell => {
    const values = people.map(pick);
    return stat(n === 0 ? null : sum(values), disclosureBasis(values), decimals);
  };
  const totals: TeamTotals = {
    activeHours: total((p) => p.activeHours),
    scheduledHours: total((p) => p.scheduledHours),
    afterHoursHours: total((p) => p.afterHoursHours),
    waitingHours: total((p) => p.waitingHours),
    logins: total((p) => p.logins, 0),
  };

  applySecondarySuppression(perCategory, totals);

  const perMeasure: MeasureCell[] = TEAM_MEASURES.map((def) => {
    const values = people.map((p) => p.measures[def.id]).filter((v): v is number => v !== null);
    const k = disclosureBasis(values);
    return {
      measure: def.id,
      contributors: count(values.length),
      median: stat(medianOf(values), k, def.decimals),
      q1: stat(quantile(values, 0.25), k, def.decimals),
      q3: stat(quantile(values, 0.75), k, def.decimals),
    };
  });

  const trendByWeek: WeekCell[] = ctx.period
    ? isoWeekKeysInRange(ctx.period.from, ctx.period.to).map((week) => {
        const values = people.flatMap((p) => (p.weekActiveHours.has(week) ? [p.weekActiveHours.get(week)!] : []));
        return { week, contributors: count(values.length), medianActiveHours: stat(medianOf(values), disclosureBasis(values)) };
      })
    : [];

  const after = shownValue(totals.afterHoursHours);
  const active = shownValue(totals.activeHours);
  const afterHoursShare: Cell =
    isSuppressed(totals.afterHoursHours) || isSuppressed(totals.activeHours)
      ? SUPPRESSED
      : after === null || active === null || active === 0
        ? null
        : { value: roundTo((100 * after) / active, 1) };

  const roles = roleBreakdown(people, min);
  const teamCodes = [...new Set(people.map((p) => p.teamCode).filter((c): c is string => typeof c === 'string' && c !== ''))].sort();

  const notes: string[] = [];
  if (n === 0) notes.push('No file could be merged, so the report has no figures.');
  if (teamTooSmall) notes.push(`Fewer than ${min} people contributed, so every figure is suppressed.`);
  if (teamCodes.length > 1) notes.push('The merged files carry more than one team code; the report treats them as one team and never splits them.');
  if (people.some((p) => p.teamCode === null) && teamCodes.length > 0) notes.push('Some merged files carry no team code.');

  return {
    accepted: ctx.accepted,
    rejected: ctx.rejected,
    period: ctx.period,
    definition: ctx.definition,
    minContributors: min,
    contributors: count(n),
    perCategory,
    perMeasure,
    totals,
    afterHoursShare,
    trendByWeek,
    roles,
    teamCodes,
    notes,
  };
}

/**
 * Category totals add up to (about) the team's active hours, so a single
 * suppressed category total could be worked out from the others. When exactly
 * one category is suppressed, the shown category with the smallest positive
 * total is suppressed too (its whole row), leaving out "waiting for the
 * system", whose total is also the team's waiting total; if there is none,
 * the team's active hours are suppressed instead.
 */
function applySecondarySuppression(perCategory: CategoryCell[], totals: TeamTotals): void {
  const suppressed = perCategory.filter((c) => isSuppressed(c.totalHours));
  if (suppressed.length !== 1 || perCategory.every((c) => isSuppressed(c.totalHours))) return;
  let pick: CategoryCell | null = null;
  for (const c of perCategory) {
    const v = shownValue(c.totalHours);
    // Waiting for the system is also the team's waiting total, shown in the totals: hiding it would protect nothing.
    if (v === null || v <= 0 || c.category === 'waiting_for_system') continue;
    if (pick === null || v < shownValue(pick.totalHours)!) pick = c;
  }
  if (pick) {
    pick.median = SUPPRESSED;
    pick.q1 = SUPPRESSED;
    pick.q3 = SUPPRESSED;
    pick.totalHours = SUPPRESSED;
  } else {
    totals.activeHours = SUPPRESSED;
  }
}

/**
 * Contributors by role, shown only when every role group present (including
 * "not stated") has at least `min` contributors: otherwise a small group could
 * be told apart, so the whole breakdown is withheld. Percentages are computed
 * from the rounded counts and the rounded team count.
 */
function roleBreakdown(people: ContributorFigures[], min: number): RoleBreakdown {
  if (people.length === 0) return { shown: false, reason: 'No contributors.' };
  const groups = new Map<RoleGroup, number>();
  for (const p of people) groups.set(p.role, (groups.get(p.role) ?? 0) + 1);
  if ([...groups.values()].some((k) => k < min)) {
    return { shown: false, reason: `Not shown: at least one role group has fewer than ${min} contributors.` };
  }
  const team = discloseCount(people.length, min);
  const teamRounded = shownValue(team)!;
  const order: RoleGroup[] = [...ROLES, 'not_stated'];
  return {
    shown: true,
    groups: order
      .filter((r) => groups.has(r))
      .map((role) => {
        const c = discloseCount(groups.get(role)!, min);
        return { role, contributors: c, percent: { value: roundTo((100 * shownValue(c)!) / teamRounded, 1) } };
      }),
  };
}

// ---------------------------------------------------------------------------
// Outputs

/** A cell as published: a number, "*" when suppressed, null when there is no data. */
export function publishCell(cell: Cell): number | typeof SUPPRESSED_MARK | null {
  if (cell === null) return null;
  return 'suppressed' in cell ? SUPPRESSED_MARK : cell.value;
}

/** Counts per reason: the only trace of refused files in a shared output (no names, no file text). */
export function refusalSummary(report: TeamReport): Array<{ code: RejectionCode; label: string; files: number }> {
  const counts = new Map<RejectionCode, number>();
  for (const r of report.rejected) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
  return (Object.keys(REJECTION_LABELS) as RejectionCode[]).filter((c) => counts.has(c)).map((code) => ({ code, label: REJECTION_LABELS[code], files: counts.get(code)! }));
}

function disclosureStatement(min: number): string {
  return `Counts of people are shown as 0, as * when 1 to ${min - 1}, and otherwise rounded to the nearest 5. Any figure built from 1 to ${min - 1} contributors is shown as *. Percentages are worked out from the rounded figures.`;
}

/** The shareable JSON: the report without file names; suppressed cells are "*". */
export function teamReportToJson(report: TeamReport): string {
  const out = {
    format: TEAM_REPORT_FORMAT,
    formatVersion: TEAM_REPORT_FORMAT_VERSION,
    period: report.period,
    definition: report.definition,
    disclosure: {
      minContributors: report.minContributors,
      suppressedShownAs: SUPPRESSED_MARK,
      countsRoundedTo: 5,
      statement: disclosureStatement(report.minContributors),
      quartiles: 'linear interpolation between order statistics (Hyndman and Fan type 7)',
    },
    contributors: publishCell(report.contributors),
    totals: {
      activeHours: publishCell(report.totals.activeHours),
      scheduledHours: publishCell(report.totals.scheduledHours),
      afterHoursHours: publishCell(report.totals.afterHoursHours),
      waitingHours: publishCell(report.totals.waitingHours),
      logins: publishCell(report.totals.logins),
    },
    afterHoursSharePercent: publishCell(report.afterHoursShare),
    perCategory: report.perCategory.map((c) => ({
      category: c.category,
      label: CATEGORY_LABELS[c.category],
      contributors: publishCell(c.contributors),
      medianHours: publishCell(c.median),
      q1Hours: publishCell(c.q1),
      q3Hours: publishCell(c.q3),
      totalHours: publishCell(c.totalHours),
    })),
    perMeasure: report.perMeasure.map((m) => {
      const def = TEAM_MEASURES.find((d) => d.id === m.measure)!;
      return {
        measure: m.measure,
        label: def.label,
        unit: def.unit,
        contributors: publishCell(m.contributors),
        median: publishCell(m.median),
        q1: publishCell(m.q1),
        q3: publishCell(m.q3),
      };
    }),
    trendByWeek: report.trendByWeek.map((w) => ({
      week: w.week,
      contributors: publishCell(w.contributors),
      medianActiveHours: publishCell(w.medianActiveHours),
    })),
    roles: report.roles.shown
      ? { shown: true, groups: report.roles.groups.map((g) => ({ role: g.role, label: ROLE_LABELS[g.role], contributors: publishCell(g.contributors), percent: publishCell(g.percent) })) }
      : { shown: false, reason: report.roles.reason },
    teamCodes: report.teamCodes,
    notes: report.notes,
    refusedFiles: refusalSummary(report),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

// --- CSV (RFC 4180) ---

/**
 * One CSV field: cells that a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return) get a leading apostrophe; fields
 * with a comma, quote or line break are quoted, quotes doubled.
 */
export function csvField(value: string | number | null): string {
  let s = value === null ? '' : typeof value === 'number' ? String(value) : value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvCell(cell: Cell): string | number | null {
  return publishCell(cell);
}

/** A long-format CSV (one figure per line), UTF-8 with a byte-order mark and CRLF line ends. */
export function teamReportToCsv(report: TeamReport): string {
  const lines: Array<Array<string | number | null>> = [['section', 'item', 'statistic', 'value', 'unit']];
  const add = (section: string, item: string, statistic: string, value: string | number | null, unit = ''): void => {
    lines.push([section, item, statistic, value, unit]);
  };
  add('report', 'format', 'name', TEAM_REPORT_FORMAT);
  add('report', 'format', 'version', TEAM_REPORT_FORMAT_VERSION);
  add('report', 'period', 'from', report.period?.from ?? null);
  add('report', 'period', 'to', report.period?.to ?? null);
  add('report', 'definition', 'inactivity threshold', report.definition?.inactivityThresholdSec ?? null, 'seconds');
  add('report', 'definition', 'reading allowance', report.definition?.readingAllowanceSec ?? null, 'seconds');
  add('report', 'disclosure', 'minimum contributors', report.minContributors, 'people');
  add('report', 'disclosure', 'statement', disclosureStatement(report.minContributors));
  add('report', 'contributors', 'count', csvCell(report.contributors), 'people');
  add('totals', 'active time', 'total', csvCell(report.totals.activeHours), 'hours');
  add('totals', 'scheduled time', 'total', csvCell(report.totals.scheduledHours), 'hours');
  add('totals', 'after-hours time', 'total', csvCell(report.totals.afterHoursHours), 'hours');
  add('totals', 'waiting for the system', 'total', csvCell(report.totals.waitingHours), 'hours');
  add('totals', 'logins', 'total', csvCell(report.totals.logins), 'logins');
  add('totals', 'after-hours share', 'percent', csvCell(report.afterHoursShare), 'per cent of active time');
  for (const c of report.perCategory) {
    add('category', c.category, 'contributors', csvCell(c.contributors), 'people');
    add('category', c.category, 'median', csvCell(c.median), 'hours per contributor');
    add('category', c.category, 'q1', csvCell(c.q1), 'hours per contributor');
    add('category', c.category, 'q3', csvCell(c.q3), 'hours per contributor');
    add('category', c.category, 'total', csvCell(c.totalHours), 'hours');
  }
  for (const m of report.perMeasure) {
    const unit = TEAM_MEASURES.find((d) => d.id === m.measure)!.unit;
    add('measure', m.measure, 'contributors', csvCell(m.contributors), 'people');
    add('measure', m.measure, 'median', csvCell(m.median), unit);
    add('measure', m.measure, 'q1', csvCell(m.q1), unit);
    add('measure', m.measure, 'q3', csvCell(m.q3), unit);
  }
  for (const w of report.trendByWeek) {
    add('week', w.week, 'contributors', csvCell(w.contributors), 'people');
    add('week', w.week, 'median active', csvCell(w.medianActiveHours), 'hours');
  }
  if (report.roles.shown) {
    for (const g of report.roles.groups) {
      add('role', g.role, 'contributors', csvCell(g.contributors), 'people');
      add('role', g.role, 'percent', csvCell(g.percent), 'per cent of contributors');
    }
  } else {
    add('role', 'all', 'not shown', report.roles.reason);
  }
  for (const code of report.teamCodes) add('team code', code, 'present', 'yes');
  for (const note of report.notes) add('note', '', 'text', note);
  for (const r of refusalSummary(report)) add('refused files', r.code, r.label, r.files, 'files');
  return `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

// --- HTML ---

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-05-04" → "4 May 2026". */
function longDate(key: string): string {
  const m = DATE_KEY.exec(key);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : key;
}

/** en-GB digits: thousands separated by commas, fixed decimals. */
export function formatNumber(value: number, decimals: number): string {
  const [whole, frac] = roundTo(value, decimals).toFixed(decimals).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

function htmlCell(cell: Cell, decimals: number, min: number): string {
  if (cell === null) return '<td class="nodata">no data</td>';
  if ('suppressed' in cell) return `<td class="sup"><abbr title="Suppressed: fewer than ${min} contributors">${SUPPRESSED_MARK}</abbr></td>`;
  return `<td>${escapeHtml(formatNumber(cell.value, decimals))}</td>`;
}

interface Bar {
  label: string;
  cell: Cell;
}

function horizontalBarChart(id: string, title: string, desc: string, bars: Bar[], unit: string): string {
  const rowH = 26;
  const labelW = 210;
  const chartW = 380;
  const width = labelW + chartW + 90;
  const height = bars.length * rowH + 10;
  const max = Math.max(0, ...bars.map((b) => shownValue(b.cell) ?? 0));
  const rows = bars
    .map((b, i) => {
      const y = 5 + i * rowH;
      const v = shownValue(b.cell);
      const w = v !== null && max > 0 ? Math.max((v / max) * chartW, v > 0 ? 1 : 0) : 0;
      const valueText = b.cell === null ? 'no data' : isSuppressed(b.cell) ? SUPPRESSED_MARK : `${formatNumber(v!, 1)} ${unit}`;
      return (
        `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end">${escapeHtml(b.label)}</text>` +
        (w > 0 ? `<rect x="${labelW}" y="${y + 4}" width="${roundTo(w, 1)}" height="${rowH - 8}" class="bar"/>` : '') +
        `<text x="${roundTo(labelW + w + 6, 1)}" y="${y + 17}">${escapeHtml(valueText)}</text>`
      );
    })
    .join('');
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>${rows}</svg>`
  );
}

function columnChart(id: string, title: string, desc: string, bars: Bar[]): string {
  const colW = Math.max(28, Math.min(80, Math.floor(560 / Math.max(bars.length, 1))));
  const plotH = 160;
  const left = 44;
  const width = Math.max(left + bars.length * colW + 10, 300);
  const height = plotH + 50;
  const max = Math.max(0, ...bars.map((b) => shownValue(b.cell) ?? 0));
  const cols = bars
    .map((b, i) => {
      const x = left + i * colW;
      const v = shownValue(b.cell);
      const h = v !== null && max > 0 ? (v / max) * (plotH - 20) : 0;
      const top = 10 + plotH - 20 - h + 20;
      const mark = b.cell === null ? '–' : isSuppressed(b.cell) ? SUPPRESSED_MARK : formatNumber(v!, 1);
      return (
        (h > 0 ? `<rect x="${x + 5}" y="${roundTo(top, 1)}" width="${colW - 10}" height="${roundTo(h, 1)}" class="bar"/>` : '') +
        `<text x="${x + colW / 2}" y="${roundTo(top - 4, 1)}" text-anchor="middle" class="small">${escapeHtml(mark)}</text>` +
        `<text x="${x + colW / 2}" y="${plotH + 28}" text-anchor="middle" class="small">${escapeHtml(b.label)}</text>`
      );
    })
    .join('');
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>` +
    `<line x1="${left}" y1="${plotH + 10}" x2="${width - 5}" y2="${plotH + 10}" class="axis"/>` +
    `<text x="4" y="20" class="small">hours</text>${cols}</svg>`
  );
}

const CSS = `
:root { color-scheme: light; }
body { font-family: Arial, Helvetica, sans-serif; color: #212b32; background: #fff; margin: 0; line-height: 1.5; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #005eb8; padding-bottom: .2rem; }
p.lead { font-size: 1.1rem; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.summary dt { font-weight: bold; }
dl.summary dd { margin: 0; }
table { border-collapse: collapse; margin: .75rem 0 1.25rem; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #aeb7bd; padding: .3rem .5rem; text-align: right; }
th[scope="row"], th.text, td.text { text-align: left; }
thead th { background: #e8edee; }
td.sup { font-weight: bold; }
td.nodata { color: #4c6272; font-style: italic; }
abbr { text-decoration: none; }
.chart { display: block; max-width: 100%; height: auto; margin: .5rem 0; font-size: 13px; }
.chart text { fill: #212b32; }
.chart .small { font-size: 11px; }
.chart .bar { fill: #005eb8; }
.chart .axis { stroke: #4c6272; stroke-width: 1; }
.note { background: #fff9c4; border-left: 4px solid #ffb81c; padding: .5rem .75rem; }
ul.plain { padding-left: 1.2rem; }
@media print {
  main { max-width: none; padding: 0; }
  body { font-size: 10pt; }
  h2 { break-after: avoid; }
  table, .chart, dl.summary { break-inside: avoid; }
  .chart .bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`.trim();

/** A self-contained page: inline CSS and SVG, no scripts, no external resources; opens offline. */
export function teamReportToHtml(report: TeamReport): string {
  const min = report.minContributors;
  const periodText = report.period ? `${longDate(report.period.from)} to ${longDate(report.period.to)}` : 'no period (no file was merged)';
  const contributors = publishCell(report.contributors);
  const contributorsText =
    contributors === null ? 'none' : contributors === SUPPRESSED_MARK ? `* (fewer than ${min})` : contributors === 0 ? '0' : `${contributors} (rounded to the nearest 5)`;
  const measureDef = (id: MeasureId): MeasureDefinition => TEAM_MEASURES.find((d) => d.id === id)!;
  const parts: string[] = [];
  const totalRow = (label: string, cell: Cell, unit: string, decimals = 1): string =>
    `<tr><th scope="row">${escapeHtml(label)}</th>${htmlCell(cell, decimals, min)}<td class="text">${escapeHtml(unit)}</td></tr>`;

  parts.push(
    `<h1>Timeback team report</h1>`,
    `<p class="lead">Time spent in clinical systems by one team, ${escapeHtml(periodText)}, merged from the team members’ anonymised Timeback exports.</p>`,
    `<section aria-labelledby="s-summary"><h2 id="s-summary">Summary</h2><dl class="summary">` +
      `<dt>Period</dt><dd>${escapeHtml(periodText)}</dd>` +
      `<dt>Contributors</dt><dd>${escapeHtml(contributorsText)}</dd>` +
      `<dt>Active time defined by</dt><dd>${
        report.definition
          ? escapeHtml(`an inactivity threshold of ${report.definition.inactivityThresholdSec} seconds and a reading allowance of ${report.definition.readingAllowanceSec} seconds`)
          : 'no data'
      }</dd>` +
      `<dt>Team codes</dt><dd>${report.teamCodes.length ? escapeHtml(report.teamCodes.join(', ')) : 'none given'}</dd>` +
      `</dl>` +
      `<p><strong>How to read this report.</strong> ${escapeHtml(disclosureStatement(min))} “No data” means nobody had a figure for it.</p>` +
      report.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('') +
      `</section>`,
  );

  parts.push(
    `<section aria-labelledby="s-totals"><h2 id="s-totals">Team totals</h2>` +
      `<table id="t-totals"><caption>Totals for all contributors over the period</caption>` +
      `<thead><tr><th scope="col" class="text">Figure</th><th scope="col">Value</th><th scope="col" class="text">Unit</th></tr></thead><tbody>` +
      totalRow('Active time', report.totals.activeHours, 'hours') +
      totalRow('Scheduled time', report.totals.scheduledHours, 'hours') +
      totalRow('After-hours time', report.totals.afterHoursHours, 'hours') +
      totalRow('Share of active time after hours', report.afterHoursShare, 'per cent, from the rounded totals') +
      totalRow('Waiting for the system', report.totals.waitingHours, 'hours') +
      totalRow('Logins', report.totals.logins, 'logins', 0) +
      `</tbody></table></section>`,
  );

  const catRows = report.perCategory
    .map(
      (c) =>
        `<tr><th scope="row">${escapeHtml(CATEGORY_LABELS[c.category])}</th>${htmlCell(c.contributors, 0, min)}${htmlCell(c.median, 1, min)}${htmlCell(c.q1, 1, min)}${htmlCell(c.q3, 1, min)}${htmlCell(c.totalHours, 1, min)}</tr>`,
    )
    .join('');
  parts.push(
    `<section aria-labelledby="s-categories"><h2 id="s-categories">Time by task</h2>` +
      `<p>Hours each contributor spent on each task over the period. The middle half of contributors fall between the lower and upper quartiles.</p>` +
      horizontalBarChart(
        'c-categories',
        'Median hours per contributor, by task',
        'Bar chart of the median hours per contributor for each task; the same figures are in the table below.',
        report.perCategory.map((c) => ({ label: CATEGORY_LABELS[c.category], cell: c.median })),
        'h',
      ) +
      `<table id="t-categories"><caption>Hours per contributor by task, ${escapeHtml(periodText)}</caption>` +
      `<thead><tr><th scope="col" class="text">Task</th><th scope="col">Contributors with time on it</th><th scope="col">Median hours</th><th scope="col">Lower quartile</th><th scope="col">Upper quartile</th><th scope="col">Total hours</th></tr></thead>` +
      `<tbody>${catRows}</tbody></table></section>`,
  );

  const measureRows = report.perMeasure
    .map((m) => {
      const def = measureDef(m.measure);
      return `<tr><th scope="row">${escapeHtml(def.label)}</th><td class="text">${escapeHtml(def.unit)}</td>${htmlCell(m.contributors, 0, min)}${htmlCell(m.median, def.decimals, min)}${htmlCell(m.q1, def.decimals, min)}${htmlCell(m.q3, def.decimals, min)}</tr>`;
    })
    .join('');
  parts.push(
    `<section aria-labelledby="s-measures"><h2 id="s-measures">Burden measures</h2>` +
      `<p>Each contributor’s figure for the period, then the median and quartiles across contributors. The per-8-hour measures follow Sinsky and colleagues (2020): hours in the systems for every 8 hours of scheduled clinical time.</p>` +
      `<table id="t-measures"><caption>Burden measures across contributors, ${escapeHtml(periodText)}</caption>` +
      `<thead><tr><th scope="col" class="text">Measure</th><th scope="col" class="text">Unit</th><th scope="col">Contributors</th><th scope="col">Median</th><th scope="col">Lower quartile</th><th scope="col">Upper quartile</th></tr></thead>` +
      `<tbody>${measureRows}</tbody></table></section>`,
  );

  const weekRows = report.trendByWeek
    .map((w) => `<tr><th scope="row">${escapeHtml(w.week)}</th>${htmlCell(w.contributors, 0, min)}${htmlCell(w.medianActiveHours, 1, min)}</tr>`)
    .join('');
  parts.push(
    `<section aria-labelledby="s-weeks"><h2 id="s-weeks">Week by week</h2>` +
      (report.trendByWeek.length === 0
        ? '<p>No weeks to show.</p>'
        : `<p>The median active hours per contributor in each ISO week (Monday to Sunday). Weeks at the ends of the period may be partial.</p>` +
          columnChart(
            'c-weeks',
            'Median active hours per contributor, by week',
            'Column chart of the median active hours per contributor in each week; the same figures are in the table below.',
            report.trendByWeek.map((w) => ({ label: w.week.slice(5), cell: w.medianActiveHours })),
          ) +
          `<table id="t-weeks"><caption>Median active hours per contributor, by ISO week</caption>` +
          `<thead><tr><th scope="col" class="text">Week</th><th scope="col">Contributors</th><th scope="col">Median active hours</th></tr></thead>` +
          `<tbody>${weekRows}</tbody></table>`) +
      `</section>`,
  );

  parts.push(
    `<section aria-labelledby="s-roles"><h2 id="s-roles">Contributors by role</h2>` +
      (report.roles.shown
        ? `<table id="t-roles"><caption>Contributors by role (percentages from the rounded counts)</caption>` +
          `<thead><tr><th scope="col" class="text">Role</th><th scope="col">Contributors</th><th scope="col">Per cent</th></tr></thead><tbody>` +
          report.roles.groups.map((g) => `<tr><th scope="row">${escapeHtml(ROLE_LABELS[g.role])}</th>${htmlCell(g.contributors, 0, min)}${htmlCell(g.percent, 1, min)}</tr>`).join('') +
          `</tbody></table>`
        : `<p>${escapeHtml(report.roles.reason)}</p>`) +
      `</section>`,
  );

  const refused = refusalSummary(report);
  parts.push(
    `<section aria-labelledby="s-refused"><h2 id="s-refused">Files not included</h2>` +
      (refused.length === 0
        ? '<p>Every file given was merged.</p>'
        : `<p>These files were checked and left out; nothing from them is in this report. The person who made the report has the list of files.</p>` +
          `<table id="t-refused"><caption>Files left out, by reason</caption><thead><tr><th scope="col" class="text">Reason</th><th scope="col">Files</th></tr></thead><tbody>` +
          refused.map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td>${r.files}</td></tr>`).join('') +
          `</tbody></table>`) +
      `</section>`,
  );

  parts.push(
    `<section aria-labelledby="s-about"><h2 id="s-about">About this report</h2>` +
      `<ul class="plain">` +
      `<li>Each contributor made a personal export in Timeback: hours per week and task, rounded to 0.1 hours, with no patient details, web addresses, page titles or times of day. Each file was checked on its own before it was merged.</li>` +
      `<li>The median is the middle value. The quartiles use linear interpolation between the sorted values (the method R, NumPy and Excel’s QUARTILE.INC use by default).</li>` +
      `<li>This report never shows one person’s figures, never names contributors, and cannot be filtered into smaller groups. It covers one fixed team and one period.</li>` +
      `<li>It measures time in the systems, not the quality of anyone’s work, and must not be used to manage individual performance.</li>` +
      `</ul></section>`,
  );

  return (
    `<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    `<title>${escapeHtml(`Timeback team report: ${periodText}`)}</title>\n<style>\n${CSS}\n</style>\n</head>\n<body>\n<main>\n${parts.join('\n')}\n</main>\n</body>\n</html>\n`
  );
}
