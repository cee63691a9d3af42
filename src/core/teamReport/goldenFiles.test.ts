import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeExport, type ExportSpec } from '../../../test/support/teamExports.js';
import { buildTeamReport, teamReportToCsv, teamReportToHtml, teamReportToJson, type TeamReport } from './index.js';
import { EN_GB } from '../../../test/support/reportMessages.js';
import { file, seeds, team } from '../../../test/support/teamReportTeams.js';

const GOLDEN_DIR = path.resolve(import.meta.dirname, '../../../test/fixtures/team-report');

// ---------------------------------------------------------------------------
// Golden files

/** A fixed team of 17: 9 consultants and 8 nurses; referrals by 3 (suppressed); 2 without a schedule. */
function goldenReport(): TeamReport {
  const specs: ExportSpec[] = seeds(17).map((i) => ({
    seed: i,
    role: i <= 9 ? 'consultant' : 'nurse',
    teamCode: 'RESP-MED',
    categoryHours: { ...(i <= 3 ? { referrals: 1.5 } : {}), ...(i >= 8 ? { direct_care: 2 } : {}) },
    noSchedule: i === 16 || i === 17,
  }));
  const files = team(specs);
  // Two refused files: a duplicate and one with another definition.
  files.push({ ...files[4]!, name: 'copy-of-5.json' });
  files.push(file('other-definition.json', makeExport({ seed: 40, inactivityThresholdSec: 5 })));
  return buildTeamReport(files);
}

describe('golden files', () => {
  const cases = [
    ['team-report.json', (r: TeamReport) => teamReportToJson(r, EN_GB)],
    ['team-report.csv', (r: TeamReport) => teamReportToCsv(r)],
    // The page's words come from the messages file (reportLabels.ts); this golden was written before they moved there.
    ['team-report.html', (r: TeamReport) => teamReportToHtml(r, EN_GB)],
  ] as const;

  it.each(cases)('%s matches byte for byte', (name, render) => {
    const actual = Buffer.from(render(goldenReport()), 'utf8');
    const target = path.join(GOLDEN_DIR, name);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(target)) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(target, actual);
      if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`${name} did not exist: written; check it and run again`);
    }
    expect(actual.equals(readFileSync(target))).toBe(true);
  });

  it('the golden report shows what it should', () => {
    const r = goldenReport();
    expect(r.rejected.map((x) => x.code)).toEqual(['duplicate_contributor', 'definition_mismatch']);
    expect(r.contributors).toEqual({ value: 15 });
    expect(r.roles.shown).toBe(true);
  });
});
