/**
 * The personal export's contract as data: the patterns, bounds and field
 * lists of schemas/personal-export.schema.json, character for character (a
 * test compares them with the schema file). The validator
 * (exportValidation.ts), the builder and the import guard read them here.
 */
import type { Granularity, PersonalExport, PersonalExportMeasures } from './exportFormat.js';

export const GRANULARITIES = ['week', 'day'] as const satisfies readonly Granularity[];
// Both ways: every Granularity is listed.
const _allGranularities: Granularity extends (typeof GRANULARITIES)[number] ? true : never = true;
void _allGranularities;

/** The patterns of the schema, character for character (the test compares `source` with the schema's strings). */
export const EXPORT_PATTERNS = {
  /** A local date of 2000–2099; the validator also checks that the date exists. */
  date: /^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  /** An ISO week of 2000–2099; the validator also checks that week 53 exists that year. */
  isoWeek: /^20\d{2}-W(0[1-9]|[1-4]\d|5[0-3])$/,
  teamCode: /^[A-Z0-9-]{1,20}$/,
  contributorId: /^c-[0-9a-f]{32}$/,
  systemId: /^[a-z0-9-]{1,40}$/,
  /** A browser-extension version: one to four dot-separated integers without leading zeros. */
  extensionVersion: /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/,
} as const;

/** Numeric bounds of the schema, and the tighter per-day bounds of the consistency rules. */
export const EXPORT_LIMITS = {
  /** 53 ISO weeks: a whole year, in either granularity. */
  maxPeriodDays: 371,
  maxMeasures: 371,
  maxRows: 200_000,
  /** Hours in a row or an hours measure: a week is at most 7 × 24 h plus the autumn DST hour. */
  maxHours: 169,
  maxScheduledHours: 168,
  /** Per-day bounds (granularity "day"): 24 h, or 25 h on the autumn DST day; scheduled time is wall clock. */
  maxDayHours: 25,
  maxDayScheduledHours: 24,
  /** Per-8-hour measures: 8 × 169 h of activity over a single scheduled minute. */
  maxPer8: 81_120,
  maxLogins: 100_000,
  /** Login and page-load seconds: at most a day. */
  maxSeconds: 86_400,
  inactivityThresholdSec: { min: 5, max: 300 },
  readingAllowanceSec: { min: 0, max: 300 },
} as const;

export const TOP_LEVEL_FIELDS = [
  'format',
  'schemaVersion',
  'extensionVersion',
  'contributorId',
  'teamCode',
  'role',
  'period',
  'definition',
  'includesSystems',
  'rows',
  'measures',
] as const satisfies readonly (keyof PersonalExport)[];

/** The measures in their canonical order (the JSON and CSV use it). */
export const MEASURE_FIELDS = [
  'period',
  'activeHours',
  'scheduledHours',
  'ehrTime8',
  'wow8',
  'noteTime8',
  'prescTime8',
  'ibTime8',
  'afterHoursHours',
  'logins',
  'medianLoginSec',
  'waitingHours',
  'pageLoadP50Sec',
  'pageLoadP95Sec',
] as const satisfies readonly (keyof PersonalExportMeasures)[];

// Compile-time checks that the lists above name every field of the contract.
const _allTop: Exclude<keyof PersonalExport, (typeof TOP_LEVEL_FIELDS)[number]> extends never ? true : never = true;
const _allMeasures: Exclude<keyof PersonalExportMeasures, (typeof MEASURE_FIELDS)[number]> extends never ? true : never = true;
void _allTop;
void _allMeasures;

export type MeasureField = Exclude<(typeof MEASURE_FIELDS)[number], 'period'>;

export type NumberKind = 'hours' | 'scheduledHours' | 'per8' | 'count' | 'seconds';

/** How each measure is bounded and whether it may be null. */
export const MEASURE_SPECS: Record<MeasureField, { kind: NumberKind; nullable: boolean }> = {
  activeHours: { kind: 'hours', nullable: false },
  scheduledHours: { kind: 'scheduledHours', nullable: false },
  ehrTime8: { kind: 'per8', nullable: true },
  wow8: { kind: 'per8', nullable: true },
  noteTime8: { kind: 'per8', nullable: true },
  prescTime8: { kind: 'per8', nullable: true },
  ibTime8: { kind: 'per8', nullable: true },
  afterHoursHours: { kind: 'hours', nullable: false },
  logins: { kind: 'count', nullable: false },
  medianLoginSec: { kind: 'seconds', nullable: true },
  waitingHours: { kind: 'hours', nullable: false },
  pageLoadP50Sec: { kind: 'seconds', nullable: true },
  pageLoadP95Sec: { kind: 'seconds', nullable: true },
};

export const NUMBER_KIND_MAX: Record<NumberKind, number> = {
  hours: EXPORT_LIMITS.maxHours,
  scheduledHours: EXPORT_LIMITS.maxScheduledHours,
  per8: EXPORT_LIMITS.maxPer8,
  count: EXPORT_LIMITS.maxLogins,
  seconds: EXPORT_LIMITS.maxSeconds,
};
