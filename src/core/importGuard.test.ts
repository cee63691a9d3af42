import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANARY_NAME, CANARY_NHS_NUMBER, CANARY_NHS_NUMBER_SPACED, CANARY_STRINGS } from '../../test/fixtures/demo/canary.mjs';
import { makeExport } from '../../test/support/teamExports.js';
import { findImportedIdentifiers, importedIdentifierReason, textFieldsOf, withoutQuotedText } from './importGuard.js';
import { findIdentifiers } from './phiGuard.js';
import { buildTeamReport, checkTeamReportFile, teamReportToCsv, teamReportToHtml, teamReportToJson } from './teamReport/index.js';
import { EN_GB } from '../../test/support/reportMessages.js';

const IDENTIFIERS_FOR_SKIP = [CANARY_NHS_NUMBER, CANARY_NHS_NUMBER_SPACED, 'a@nhs.net', 'LS1 4AP', 'DOB 1957-03-12', '12/03/1957', '1957-03-12'];

/** Every character as a JSON \\u escape: the parsed string is the same, the raw text shows no digit. */
function escapeAll(s: string): string {
  return [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

/** A JSON text in which the string value `planted` is written with escapes. */
function withEscapedValue(exp: object, field: string, planted: string): string {
  const marker = 'PLANTEDMARKER';
  const text = JSON.stringify({ ...exp, [field]: marker });
  return text.replace(`"${marker}"`, `"${escapeAll(planted)}"`);
}

const base = (): ReturnType<typeof makeExport> => makeExport({ seed: 3, weeks: ['2026-W19'], period: { from: '2026-05-04', to: '2026-05-10' } });

describe('every text field of an imported export goes through the PHI guard', () => {
  it('refuses the team code 9434765919 however it is written, as the export form refuses it when typed', () => {
    const plain = JSON.stringify({ ...base(), teamCode: CANARY_NHS_NUMBER });
    const escaped = withEscapedValue(base(), 'teamCode', CANARY_NHS_NUMBER);
    const half = plain.replace(CANARY_NHS_NUMBER, `943\\u0034765919`);
    expect(escaped).not.toContain(CANARY_NHS_NUMBER);
    expect(half).not.toContain(CANARY_NHS_NUMBER);
    for (const text of [plain, escaped, half]) {
      const check = checkTeamReportFile({ name: 'team.json', text });
      expect(check.ok).toBe(false);
      if (!check.ok) {
        expect(check.code).toBe('identifiers');
        expect(check.reason).not.toContain(CANARY_NHS_NUMBER);
      }
    }
    const escapedCheck = checkTeamReportFile({ name: 'team.json', text: escaped });
    expect(!escapedCheck.ok && escapedCheck.reason).toMatch(/teamCode holds what looks like a patient identifier \(NHS number\)/);
  });

  it('a refused file contributes nothing: no team code, no figure', () => {
    const team = Array.from({ length: 9 }, (_, i) => ({ name: `c${i}.json`, text: JSON.stringify(makeExport({ seed: 50 + i })) }));
    const planted = { name: 'planted.json', text: withEscapedValue(makeExport({ seed: 80 }), 'teamCode', CANARY_NHS_NUMBER) };
    const report = buildTeamReport([...team, planted]);
    expect(report.accepted).toHaveLength(9);
    expect(report.rejected.map((r) => r.code)).toEqual(['identifiers']);
    expect(report.teamCodes).toEqual(['RESP-MED']);
    for (const out of [teamReportToJson(report, EN_GB), teamReportToCsv(report, EN_GB), teamReportToHtml(report, EN_GB)]) {
      for (const canary of CANARY_STRINGS) expect(out).not.toContain(canary);
    }
  });

  it('refuses each canary string in every text field and field name, with a reason that never quotes it', () => {
    const exp = { ...base(), includesSystems: true, rows: base().rows.map((r) => ({ ...r, systemId: 'demo-ehr' })) };
    const places: Array<(e: Record<string, unknown>, s: string) => void> = [
      (e, s) => (e.teamCode = s),
      (e, s) => (e.extensionVersion = s),
      (e, s) => (e.contributorId = s),
      (e, s) => (e.role = s),
      (e, s) => ((e.period as Record<string, unknown>).from = s),
      (e, s) => ((e.rows as Array<Record<string, unknown>>)[0]!.systemId = s),
      (e, s) => ((e.rows as Array<Record<string, unknown>>)[0]!.category = s),
      (e, s) => ((e.measures as Array<Record<string, unknown>>)[0]!.period = s),
      (e, s) => (e[s] = 'x'),
      (e, s) => ((e.definition as Record<string, unknown>)[s] = 1),
    ];
    const strings = [...CANARY_STRINGS, '943-476-5919', 'canary.testpatient@nhs.net', 'LS1 4AP', 'DOB 1957-03-12', '12/03/1957'];
    for (const s of strings) {
      for (const [i, place] of places.entries()) {
        for (const escape of [false, true]) {
          const e = structuredClone(exp) as Record<string, unknown>;
          place(e, escape ? 'PLANTEDMARKER' : s);
          const text = escape ? JSON.stringify(e).replace('PLANTEDMARKER', escapeAll(s)) : JSON.stringify(e);
          const check = checkTeamReportFile({ name: 'x.json', text });
          expect(check.ok, `${s} at place ${i}${escape ? ', escaped' : ''}`).toBe(false);
          if (!check.ok) for (const canary of [...strings, CANARY_NAME]) expect(check.reason).not.toContain(canary);
        }
      }
    }
  });

  it('lists fields by path, field names only when they are plain words', () => {
    // JavaScript lists integer-like keys first.
    expect(textFieldsOf({ a: ['x', { b: 'y' }], '9434765919': 'z' })).toEqual([
      { path: 'file.(a field name)', text: '9434765919' },
      { path: 'file.a', text: 'a' },
      { path: 'file.a[0]', text: 'x' },
      { path: 'file.a[1].b', text: 'b' },
      { path: 'file.a[1].b', text: 'y' },
      { path: 'file.(a field name)', text: 'z' },
    ]);
    expect(withoutQuotedText('teamCode: must be … (got "Canary Testpatient-Zzyzx"); "format" is missing; got "ab\\"c"')).toBe(
      'teamCode: must be … (got a text); "format" is missing; got a text',
    );
    expect(findImportedIdentifiers({ ok: 'RESP-MED', rows: [{ s: CANARY_NHS_NUMBER_SPACED }] })).toEqual([{ path: 'file.rows[0].s', kinds: ['nhs-number'] }]);
    expect(importedIdentifierReason(makeExport({ seed: 1 }))).toBeNull();
  });

  it('walks a deeply nested file without exhausting the stack', () => {
    let deep: unknown = CANARY_NHS_NUMBER;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findImportedIdentifiers(deep)).toHaveLength(1);
  });
});

describe('skipping the parsed scan when the text has no escape', () => {
  it('is sound: whatever the parsed fields hold, a text without a backslash shows it to the raw scan', () => {
    const piece = fc.oneof(fc.constantFrom(...IDENTIFIERS_FOR_SKIP), fc.string({ unit: fc.constantFrom(...'0123456789 -./:@%AaLSDOBob'.split('')), maxLength: 12 }));
    const field = fc.array(piece, { maxLength: 3 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.dictionary(field, fc.oneof(field, fc.array(field, { maxLength: 3 })), { maxKeys: 4 }), (value) => {
        const text = JSON.stringify(value);
        if (text.includes('\\')) return true;
        return findImportedIdentifiers(value).length === 0 || findIdentifiers(text).length > 0;
      }),
      { numRuns: 2_000, seed: 7 },
    );
  });
});

// ---------------------------------------------------------------------------
// Fuzzing: 10,000 mutated exports

const IDENTIFIERS = [CANARY_NHS_NUMBER, CANARY_NHS_NUMBER_SPACED, '943-476-5919', 'canary.testpatient@nhs.net', 'canary%40nhs.net', 'LS1 4AP', 'sw1a1aa', 'DOB: 1957-03-12', '12/03/1957', '12 March 1957'];

const norm = (s: string): string => s.toLowerCase().replace(/[\s-]/g, '');
const planted = IDENTIFIERS.map(norm);

/** An independent oracle: does any string of the parsed value carry one of the planted identifiers, in any spacing or case? */
function carriesPlanted(value: unknown): boolean {
    return textFieldsOf(value).some((f) => planted.some((p) => norm(f.text).includes(p)));
}

describe('importer fuzzing with identifiers', () => {
  it('10,000 mutated exports: no crash, none accepted carrying an identifier', () => {
    const exp = base() as unknown as Record<string, unknown>;
    const fields = ['teamCode', 'extensionVersion', 'contributorId', 'role', 'period.from', 'period.to', 'rows.0.category', 'rows.0.period', 'measures.0.period', 'newKey', 'keyName'];
    const mutation = fc.record({
      field: fc.constantFrom(...fields),
      identifier: fc.constantFrom(...IDENTIFIERS),
      shape: fc.constantFrom('whole', 'prefix', 'suffix'),
      escape: fc.constantFrom('none', 'all', 'digits', 'one'),
      upper: fc.boolean(),
      noise: fc.constantFrom('', 'RESP-', '-', ' ', ':'),
      cut: fc.integer({ min: 0, max: 40 }),
      also: fc.option(fc.constantFrom('dropMeasures', 'hoursString', 'extraRow', 'nullTeam'), { nil: undefined }),
    });
    let accepted = 0;
    let refusedForIdentifiers = 0;
    fc.assert(
      fc.property(mutation, (m) => {
        const e = structuredClone(exp);
        let s = m.shape === 'whole' ? m.identifier : m.shape === 'prefix' ? `${m.identifier}${m.noise}` : `${m.noise}${m.identifier}`;
        if (m.upper) s = s.toUpperCase();
        const MARK = 'PLANTEDMARKER';
        const [top, i, sub] = m.field.split('.');
        if (m.field === 'keyName') e[MARK] = 1;
        else if (m.field === 'newKey') e.note = MARK;
        else if (i === undefined) e[top!] = MARK;
        else if (sub === undefined) (e[top!] as Record<string, unknown>)[i] = MARK;
        else (e[top!] as Array<Record<string, unknown>>)[Number(i)]![sub] = MARK;
        if (m.also === 'dropMeasures') e.measures = [];
        if (m.also === 'hoursString') (e.rows as Array<Record<string, unknown>>)[0]!.hours = '1.0';
        if (m.also === 'extraRow') (e.rows as unknown[]).push({ period: '2026-W19', category: 'non_ehr', hours: 0.1 });
        if (m.also === 'nullTeam' && m.field !== 'teamCode') e.teamCode = null;
        const encoded =
          m.escape === 'all'
            ? escapeAll(s)
            : m.escape === 'digits'
              ? s.replace(/\d/g, (d) => escapeAll(d))
              : m.escape === 'one'
                ? escapeAll(s.slice(0, 1)) + s.slice(1)
                : s.replace(/["\\]/g, (c) => `\\${c}`);
        let text = JSON.stringify(e).replace(MARK, encoded);
        // Now and then the file is also cut short.
        if (m.cut < 4) text = text.slice(0, Math.floor((text.length * (m.cut + 1)) / 5));
        const check = checkTeamReportFile({ name: 'mutant.json', text });
        let parsed: unknown = undefined;
        try {
          parsed = JSON.parse(text);
        } catch {
          if (check.ok) return false;
        }
        if (check.ok) {
          accepted++;
          // Neither the planted identifier nor anything else the guard knows is in what the report keeps.
          if (carriesPlanted(check.value)) return false;
          if (findIdentifiers(textFieldsOf(check.value).map((f) => f.text).join('\n')).length > 0) return false;
        } else {
          if (check.code === 'identifiers') refusedForIdentifiers++;
          // The reason shown to the person building the report never repeats the identifier.
          const reason = norm(check.reason);
          if (planted.some((p) => reason.includes(p))) return false;
        }
        return !(parsed !== undefined && carriesPlanted(parsed) && check.ok);
      }),
      { numRuns: 10_000, seed: 15 },
    );
    // The run exercised the guard, not only the format checks.
    expect(refusedForIdentifiers).toBeGreaterThan(5_000);
    expect(accepted).toBe(0);
  }, 60_000);
});
