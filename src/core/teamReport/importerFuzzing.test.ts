import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contributorId, makeExport, makeTeam, PERIOD } from '../../../test/support/teamExports.js';
import type { PersonalExport } from '../exportFormat.js';
import {
  buildTeamReport,
  DEFAULT_MAX_FILE_BYTES,
  teamReportToCsv,
  teamReportToHtml,
  teamReportToJson,
  type TeamReport,
  type TeamReportInput,
  type TeamReportOptions,
} from './index.js';
import { EN_GB } from '../../../test/support/reportMessages.js';
import { file, parseCsv } from '../../../test/support/teamReportTeams.js';

/** Published JSON without its list of refused files. */
function jsonWithoutRefused(json: string): unknown {
  const parsed = JSON.parse(json) as Record<string, unknown>;
  delete parsed.refusedFiles;
  return parsed;
}

function csvWithoutRefused(csv: string): string[][] {
  return parseCsv(csv).filter((r) => r[0] !== 'refused files');
}

function htmlWithoutRefused(html: string): string {
  return html.replace(/<section aria-labelledby="s-refused">[\s\S]*?<\/section>/, '');
}

function reportWithoutFiles(r: TeamReport): unknown {
  const { accepted: _a, rejected: _r, ...rest } = r;
  return rest;
}

// ---------------------------------------------------------------------------
// Fuzzing the importer

const polluted = (): boolean => ({} as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).isAdmin !== undefined;

/** Files that must all be refused, whatever their position. */
function badFiles(good: PersonalExport): TeamReportInput[] {
  const text = JSON.stringify(good);
  const mutate = (f: (e: Record<string, unknown>) => void): string => {
    const e = structuredClone(good) as unknown as Record<string, unknown>;
    f(e);
    return JSON.stringify(e);
  };
  const other = makeExport({ seed: 5000 });
  return [
    // Malformed JSON
    file('empty.json', ''),
    file('truncated.json', text.slice(0, text.length - 1)),
    file('trailing.json', `${text}}`),
    file('null.json', 'null'),
    file('array.json', '[]'),
    file('string.json', '"timeback-personal-export"'),
    file('number.json', '42'),
    file('nan.json', text.replace(/"hours":[0-9.]+/, '"hours":NaN')),
    file('infinity-literal.json', text.replace(/"hours":[0-9.]+/, '"hours":Infinity')),
    // Wrong types
    file('id-number.json', mutate((e) => (e.contributorId = 123))),
    file('rows-object.json', mutate((e) => (e.rows = { 0: (e.rows as unknown[])[0] }))),
    file('hours-string.json', mutate((e) => ((e.rows as Array<Record<string, unknown>>)[0]!.hours = '5'))),
    file('measures-null.json', mutate((e) => (e.measures = null))),
    file('period-string.json', mutate((e) => (e.period = '2026-05'))),
    file('role-unknown.json', mutate((e) => (e.role = 'surgeon'))),
    // NaN / Infinity-like values
    file('overflow.json', text.replace(/"activeHours":[0-9.]+/, '"activeHours":1e999')),
    file('negative.json', mutate((e) => ((e.rows as Array<Record<string, unknown>>)[0]!.hours = -1))),
    file('nan-string.json', mutate((e) => ((e.measures as Array<Record<string, unknown>>)[0]!.logins = 'NaN'))),
    file('infinity-string.json', mutate((e) => ((e.measures as Array<Record<string, unknown>>)[0]!.wow8 = 'Infinity'))),
    file('huge-number.json', mutate((e) => ((e.measures as Array<Record<string, unknown>>)[0]!.scheduledHours = 1e308))),
    // Prototype pollution
    file('proto.json', text.replace(/^\{/, '{"__proto__":{"polluted":true,"isAdmin":true},')),
    file('proto-row.json', text.replace('"rows":[{', '"rows":[{"__proto__":{"polluted":true},')),
    file('constructor.json', text.replace(/^\{/, '{"constructor":{"prototype":{"polluted":true}},')),
    file('proto-only.json', '{"__proto__":{"format":"timeback-personal-export","schemaVersion":1}}'),
    // HTML and script
    file('script-team.json', mutate((e) => (e.teamCode = '<script>alert(1)</script>'))),
    file('img-role.json', mutate((e) => (e.role = '<img src=x onerror=alert(1)>'))),
    file('script-version.json', mutate((e) => (e.extensionVersion = '"><script>alert(2)</script>'))),
    file('script-category.json', mutate((e) => ((e.rows as Array<Record<string, unknown>>)[0]!.category = '</td><script>x</script>'))),
    file('html-text.json', '<!DOCTYPE html><html><script>alert(3)</script></html>'),
    // Deeply nested and huge
    file('deep.json', `${'['.repeat(200_000)}${']'.repeat(200_000)}`),
    file('deep-object.json', `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`),
    file('deep-field.json', mutate((e) => (e.extra = JSON.parse(`${'['.repeat(2000)}${']'.repeat(2000)}`)))),
    file('huge-rows.json', mutate((e) => (e.rows = Array.from({ length: 20_000 }, () => ({ period: '2026-W19', category: 'documentation', hours: 1 }))))),
    file('oversized.json', ' '.repeat(DEFAULT_MAX_FILE_BYTES) + text),
    // Duplicated contributor, wrong period, other definition, newer version, identifiers
    file('duplicate.json', text),
    file('wrong-period.json', makeExport({ seed: 5001, period: { from: '2026-04-06', to: '2026-05-03' }, weeks: ['2026-W15', '2026-W16', '2026-W17', '2026-W18'] })),
    file('other-definition.json', makeExport({ seed: 5002, readingAllowanceSec: 0 })),
    file('newer.json', mutate((e) => (e.schemaVersion = 99))),
    file('nhs-number.json', JSON.stringify({ ...other, teamCode: '9434765919' })),
    file('extra-field.json', mutate((e) => (e.patientName = 'Jane Doe'))),
  ];
}

describe('importer fuzzing', () => {
  it('refuses every bad file without crashing, merging nothing from it', () => {
    const good = makeTeam(10, 200);
    const goodExport = JSON.parse(good[0]!.text) as PersonalExport;
    const bad = badFiles(goodExport);
    const options: TeamReportOptions = { expectedPeriod: PERIOD };
    const only = buildTeamReport(good, options);
    // Bad files interleaved after the first good one.
    const mixed: TeamReportInput[] = [good[0]!];
    bad.forEach((b, i) => {
      mixed.push(b);
      if (good[i + 1]) mixed.push(good[i + 1]!);
    });
    const both = buildTeamReport(mixed, options);
    expect(polluted()).toBe(false);
    expect(both.accepted).toEqual(only.accepted);
    expect(both.rejected.map((r) => r.name)).toEqual(bad.map((b) => b.name));
    expect(reportWithoutFiles(both)).toEqual(reportWithoutFiles(only));
    expect(jsonWithoutRefused(teamReportToJson(both, EN_GB))).toEqual(jsonWithoutRefused(teamReportToJson(only, EN_GB)));
    expect(csvWithoutRefused(teamReportToCsv(both, EN_GB))).toEqual(csvWithoutRefused(teamReportToCsv(only, EN_GB)));
    expect(htmlWithoutRefused(teamReportToHtml(both, EN_GB))).toBe(htmlWithoutRefused(teamReportToHtml(only, EN_GB)));
    const html = teamReportToHtml(both, EN_GB);
    expect(html).not.toMatch(/<script|onerror|<img/i);
    expect(teamReportToJson(both, EN_GB)).not.toMatch(/script|onerror|polluted|Jane/);
    expect(teamReportToCsv(both, EN_GB)).not.toMatch(/script|onerror|polluted|Jane/);
    for (const r of both.rejected) expect(r.reason).not.toMatch(/[\u0000-\u001f]/);
  });

  it('refuses a huge row list even under a raised size limit', () => {
    const e = structuredClone(makeExport({ seed: 7 })) as unknown as Record<string, unknown>;
    e.rows = Array.from({ length: 200_001 }, () => ({ period: '2026-W19', category: 'documentation', hours: 1 }));
    const r = buildTeamReport([file('rows.json', e)], { maxFileBytes: 64 * 1024 * 1024 });
    expect(r.rejected[0]?.code).toBe('invalid');
  });

  it('random mutations of a good file are refused or merge cleanly, and never crash', () => {
    const good = makeTeam(9, 300);
    const base = JSON.parse(good[0]!.text) as Record<string, unknown>;
    const paths = ['format', 'schemaVersion', 'extensionVersion', 'contributorId', 'teamCode', 'role', 'period', 'definition', 'includesSystems', 'rows', 'measures'];
    const nasty = fc.oneof(
      fc.constantFrom('<script>alert(1)</script>', '__proto__', 'constructor', '=cmd|calc', 'NaN', 'Infinity', '-Infinity', '1e999', ''),
      fc.object({ maxDepth: 3 }),
      fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }),
      fc.constantFrom(-1, 0.123, 1e308, -0),
    );
    const only = buildTeamReport(good, { expectedPeriod: PERIOD });
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.constantFrom('top', 'row', 'measure'), nasty, fc.integer({ min: 0, max: 100 }), (key, where, value, cut) => {
        const e = structuredClone(base);
        const rowKeys = ['period', 'category', 'hours'];
        const measureKeys = ['period', 'activeHours', 'logins', 'ehrTime8', 'pageLoadP95Sec'];
        if (where === 'top') e[key] = value;
        else if (where === 'row') (e.rows as Array<Record<string, unknown>>)[0]![rowKeys[cut % rowKeys.length]!] = value;
        else (e.measures as Array<Record<string, unknown>>)[0]![measureKeys[cut % measureKeys.length]!] = value;
        e.contributorId = key === 'contributorId' && where === 'top' ? value : contributorId(999);
        let text = JSON.stringify(e);
        if (cut < 20) text = text.slice(0, Math.floor((text.length * cut) / 20));
        const r = buildTeamReport([...good, { name: 'mutant.json', text }], { expectedPeriod: PERIOD });
        expect(polluted()).toBe(false);
        if (r.rejected.length === 1) {
          expect(reportWithoutFiles(r)).toEqual(reportWithoutFiles(only));
          expect(jsonWithoutRefused(teamReportToJson(r, EN_GB))).toEqual(jsonWithoutRefused(teamReportToJson(only, EN_GB)));
        } else {
          expect(r.accepted).toHaveLength(10);
        }
        expect(teamReportToHtml(r, EN_GB)).not.toMatch(/<script|onerror/);
      }),
      { numRuns: 300 },
    );
    // About 1 s on a quiet machine; past the 5-s default when the 2 cores are shared (a budget for the bench, not this test).
  }, 30_000);
});
