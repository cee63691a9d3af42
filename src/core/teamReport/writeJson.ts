/** The shareable JSON of the team report (docs/team-report.md): no file names; suppressed cells are "*". */
import { SUPPRESSED_MARK, TEAM_REPORT_FORMAT, TEAM_REPORT_FORMAT_VERSION, type TeamReport } from './contract.js';
import { disclosureStatement, publishCell, refusalSummary } from './disclosure.js';
import { categoryLabel, measureLabel, measureUnitText, noteText, rejectionLabel, roleLabel, rolesWithheldText, type MessageLookup } from './reportLabels.js';

/**
 * The shareable JSON: the report without file names; suppressed cells are "*".
 * Its codes and keys are the format; its texts (labels, units, the statement,
 * notes) are words from the messages file through `t` (reportLabels.ts).
 */
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
      statement: disclosureStatement(t, report.minContributors),
      quartiles: t('teamReport_quartileMethod'),
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
    perMeasure: report.perMeasure.map((m) => ({
      measure: m.measure,
      label: measureLabel(t, m.measure),
      unit: measureUnitText(t, m.measure),
      contributors: publishCell(m.contributors),
      median: publishCell(m.median),
      q1: publishCell(m.q1),
      q3: publishCell(m.q3),
    })),
    trendByWeek: report.trendByWeek.map((w) => ({
      week: w.week,
      contributors: publishCell(w.contributors),
      medianActiveHours: publishCell(w.medianActiveHours),
    })),
    roles: report.roles.shown
      ? { shown: true, groups: report.roles.groups.map((g) => ({ role: g.role, label: roleLabel(t, g.role), contributors: publishCell(g.contributors), percent: publishCell(g.percent) })) }
      : { shown: false, reason: rolesWithheldText(t, report.roles.reason, report.minContributors) },
    teamCodes: report.teamCodes,
    notes: report.notes.map((n) => noteText(t, n, report.minContributors)),
    refusedFiles: refusalSummary(report).map((r) => ({ code: r.code, label: rejectionLabel(t, r.code), files: r.files })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
