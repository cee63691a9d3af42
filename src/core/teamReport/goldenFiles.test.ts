import { describe, expect, it } from 'vitest';
import { boardReportModel, boardReportToHtml, teamReportAndCaseToCsv, teamReportAndCaseToHtml, teamReportAndCaseToJson, teamReportToCsv, teamReportToHtml, teamReportToJson, type TeamReport } from './index.js';
import { EN_GB } from '../../../test/support/reportMessages.js';
import { goldenCases, goldenReport } from '../../../test/support/goldenTeams.js';
import { expectGolden } from '../../../test/support/goldenFile.js';

// ---------------------------------------------------------------------------
// Golden files

describe('golden files', () => {
  const cases = [
    ['team-report.json', (r: TeamReport) => teamReportToJson(r, EN_GB)],
    ['team-report.csv', (r: TeamReport) => teamReportToCsv(r, EN_GB)],
    // The page's words come from the messages file (reportLabels.ts); this golden was written before they moved there.
    ['team-report.html', (r: TeamReport) => teamReportToHtml(r, EN_GB)],
  ] as const;

  it.each(cases)('%s matches byte for byte', (name, render) => {
    expectGolden(name, render(goldenReport()));
  });

  it('the golden report shows what it should', () => {
    const r = goldenReport();
    expect(r.rejected.map((x) => x.code)).toEqual(['duplicate_contributor', 'definition_mismatch']);
    expect(r.contributors).toEqual({ value: 15 });
    expect(r.roles.shown).toBe(true);
  });
});

describe('golden files of the case for change and the board report', () => {
  const outputs = goldenCases().flatMap(({ name, report, teamCase }) => [
    [`${name}-case.json`, () => teamReportAndCaseToJson(report, teamCase, EN_GB)],
    [`${name}-case.csv`, () => teamReportAndCaseToCsv(report, teamCase, EN_GB)],
    [`${name}-case.html`, () => teamReportAndCaseToHtml(report, teamCase, EN_GB)],
    [`${name}-board.html`, () => boardReportToHtml(boardReportModel(report, teamCase, EN_GB), EN_GB)],
  ] as const);

  it.each(outputs)('%s matches byte for byte', (name, render) => {
    expectGolden(name, render());
  });

  it('the golden cases cover every kind of text the writers make', () => {
    const [full, small, none] = goldenCases();
    expect(full!.teamCase.whatIfs.map((w) => w.choice.id)).toEqual(['sso', 'pageLoadsAtP50', 'inboxTriage']);
    expect(full!.report.notes).toEqual([]);
    expect(small!.report.contributors).toEqual({ suppressed: true });
    expect(small!.report.notes).toHaveLength(3);
    expect(small!.report.roles.shown).toBe(false);
    expect(small!.report.rejected).toEqual([]);
    expect(none!.report.accepted).toEqual([]);
    expect(none!.report.rejected.map((r) => r.code)).toEqual(['not_json', 'not_json']);
    expect(none!.teamCase.whatIfs).toEqual([]);
  });
});
