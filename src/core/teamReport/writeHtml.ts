/** The team report as one self-contained HTML page. */
import { formatNumber } from '../numbers.js';
import { SUPPRESSED_MARK, TEAM_MEASURES, type Cell, type MeasureDefinition, type MeasureId, type TeamReport } from './contract.js';
import { disclosureStatement, publishCell, refusalSummary } from './disclosure.js';
import { escapeHtml } from './escapeHtml.js';
import { columnChart, horizontalBarChart } from './htmlCharts.js';
import { REPORT_CSS } from './reportCss.js';
import { categoryLabel, roleLabel, type MessageLookup } from './reportLabels.js';

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-05-04" → "4 May 2026". */
function longDate(key: string): string {
  const m = DATE_KEY.exec(key);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : key;
}


function htmlCell(cell: Cell, decimals: number, min: number): string {
  if (cell === null) return '<td class="nodata">no data</td>';
  if ('suppressed' in cell) return `<td class="sup"><abbr title="Suppressed: fewer than ${min} contributors">${SUPPRESSED_MARK}</abbr></td>`;
  return `<td>${escapeHtml(formatNumber(cell.value, decimals))}</td>`;
}

/**
 * A self-contained page: inline CSS and SVG, no scripts, no external resources; opens offline.
 * Its headings and labels come from the messages file through `t` (reportLabels.ts).
 */
export function teamReportToHtml(report: TeamReport, t: MessageLookup): string {
  const min = report.minContributors;
  const periodText = report.period ? `${longDate(report.period.from)} to ${longDate(report.period.to)}` : 'no period (no file was merged)';
  const contributors = publishCell(report.contributors);
  const contributorsText =
    contributors === null ? 'none' : contributors === SUPPRESSED_MARK ? `* (fewer than ${min})` : contributors === 0 ? '0' : `${contributors} (rounded to the nearest 5)`;
  const measureDef = (id: MeasureId): MeasureDefinition => TEAM_MEASURES.find((d) => d.id === id)!;
  const parts: string[] = [];
  const col = (key: string) => `<th scope="col">${escapeHtml(t(key))}</th>`;
  const colText = (key: string) => `<th scope="col" class="text">${escapeHtml(t(key))}</th>`;
  const totalRow = (label: string, cell: Cell, unit: string, decimals = 1): string =>
    `<tr><th scope="row">${escapeHtml(label)}</th>${htmlCell(cell, decimals, min)}<td class="text">${escapeHtml(unit)}</td></tr>`;

  parts.push(
    `<h1>${escapeHtml(t('teamReport_heading'))}</h1>`,
    `<p class="lead">Time spent in clinical systems by one team, ${escapeHtml(periodText)}, merged from the team members’ anonymised Timeback exports.</p>`,
    `<section aria-labelledby="s-summary"><h2 id="s-summary">${escapeHtml(t('teamReport_sectionSummary'))}</h2><dl class="summary">` +
      `<dt>Period</dt><dd>${escapeHtml(periodText)}</dd>` +
      `<dt>Contributors</dt><dd>${escapeHtml(contributorsText)}</dd>` +
      `<dt>Active time defined by</dt><dd>${
        report.definition
          ? escapeHtml(`an inactivity threshold of ${report.definition.inactivityThresholdSec} seconds and a reading allowance of ${report.definition.readingAllowanceSec} seconds`)
          : 'no data'
      }</dd>` +
      `<dt>Team codes</dt><dd>${report.teamCodes.length ? escapeHtml(report.teamCodes.join(', ')) : 'none given'}</dd>` +
      `</dl>` +
      `<p><strong>How to read this report.</strong> ${escapeHtml(disclosureStatement(min))} “No data” means nobody had a figure for it.</p>` +
      report.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('') +
      `</section>`,
  );

  parts.push(
    `<section aria-labelledby="s-totals"><h2 id="s-totals">${escapeHtml(t('teamReport_sectionTotals'))}</h2>` +
      `<table id="t-totals"><caption>Totals for all contributors over the period</caption>` +
      `<thead><tr>${colText('teamReport_colFigure')}${col('teamReport_colValue')}${colText('teamReport_colUnit')}</tr></thead><tbody>` +
      totalRow('Active time', report.totals.activeHours, 'hours') +
      totalRow('Scheduled time', report.totals.scheduledHours, 'hours') +
      totalRow('After-hours time', report.totals.afterHoursHours, 'hours') +
      totalRow('Share of active time after hours', report.afterHoursShare, 'per cent, from the rounded totals') +
      totalRow('Waiting for the system', report.totals.waitingHours, 'hours') +
      totalRow('Logins', report.totals.logins, 'logins', 0) +
      `</tbody></table></section>`,
  );

  const catRows = report.perCategory
    .map(
      (c) =>
        `<tr><th scope="row">${escapeHtml(categoryLabel(t, c.category))}</th>${htmlCell(c.contributors, 0, min)}${htmlCell(c.median, 1, min)}${htmlCell(c.q1, 1, min)}${htmlCell(c.q3, 1, min)}${htmlCell(c.totalHours, 1, min)}</tr>`,
    )
    .join('');
  parts.push(
    `<section aria-labelledby="s-categories"><h2 id="s-categories">${escapeHtml(t('teamReport_sectionCategories'))}</h2>` +
      `<p>Hours each contributor spent on each task over the period. The middle half of contributors fall between the lower and upper quartiles.</p>` +
      horizontalBarChart(
        'c-categories',
        'Median hours per contributor, by task',
        'Bar chart of the median hours per contributor for each task; the same figures are in the table below.',
        report.perCategory.map((c) => ({ label: categoryLabel(t, c.category), cell: c.median })),
        'h',
      ) +
      `<table id="t-categories"><caption>Hours per contributor by task, ${escapeHtml(periodText)}</caption>` +
      `<thead><tr>${colText('teamReport_colTask')}${col('teamReport_colContributorsWithTime')}${col('teamReport_colMedianHours')}${col('teamReport_colLowerQuartile')}${col('teamReport_colUpperQuartile')}${col('teamReport_colTotalHours')}</tr></thead>` +
      `<tbody>${catRows}</tbody></table></section>`,
  );

  const measureRows = report.perMeasure
    .map((m) => {
      const def = measureDef(m.measure);
      return `<tr><th scope="row">${escapeHtml(def.label)}</th><td class="text">${escapeHtml(def.unit)}</td>${htmlCell(m.contributors, 0, min)}${htmlCell(m.median, def.decimals, min)}${htmlCell(m.q1, def.decimals, min)}${htmlCell(m.q3, def.decimals, min)}</tr>`;
    })
    .join('');
  parts.push(
    `<section aria-labelledby="s-measures"><h2 id="s-measures">${escapeHtml(t('teamReport_sectionMeasures'))}</h2>` +
      `<p>Each contributor’s figure for the period, then the median and quartiles across contributors. The per-8-hour measures follow Sinsky and colleagues (2020): hours in the systems for every 8 hours of scheduled clinical time.</p>` +
      `<table id="t-measures"><caption>Burden measures across contributors, ${escapeHtml(periodText)}</caption>` +
      `<thead><tr>${colText('teamReport_colMeasure')}${colText('teamReport_colUnit')}${col('teamReport_colContributors')}${col('teamReport_colMedian')}${col('teamReport_colLowerQuartile')}${col('teamReport_colUpperQuartile')}</tr></thead>` +
      `<tbody>${measureRows}</tbody></table></section>`,
  );

  const weekRows = report.trendByWeek
    .map((w) => `<tr><th scope="row">${escapeHtml(w.week)}</th>${htmlCell(w.contributors, 0, min)}${htmlCell(w.medianActiveHours, 1, min)}</tr>`)
    .join('');
  parts.push(
    `<section aria-labelledby="s-weeks"><h2 id="s-weeks">${escapeHtml(t('teamReport_sectionWeeks'))}</h2>` +
      (report.trendByWeek.length === 0
        ? '<p>No weeks to show.</p>'
        : `<p>The median active hours per contributor in each ISO week (Monday to Sunday). Weeks at the ends of the period may be partial.</p>` +
          columnChart(
            'c-weeks',
            'Median active hours per contributor, by week',
            'Column chart of the median active hours per contributor in each week; the same figures are in the table below.',
            report.trendByWeek.map((w) => ({ label: w.week.slice(5), cell: w.medianActiveHours })),
          ) +
          `<table id="t-weeks"><caption>Median active hours per contributor, by ISO week</caption>` +
          `<thead><tr>${colText('teamReport_colWeek')}${col('teamReport_colContributors')}${col('teamReport_colMedianActiveHours')}</tr></thead>` +
          `<tbody>${weekRows}</tbody></table>`) +
      `</section>`,
  );

  parts.push(
    `<section aria-labelledby="s-roles"><h2 id="s-roles">${escapeHtml(t('teamReport_sectionRoles'))}</h2>` +
      (report.roles.shown
        ? `<table id="t-roles"><caption>Contributors by role (percentages from the rounded counts)</caption>` +
          `<thead><tr>${colText('teamReport_colRole')}${col('teamReport_colContributors')}${col('teamReport_colPerCent')}</tr></thead><tbody>` +
          report.roles.groups.map((g) => `<tr><th scope="row">${escapeHtml(roleLabel(t, g.role))}</th>${htmlCell(g.contributors, 0, min)}${htmlCell(g.percent, 1, min)}</tr>`).join('') +
          `</tbody></table>`
        : `<p>${escapeHtml(report.roles.reason)}</p>`) +
      `</section>`,
  );

  const refused = refusalSummary(report);
  parts.push(
    `<section aria-labelledby="s-refused"><h2 id="s-refused">${escapeHtml(t('teamReport_sectionRefused'))}</h2>` +
      (refused.length === 0
        ? '<p>Every file given was merged.</p>'
        : `<p>These files were checked and left out; nothing from them is in this report. The person who made the report has the list of files.</p>` +
          `<table id="t-refused"><caption>Files left out, by reason</caption><thead><tr>${colText('teamReport_colReason')}${col('teamReport_colFiles')}</tr></thead><tbody>` +
          refused.map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td>${r.files}</td></tr>`).join('') +
          `</tbody></table>`) +
      `</section>`,
  );

  parts.push(
    `<section aria-labelledby="s-about"><h2 id="s-about">${escapeHtml(t('teamReport_sectionAbout'))}</h2>` +
      `<ul class="plain">` +
      `<li>Each contributor made a personal export in Timeback: hours per week and task, rounded to 0.1 hours, with no patient details, web addresses, page titles or times of day. Each file was checked on its own before it was merged.</li>` +
      `<li>The median is the middle value. The quartiles use linear interpolation between the sorted values (the method R, NumPy and Excel’s QUARTILE.INC use by default).</li>` +
      `<li>This report never shows one person’s figures, never names contributors, and cannot be filtered into smaller groups. It covers one fixed team and one period.</li>` +
      `<li>It measures time in the systems, not the quality of anyone’s work, and must not be used to manage individual performance.</li>` +
      `</ul></section>`,
  );

  return (
    `<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    `<title>${escapeHtml(t('teamReport_pageTitle', periodText))}</title>\n<style>\n${REPORT_CSS}\n</style>\n</head>\n<body>\n<main>\n${parts.join('\n')}\n</main>\n</body>\n</html>\n`
  );
}
