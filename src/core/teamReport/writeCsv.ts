/**
 * The team report as CSV (RFC 4180), one figure per line.
 *
 * The columns `section`, `item`, `statistic` and `unit` hold format
 * identifiers: fixed constants written here (and in caseOutputs.ts), the same
 * in every language, for spreadsheets and pipelines to select rows by
 * (docs/team-report.md#outputs). The only words from the messages file are
 * human text: the `value` of the disclosure statement, the withheld role
 * breakdown, the notes, the formulas and the what-ifs, and the `statistic`
 * of a `refused files` line, which is its reason's label (its `item` is the
 * reason's code).
 */
import { csvCell } from '../csvCell.js';
import { TEAM_MEASURES, TEAM_REPORT_FORMAT, TEAM_REPORT_FORMAT_VERSION, type Cell, type TeamReport } from './contract.js';
import { disclosureStatement, publishCell, refusalSummary } from './disclosure.js';
import { noteText, rejectionLabel, rolesWithheldText, type MessageLookup } from './reportLabels.js';

function figure(cell: Cell): string | number | null {
  return publishCell(cell);
}

/** A long-format CSV (one figure per line), UTF-8 with a byte-order mark and CRLF line ends. */
export function teamReportToCsv(report: TeamReport, t: MessageLookup): string {
  const min = report.minContributors;
  const lines: Array<Array<string | number | null>> = [['section', 'item', 'statistic', 'value', 'unit']];
  const add = (section: string, item: string, statistic: string, value: string | number | null, unit = ''): void => {
    lines.push([section, item, statistic, value, unit]);
  };
  add('report', 'format', 'name', TEAM_REPORT_FORMAT);
  add('report', 'format', 'version', TEAM_REPORT_FORMAT_VERSION);
  add('report', 'period', 'from', report.period?.from ?? null);
  add('report', 'period', 'to', report.period?.to ?? null);
  add('report', 'definition', 'inactivity threshold', report.definition?.inactivityThresholdSec ?? null, 'seconds');
  add('report', 'definition', 'reading allowance', report.definition?.readingAllowanceSec ?? null, 'seconds');
  add('report', 'disclosure', 'minimum contributors', min, 'people');
  add('report', 'disclosure', 'statement', disclosureStatement(t, min));
  add('report', 'contributors', 'count', figure(report.contributors), 'people');
  add('totals', 'active time', 'total', figure(report.totals.activeHours), 'hours');
  add('totals', 'scheduled time', 'total', figure(report.totals.scheduledHours), 'hours');
  add('totals', 'after-hours time', 'total', figure(report.totals.afterHoursHours), 'hours');
  add('totals', 'waiting for the system', 'total', figure(report.totals.waitingHours), 'hours');
  add('totals', 'logins', 'total', figure(report.totals.logins), 'logins');
  add('totals', 'after-hours share', 'percent', figure(report.afterHoursShare), 'per cent of active time');
  for (const c of report.perCategory) {
    add('category', c.category, 'contributors', figure(c.contributors), 'people');
    add('category', c.category, 'median', figure(c.median), 'hours per contributor');
    add('category', c.category, 'q1', figure(c.q1), 'hours per contributor');
    add('category', c.category, 'q3', figure(c.q3), 'hours per contributor');
    add('category', c.category, 'total', figure(c.totalHours), 'hours');
  }
  for (const m of report.perMeasure) {
    const unit = TEAM_MEASURES.find((d) => d.id === m.measure)!.unit;
    add('measure', m.measure, 'contributors', figure(m.contributors), 'people');
    add('measure', m.measure, 'median', figure(m.median), unit);
    add('measure', m.measure, 'q1', figure(m.q1), unit);
    add('measure', m.measure, 'q3', figure(m.q3), unit);
  }
  for (const w of report.trendByWeek) {
    add('week', w.week, 'contributors', figure(w.contributors), 'people');
    add('week', w.week, 'median active', figure(w.medianActiveHours), 'hours');
  }
  if (report.roles.shown) {
    for (const g of report.roles.groups) {
      add('role', g.role, 'contributors', figure(g.contributors), 'people');
      add('role', g.role, 'percent', figure(g.percent), 'per cent of contributors');
    }
  } else {
    add('role', 'all', 'not shown', rolesWithheldText(t, report.roles.reason, min));
  }
  for (const code of report.teamCodes) add('team code', code, 'present', 'yes');
  for (const note of report.notes) add('note', '', 'text', noteText(t, note, min));
  for (const r of refusalSummary(report)) add('refused files', r.code, rejectionLabel(t, r.code), r.files, 'files');
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
