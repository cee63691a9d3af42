/**
 * The case for change in the team report's shared files: a `caseForChange`
 * section in the JSON, lines of section "year" and "what-if" in the CSV.
 * Suppressed figures are "*" as everywhere in the report; nothing here names
 * a file or a contributor.
 */
import { BURDEN_LABELS, BURDEN_SOURCES, type AnnualAssumptions } from '../annualBurden.js';
import { csvCell } from '../csvCell.js';
import type { TeamReport } from './contract.js';
import { publishCell } from './disclosure.js';
import { escapeHtml } from './escapeHtml.js';
import { htmlCell } from './htmlCell.js';
import { teamReportToCsv } from './writeCsv.js';
import { teamReportToHtml } from './writeHtml.js';
import { teamReportToJson } from './writeJson.js';
import type { MessageLookup } from './reportLabels.js';
import { FTE_DECIMALS, HOURS_DECIMALS, type TeamCase, type YearFigures } from './teamCase.js';

/** The formulas the outputs print beside the figures, with the assumptions filled in. */
export function caseFormulas(a: AnnualAssumptions): { workingWeeks: string; hoursAYear: string; fte: string } {
  return {
    workingWeeks:
      "Working weeks in the period, w = scheduled hours in the period ÷ the job plan's scheduled hours in a full week (the most in any complete week of the period); " +
      `without a job plan, w = calendar weeks in the period × ${a.workingWeeksPerYear} ÷ 52.18`,
    hoursAYear: `Hours a year = hours in the period ÷ w × ${a.workingWeeksPerYear} working weeks a year (no figure from under one working week, or under one calendar week without a job plan)`,
    fte: `Full-time equivalents = hours a year ÷ (${a.contractedHoursPerWeek} contracted hours a week × ${a.workingWeeksPerYear} working weeks a year = ${Math.round(a.contractedHoursPerWeek * a.workingWeeksPerYear * 10) / 10} hours)`,
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

export function teamCaseJson(c: TeamCase) {
  const formulas = caseFormulas(c.assumptions);
  return {
    assumptions: { ...c.assumptions },
    formulas,
    annualisedBy: { jobPlan: publishCell(c.annualisedBy.jobPlan), calendar: publishCell(c.annualisedBy.calendar), tooFewWeeks: publishCell(c.annualisedBy.tooFewWeeks) },
    burdens: c.burdens.map((b) => ({ burden: b.burden, label: BURDEN_LABELS[b.burden], madeOf: BURDEN_SOURCES[b.burden], ...yearJson(b) })),
    whatIfs: c.whatIfs.map((w) => ({
      ...w.choice,
      title: w.text.title,
      change: w.text.change,
      source: w.text.source,
      formula: w.text.formula,
      fteFormula: formulas.fte,
      ...yearJson(w),
    })),
  };
}

/** The team report's JSON with the case for change added as `caseForChange`. */
export function teamReportAndCaseToJson(report: TeamReport, c: TeamCase, t: MessageLookup): string {
  const out = { ...(JSON.parse(teamReportToJson(report, t)) as Record<string, unknown>), caseForChange: teamCaseJson(c) };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The team report's CSV with the case for change as more lines of the same five columns. */
export function teamReportAndCaseToCsv(report: TeamReport, c: TeamCase, t: MessageLookup): string {
  const lines: Array<Array<string | number | null>> = [];
  const formulas = caseFormulas(c.assumptions);
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
    lines.push(['what-if', w.choice.id, 'change', w.text.change, '']);
    lines.push(['what-if', w.choice.id, 'source', w.text.source, '']);
    lines.push(['what-if', w.choice.id, 'formula', w.text.formula, '']);
    figures('what-if', w.choice.id, w);
  }
  return teamReportToCsv(report, t) + lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const htmlText = escapeHtml;

/** The team report page with a "A year at this rate" section (burdens and what-ifs) before "About this report"; its words through `t` (reportLabels.ts). */
export function teamReportAndCaseToHtml(report: TeamReport, c: TeamCase, t: MessageLookup): string {
  const min = report.minContributors;
  const formulas = caseFormulas(c.assumptions);
  const cells = (f: YearFigures) =>
    htmlCell(t, f.contributors, 0, min) + htmlCell(t, f.totalHours, HOURS_DECIMALS, min) + htmlCell(t, f.totalFte, FTE_DECIMALS, min) +
    htmlCell(t, f.q1, HOURS_DECIMALS, min) + htmlCell(t, f.median, HOURS_DECIMALS, min) + htmlCell(t, f.q3, HOURS_DECIMALS, min);
  const col = (key: string) => `<th scope="col">${htmlText(t(key))}</th>`;
  const head = (first: string) =>
    `<thead><tr><th scope="col" class="text">${htmlText(t(first))}</th>${col('teamReport_colContributors')}${col('teamReport_colTeamHoursAYear')}${col('teamReport_colFte')}` +
    `${col('teamReport_colLowerQuartile')}${col('teamReport_colMedian')}${col('teamReport_colUpperQuartile')}</tr></thead>`;
  const section =
    `<section aria-labelledby="s-year"><h2 id="s-year">${htmlText(t('teamReport_sectionYear'))}</h2>` +
    `<p>${htmlText(formulas.hoursAYear)}. ${htmlText(formulas.workingWeeks)}. ${htmlText(formulas.fte)}.</p>` +
    `<table id="t-year"><caption>Burdens in hours a year (quartiles and median per contributor)</caption>${head('teamReport_colBurden')}<tbody>` +
    c.burdens.map((b) => `<tr><th scope="row">${htmlText(BURDEN_LABELS[b.burden])}</th>${cells(b)}</tr>`).join('') +
    `</tbody></table>` +
    (c.whatIfs.length === 0
      ? ''
      : `<table id="t-whatifs"><caption>What-ifs: hours given back a year</caption>${head('teamReport_colWhatIf')}<tbody>` +
        c.whatIfs.map((w) => `<tr><th scope="row">${htmlText(w.text.title)}</th>${cells(w)}</tr>`).join('') +
        `</tbody></table><ul class="plain">` +
        c.whatIfs.map((w) => `<li><strong>${htmlText(w.text.title)}.</strong> ${htmlText(w.text.change)} Source: ${htmlText(w.text.source)} Formula: ${htmlText(w.text.formula)}.</li>`).join('') +
        `</ul>`) +
    `</section>\n`;
  const page = teamReportToHtml(report, t);
  const at = page.indexOf('<section aria-labelledby="s-about">');
  return at < 0 ? page : page.slice(0, at) + section + page.slice(at);
}
