/** The shareable JSON of the team report (docs/team-report.md): no file names; suppressed cells are "*". */
import { SUPPRESSED_MARK, TEAM_MEASURES, TEAM_REPORT_FORMAT, TEAM_REPORT_FORMAT_VERSION, type TeamReport } from './contract.js';
import { disclosureStatement, publishCell, refusalSummary } from './disclosure.js';
import { categoryLabel, roleLabel, type MessageLookup } from './reportLabels.js';

/** The shareable JSON: the report without file names; suppressed cells are "*". Task and role labels through `t` (reportLabels.ts). */
export function teamReportToJson(report: TeamReport, t: MessageLookup): string {
  const out = {
    format: TEAM_REPORT_FORMAT,
    formatVersion: TEAM_REPORT_FORMAT_VERSION,
    period: report.period,
    definition: report.definition,
    disclosure: {
      minContributors: report.minContributors,
      suppressedShownAs: SUPPRESSED_MARK,
      countsRoundedTo: 5,
      statement: disclosureStatement(report.minContributors),
      quartiles: 'linear interpolation between order statistics (Hyndman and Fan type 7)',
    },
    contributors: publishCell(report.contributors),
    totals: {
      activeHours: publishCell(report.totals.activeHours),
      scheduledHours: publishCell(report.totals.scheduledHours),
      afterHoursHours: publishCell(report.totals.afterHoursHours),
      waitingHours: publishCell(report.totals.waitingHours),
      logins: publishCell(report.totals.logins),
    },
    afterHoursSharePercent: publishCell(report.afterHoursShare),
    perCategory: report.perCategory.map((c) => ({
      category: c.category,
      label: categoryLabel(t, c.category),
      contributors: publishCell(c.contributors),
      medianHours: publishCell(c.median),
      q1Hours: publishCell(c.q1),
      q3Hours: publishCell(c.q3),
      totalHours: publishCell(c.totalHours),
    })),
    perMeasure: report.perMeasure.map((m) => {
      const def = TEAM_MEASURES.find((d) => d.id === m.measure)!;
      return {
        measure: m.measure,
        label: def.label,
        unit: def.unit,
        contributors: publishCell(m.contributors),
        median: publishCell(m.median),
        q1: publishCell(m.q1),
        q3: publishCell(m.q3),
      };
    }),
    trendByWeek: report.trendByWeek.map((w) => ({
      week: w.week,
      contributors: publishCell(w.contributors),
      medianActiveHours: publishCell(w.medianActiveHours),
    })),
    roles: report.roles.shown
      ? { shown: true, groups: report.roles.groups.map((g) => ({ role: g.role, label: roleLabel(t, g.role), contributors: publishCell(g.contributors), percent: publishCell(g.percent) })) }
      : { shown: false, reason: report.roles.reason },
    teamCodes: report.teamCodes,
    notes: report.notes,
    refusedFiles: refusalSummary(report),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
