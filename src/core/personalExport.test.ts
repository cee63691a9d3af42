import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIXED_RANDOM_BYTES,
  MIN,
  ROLLUPS,
  dayRollup,
  goldenInput,
} from '../../test/support/personalExportFixtures.js';
import { SENSITIVITY_THRESHOLDS_SEC } from './activeTimeParams.js';
import { addDays } from './dateKeys.js';
import { datesInRange } from './dateRange.js';
import type { DayRollup } from './dayRollup.js';
import { ROLES, type PersonalExport } from './exportFormat.js';
import { validatePersonalExport } from './exportValidation.js';
import { csvCell } from './csvCell.js';
import { CSV_HEADER, PERSONAL_DATA_NOTICE, personalExportToCsv, personalExportToJson, renderPersonalExport } from './exportWriters.js';
import { alignToIsoWeeks, isoWeekKey, isoWeekKeysInRange, isoWeeksInYear, mondayOfIsoWeek, parseIsoWeekKey } from './isoWeek.js';
import {
  buildPersonalExport,
  contributorIdForExport,
  exportSystemId,
  msToRoundedHours,
  newContributorId,
  personalExportFileName,
  roundHalfUpTenth,
} from './personalExport.js';
import { findIdentifiers } from './phiGuard.js';
import type { Schedule } from './schedule.js';
import { TASK_CATEGORIES, type TaskCategory } from './taskCategory.js';

const GOLDEN_DIR = path.resolve(import.meta.dirname, '../../test/fixtures/exports');
/** Regenerate the golden files: UPDATE_GOLDEN=1 npx vitest run --project unit src/core/personalExport.test.ts */
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, text: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (UPDATE_GOLDEN) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, text, 'utf8');
  }
  // Byte for byte: BOM, CRLF and all.
  expect(Buffer.from(text, 'utf8').equals(readFileSync(file)), `${name} differs from the golden file; regenerate with UPDATE_GOLDEN=1 if the change is intended`).toBe(true);
}

/** A minimal RFC 4180 reader, to check the writer from the outside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        cell += ch;
        i++;
      }
    } else if (ch === '"') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else {
      cell += ch;
      i++;
    }
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('ISO weeks (core/isoWeek.ts)', () => {
  it.each([
    ['2026-05-11', '2026-W20'],
    ['2026-05-17', '2026-W20'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('%s is in %s', (date, key) => {
    expect(isoWeekKey(date)).toBe(key);
  });

  it('knows which years have 53 weeks', () => {
    expect([2020, 2021, 2026, 2027, 2032].map(isoWeeksInYear)).toEqual([53, 52, 53, 52, 53]);
    expect(parseIsoWeekKey('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeekKey('2027-W53')).toBeNull();
    expect(parseIsoWeekKey('2027-W00')).toBeNull();
    expect(parseIsoWeekKey('2027W01')).toBeNull();
  });

  it('finds Mondays, aligns ranges and lists weeks', () => {
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(mondayOfIsoWeek('2025-W01')).toBe('2024-12-30');
    expect(alignToIsoWeeks('2026-05-13', '2026-05-19')).toEqual({ from: '2026-05-11', to: '2026-05-24' });
    expect(isoWeekKeysInRange('2026-12-28', '2027-01-10')).toEqual(['2026-W53', '2027-W01']);
    expect(isoWeekKeysInRange('2026-05-12', '2026-05-11')).toEqual([]);
  });

  it('round-trips every week of 2000–2040', () => {
    for (let y = 2000; y <= 2040; y++)
      for (let w = 1; w <= isoWeeksInYear(y); w++) {
        const key = `${y}-W${String(w).padStart(2, '0')}`;
        const monday = mondayOfIsoWeek(key);
        expect(isoWeekKey(monday)).toBe(key);
        expect(isoWeekKey(addDays(monday, 6))).toBe(key);
      }
  });
});

describe('rounding', () => {
  it('rounds half up to 0.1', () => {
    expect(msToRoundedHours(3 * MIN)).toBe(0.1); // exactly 0.05 h
    expect(msToRoundedHours(3 * MIN - 1)).toBe(0);
    expect(msToRoundedHours(9 * MIN)).toBe(0.2); // exactly 0.15 h
    expect(msToRoundedHours(123 * MIN)).toBe(2.1); // exactly 2.05 h
    expect(msToRoundedHours(0)).toBe(0);
    expect(roundHalfUpTenth(0.25)).toBe(0.3);
    expect(roundHalfUpTenth(1.04)).toBe(1);
    expect(roundHalfUpTenth(8 * 4.325 / 21)).toBe(1.6);
  });
});

describe('buildPersonalExport: the hand-made fortnight', () => {
  const weekly = buildPersonalExport(goldenInput());

  it('labels the export and normalises the team code', () => {
    expect(weekly.format).toBe('timeback-personal-export');
    expect(weekly.schemaVersion).toBe(1);
    expect(weekly.teamCode).toBe('WARD-7A');
    expect(weekly.period).toEqual({ from: '2026-05-11', to: '2026-05-24', granularity: 'week' });
    expect(weekly.definition).toEqual({ inactivityThresholdSec: 60, readingAllowanceSec: 60 });
  });

  it('has one row per week × category × system with active time, sorted, hours rounded half up', () => {
    expect(weekly.rows).toEqual([
      // W20: ehr documentation 90 + 40 = 130 min = 2.17 h; "" and "EMIS Web" become "none" (9 min = 0.15 h → 0.2).
      { period: '2026-W20', category: 'documentation', systemId: 'ehr', hours: 2.2 },
      { period: '2026-W20', category: 'documentation', systemId: 'none', hours: 0.2 },
      { period: '2026-W20', category: 'results_review', systemId: 'ehr', hours: 0.8 },
      { period: '2026-W20', category: 'inbox_messaging', systemId: 'ehr', hours: 0.4 },
      { period: '2026-W20', category: 'referrals', systemId: 'ers', hours: 0.3 },
      { period: '2026-W20', category: 'non_ehr', systemId: 'none', hours: 0.5 },
      // W21: 123 min = 2.05 h → 2.1; 3 min = 0.05 h → 0.1; 1.5 min keeps its row at 0.
      { period: '2026-W21', category: 'documentation', systemId: 'ehr', hours: 2.1 },
      { period: '2026-W21', category: 'documentation', systemId: 'emis-web', hours: 1 },
      { period: '2026-W21', category: 'chart_review', systemId: 'ehr', hours: 0.1 },
      { period: '2026-W21', category: 'login_auth', systemId: 'ehr', hours: 0 },
      { period: '2026-W21', category: 'waiting_for_system', systemId: 'ehr', hours: 0.1 },
    ]);
  });

  it('computes the measures per week with computePeriodMetrics, rounded', () => {
    expect(weekly.measures).toEqual([
      {
        period: '2026-W20',
        activeHours: 4.3, // 259.5 min
        scheduledHours: 21, // Mon, Tue, Thu × 7 h
        ehrTime8: 1.6, // 8 × 4.325 / 21
        wow8: 0.7, // Tue evening 65 min + Saturday 39 min = 1.73 h; 8 × 1.73 / 21
        noteTime8: 0.9, // 139 min
        prescTime8: 0,
        ibTime8: 0.2,
        afterHoursHours: 1.7, // the same 104 min
        logins: 3,
        medianLoginSec: 12, // 9, 12, 30 s
        waitingHours: 0,
        pageLoadP50Sec: 1.2, // nearest rank of 0.8, 1.2, 4.0 s
        pageLoadP95Sec: 4,
      },
      {
        period: '2026-W21',
        activeHours: 3.2, // 194.5 min
        scheduledHours: 14, // Thursday is leave
        ehrTime8: 1.9,
        wow8: 0, // 4.5 min on leave: 8 × 0.075 / 14 = 0.04
        noteTime8: 1.7,
        prescTime8: 0,
        ibTime8: 0,
        afterHoursHours: 0,
        logins: 0,
        medianLoginSec: null,
        waitingHours: 0.1,
        pageLoadP50Sec: 2.5, // all systems: 0.6, 2.5, 15 s
        pageLoadP95Sec: 15,
      },
    ]);
  });

  it('without systems, rows are per category and carry no systemId', () => {
    const e = buildPersonalExport(goldenInput({ includeSystems: false }));
    expect(e.includesSystems).toBe(false);
    expect(e.rows.every((r) => !('systemId' in r))).toBe(true);
    expect(e.rows.filter((r) => r.period === '2026-W20')).toEqual([
      { period: '2026-W20', category: 'documentation', hours: 2.3 }, // 139 min
      { period: '2026-W20', category: 'results_review', hours: 0.8 },
      { period: '2026-W20', category: 'inbox_messaging', hours: 0.4 },
      { period: '2026-W20', category: 'referrals', hours: 0.3 },
      { period: '2026-W20', category: 'non_ehr', hours: 0.5 },
    ]);
  });

  it('by day lists every day in the measures and only active days in the rows', () => {
    const e = buildPersonalExport(goldenInput({ granularity: 'day', includeSystems: false }));
    expect(e.measures.map((m) => m.period)).toEqual(datesInRange('2026-05-11', '2026-05-24'));
    expect([...new Set(e.rows.map((r) => r.period))]).toEqual(['2026-05-11', '2026-05-12', '2026-05-16', '2026-05-19', '2026-05-21']);
    const monday = e.measures[0]!;
    expect(monday).toMatchObject({ activeHours: 2.6, scheduledHours: 7, ehrTime8: 3, wow8: 0, logins: 2, medianLoginSec: 10.5 });
    // Wednesday: no schedule, no activity: per-8-hour measures are null, not 0.
    expect(e.measures[2]).toMatchObject({ period: '2026-05-13', activeHours: 0, scheduledHours: 0, ehrTime8: null, medianLoginSec: null, pageLoadP50Sec: null });
  });

  it('ignores rollups outside the period and adds two rollups of one date', () => {
    const doubled = buildPersonalExport(goldenInput({ rollups: [...ROLLUPS, ROLLUPS[0]!], includeSystems: false }));
    expect(doubled.rows[0]).toEqual({ period: '2026-W20', category: 'documentation', hours: 3.8 }); // 139 + 90 min
    expect(doubled.measures[0]!.logins).toBe(5);
    const none = buildPersonalExport(goldenInput({ rollups: [ROLLUPS[5]!] }));
    expect(none.rows).toEqual([]);
    expect(none.measures.map((m) => m.activeHours)).toEqual([0, 0]);
  });

  it('maps an unknown category to admin_other so rows still add up', () => {
    const odd = dayRollup('2026-05-13', '09:00', { ehr: { documentation: 30 * MIN } });
    (odd.cells.ehr as Record<string, unknown>).future_category = { activeMs: 30 * MIN, byThresholdMs: {} };
    const e = buildPersonalExport(goldenInput({ rollups: [odd], includeSystems: false }));
    expect(e.rows).toEqual([
      { period: '2026-W20', category: 'documentation', hours: 0.5 },
      { period: '2026-W20', category: 'admin_other', hours: 0.5 },
    ]);
    expect(e.measures[0]!.activeHours).toBe(1);
  });

  it('refuses impossible requests with a clear message', () => {
    expect(() => buildPersonalExport(goldenInput({ from: '2026-05-12' }))).toThrow(/Monday to a Sunday/);
    expect(() => buildPersonalExport(goldenInput({ from: '2026-05-25' }))).toThrow(/before it starts/);
    expect(() => buildPersonalExport(goldenInput({ from: '2026-02-30' }))).toThrow(/two dates/);
    expect(() => buildPersonalExport(goldenInput({ granularity: 'day', from: '2025-01-01', to: '2026-01-31' }))).toThrow(/at most 371 days/);
    expect(() => buildPersonalExport(goldenInput({ teamCode: 'Ward 7 (Smith)' }))).toThrow(/letters A–Z, digits and dashes/);
    expect(() => buildPersonalExport(goldenInput({ contributorId: 'c-jane' }))).toThrow(/newContributorId/);
    expect(() => buildPersonalExport(goldenInput({ role: 'surgeon' as never }))).toThrow(/Unknown role/);
    const negative = dayRollup('2026-05-13', '09:00', { ehr: { documentation: -5 } });
    expect(() => buildPersonalExport(goldenInput({ rollups: [negative] }))).toThrow(/2026-05-13 holds invalid active time/);
    const impossible = dayRollup('2026-05-13', '00:00', { ehr: { documentation: 26 * 60 * MIN } });
    expect(() => buildPersonalExport(goldenInput({ rollups: [impossible], granularity: 'day', from: '2026-05-13', to: '2026-05-13' }))).toThrow(/at most 25 hours/);
  });

  it('never carries a timestamp finer than a day, a URL or free text', () => {
    const text = personalExportToJson(weekly);
    expect(text).not.toMatch(/T\d{2}:\d{2}|\d{2}:\d{2}|https?:|\/\//);
    const strings = new Set<string>();
    JSON.parse(text, (_k, v: unknown) => (typeof v === 'string' && strings.add(v), v));
    const allowed = /^(timeback-personal-export|0\.1\.0|c-[0-9a-f]{32}|WARD-7A|resident_doctor|week|20\d\d-\d\d-\d\d|20\d\d-W\d\d|[a-z_]+|[a-z0-9-]+)$/;
    for (const s of strings) expect(s).toMatch(allowed);
  });
});

describe('golden files (test/fixtures/exports/)', () => {
  const weekly = buildPersonalExport(goldenInput({ contributorId: newContributorId(FIXED_RANDOM_BYTES) }));

  it('JSON matches byte for byte', () => {
    golden('personal-export-weekly.json', personalExportToJson(weekly));
  });

  it('CSV matches byte for byte', () => {
    golden('personal-export-weekly.csv', personalExportToCsv(weekly));
  });

  it('the golden JSON reads back through the validator to the same export', () => {
    const parsed: unknown = JSON.parse(readFileSync(path.join(GOLDEN_DIR, 'personal-export-weekly.json'), 'utf8'));
    const result = validatePersonalExport(parsed);
    expect(result.ok && result.value).toEqual(weekly);
  });
});

describe('CSV', () => {
  const weekly = buildPersonalExport(goldenInput());
  const text = personalExportToCsv(weekly);

  it('starts with a BOM, ends every line with CRLF and has no bare LF', () => {
    expect(text.startsWith('\uFEFFkind,period,category,systemId,measure,value\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('is long format: a meta block, an hours line per row, a measure line per period and measure', () => {
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.every((r) => r.length === 6)).toBe(true);
    expect(rows[1]).toEqual(['meta', '', '', '', 'notice', PERSONAL_DATA_NOTICE]);
    const meta = Object.fromEntries(rows.filter((r) => r[0] === 'meta').map((r) => [r[4], r[5]]));
    expect(meta).toMatchObject({ format: 'timeback-personal-export', schemaVersion: '1', contributorId: weekly.contributorId, teamCode: 'WARD-7A', 'period.granularity': 'week', includesSystems: 'true' });
    const hours = rows.filter((r) => r[0] === 'hours');
    expect(hours.map((r) => ({ period: r[1], category: r[2], systemId: r[3], hours: Number(r[5]) }))).toEqual(weekly.rows);
    const measures = rows.filter((r) => r[0] === 'measure');
    expect(measures).toHaveLength(2 * 13);
    expect(measures.find((r) => r[1] === '2026-W21' && r[4] === 'medianLoginSec')![5]).toBe('');
    expect(measures.find((r) => r[1] === '2026-W20' && r[4] === 'ehrTime8')![5]).toBe('1.6');
  });

  it('quotes per RFC 4180 and neutralises formula-looking cells', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+44')).toBe("'+44");
    expect(csvCell('-WARD')).toBe("'-WARD");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('=1,2')).toBe('"\'=1,2"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.1)).toBe('0.1');
    expect(csvCell(true)).toBe('true');
  });

  it('neutralises a team code or system id that starts with a dash', () => {
    const e = buildPersonalExport(goldenInput({ teamCode: '-ward', rollups: [dayRollup('2026-05-12', '09:00', { '-odd': { documentation: 30 * MIN } })] }));
    const rows = parseCsv(personalExportToCsv(e).slice(1));
    expect(rows.find((r) => r[4] === 'teamCode')![5]).toBe("'-WARD");
    expect(rows.find((r) => r[0] === 'hours')![3]).toBe("'-odd");
  });
});

describe('writers refuse and write nothing', () => {
  it('refuses an export whose system id carries an NHS number, for JSON and CSV', () => {
    const rollups: DayRollup[] = [dayRollup('2026-05-12', '09:00', { 'pt-943-476-5919': { documentation: 30 * MIN } })];
    const e = buildPersonalExport(goldenInput({ rollups }));
    expect(() => personalExportToJson(e)).toThrow(/NHS number/);
    expect(() => personalExportToCsv(e)).toThrow(/NHS number/);
    const result = renderPersonalExport(e, 'csv');
    expect(result.ok).toBe(false);
    expect('text' in result).toBe(false);
    if (!result.ok) {
      expect(result.findings.map((f) => f.kind)).toEqual(['nhs-number']);
      expect(result.errors.join(' ')).not.toContain('943-476-5919');
    }
  });

  it('refuses an export with a planted date of birth in a system id', () => {
    const rollups: DayRollup[] = [dayRollup('2026-05-12', '09:00', { 'dob-1957-03-12': { documentation: 30 * MIN } })];
    const result = renderPersonalExport(buildPersonalExport(goldenInput({ rollups })), 'json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.findings.map((f) => f.kind)).toContain('date-of-birth');
  });

  it('refuses an invalid export (hand-edited) before formatting it', () => {
    const e = buildPersonalExport(goldenInput());
    const edited = { ...e, teamCode: 'Dr Smith' } as PersonalExport;
    const result = renderPersonalExport(edited, 'json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/teamCode/);
  });

  it('renders a clean export with its file name and type', () => {
    const e = buildPersonalExport(goldenInput());
    const csv = renderPersonalExport(e, 'csv');
    expect(csv).toMatchObject({ ok: true, fileName: 'timeback-personal-data-2026-05-11-to-2026-05-24.csv', mimeType: 'text/csv;charset=utf-8' });
    const json = renderPersonalExport(e, 'json');
    expect(json).toMatchObject({ ok: true, fileName: personalExportFileName(e, 'json'), mimeType: 'application/json' });
  });
});

describe('contributor id', () => {
  it('is c- and 32 hex digits from the first 16 bytes', () => {
    expect(newContributorId(FIXED_RANDOM_BYTES)).toBe('c-0102030405060708090a0b0c0d0e0f10');
    expect(newContributorId(Uint8Array.from({ length: 32 }, () => 255))).toBe(`c-${'ff'.repeat(16)}`);
  });

  it('refuses too few bytes and bytes never filled', () => {
    expect(() => newContributorId(new Uint8Array(15))).toThrow(/16 random bytes/);
    expect(() => newContributorId(new Uint8Array(16))).toThrow(/all zero/);
  });

  it('rotates unless the clinician chose to keep it', () => {
    const stored = 'c-0102030405060708090a0b0c0d0e0f10';
    const fresh = Uint8Array.from({ length: 16 }, (_, i) => 200 + i);
    expect(contributorIdForExport({ stored, keep: true, randomBytes: fresh })).toEqual({ contributorId: stored, reused: true });
    expect(contributorIdForExport({ stored, keep: false, randomBytes: fresh })).toEqual({ contributorId: newContributorId(fresh), reused: false });
    expect(contributorIdForExport({ stored: null, keep: true, randomBytes: fresh }).reused).toBe(false);
    expect(contributorIdForExport({ stored: 'jane.doe', keep: true, randomBytes: fresh })).toEqual({ contributorId: newContributorId(fresh), reused: false });
  });
});

describe('exportSystemId', () => {
  it.each([
    ['ehr', 'ehr'],
    ['emis-web', 'emis-web'],
    ['a'.repeat(40), 'a'.repeat(40)],
    ['', 'none'],
    ['EMIS Web', 'none'],
    ['a'.repeat(41), 'none'],
    ['ers/notes', 'none'],
  ])('%j → %j', (id, out) => {
    expect(exportSystemId(id)).toBe(out);
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const SYSTEM_IDS = ['ehr', 'ers', 'emis-web', 'nhsmail', '', 'EMIS Web', 'x'.repeat(41)];
const SESSION_CHOICES = [
  { start: '09:00', end: '12:30' },
  { start: '13:30', end: '17:00' },
  { start: '18:07', end: '18:13' }, // off the 5-minute grid
  { start: '22:00', end: '24:00' },
];

const scheduleArb: fc.Arbitrary<Schedule> = fc
  .record({
    days: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.subarray([0, 1, 2, 3])), { maxLength: 7 }),
    off: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 4 }),
  })
  .map(({ days, off }) => {
    const seen = new Set<number>();
    const sessions = days
      .filter(([d]) => !seen.has(d) && seen.add(d))
      .flatMap(([weekday, picks]) => picks.map((p) => ({ weekday, ...SESSION_CHOICES[p]! })));
    return { sessions, nonWorkingDates: off.map((n) => addDays('2026-01-01', n)), leave: [] };
  });

/** Rollups for some of the dates, at most one per date: ≤ 8 cells of ≤ 3 h each (≤ 24 h a day), a few slots, samples. */
function rollupsArb(dates: string[]): fc.Arbitrary<DayRollup[]> {
  const cell = fc.record({
    systemId: fc.oneof(fc.constantFrom(...SYSTEM_IDS), fc.stringMatching(/^[a-z-]{1,12}$/)),
    category: fc.constantFrom<TaskCategory>(...TASK_CATEGORIES),
    ms: fc.oneof(fc.integer({ min: 0, max: 3 * 3_600_000 }), fc.integer({ min: 0, max: 200 }).map((n) => n * 18_000)),
  });
  const day = fc.record({
    date: fc.constantFrom(...dates),
    cells: fc.array(cell, { maxLength: 8 }),
    slots: fc.dictionary(fc.integer({ min: 0, max: 287 }).map(String), fc.integer({ min: 0, max: 300_000 }), { maxKeys: 30 }),
    logins: fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 4 }),
    pageLoads: fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 6 }),
  });
  // One rollup per date, as the store keeps them (two for one date could hold more than a day).
  return fc.uniqueArray(day, { maxLength: 20, selector: (d) => d.date }).map((days) =>
    days.map((d) => {
      const r = dayRollup(d.date, '00:00', {});
      for (const c of d.cells) {
        const bySystem = (r.cells[c.systemId] ??= {});
        const existing = bySystem[c.category];
        const ms = (existing?.activeMs ?? 0) + c.ms;
        bySystem[c.category] = { activeMs: ms, byThresholdMs: Object.fromEntries(SENSITIVITY_THRESHOLDS_SEC.map((t) => [String(t), ms])) };
      }
      r.slots = d.slots;
      if (d.logins.length > 0) r.logins = { ehr: d.logins };
      if (d.pageLoads.length > 0) r.pageLoads = { ehr: d.pageLoads.slice(0, 3), ers: d.pageLoads.slice(3) };
      return r;
    }),
  );
}

const requestArb = fc
  .record({
    start: fc.integer({ min: 0, max: 3 * 365 }),
    days: fc.integer({ min: 1, max: 70 }),
    granularity: fc.constantFrom<'week' | 'day'>('week', 'day'),
    includeSystems: fc.boolean(),
    teamCode: fc.option(fc.stringMatching(/^[A-Z]{1,4}(-[A-Z]{1,6})?$/), { nil: null }),
    role: fc.option(fc.constantFrom(...ROLES), { nil: null }),
    bytes: fc.uint8Array({ minLength: 16, maxLength: 16 }).filter((b) => b.some((x) => x !== 0)),
    params: fc.record({ inactivityThresholdSec: fc.integer({ min: 5, max: 300 }), readingAllowanceSec: fc.integer({ min: 0, max: 300 }) }),
    schedule: scheduleArb,
  })
  .chain((req) => {
    let from = addDays('2025-01-01', req.start);
    let to = addDays(from, req.days - 1);
    if (req.granularity === 'week') ({ from, to } = alignToIsoWeeks(from, to));
    return rollupsArb(datesInRange(addDays(from, -3), addDays(to, 3))).map((rollups) => ({ ...req, from, to, rollups }));
  });

describe('properties (fast-check)', () => {
  it('every export built from random rollups validates, passes the PHI guard, and its rows add up within rounding', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const exp = buildPersonalExport({
          rollups: req.rollups,
          from: req.from,
          to: req.to,
          granularity: req.granularity,
          includeSystems: req.includeSystems,
          teamCode: req.teamCode,
          role: req.role,
          contributorId: newContributorId(req.bytes),
          extensionVersion: '0.1.0',
          schedule: req.schedule,
          params: req.params,
        });
        const checked = validatePersonalExport(exp);
        expect(checked.ok ? [] : checked.errors).toEqual([]);
        expect(findIdentifiers(personalExportToJson(exp))).toEqual([]);
        expect(findIdentifiers(personalExportToCsv(exp))).toEqual([]);
        for (const m of exp.measures) {
          const rows = exp.rows.filter((r) => r.period === m.period);
          const sum = rows.reduce((s, r) => s + r.hours, 0);
          expect(Math.abs(sum - m.activeHours)).toBeLessThanOrEqual(0.05 * rows.length + 1e-9);
          for (const r of rows) expect(Math.abs(r.hours * 10 - Math.round(r.hours * 10))).toBeLessThan(1e-9);
        }
        // Rows match an independent sum of the rollups, rounded half up.
        if (!req.includeSystems) {
          const inPeriod = new Set(datesInRange(req.from, req.to));
          const expected = new Map<string, number>();
          for (const r of req.rollups) {
            if (!inPeriod.has(r.date)) continue;
            const key = req.granularity === 'week' ? isoWeekKey(r.date) : r.date;
            for (const bySystem of Object.values(r.cells))
              for (const [category, cell] of Object.entries(bySystem)) if (cell && cell.activeMs > 0) expected.set(`${key} ${category}`, (expected.get(`${key} ${category}`) ?? 0) + cell.activeMs);
          }
          expect(new Map(exp.rows.map((r) => [`${r.period} ${r.category}`, r.hours]))).toEqual(new Map([...expected].map(([k, ms]) => [k, Math.floor(ms / 360_000 + 0.5) / 10])));
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('the same rollups give the same text (deterministic)', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const input = { ...goldenInput(), rollups: req.rollups, from: req.from, to: req.to, granularity: req.granularity, schedule: req.schedule };
        const a = personalExportToCsv(buildPersonalExport(input));
        const b = personalExportToCsv(buildPersonalExport({ ...input, rollups: [...req.rollups].reverse() }));
        expect(b).toBe(a);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

});
