/** The team report as one self-contained HTML page. */
import { formatNumber } from '../numbers.js';
import { CATEGORY_LABELS, ROLE_LABELS, SUPPRESSED_MARK, TEAM_MEASURES, type Cell, type MeasureDefinition, type MeasureId, type TeamReport } from './contract.js';
import { disclosureStatement, publishCell, refusalSummary } from './disclosure.js';
import { escapeHtml } from './escapeHtml.js';
import { columnChart, horizontalBarChart } from './htmlCharts.js';
import { REPORT_CSS } from './reportCss.js';

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

/** A self-contained page: inline CSS and SVG, no scripts, no external resources; opens offline. */
export function teamReportToHtml(report: TeamReport): string {
  const min = report.minContributors;
  const periodText = report.period ? `${longDate(report.period.from)} to ${longDate(report.period.to)}` : 'no period (no file was merged)';
  const contributors = publishCell(report.contributors);
  const contributorsText =
    contributors === null ? 'none' : contributors === SUPPRESSED_MARK ? `* (fewer than ${min})` : contributors === 0 ? '0' : `${contributors} (rounded to the nearest 5)`;
  const measureDef = (id: MeasureId): MeasureDefinition => TEAM_MEASURES.find((d) => d.id === id)!;
  const parts: string[] = [];
  const totalRow = (label: string, cell: Cell, unit: string, decimals = 1): string =>
    `<tr><th scope="row">${escapeHtml(label)}</th>${htmlCell(cell, decimals, min)}<td class="text">${escapeHtml(unit)}</td></tr>`;

  parts.push(
    `<h1>Timeback team report</h1>`,
    `<p class="lead">Time spent in clinical systems by one team, ${escapeHtml(periodText)}, merged from the team members’ anonymised Timeback exports.</p>`,
    `<section aria-labelledby="s-summary"><h2 id="s-summary">Summary</h2><dl class="summary">` +
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
    `<section aria-labelledby="s-totals"><h2 id="s-totals">Team totals</h2>` +
      `<table id="t-totals"><caption>Totals for all contributors over the period</caption>` +
      `<thead><tr><th scope="col" class="text">Figure</th><th scope="col">Value</th><th scope="col" class="text">Unit</th></tr></thead><tbody>` +
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
        `<tr><th scope="row">${escapeHtml(CATEGORY_LABELS[c.category])}</th>${htmlCell(c.contributors, 0, min)}${htmlCell(c.median, 1, min)}${htmlCell(c.q1, 1, min)}${htmlCell(c.q3, 1, min)}${htmlCell(c.totalHours, 1, min)}</tr>`,
    )
    .join('');
  parts.push(
    `<section aria-labelledby="s-categories"><h2 id="s-categories">Time by task</h2>` +
      `<p>Hours each contributor spent on each task over the period. The middle half of contributors fall between the lower and upper quartiles.</p>` +
      horizontalBarChart(
        'c-categories',
        'Median hours per contributor, by task',
        'Bar chart of the median hours per contributor for each task; the same figures are in the table below.',
        report.perCategory.map((c) => ({ label: CATEGORY_LABELS[c.category], cell: c.median })),
        'h',
      ) +
      `<table id="t-categories"><caption>Hours per contributor by task, ${escapeHtml(periodText)}</caption>` +
      `<thead><tr><th scope="col" class="text">Task</th><th scope="col">Contributors with time on it</th><th scope="col">Median hours</th><th scope="col">Lower quartile</th><th scope="col">Upper quartile</th><th scope="col">Total hours</th></tr></thead>` +
      `<tbody>${catRows}</tbody></table></section>`,
  );

  const measureRows = report.perMeasure
    .map((m) => {
      const def = measureDef(m.measure);
      return `<tr><th scope="row">${escapeHtml(def.label)}</th><td class="text">${escapeHtml(def.unit)}</td>${htmlCell(m.contributors, 0, min)}${htmlCell(m.median, def.decimals, min)}${htmlCell(m.q1, def.decimals, min)}${htmlCell(m.q3, def.decimals, min)}</tr>`;
    })
    .join('');
  parts.push(
    `<section aria-labelledby="s-measures"><h2 id="s-measures">Burden measures</h2>` +
      `<p>Each contributor’s figure for the period, then the median and quartiles across contributors. The per-8-hour measures follow Sinsky and colleagues (2020): hours in the systems for every 8 hours of scheduled clinical time.</p>` +
      `<table id="t-measures"><caption>Burden measures across contributors, ${escapeHtml(periodText)}</caption>` +
      `<thead><tr><th scope="col" class="text">Measure</th><th scope="col" class="text">Unit</th><th scope="col">Contributors</th><th scope="col">Median</th><th scope="col">Lower quartile</th><th scope="col">Upper quartile</th></tr></thead>` +
      `<tbody>${measureRows}</tbody></table></section>`,
  );

  const weekRows = report.trendByWeek
    .map((w) => `<tr><th scope="row">${escapeHtml(w.week)}</th>${htmlCell(w.contributors, 0, min)}${htmlCell(w.medianActiveHours, 1, min)}</tr>`)
    .join('');
  parts.push(
    `<section aria-labelledby="s-weeks"><h2 id="s-weeks">Week by week</h2>` +
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
          `<thead><tr><th scope="col" class="text">Week</th><th scope="col">Contributors</th><th scope="col">Median active hours</th></tr></thead>` +
          `<tbody>${weekRows}</tbody></table>`) +
      `</section>`,
  );

  parts.push(
    `<section aria-labelledby="s-roles"><h2 id="s-roles">Contributors by role</h2>` +
      (report.roles.shown
        ? `<table id="t-roles"><caption>Contributors by role (percentages from the rounded counts)</caption>` +
          `<thead><tr><th scope="col" class="text">Role</th><th scope="col">Contributors</th><th scope="col">Per cent</th></tr></thead><tbody>` +
          report.roles.groups.map((g) => `<tr><th scope="row">${escapeHtml(ROLE_LABELS[g.role])}</th>${htmlCell(g.contributors, 0, min)}${htmlCell(g.percent, 1, min)}</tr>`).join('') +
          `</tbody></table>`
        : `<p>${escapeHtml(report.roles.reason)}</p>`) +
      `</section>`,
  );

  const refused = refusalSummary(report);
  parts.push(
    `<section aria-labelledby="s-refused"><h2 id="s-refused">Files not included</h2>` +
      (refused.length === 0
        ? '<p>Every file given was merged.</p>'
        : `<p>These files were checked and left out; nothing from them is in this report. The person who made the report has the list of files.</p>` +
          `<table id="t-refused"><caption>Files left out, by reason</caption><thead><tr><th scope="col" class="text">Reason</th><th scope="col">Files</th></tr></thead><tbody>` +
          refused.map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td>${r.files}</td></tr>`).join('') +
          `</tbody></table>`) +
      `</section>`,
  );

  parts.push(
    `<section aria-labelledby="s-about"><h2 id="s-about">About this report</h2>` +
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
    `<title>${escapeHtml(`Timeback team report: ${periodText}`)}</title>\n<style>\n${REPORT_CSS}\n</style>\n</head>\n<body>\n<main>\n${parts.join('\n')}\n</main>\n</body>\n</html>\n`
  );
}
