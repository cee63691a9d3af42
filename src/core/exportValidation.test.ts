import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goldenInput } from '../../test/support/personalExportFixtures.js';
import { PERSONAL_EXPORT_FORMAT, PERSONAL_EXPORT_SCHEMA_VERSION, ROLES } from './exportFormat.js';
import { EXPORT_LIMITS, EXPORT_PATTERNS, GRANULARITIES, MEASURE_FIELDS, MEASURE_SPECS, NUMBER_KIND_MAX, TOP_LEVEL_FIELDS } from './exportSchema.js';
import { validatePersonalExport } from './exportValidation.js';
import { buildPersonalExport } from './personalExport.js';
import { TASK_CATEGORIES } from './taskCategory.js';

// Fixtures are mutated freely, so they are loosely typed.
type Json = Record<string, any>;

const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../schemas/personal-export.schema.json');
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Json;

// Ajv is used only here, to hold the schema file itself to the same fixtures as the TypeScript validator.
// Strict, except for two legitimate draft 2020-12 idioms: `required` in if/then branches and `properties` without `type`.
const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true, multipleOfPrecision: 9 });
const schemaValidate = ajv.compile(schema);

const WEEKLY = buildPersonalExport(goldenInput());
const DAILY = buildPersonalExport(goldenInput({ granularity: 'day', includeSystems: false, teamCode: null, role: null }));

function clone<T>(v: T): Json {
  return JSON.parse(JSON.stringify(v)) as Json;
}

function errorsOf(value: unknown): string[] {
  const r = validatePersonalExport(value);
  return r.ok ? [] : r.errors;
}

describe('the schema file and the validator agree on their constants', () => {
  it('is JSON Schema draft 2020-12 and compiles in strict mode', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof schemaValidate).toBe('function');
  });

  it('has the same format and schema version', () => {
    expect(schema.properties.format.const).toBe(PERSONAL_EXPORT_FORMAT);
    expect(schema.properties.schemaVersion.const).toBe(PERSONAL_EXPORT_SCHEMA_VERSION);
  });

  it('has the same enums', () => {
    expect(schema.properties.role.enum).toEqual([...ROLES, null]);
    expect(schema.$defs.row.properties.category.enum).toEqual([...TASK_CATEGORIES]);
    expect(schema.properties.period.properties.granularity.enum).toEqual([...GRANULARITIES]);
  });

  it('has the same patterns, character for character', () => {
    expect(schema.$defs.date.pattern).toBe(EXPORT_PATTERNS.date.source);
    expect(schema.$defs.isoWeek.pattern).toBe(EXPORT_PATTERNS.isoWeek.source);
    expect(schema.properties.teamCode.anyOf).toEqual([{ type: 'null' }, { type: 'string', pattern: EXPORT_PATTERNS.teamCode.source }]);
    expect(schema.properties.contributorId.pattern).toBe(EXPORT_PATTERNS.contributorId.source);
    expect(schema.$defs.row.properties.systemId.pattern).toBe(EXPORT_PATTERNS.systemId.source);
    expect(schema.properties.extensionVersion.pattern).toBe(EXPORT_PATTERNS.extensionVersion.source);
    for (const re of Object.values(EXPORT_PATTERNS)) expect(re.flags).toBe('');
  });

  it('has the same required fields', () => {
    expect(schema.required).toEqual([...TOP_LEVEL_FIELDS]);
    expect(Object.keys(schema.properties)).toEqual([...TOP_LEVEL_FIELDS]);
    expect(schema.$defs.measures.required).toEqual([...MEASURE_FIELDS]);
    expect(Object.keys(schema.$defs.measures.properties)).toEqual([...MEASURE_FIELDS]);
    expect(schema.$defs.row.required).toEqual(['period', 'category', 'hours']);
    expect(schema.properties.period.required).toEqual(['from', 'to', 'granularity']);
    expect(schema.properties.definition.required).toEqual(['inactivityThresholdSec', 'readingAllowanceSec']);
  });

  it('has the same numeric bounds', () => {
    expect(schema.properties.rows.maxItems).toBe(EXPORT_LIMITS.maxRows);
    expect(schema.properties.measures.maxItems).toBe(EXPORT_LIMITS.maxMeasures);
    const defFor = { hours: 'hours', scheduledHours: 'scheduledHours', per8: 'per8', seconds: 'seconds' } as const;
    for (const [kind, def] of Object.entries(defFor)) {
      expect(schema.$defs[def], def).toMatchObject({ type: 'number', minimum: 0, maximum: NUMBER_KIND_MAX[kind as keyof typeof defFor], multipleOf: 0.1 });
    }
    expect(schema.$defs.measures.properties.logins).toMatchObject({ type: 'integer', minimum: 0, maximum: EXPORT_LIMITS.maxLogins });
    expect(schema.$defs.row.properties.hours).toEqual({ $ref: '#/$defs/hours' });
    const def = schema.properties.definition.properties;
    expect(def.inactivityThresholdSec).toEqual({ type: 'integer', minimum: EXPORT_LIMITS.inactivityThresholdSec.min, maximum: EXPORT_LIMITS.inactivityThresholdSec.max });
    expect(def.readingAllowanceSec).toEqual({ type: 'integer', minimum: EXPORT_LIMITS.readingAllowanceSec.min, maximum: EXPORT_LIMITS.readingAllowanceSec.max });
  });

  it('gives every measure the same kind and nullability', () => {
    for (const [field, spec] of Object.entries(MEASURE_SPECS)) {
      const prop = schema.$defs.measures.properties[field] as Json;
      const refs: string[] = spec.nullable ? prop.anyOf.filter((s: Json) => s.$ref).map((s: Json) => s.$ref) : [prop.$ref ?? 'inline'];
      if (spec.nullable) expect(prop.anyOf[0], field).toEqual({ type: 'null' });
      const expected = spec.kind === 'count' ? 'inline' : `#/$defs/${spec.kind}`;
      expect(refs, field).toEqual([expected]);
    }
  });

  it('says additionalProperties: false on every object', () => {
    const objects: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
      if (typeof node !== 'object' || node === null) return;
      const n = node as Json;
      if (n.type === 'object') {
        objects.push(where);
        expect(n.additionalProperties, where).toBe(false);
      }
      for (const [k, v] of Object.entries(n)) if (k !== 'enum' && k !== 'const') walk(v, `${where}/${k}`);
    };
    walk(schema, '#');
    expect(objects.sort()).toEqual(['#', '#/$defs/measures', '#/$defs/row', '#/properties/definition', '#/properties/period']);
  });
});

// ---------------------------------------------------------------------------
// Fixtures through both validators
// ---------------------------------------------------------------------------

type Mutation = [name: string, mutate: (e: Json) => void, expectedError: RegExp];

const valid: Array<[string, Json]> = [
  ['weekly, with systems', clone(WEEKLY)],
  ['daily, no systems, no team code or role', clone(DAILY)],
  ['without rows', { ...clone(WEEKLY), rows: [], measures: clone(WEEKLY).measures.map((m: Json) => ({ ...m, activeHours: 0, waitingHours: 0 })) }],
  ['a four-part version and a 20-character team code', { ...clone(WEEKLY), extensionVersion: '65535.0.10.1', teamCode: 'ABCDEFGHIJ-123456789' }],
];

/** Invalid by the schema itself: both must refuse. */
const schemaInvalid: Mutation[] = [
  ['not an object', (e) => Object.keys(e).forEach((k) => delete e[k]), /is missing/],
  ['an unknown top-level field', (e) => (e.notes = 'Seen Mrs Smith'), /unknown field "notes"/],
  ['a missing field', (e) => delete e.measures, /"measures" is missing/],
  ['another format', (e) => (e.format = 'timeback-team-report'), /^format: must be "timeback-personal-export"/],
  ['a newer schema version', (e) => (e.schemaVersion = 2), /^schemaVersion: 2 comes from a newer Timeback/],
  ['a malformed extension version', (e) => (e.extensionVersion = '1.02'), /^extensionVersion:/],
  ['a contributor id derived from an email', (e) => (e.contributorId = 'jane.doe@nhs.net'), /^contributorId: must be "c-" and 32/],
  ['an upper-case contributor id', (e) => (e.contributorId = e.contributorId.toUpperCase().replace('C-', 'c-')), /^contributorId:/],
  ['a lower-case team code', (e) => (e.teamCode = 'ward-7a'), /^teamCode: must be null or 1–20 capital letters/],
  ['a team code with free text', (e) => (e.teamCode = 'WARD 7 DR SMITH'), /^teamCode:/],
  ['an empty team code', (e) => (e.teamCode = ''), /^teamCode:/],
  ['a 21-character team code', (e) => (e.teamCode = 'A'.repeat(21)), /^teamCode:/],
  ['an unknown role', (e) => (e.role = 'surgeon'), /^role: must be null or one of consultant/],
  ['an unknown granularity', (e) => (e.period.granularity = 'month'), /^period.granularity: must be "week" or "day"/],
  ['a period with a time', (e) => (e.period.from = '2026-05-11T00:00'), /^period.from: must be a date YYYY-MM-DD/],
  ['a period before 2000', (e) => (e.period.from = '1999-12-27'), /^period.from:/],
  ['an extra period field', (e) => (e.period.label = 'May'), /^period: unknown field "label"/],
  ['a fractional threshold', (e) => (e.definition.inactivityThresholdSec = 60.5), /^definition.inactivityThresholdSec: must be a whole number of seconds from 5 to 300/],
  ['a threshold below 5 s', (e) => (e.definition.inactivityThresholdSec = 4), /^definition.inactivityThresholdSec/],
  ['a reading allowance over 300 s', (e) => (e.definition.readingAllowanceSec = 301), /^definition.readingAllowanceSec/],
  ['includesSystems as text', (e) => (e.includesSystems = 'yes'), /^includesSystems: must be true or false/],
  ['rows not a list', (e) => (e.rows = {}), /^rows: must be a list/],
  ['a row with a title', (e) => (e.rows[0].title = 'Results for 943 476 5919'), /^rows\[0\]: unknown field "title"/],
  ['a row with an unknown category', (e) => (e.rows[0].category = 'surgery'), /^rows\[0\].category: must be one of documentation/],
  ['a row with negative hours', (e) => (e.rows[0].hours = -0.1), /^rows\[0\].hours: must not be negative/],
  ['a row with hours not rounded to 0.1', (e) => (e.rows[0].hours = 2.25), /^rows\[0\].hours: must be rounded to one decimal place/],
  ['a row with hours as text', (e) => (e.rows[0].hours = '2.2'), /^rows\[0\].hours: must be a number/],
  ['a row over 169 hours', (e) => (e.rows[0].hours = 169.1), /^rows\[0\].hours: must be at most 169/],
  ['a row without its system though systems are included', (e) => delete e.rows[0].systemId, /^rows\[0\]: "systemId" is missing/],
  ['a row with a system id holding a URL', (e) => (e.rows[0].systemId = 'ehr/notes?nhs=1'), /^rows\[0\].systemId: must be 1–40 lowercase/],
  ['a row with a date period in a weekly export', (e) => (e.rows[0].period = '2026-05-11'), /^rows\[0\].period: must be an ISO week/],
  ['a week 54', (e) => (e.rows[0].period = '2026-W54'), /^rows\[0\].period: must be an ISO week/],
  ['measures with an unknown field', (e) => (e.measures[0].patients = 12), /^measures\[0\]: unknown field "patients"/],
  ['measures missing a field', (e) => delete e.measures[0].wow8, /^measures\[0\]: "wow8" is missing/],
  ['logins not whole', (e) => (e.measures[0].logins = 2.5), /^measures\[0\].logins: must be a whole number/],
  ['logins null', (e) => (e.measures[0].logins = null), /^measures\[0\].logins: must be a number \(got null\)/],
  ['activeHours null', (e) => (e.measures[0].activeHours = null), /^measures\[0\].activeHours: must be a number \(got null\)/],
  ['a per-8 measure over its bound', (e) => (e.measures[0].ehrTime8 = 81120.1), /^measures\[0\].ehrTime8: must be at most 81120/],
  ['seconds over a day', (e) => (e.measures[0].pageLoadP95Sec = 86400.1), /^measures\[0\].pageLoadP95Sec: must be at most 86400/],
  ['scheduled hours over a week', (e) => (e.measures[0].scheduledHours = 168.1), /^measures\[0\].scheduledHours: must be at most 168/],
];

const schemaInvalidDaily: Mutation[] = [
  ['a week period in a daily export', (e) => (e.measures[0].period = '2026-W20'), /^measures\[0\].period: must be a date/],
  ['a system id though systems are not included', (e) => (e.rows[0].systemId = 'ehr'), /^rows\[0\].systemId: is only allowed when includesSystems is true/],
];

/** Valid for the schema but inconsistent: only the TypeScript validator can tell (docs/export-format.md#validation). */
const consistencyOnly: Mutation[] = [
  ['a 30 February', (e) => (e.period.to = '2026-02-30'), /^period.to: 2026-02-30 is not a calendar date/],
  ['a week 53 that 2027 does not have', (e) => ((e.rows[0].period = '2027-W53'), (e.period = { from: '2026-05-11', to: '2026-05-24', granularity: 'week' })), /^rows\[0\].period: 2027-W53 does not exist/],
  ['a period that ends before it starts', (e) => ((e.period.from = '2026-05-25'), (e.period.to = '2026-05-24')), /^period: "to" \(2026-05-24\) is before "from"/],
  ['a weekly period not from a Monday', (e) => (e.period.from = '2026-05-12'), /^period.from: must be a Monday/],
  ['a weekly period not to a Sunday', (e) => (e.period.to = '2026-05-23'), /^period.to: must be a Sunday/],
  ['a period over 53 weeks', (e) => (e.period.from = '2025-05-05'), /^period: covers more than 371 days/],
  ['a row outside the period', (e) => (e.rows[0].period = '2026-W19'), /^rows\[0\].period: 2026-W19 is outside the export's period/],
  ['rows out of order', (e) => e.rows.reverse(), /is out of order/],
  ['a repeated row', (e) => e.rows.splice(1, 0, { ...e.rows[0] }), /^rows\[1\]: repeats the row for 2026-W20, documentation, ehr/],
  ['a missing week in the measures', (e) => e.measures.pop(), /^measures: lists 1 of the 2 weeks/],
  ['measures out of order', (e) => e.measures.reverse(), /^measures\[0\].period: expected 2026-W20/],
  ['rows that do not add up', (e) => (e.rows[0].hours = 3.2), /^measures \(2026-W20\): activeHours is 4.3 h but its 6 rows add up to 5.4 h/],
  ['waiting rows that do not add up', (e) => (e.measures[1].waitingHours = 0.3), /waitingHours is 0.3 h but its 1 row add up to 0.1 h/],
  ['some per-8 measures null', (e) => (e.measures[0].wow8 = null), /either all null \(no scheduled hours\) or all numbers/],
  ['per-8 measures null with scheduled hours', (e) => PER8.forEach((f) => (e.measures[0][f] = null)), /cannot be null when scheduledHours is 21/],
  ['a median login without logins', (e) => (e.measures[1].medianLoginSec = 3), /medianLoginSec is null exactly when logins is 0/],
  ['logins without a median', (e) => (e.measures[0].medianLoginSec = null), /medianLoginSec is null exactly when logins is 0/],
  ['p50 without p95', (e) => (e.measures[0].pageLoadP95Sec = null), /both null or both numbers/],
  ['p50 above p95', (e) => (e.measures[0].pageLoadP50Sec = 9), /pageLoadP50Sec \(9\) cannot exceed pageLoadP95Sec \(4\)/],
  ['more waiting than activity', (e) => (e.measures[0].waitingHours = 4.4), /waitingHours \(4.4\) cannot exceed activeHours \(4.3\)/],
];
const PER8 = ['ehrTime8', 'wow8', 'noteTime8', 'prescTime8', 'ibTime8'];

const consistencyOnlyDaily: Mutation[] = [
  ['a day row over 25 hours', (e) => (e.rows[0].hours = 25.1), /^rows\[0\].hours: a day holds at most 25 hours/],
  ['a day with over 24 scheduled hours', (e) => (e.measures[0].scheduledHours = 24.5), /^measures\[0\].scheduledHours: a day holds at most 24 hours/],
];

function mutated(base: Json, mutate: (e: Json) => void): Json {
  const e = clone(base);
  mutate(e);
  return e;
}

describe('fixtures: the schema (Ajv) and validatePersonalExport agree', () => {
  it.each(valid)('both accept: %s', (_name, fixture) => {
    expect(schemaValidate(fixture), JSON.stringify(schemaValidate.errors)).toBe(true);
    expect(errorsOf(fixture)).toEqual([]);
  });

  it.each([
    ...schemaInvalid.map((m) => [WEEKLY, ...m] as const),
    ...schemaInvalidDaily.map((m) => [DAILY, ...m] as const),
  ])('both refuse: %#. %s', (base, _name, mutate, expected) => {
    const fixture = mutated(base as unknown as Json, mutate);
    expect(schemaValidate(fixture)).toBe(false);
    const errors = errorsOf(fixture);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => expected.test(e)), errors.join('\n')).toBe(true);
  });

  it.each([
    ...consistencyOnly.map((m) => [WEEKLY, ...m] as const),
    ...consistencyOnlyDaily.map((m) => [DAILY, ...m] as const),
  ])('the schema accepts, the consistency rules refuse: %#. %s', (base, _name, mutate, expected) => {
    const fixture = mutated(base as unknown as Json, mutate);
    expect(schemaValidate(fixture), JSON.stringify(schemaValidate.errors)).toBe(true);
    const errors = errorsOf(fixture);
    expect(errors.some((e) => expected.test(e)), errors.join('\n')).toBe(true);
  });

  it('accepts hours such as 0.3 and 2.1 that are not exact binary multiples of 0.1', () => {
    expect(0.3 / 0.1).not.toBe(3); // why multipleOf needs a tolerance
    const e = clone(WEEKLY);
    expect(e.rows.map((r: Json) => r.hours)).toContain(0.3);
    expect(schemaValidate(e)).toBe(true);
    expect(errorsOf(e)).toEqual([]);
  });
});

describe('validatePersonalExport', () => {
  it('returns a canonical copy: known fields only, in order', () => {
    const shuffled = Object.fromEntries(Object.entries(clone(WEEKLY)).reverse());
    const r = validatePersonalExport(shuffled);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Object.keys(r.value)).toEqual([...TOP_LEVEL_FIELDS]);
      expect(r.value).toEqual(WEEKLY);
      expect(r.value).not.toBe(shuffled);
    }
  });

  it('reports every problem with its path', () => {
    const e = clone(WEEKLY);
    e.teamCode = 'x';
    e.rows[2].hours = -1;
    e.measures[1].logins = 'many';
    const errors = errorsOf(e);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^teamCode:/),
        expect.stringMatching(/^rows\[2\].hours: must not be negative \(got -1\)/),
        expect.stringMatching(/^measures\[1\].logins: must be a number \(got "many"\)/),
      ]),
    );
  });

  it.each([null, undefined, 42, 'export', [], [WEEKLY]])('refuses %j as not an object', (v) => {
    expect(validatePersonalExport(v)).toEqual({ ok: false, errors: ['The export must be a JSON object.'] });
  });

  it('refuses a __proto__ key from JSON.parse as an unknown field', () => {
    const e = JSON.parse(JSON.stringify(WEEKLY).replace('{', '{"__proto__":{"x":1},')) as unknown;
    expect(errorsOf(e)).toEqual(['export: unknown field "__proto__" (exports hold only the fields in docs/export-format.md).']);
  });

  it('never throws, whatever it is given', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(validatePersonalExport(hostile).ok).toBe(false);
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = validatePersonalExport(v);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    // Random damage to a real export: a result, never an exception.
    fc.assert(
      fc.property(fc.constantFrom(...TOP_LEVEL_FIELDS), fc.jsonValue(), (field, v) => {
        const e = clone(WEEKLY);
        e[field] = v;
        const r = validatePersonalExport(e);
        expect(typeof r.ok).toBe('boolean');
        // Whatever the TypeScript validator accepts, the schema accepts too.
        if (r.ok) expect(schemaValidate(e)).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
