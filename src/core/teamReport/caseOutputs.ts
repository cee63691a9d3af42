/**
 * The case for change in the team report's shared files: a `caseForChange`
 * section in the JSON, lines of section "year" and "what-if" in the CSV.
 * Suppressed figures are "*" as everywhere in the report; nothing here names
 * a file or a contributor. Its words come from the messages file through `t`
 * (reportLabels.ts); the CSV's identifiers are constants (writeCsv.ts).
 */
import type { AnnualAssumptions } from '../annualBurden.js';
import { csvCell } from '../csvCell.js';
import type { TeamReport } from './contract.js';
import { publishCell } from './disclosure.js';
import { escapeHtml } from './escapeHtml.js';
import { htmlCell } from './htmlCell.js';
import { teamReportToCsv } from './writeCsv.js';
import { teamReportToHtml } from './writeHtml.js';
import { teamReportToJson } from './writeJson.js';
import { burdenLabel, burdenSource, type MessageLookup } from './reportLabels.js';
import { FTE_DECIMALS, HOURS_DECIMALS, type TeamCase, type YearFigures } from './teamCase.js';
import { whatIfText } from './whatIfs.js';

/** The formulas the outputs print beside the figures, with the assumptions filled in. */
export function caseFormulas(t: MessageLookup, a: AnnualAssumptions): { workingWeeks: string; hoursAYear: string; fte: string } {
  const w = a.workingWeeksPerYear;
  const c = a.contractedHoursPerWeek;
  return {
    workingWeeks: t('teamReport_formulaWorkingWeeks', w),
    hoursAYear: t('teamReport_formulaHoursAYear', w),
    fte: t('teamReport_formulaFte', c, w, Math.round(c * w * 10) / 10),
  };
}

function yearJson(f: YearFigures) {
  return {
    contributors: publishCell(f.contributors),
    totalHoursAYear: publishCell(f.totalHours),
    totalFte: publishCell(f.totalFte),
    medianHoursAYear: publishCell(f.median),
    q1HoursAYear: publishCell(f.q1),
    q3HoursAYear: publishCell(f.q3),
  };
}

export function teamCaseJson(c: TeamCase, t: MessageLookup) {
  const formulas = caseFormulas(t, c.assumptions);
  return {
    assumptions: { ...c.assumptions },
    formulas,
    annualisedBy: { jobPlan: publishCell(c.annualisedBy.jobPlan), calendar: publishCell(c.annualisedBy.calendar), tooFewWeeks: publishCell(c.annualisedBy.tooFewWeeks) },
    burdens: c.burdens.map((b) => ({ burden: b.burden, label: burdenLabel(t, b.burden), madeOf: burdenSource(t, b.burden), ...yearJson(b) })),
    whatIfs: c.whatIfs.map((w) => ({
      ...w.choice,
      ...whatIfText(t, w.choice, c.assumptions),
      fteFormula: formulas.fte,
      ...yearJson(w),
    })),
  };
}

/** The team report's JSON with the case for change added as `caseForChange`. */
export function teamReportAndCaseToJson(report: TeamReport, c: TeamCase, t: MessageLookup): string {
  const out = { ...(JSON.parse(teamReportToJson(report, t)) as Record<string, unknown>), caseForChange: teamCaseJson(c, t) };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The team report's CSV with the case for change as more lines of the same five columns. */
export function teamReportAndCaseToCsv(report: TeamReport, c: TeamCase, t: MessageLookup): string {
  const lines: Array<Array<string | number | null>> = [];
  const formulas = caseFormulas(t, c.assumptions);
  lines.push(['year', 'assumptions', 'working weeks a year', c.assumptions.workingWeeksPerYear, 'weeks']);
  lines.push(['year', 'assumptions', 'contracted hours a week', c.assumptions.contractedHoursPerWeek, 'hours']);
  lines.push(['year', 'formula', 'working weeks in the period', formulas.workingWeeks, '']);
  lines.push(['year', 'formula', 'hours a year', formulas.hoursAYear, '']);
  lines.push(['year', 'formula', 'full-time equivalents', formulas.fte, '']);
  const figures = (section: string, item: string, f: YearFigures) => {
    lines.push([section, item, 'contributors', publishCell(f.contributors), 'people']);
    lines.push([section, item, 'total', publishCell(f.totalHours), 'hours a year']);
    lines.push([section, item, 'total fte', publishCell(f.totalFte), 'full-time equivalents']);
    lines.push([section, item, 'median', publishCell(f.median), 'hours a year per contributor']);
    lines.push([section, item, 'q1', publishCell(f.q1), 'hours a year per contributor']);
    lines.push([section, item, 'q3', publishCell(f.q3), 'hours a year per contributor']);
  };
  for (const b of c.burdens) figures('year', b.burden, b);
  for (const w of c.whatIfs) {
    const text = whatIfText(t, w.choice, c.assumptions);
    lines.push(['what-if', w.choice.id, 'change', text.change, '']);
    lines.push(['what-if', w.choice.id, 'source', text.source, '']);
    lines.push(['what-if', w.choice.id, 'formula', text.formula, '']);
    figures('what-if', w.choice.id, w);
  }
  return teamReportToCsv(report, t) + lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The team report page with a "A year at this rate" section (burdens and what-ifs) before "About this report"; its words through `t` (reportLabels.ts). */
export function teamReportAndCaseToHtml(report: TeamReport, c: TeamCase, t: MessageLookup): string {
  const min = report.minContributors;
  const formulas = caseFormulas(t, c.assumptions);
  const text = (key: string, ...subs: Array<string | number>) => escapeHtml(t(key, ...subs));
  const cells = (f: YearFigures) =>
    htmlCell(t, f.contributors, 0, min) + htmlCell(t, f.totalHours, HOURS_DECIMALS, min) + htmlCell(t, f.totalFte, FTE_DECIMALS, min) +
    htmlCell(t, f.q1, HOURS_DECIMALS, min) + htmlCell(t, f.median, HOURS_DECIMALS, min) + htmlCell(t, f.q3, HOURS_DECIMALS, min);
  const col = (key: string) => `<th scope="col">${text(key)}</th>`;
  const head = (first: string) =>
    `<thead><tr><th scope="col" class="text">${text(first)}</th>${col('teamReport_colContributors')}${col('teamReport_colTeamHoursAYear')}${col('teamReport_colFte')}` +
    `${col('teamReport_colLowerQuartile')}${col('teamReport_colMedian')}${col('teamReport_colUpperQuartile')}</tr></thead>`;
  const whatIfs = c.whatIfs.map((w) => ({ figures: w, words: whatIfText(t, w.choice, c.assumptions) }));
  const section =
    `<section aria-labelledby="s-year"><h2 id="s-year">${text('teamReport_sectionYear')}</h2>` +
    `<p>${text('teamReport_yearFormulas', formulas.hoursAYear, formulas.workingWeeks, formulas.fte)}</p>` +
    `<table id="t-year"><caption>${text('teamReport_yearCaption')}</caption>${head('teamReport_colBurden')}<tbody>` +
    c.burdens.map((b) => `<tr><th scope="row">${escapeHtml(burdenLabel(t, b.burden))}</th>${cells(b)}</tr>`).join('') +
    `</tbody></table>` +
    (whatIfs.length === 0
      ? ''
      : `<table id="t-whatifs"><caption>${text('teamReport_whatIfsCaption')}</caption>${head('teamReport_colWhatIf')}<tbody>` +
        whatIfs.map((w) => `<tr><th scope="row">${escapeHtml(w.words.title)}</th>${cells(w.figures)}</tr>`).join('') +
        `</tbody></table><ul class="plain">` +
        whatIfs.map(({ words: w }) => `<li><strong>${text('teamReport_whatIfTitle', w.title)}</strong> ${text('teamReport_whatIfDetails', w.change, w.source, w.formula)}</li>`).join('') +
        `</ul>`) +
    `</section>\n`;
  const page = teamReportToHtml(report, t);
  const at = page.indexOf('<section aria-labelledby="s-about">');
  return at < 0 ? page : page.slice(0, at) + section + page.slice(at);
}
