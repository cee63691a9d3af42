import { describe, expect, it } from 'vitest';
import { makeExport, makeTeam } from '../../../test/support/teamExports.js';
import { buildTeamReport, DEFAULT_MAX_FILE_BYTES, teamReportToJson } from './index.js';
import { EN_GB } from '../../../test/support/reportMessages.js';

describe('checking each file on its own', () => {
  const good = makeTeam(8);
  const base = makeExport({ seed: 900 });
  const variant = (over: (e: Record<string, unknown>) => void): string => {
    const e = structuredClone(base) as unknown as Record<string, unknown>;
    over(e);
    return JSON.stringify(e);
  };

  it.each([
    ['too_large', 'x'.repeat(DEFAULT_MAX_FILE_BYTES + 1), /over the limit of 5,242,880 bytes \(5 MB\)/],
    ['not_json', '{"format": "timeback-personal-export", ', /not valid JSON/],
    ['not_json', '   ', /empty/],
    ['not_personal_export', '{"hello": "world"}', /not a Timeback personal export/],
    ['newer_schema', variant((e) => (e.schemaVersion = 2)), /schemaVersion 2, newer than this tool supports \(version 1\)/],
    ['unknown_schema', variant((e) => (e.schemaVersion = 0)), /no older version to migrate/],
    ['invalid', variant((e) => (e.contributorId = 42)), /contributorId/],
    ['identifiers', variant((e) => (e.teamCode = '9434765919')), /NHS number/],
    ['period_mismatch', JSON.stringify(makeExport({ seed: 901, period: { from: '2026-05-11', to: '2026-06-07' }, weeks: ['2026-W20', '2026-W21', '2026-W22', '2026-W23'] })), /covers 2026-05-11 to 2026-06-07/],
    ['definition_mismatch', JSON.stringify(makeExport({ seed: 902, inactivityThresholdSec: 30 })), /inactivity threshold of 30 s/],
    ['duplicate_contributor', good[3]!.text, /same contributor id/],
  ] as const)('refuses %s', (code, text, reason) => {
    const r = buildTeamReport([...good, { name: 'bad.json', text }]);
    expect(r.accepted).toHaveLength(8);
    expect(r.rejected).toEqual([{ name: 'bad.json', code, reason: expect.stringMatching(reason) }]);
    expect(teamReportToJson(r, EN_GB)).not.toContain('bad.json');
  });

  it('refuses a file from its size alone when the reader passes byteLength', () => {
    const r = buildTeamReport([{ name: 'huge.json', text: '', byteLength: 6 * 1024 * 1024 }]);
    expect(r.rejected[0]).toMatchObject({ code: 'too_large', reason: expect.stringMatching(/6,291,456 bytes/) });
  });

  it('checks the period against expectedPeriod when given, even for the first file', () => {
    const r = buildTeamReport(makeTeam(2), { expectedPeriod: { from: '2026-06-01', to: '2026-06-28' } });
    expect(r.accepted).toEqual([]);
    expect(r.rejected.map((x) => x.code)).toEqual(['period_mismatch', 'period_mismatch']);
    expect(r.rejected[0]!.reason).toMatch(/the report period covers 2026-06-01 to 2026-06-28/);
    expect(r.period).toEqual({ from: '2026-06-01', to: '2026-06-28' });
  });

  it('never quotes the file in a reason for invalid JSON or identifiers', () => {
    const r = buildTeamReport([
      { name: 'a.json', text: '<script>alert("x")</script>' },
      { name: 'b.json', text: variant((e) => (e.teamCode = '943-476-5919')) },
    ]);
    expect(r.rejected.map((x) => x.code)).toEqual(['not_json', 'identifiers']);
    for (const x of r.rejected) {
      expect(x.reason).not.toContain('script');
      expect(x.reason).not.toMatch(/943.?476.?5919/);
    }
  });
});
