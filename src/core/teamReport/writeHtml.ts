/** The team report as one self-contained HTML page. */
import { SUPPRESSED_MARK, TEAM_MEASURES, type Cell, type TeamReport } from './contract.js';
import { disclosureStatement, refusalSummary } from './disclosure.js';
import { escapeHtml } from './escapeHtml.js';
import { htmlCell } from './htmlCell.js';
import { columnChart, horizontalBarChart } from './htmlCharts.js';
import { REPORT_CSS } from './reportCss.js';
import { periodText } from './reportDates.js';
import { categoryLabel, measureLabel, measureUnitText, noteText, rejectionLabel, roleLabel, rolesWithheldText, type MessageLookup } from './reportLabels.js';

/**
 * A self-contained page: inline CSS and SVG, no scripts, no external resources; opens offline.
 * Every word on it comes from the messages file through `t` (reportLabels.ts).
 */
export function teamReportToHtml(report: TeamReport, t: MessageLookup): string {
  const min = report.minContributors;
  const text = (key: string, ...subs: Array<string | number>) => escapeHtml(t(key, ...subs));
  const period = report.period ? periodText(t, report.period) : t('teamReport_noPeriod');
  const c = report.contributors;
  const contributorsText =
    'suppressed' in c ? t('teamReport_contributorsSuppressed', SUPPRESSED_MARK, min) : c.value === 0 ? '0' : t('teamReport_contributorsRounded', c.value);
  const cell = (figure: Cell, decimals: number) => htmlCell(t, figure, decimals, min);
  const parts: string[] = [];
  const col = (key: string) => `<th scope="col">${text(key)}</th>`;
  const colText = (key: string) => `<th scope="col" class="text">${text(key)}</th>`;
  const totalRow = (labelKey: string, figure: Cell, unitKey: string, decimals = 1): string =>
    `<tr><th scope="row">${text(labelKey)}</th>${cell(figure, decimals)}<td class="text">${text(unitKey)}</td></tr>`;

  parts.push(
    `<h1>${text('teamReport_heading')}</h1>`,
    `<p class="lead">${text('teamReport_lead', period)}</p>`,
    `<section aria-labelledby="s-summary"><h2 id="s-summary">${text('teamReport_sectionSummary')}</h2><dl class="summary">` +
      `<dt>${text('teamReport_summaryPeriod')}</dt><dd>${escapeHtml(period)}</dd>` +
      `<dt>${text('teamReport_summaryContributors')}</dt><dd>${escapeHtml(contributorsText)}</dd>` +
      `<dt>${text('teamReport_summaryDefinition')}</dt><dd>${
        report.definition
          ? text('teamReport_definition', report.definition.inactivityThresholdSec, report.definition.readingAllowanceSec)
          : text('teamReport_noData')
      }</dd>` +
      `<dt>${text('teamReport_summaryTeamCodes')}</dt><dd>${report.teamCodes.length ? escapeHtml(report.teamCodes.join(', ')) : text('teamReport_teamCodesNone')}</dd>` +
      `</dl>` +
      `<p><strong>${text('teamReport_howToRead')}</strong> ${escapeHtml(disclosureStatement(t, min))} ${text('teamReport_noDataMeaning')}</p>` +
      report.notes.map((n) => `<p class="note">${escapeHtml(noteText(t, n, min))}</p>`).join('') +
      `</section>`,
  );

  parts.push(
    `<section aria-labelledby="s-totals"><h2 id="s-totals">${text('teamReport_sectionTotals')}</h2>` +
      `<table id="t-totals"><caption>${text('teamReport_totalsCaption')}</caption>` +
      `<thead><tr>${colText('teamReport_colFigure')}${col('teamReport_colValue')}${colText('teamReport_colUnit')}</tr></thead><tbody>` +
      totalRow('teamReport_total_activeHours', report.totals.activeHours, 'teamReport_unit_hours') +
      totalRow('teamReport_total_scheduledHours', report.totals.scheduledHours, 'teamReport_unit_hours') +
      totalRow('teamReport_total_afterHoursHours', report.totals.afterHoursHours, 'teamReport_unit_hours') +
      totalRow('teamReport_total_afterHoursShare', report.afterHoursShare, 'teamReport_unit_afterHoursShare') +
      totalRow('teamReport_total_waitingHours', report.totals.waitingHours, 'teamReport_unit_hours') +
      totalRow('teamReport_total_logins', report.totals.logins, 'teamReport_unit_logins', 0) +
      `</tbody></table></section>`,
  );

  const catRows = report.perCategory
    .map(
      (c) =>
        `<tr><th scope="row">${escapeHtml(categoryLabel(t, c.category))}</th>${cell(c.contributors, 0)}${cell(c.median, 1)}${cell(c.q1, 1)}${cell(c.q3, 1)}${cell(c.totalHours, 1)}</tr>`,
    )
    .join('');
  parts.push(
    `<section aria-labelledby="s-categories"><h2 id="s-categories">${text('teamReport_sectionCategories')}</h2>` +
      `<p>${text('teamReport_categoriesIntro')}</p>` +
      horizontalBarChart(
        'c-categories',
        t('teamReport_categoriesChartTitle'),
        t('teamReport_categoriesChartDesc'),
        report.perCategory.map((c) => ({ label: categoryLabel(t, c.category), cell: c.median })),
        { value: (shown) => t('teamReport_chartHours', shown), noData: t('teamReport_noData') },
      ) +
      `<table id="t-categories"><caption>${text('teamReport_categoriesCaption', period)}</caption>` +
      `<thead><tr>${colText('teamReport_colTask')}${col('teamReport_colContributorsWithTime')}${col('teamReport_colMedianHours')}${col('teamReport_colLowerQuartile')}${col('teamReport_colUpperQuartile')}${col('teamReport_colTotalHours')}</tr></thead>` +
      `<tbody>${catRows}</tbody></table></section>`,
  );

  const measureRows = report.perMeasure
    .map((m) => {
      const decimals = TEAM_MEASURES.find((d) => d.id === m.measure)!.decimals;
      return `<tr><th scope="row">${escapeHtml(measureLabel(t, m.measure))}</th><td class="text">${escapeHtml(measureUnitText(t, m.measure))}</td>${cell(m.contributors, 0)}${cell(m.median, decimals)}${cell(m.q1, decimals)}${cell(m.q3, decimals)}</tr>`;
    })
    .join('');
  parts.push(
    `<section aria-labelledby="s-measures"><h2 id="s-measures">${text('teamReport_sectionMeasures')}</h2>` +
      `<p>${text('teamReport_measuresIntro')}</p>` +
      `<table id="t-measures"><caption>${text('teamReport_measuresCaption', period)}</caption>` +
      `<thead><tr>${colText('teamReport_colMeasure')}${colText('teamReport_colUnit')}${col('teamReport_colContributors')}${col('teamReport_colMedian')}${col('teamReport_colLowerQuartile')}${col('teamReport_colUpperQuartile')}</tr></thead>` +
      `<tbody>${measureRows}</tbody></table></section>`,
  );

  const weekRows = report.trendByWeek
    .map((w) => `<tr><th scope="row">${escapeHtml(w.week)}</th>${cell(w.contributors, 0)}${cell(w.medianActiveHours, 1)}</tr>`)
    .join('');
  parts.push(
    `<section aria-labelledby="s-weeks"><h2 id="s-weeks">${text('teamReport_sectionWeeks')}</h2>` +
      (report.trendByWeek.length === 0
        ? `<p>${text('teamReport_noWeeks')}</p>`
        : `<p>${text('teamReport_weeksIntro')}</p>` +
          columnChart(
            'c-weeks',
            t('teamReport_weeksChartTitle'),
            t('teamReport_weeksChartDesc'),
            report.trendByWeek.map((w) => ({ label: w.week.slice(5), cell: w.medianActiveHours })),
            t('teamReport_weeksChartAxis'),
          ) +
          `<table id="t-weeks"><caption>${text('teamReport_weeksCaption')}</caption>` +
          `<thead><tr>${colText('teamReport_colWeek')}${col('teamReport_colContributors')}${col('teamReport_colMedianActiveHours')}</tr></thead>` +
          `<tbody>${weekRows}</tbody></table>`) +
      `</section>`,
  );

  parts.push(
    `<section aria-labelledby="s-roles"><h2 id="s-roles">${text('teamReport_sectionRoles')}</h2>` +
      (report.roles.shown
        ? `<table id="t-roles"><caption>${text('teamReport_rolesCaption')}</caption>` +
          `<thead><tr>${colText('teamReport_colRole')}${col('teamReport_colContributors')}${col('teamReport_colPerCent')}</tr></thead><tbody>` +
          report.roles.groups.map((g) => `<tr><th scope="row">${escapeHtml(roleLabel(t, g.role))}</th>${cell(g.contributors, 0)}${cell(g.percent, 1)}</tr>`).join('') +
          `</tbody></table>`
        : `<p>${escapeHtml(rolesWithheldText(t, report.roles.reason, min))}</p>`) +
      `</section>`,
  );

  const refused = refusalSummary(report);
  parts.push(
    `<section aria-labelledby="s-refused"><h2 id="s-refused">${text('teamReport_sectionRefused')}</h2>` +
      (refused.length === 0
        ? `<p>${text('teamReport_noneRefused')}</p>`
        : `<p>${text('teamReport_refusedIntro')}</p>` +
          `<table id="t-refused"><caption>${text('teamReport_refusedCaption')}</caption><thead><tr>${colText('teamReport_colReason')}${col('teamReport_colFiles')}</tr></thead><tbody>` +
          refused.map((r) => `<tr><th scope="row">${escapeHtml(rejectionLabel(t, r.code))}</th><td>${r.files}</td></tr>`).join('') +
          `</tbody></table>`) +
      `</section>`,
  );

  parts.push(
    `<section aria-labelledby="s-about"><h2 id="s-about">${text('teamReport_sectionAbout')}</h2>` +
      `<ul class="plain">` +
      ['teamReport_aboutSource', 'teamReport_aboutQuartiles', 'teamReport_aboutPrivacy', 'teamReport_aboutUse'].map((key) => `<li>${text(key)}</li>`).join('') +
      `</ul></section>`,
  );

  return (
    `<!DOCTYPE html>\n<html lang="${text('teamReport_htmlLang')}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    `<title>${text('teamReport_pageTitle', period)}</title>\n<style>\n${REPORT_CSS}\n</style>\n</head>\n<body>\n<main>\n${parts.join('\n')}\n</main>\n</body>\n</html>\n`
  );
}
