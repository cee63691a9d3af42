/**
 * A hand-written validator for the personal export: the same rules as
 * schemas/personal-export.schema.json (a test checks that the two agree),
 * plus the internal-consistency rules a JSON Schema cannot state
 * (docs/export-format.md#validation). Never throws.
 */
import {
  PERSONAL_EXPORT_FORMAT,
  PERSONAL_EXPORT_SCHEMA_VERSION,
  ROLES,
  type Granularity,
  type PersonalExport,
  type PersonalExportMeasures,
  type PersonalExportRow,
  type Role,
} from './exportFormat.js';
import { isPlainObject } from './plainObject.js';
import { isoWeekKey, isoWeekKeysInRange, isMonday, isSunday, mondayOfIsoWeek, parseIsoWeekKey } from './isoWeek.js';
import { addDays, datesInRange, isLocalDateKey } from './schedule.js';
import { TASK_CATEGORIES, isTaskCategory, type TaskCategory } from './taskCategory.js';

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

type NumberKind = 'hours' | 'scheduledHours' | 'per8' | 'count' | 'seconds';

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

const PER8_FIELDS = ['ehrTime8', 'wow8', 'noteTime8', 'prescTime8', 'ibTime8'] as const;

export type ValidationResult = { ok: true; value: PersonalExport } | { ok: false; errors: string[] };

/** A number given to one decimal place (a multiple of 0.1, up to binary rounding). */
export function isTenths(n: number): boolean {
  return Math.abs(n * 10 - Math.round(n * 10)) < 1e-6;
}

/** The value in whole tenths (for exact sums of rounded figures). */
function tenths(n: number): number {
  return Math.round(n * 10);
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object' && v !== null) return 'an object';
  return String(v);
}

class Checker {
  readonly errors: string[] = [];

  fail(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }

  /** Exactly these keys: the missing ones and the unknown ones are reported. */
  keys(path: string, obj: Record<string, unknown>, required: readonly string[], optional: readonly string[] = []): void {
    for (const k of required) if (!Object.prototype.hasOwnProperty.call(obj, k)) this.fail(path, `"${k}" is missing.`);
    const known = new Set([...required, ...optional]);
    for (const k of Object.keys(obj)) if (!known.has(k)) this.fail(path, `unknown field "${k}" (exports hold only the fields in docs/export-format.md).`);
  }

  pattern(path: string, v: unknown, re: RegExp, what: string): v is string {
    if (typeof v === 'string' && re.test(v)) return true;
    this.fail(path, `must be ${what} (got ${show(v)}).`);
    return false;
  }

  number(path: string, v: unknown, max: number, opts: { integer?: boolean; nullable?: boolean }): v is number {
    if (v === null && opts.nullable) return false;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.fail(path, `must be a number${opts.nullable ? ' or null' : ''} (got ${show(v)}).`);
      return false;
    }
    if (v < 0) this.fail(path, `must not be negative (got ${v}).`);
    else if (v > max) this.fail(path, `must be at most ${max} (got ${v}).`);
    else if (opts.integer && !Number.isInteger(v)) this.fail(path, `must be a whole number (got ${v}).`);
    else if (!opts.integer && !isTenths(v)) this.fail(path, `must be rounded to one decimal place (a multiple of 0.1; got ${v}).`);
    else return true;
    return false;
  }
}

function checkDate(c: Checker, path: string, v: unknown): v is string {
  if (!c.pattern(path, v, EXPORT_PATTERNS.date, 'a date YYYY-MM-DD of 2000–2099')) return false;
  if (!isLocalDateKey(v)) {
    c.fail(path, `${v} is not a calendar date.`);
    return false;
  }
  return true;
}

function periodKeyOk(c: Checker, path: string, v: unknown, granularity: Granularity | undefined): v is string {
  if (granularity === 'week') {
    if (!c.pattern(path, v, EXPORT_PATTERNS.isoWeek, 'an ISO week YYYY-Www, as the granularity is "week"')) return false;
    if (!parseIsoWeekKey(v)) {
      c.fail(path, `${v} does not exist: ${v.slice(0, 4)} has no week ${v.slice(6)}.`);
      return false;
    }
    return true;
  }
  if (granularity === 'day') return checkDate(c, path, v);
  if (typeof v === 'string' && (EXPORT_PATTERNS.isoWeek.test(v) || EXPORT_PATTERNS.date.test(v))) return true;
  c.fail(path, `must be an ISO week (YYYY-Www) or a date (YYYY-MM-DD) (got ${show(v)}).`);
  return false;
}

/**
 * Check anything claiming to be a personal export (read from a file, or about
 * to be written). On success `value` is a fresh copy holding only the known
 * fields, in canonical order. Every problem is reported, with its path.
 */
export function validatePersonalExport(value: unknown): ValidationResult {
  try {
    return validate(value);
  } catch (e) {
    return { ok: false, errors: [`The export could not be read (${e instanceof Error ? e.message : String(e)}).`] };
  }
}

function validate(value: unknown): ValidationResult {
  const c = new Checker();
  if (!isPlainObject(value)) return { ok: false, errors: ['The export must be a JSON object.'] };
  const v = value;
  c.keys('export', v, TOP_LEVEL_FIELDS);

  if (v.format !== PERSONAL_EXPORT_FORMAT) c.fail('format', `must be "${PERSONAL_EXPORT_FORMAT}" (got ${show(v.format)}): this is not a Timeback personal export.`);
  if (v.schemaVersion !== PERSONAL_EXPORT_SCHEMA_VERSION) {
    const newer = typeof v.schemaVersion === 'number' && v.schemaVersion > PERSONAL_EXPORT_SCHEMA_VERSION;
    c.fail(
      'schemaVersion',
      newer
        ? `${v.schemaVersion} comes from a newer Timeback; this version reads schema version ${PERSONAL_EXPORT_SCHEMA_VERSION}.`
        : `must be ${PERSONAL_EXPORT_SCHEMA_VERSION} (got ${show(v.schemaVersion)}).`,
    );
  }
  c.pattern('extensionVersion', v.extensionVersion, EXPORT_PATTERNS.extensionVersion, 'a version such as "1.2.3"');
  c.pattern('contributorId', v.contributorId, EXPORT_PATTERNS.contributorId, '"c-" and 32 lowercase hex digits (a random id)');
  if (v.teamCode !== null) c.pattern('teamCode', v.teamCode, EXPORT_PATTERNS.teamCode, 'null or 1–20 capital letters, digits and dashes');
  if (v.role !== null && !(ROLES as readonly unknown[]).includes(v.role)) c.fail('role', `must be null or one of ${ROLES.join(', ')} (got ${show(v.role)}).`);

  // Period
  let from: string | undefined;
  let to: string | undefined;
  let granularity: Granularity | undefined;
  if (!isPlainObject(v.period)) c.fail('period', `must be an object with from, to and granularity (got ${show(v.period)}).`);
  else {
    const p = v.period;
    c.keys('period', p, ['from', 'to', 'granularity']);
    if ((GRANULARITIES as readonly unknown[]).includes(p.granularity)) granularity = p.granularity as Granularity;
    else c.fail('period.granularity', `must be "week" or "day" (got ${show(p.granularity)}).`);
    const fromOk = checkDate(c, 'period.from', p.from);
    const toOk = checkDate(c, 'period.to', p.to);
    if (fromOk && toOk) {
      if ((p.to as string) < (p.from as string)) c.fail('period', `"to" (${p.to}) is before "from" (${p.from}).`);
      else if (daysInRange(p.from as string, p.to as string) > EXPORT_LIMITS.maxPeriodDays)
        c.fail('period', `covers more than ${EXPORT_LIMITS.maxPeriodDays} days (53 weeks).`);
      else {
        let aligned = true;
        if (granularity === 'week') {
          if (!isMonday(p.from as string)) {
            c.fail('period.from', `must be a Monday when the granularity is "week" (${p.from} is not).`);
            aligned = false;
          }
          if (!isSunday(p.to as string)) {
            c.fail('period.to', `must be a Sunday when the granularity is "week" (${p.to} is not).`);
            aligned = false;
          }
        }
        if (aligned) {
          from = p.from as string;
          to = p.to as string;
        }
      }
    }
  }

  // Definition
  if (!isPlainObject(v.definition)) c.fail('definition', `must be an object with inactivityThresholdSec and readingAllowanceSec (got ${show(v.definition)}).`);
  else {
    const d = v.definition;
    c.keys('definition', d, ['inactivityThresholdSec', 'readingAllowanceSec']);
    for (const key of ['inactivityThresholdSec', 'readingAllowanceSec'] as const) {
      const { min, max } = EXPORT_LIMITS[key];
      const x = d[key];
      if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) c.fail(`definition.${key}`, `must be a whole number of seconds from ${min} to ${max} (got ${show(x)}).`);
    }
  }

  let includesSystems: boolean | undefined;
  if (typeof v.includesSystems === 'boolean') includesSystems = v.includesSystems;
  else c.fail('includesSystems', `must be true or false (got ${show(v.includesSystems)}).`);

  // Periods of the range, when it is sound.
  const periodKeys = from !== undefined && to !== undefined && granularity ? (granularity === 'week' ? isoWeekKeysInRange(from, to) : datesInRange(from, to)) : undefined;
  const periodIndex = new Map(periodKeys?.map((k, i) => [k, i]));
  const maxHoursFor = (kind: NumberKind) => (granularity === 'day' ? (kind === 'scheduledHours' ? EXPORT_LIMITS.maxDayScheduledHours : EXPORT_LIMITS.maxDayHours) : NUMBER_KIND_MAX[kind]);

  // Rows
  const rows: PersonalExportRow[] = [];
  let rowsSound = true;
  if (!Array.isArray(v.rows)) {
    c.fail('rows', `must be a list (got ${show(v.rows)}).`);
    rowsSound = false;
  } else if (v.rows.length > EXPORT_LIMITS.maxRows) {
    c.fail('rows', `holds ${v.rows.length} rows; at most ${EXPORT_LIMITS.maxRows} are allowed.`);
    rowsSound = false;
  } else {
    let previous: { period: string; categoryIndex: number; systemId: string } | undefined;
    v.rows.forEach((raw: unknown, i: number) => {
      const path = `rows[${i}]`;
      if (!isPlainObject(raw)) {
        c.fail(path, `must be an object (got ${show(raw)}).`);
        rowsSound = false;
        return;
      }
      const errorsBefore = c.errors.length;
      c.keys(path, raw, includesSystems ? ['period', 'category', 'systemId', 'hours'] : ['period', 'category', 'hours'], includesSystems ? [] : ['systemId']);
      if (includesSystems === false && Object.prototype.hasOwnProperty.call(raw, 'systemId'))
        c.fail(`${path}.systemId`, 'is only allowed when includesSystems is true (the clinician chose not to include systems).');
      const periodOk = periodKeyOk(c, `${path}.period`, raw.period, granularity);
      if (periodOk && periodKeys && !periodIndex.has(raw.period as string)) c.fail(`${path}.period`, `${raw.period} is outside the export's period (${from} to ${to}).`);
      if (!isTaskCategory(raw.category)) c.fail(`${path}.category`, `must be one of ${TASK_CATEGORIES.join(', ')} (got ${show(raw.category)}).`);
      if (Object.prototype.hasOwnProperty.call(raw, 'systemId') && includesSystems !== false) c.pattern(`${path}.systemId`, raw.systemId, EXPORT_PATTERNS.systemId, '1–40 lowercase letters, digits and dashes');
      if (c.number(`${path}.hours`, raw.hours, EXPORT_LIMITS.maxHours, {}) && granularity === 'day' && raw.hours > EXPORT_LIMITS.maxDayHours)
        c.fail(`${path}.hours`, `a day holds at most ${EXPORT_LIMITS.maxDayHours} hours (got ${raw.hours}).`);
      if (c.errors.length > errorsBefore) {
        rowsSound = false;
        return;
      }
      const row: PersonalExportRow = includesSystems
        ? { period: raw.period as string, category: raw.category as TaskCategory, systemId: raw.systemId as string, hours: raw.hours as number }
        : { period: raw.period as string, category: raw.category as TaskCategory, hours: raw.hours as number };
      rows.push(row);
      const current = { period: row.period, categoryIndex: TASK_CATEGORIES.indexOf(row.category), systemId: row.systemId ?? '' };
      if (previous) {
        const order =
          compare(previous.period, current.period) || previous.categoryIndex - current.categoryIndex || compare(previous.systemId, current.systemId);
        if (order === 0) c.fail(path, `repeats the row for ${describeRow(row)}.`);
        else if (order > 0) c.fail(path, `is out of order: rows are sorted by period, then category (in the order of the schema's list), then system id.`);
      }
      previous = current;
    });
  }

  // Measures
  const measures: PersonalExportMeasures[] = [];
  let measuresSound = true;
  if (!Array.isArray(v.measures)) {
    c.fail('measures', `must be a list (got ${show(v.measures)}).`);
    measuresSound = false;
  } else if (v.measures.length > EXPORT_LIMITS.maxMeasures) {
    c.fail('measures', `holds ${v.measures.length} entries; at most ${EXPORT_LIMITS.maxMeasures} are allowed.`);
    measuresSound = false;
  } else {
    v.measures.forEach((raw: unknown, i: number) => {
      const path = `measures[${i}]`;
      if (!isPlainObject(raw)) {
        c.fail(path, `must be an object (got ${show(raw)}).`);
        measuresSound = false;
        return;
      }
      const errorsBefore = c.errors.length;
      c.keys(path, raw, MEASURE_FIELDS);
      const periodOk = periodKeyOk(c, `${path}.period`, raw.period, granularity);
      if (periodOk && periodKeys && periodKeys[i] !== raw.period)
        c.fail(`${path}.period`, `expected ${periodKeys[i] ?? 'nothing'}: measures list every ${granularity} of the period once, in order (got ${raw.period}).`);
      for (const field of MEASURE_FIELDS) {
        if (field === 'period') continue;
        const spec = MEASURE_SPECS[field];
        const x = raw[field];
        if (c.number(`${path}.${field}`, x, NUMBER_KIND_MAX[spec.kind], { integer: spec.kind === 'count', nullable: spec.nullable })) {
          if ((spec.kind === 'hours' || spec.kind === 'scheduledHours') && x > maxHoursFor(spec.kind))
            c.fail(`${path}.${field}`, `a day holds at most ${maxHoursFor(spec.kind)} hours (got ${x}).`);
        }
      }
      if (c.errors.length > errorsBefore) {
        measuresSound = false;
        return;
      }
      const m = Object.fromEntries(MEASURE_FIELDS.map((f) => [f, raw[f]])) as unknown as PersonalExportMeasures;
      measures.push(m);
      // Internal consistency of one period's measures.
      const nulls = PER8_FIELDS.filter((f) => m[f] === null).length;
      if (nulls !== 0 && nulls !== PER8_FIELDS.length) c.fail(path, 'the per-8-hour measures are either all null (no scheduled hours) or all numbers.');
      else if (nulls > 0 && m.scheduledHours > 0) c.fail(path, `the per-8-hour measures cannot be null when scheduledHours is ${m.scheduledHours}.`);
      if ((m.logins === 0) !== (m.medianLoginSec === null)) c.fail(path, 'medianLoginSec is null exactly when logins is 0.');
      if ((m.pageLoadP50Sec === null) !== (m.pageLoadP95Sec === null)) c.fail(path, 'pageLoadP50Sec and pageLoadP95Sec are both null or both numbers.');
      else if (m.pageLoadP50Sec !== null && m.pageLoadP95Sec !== null && m.pageLoadP50Sec > m.pageLoadP95Sec)
        c.fail(path, `pageLoadP50Sec (${m.pageLoadP50Sec}) cannot exceed pageLoadP95Sec (${m.pageLoadP95Sec}).`);
      if (m.waitingHours > m.activeHours) c.fail(path, `waitingHours (${m.waitingHours}) cannot exceed activeHours (${m.activeHours}).`);
    });
    if (measuresSound && periodKeys && v.measures.length < periodKeys.length)
      c.fail('measures', `lists ${v.measures.length} of the ${periodKeys.length} ${granularity === 'week' ? 'weeks' : 'days'} of the period; every one is listed, even without activity.`);
  }

  // Rows against measures: the rounded rows add up to the rounded total, within rounding.
  if (rowsSound && measuresSound && periodKeys && measures.length === periodKeys.length) {
    const byPeriod = new Map<string, PersonalExportRow[]>();
    for (const r of rows) {
      const list = byPeriod.get(r.period);
      if (list) list.push(r);
      else byPeriod.set(r.period, [r]);
    }
    for (const m of measures) {
      const own = byPeriod.get(m.period) ?? [];
      checkSum(c, m.period, 'activeHours', m.activeHours, own);
      checkSum(c, m.period, 'waitingHours', m.waitingHours, own.filter((r) => r.category === 'waiting_for_system'));
    }
  }

  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  const out: PersonalExport = {
    format: PERSONAL_EXPORT_FORMAT,
    schemaVersion: PERSONAL_EXPORT_SCHEMA_VERSION,
    extensionVersion: v.extensionVersion as string,
    contributorId: v.contributorId as string,
    teamCode: v.teamCode as string | null,
    role: v.role as Role | null,
    period: { from: from!, to: to!, granularity: granularity! },
    definition: {
      inactivityThresholdSec: (v.definition as Record<string, number>).inactivityThresholdSec!,
      readingAllowanceSec: (v.definition as Record<string, number>).readingAllowanceSec!,
    },
    includesSystems: includesSystems!,
    rows,
    measures,
  };
  return { ok: true, value: out };
}

/** Calendar days from `from` to `to` inclusive, for two valid date keys (counted, not listed). */
function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

function checkSum(c: Checker, period: string, field: string, total: number, rows: readonly PersonalExportRow[]): void {
  const sum = rows.reduce((s, r) => s + tenths(r.hours), 0);
  const diff = Math.abs(sum - tenths(total));
  // Each of n rounded rows is off by at most 0.05 h, and the total by less: together at most 0.05·n (see docs).
  if (2 * diff > rows.length)
    c.fail(
      `measures (${period})`,
      `${field} is ${total} h but its ${rows.length} row${rows.length === 1 ? '' : 's'} add up to ${sum / 10} h: more than rounding explains (0.05 h per row).`,
    );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeRow(row: PersonalExportRow): string {
  return `${row.period}, ${row.category}${row.systemId !== undefined ? `, ${row.systemId}` : ''}`;
}

/** The period key (ISO week or date) that a date belongs to. */
export function periodKeyOf(date: string, granularity: Granularity): string {
  return granularity === 'week' ? isoWeekKey(date) : date;
}

/** The first and last dates of a period key. */
export function periodKeyRange(key: string, granularity: Granularity): { from: string; to: string } {
  if (granularity === 'day') return { from: key, to: key };
  const monday = mondayOfIsoWeek(key);
  return { from: monday, to: addDays(monday, 6) };
}
