/**
 * A hand-written validator for the personal export: the same rules as
 * schemas/personal-export.schema.json (a test checks that the two agree),
 * plus the internal-consistency rules a JSON Schema cannot state
 * (docs/export-format.md#validation). Never throws.
 */
import { PERSONAL_EXPORT_FORMAT, PERSONAL_EXPORT_SCHEMA_VERSION, ROLES, isRole, type Granularity, type PersonalExport, type PersonalExportMeasures, type PersonalExportRow, type Role } from './exportFormat.js';
import { datesInRange, daysInRange } from './dateRange.js';
import { Checker, checkDate, periodKeyOk, show, tenths } from './exportChecker.js';
import { EXPORT_LIMITS, EXPORT_PATTERNS, GRANULARITIES, MEASURE_FIELDS, MEASURE_SPECS, NUMBER_KIND_MAX, TOP_LEVEL_FIELDS, type NumberKind } from './exportSchema.js';
import { intInRange, wholeNumberRule } from './fieldChecks.js';
import { isoWeekKeysInRange, isMonday, isSunday } from './isoWeek.js';
import { PER8_MEASURES } from './periodMetrics.js';
import { isPlainObject } from './plainObject.js';
import { TASK_CATEGORIES, isTaskCategory, type TaskCategory } from './taskCategory.js';

export type ValidationResult = { ok: true; value: PersonalExport } | { ok: false; errors: string[] };

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
  if (v.role !== null && !isRole(v.role)) c.fail('role', `must be null or one of ${ROLES.join(', ')} (got ${show(v.role)}).`);

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
      if (!intInRange(x, min, max)) c.fail(`definition.${key}`, `must be ${wholeNumberRule('seconds', min, max)} (got ${show(x)}).`);
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
  let previous: { period: string; categoryIndex: number; systemId: string } | undefined;
  const rowsSound = c.objects(
    'rows',
    v.rows,
    EXPORT_LIMITS.maxRows,
    'rows',
    (raw, path) => {
      c.keys(path, raw, includesSystems ? ['period', 'category', 'systemId', 'hours'] : ['period', 'category', 'hours'], includesSystems ? [] : ['systemId']);
      if (includesSystems === false && Object.prototype.hasOwnProperty.call(raw, 'systemId'))
        c.fail(`${path}.systemId`, 'is only allowed when includesSystems is true (the clinician chose not to include systems).');
      const periodOk = periodKeyOk(c, `${path}.period`, raw.period, granularity);
      if (periodOk && periodKeys && !periodIndex.has(raw.period as string)) c.fail(`${path}.period`, `${raw.period} is outside the export's period (${from} to ${to}).`);
      if (!isTaskCategory(raw.category)) c.fail(`${path}.category`, `must be one of ${TASK_CATEGORIES.join(', ')} (got ${show(raw.category)}).`);
      if (Object.prototype.hasOwnProperty.call(raw, 'systemId') && includesSystems !== false) c.pattern(`${path}.systemId`, raw.systemId, EXPORT_PATTERNS.systemId, '1–40 lowercase letters, digits and dashes');
      if (c.number(`${path}.hours`, raw.hours, EXPORT_LIMITS.maxHours, {}) && granularity === 'day' && raw.hours > EXPORT_LIMITS.maxDayHours)
        c.fail(`${path}.hours`, `a day holds at most ${EXPORT_LIMITS.maxDayHours} hours (got ${raw.hours}).`);
    },
    (raw, path) => {
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
    },
  );

  // Measures
  const measures: PersonalExportMeasures[] = [];
  const measuresSound = c.objects(
    'measures',
    v.measures,
    EXPORT_LIMITS.maxMeasures,
    'entries',
    (raw, path, i) => {
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
    },
    (raw, path) => {
      const m = Object.fromEntries(MEASURE_FIELDS.map((f) => [f, raw[f]])) as unknown as PersonalExportMeasures;
      measures.push(m);
      checkConsistency(c, path, m);
    },
  );
  if (measuresSound && periodKeys && (v.measures as unknown[]).length < periodKeys.length)
    c.fail('measures', `lists ${(v.measures as unknown[]).length} of the ${periodKeys.length} ${granularity === 'week' ? 'weeks' : 'days'} of the period; every one is listed, even without activity.`);

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

/** Internal consistency of one period's measures. */
function checkConsistency(c: Checker, path: string, m: PersonalExportMeasures): void {
  const nulls = PER8_MEASURES.filter((f) => m[f] === null).length;
  if (nulls !== 0 && nulls !== PER8_MEASURES.length) c.fail(path, 'the per-8-hour measures are either all null (no scheduled hours) or all numbers.');
  else if (nulls > 0 && m.scheduledHours > 0) c.fail(path, `the per-8-hour measures cannot be null when scheduledHours is ${m.scheduledHours}.`);
  if ((m.logins === 0) !== (m.medianLoginSec === null)) c.fail(path, 'medianLoginSec is null exactly when logins is 0.');
  if ((m.pageLoadP50Sec === null) !== (m.pageLoadP95Sec === null)) c.fail(path, 'pageLoadP50Sec and pageLoadP95Sec are both null or both numbers.');
  else if (m.pageLoadP50Sec !== null && m.pageLoadP95Sec !== null && m.pageLoadP50Sec > m.pageLoadP95Sec)
    c.fail(path, `pageLoadP50Sec (${m.pageLoadP50Sec}) cannot exceed pageLoadP95Sec (${m.pageLoadP95Sec}).`);
  if (m.waitingHours > m.activeHours) c.fail(path, `waitingHours (${m.waitingHours}) cannot exceed activeHours (${m.activeHours}).`);
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
