/**
 * The JSON and CSV writers: byte-for-byte golden files, the CSV read back
 * from the outside, and writers that refuse an invalid export and write nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIXED_RANDOM_BYTES,
  MIN,
  dayRollup,
  goldenInput,
} from '../../test/support/personalExportFixtures.js';
import type { DayRollup } from './dayRollup.js';
import type { PersonalExport } from './exportFormat.js';
import { validatePersonalExport } from './exportValidation.js';
import { csvCell } from './csvCell.js';
import { CSV_HEADER, PERSONAL_DATA_NOTICE, personalExportToCsv, personalExportToJson, renderPersonalExport } from './exportWriters.js';
import { buildPersonalExport, newContributorId, personalExportFileName } from './personalExport.js';

const GOLDEN_DIR = path.resolve(import.meta.dirname, '../../test/fixtures/exports');
/** Regenerate the golden files: UPDATE_GOLDEN=1 npx vitest run --project unit src/core/exportWriters.test.ts */
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
