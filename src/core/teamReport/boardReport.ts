/**
 * The one-page board report (docs/team-report.md#the-board-report): the
 * headline figures, one chart per burden with its data table, the chosen
 * what-ifs with their sources and formulas, the method in plain English, the
 * disclosure rule applied and the definition of active time used.
 *
 * `boardReportModel` makes the content once, as display text in words from
 * the messages file (through the `t` its caller passes); the printable page
 * (`boardReportToHtml`, here) and the dashboard's Share view (BoardReportView)
 * both render that model, so they say the same thing.
 */
import type { BurdenId } from '../annualBurden.js';
import { formatNumber } from '../numbers.js';
import { SUPPRESSED_MARK, type Cell, type Disclosed, type TeamReport } from './contract.js';
import { caseFormulas } from './caseOutputs.js';
import { escapeHtml } from './escapeHtml.js';
import { periodText } from './reportDates.js';
import { burdenLabel, burdenSource, type MessageLookup } from './reportLabels.js';
import { FTE_DECIMALS, HOURS_DECIMALS, type TeamCase, type YearFigures } from './teamCase.js';
import { whatIfText } from './whatIfs.js';

export interface BoardFigureRow {
  contributors: string;
  total: string;
  fte: string;
  median: string;
  q1: string;
  q3: string;
}

export interface BoardBurden {
  id: BurdenId;
  label: string;
  madeOf: string;
  row: BoardFigureRow;
  /** Per-contributor spread for the chart, hours a year; null when suppressed or no data. */
  spread: { q1: number; median: number; q3: number } | null;
  /** What the chart says instead of a bar, when there is none. */
  spreadNote: string;
}

export interface BoardWhatIf {
  title: string;
  change: string;
  source: string;
  formula: string;
  row: BoardFigureRow;
}

export interface BoardReportModel {
  title: string;
  period: string;
  contributors: string;
  headline: Array<{ label: string; value: string; detail: string }>;
  burdens: BoardBurden[];
  /** The chart scale: the largest upper quartile shown (at least 1 hour). */
  chartMax: number;
  whatIfs: BoardWhatIf[];
  method: string[];
  disclosure: string;
  definition: string;
}

function cellText(t: MessageLookup, cell: Cell | Disclosed, decimals: number): string {
  if (cell === null) return t('teamReport_noData');
  return 'suppressed' in cell ? SUPPRESSED_MARK : formatNumber(cell.value, decimals);
}

function shown(cell: Cell): number | null {
  return cell !== null && 'value' in cell ? cell.value : null;
}

function row(t: MessageLookup, f: YearFigures): BoardFigureRow {
  return {
    contributors: cellText(t, f.contributors, 0),
    total: cellText(t, f.totalHours, HOURS_DECIMALS),
    fte: cellText(t, f.totalFte, FTE_DECIMALS),
    median: cellText(t, f.median, HOURS_DECIMALS),
    q1: cellText(t, f.q1, HOURS_DECIMALS),
    q3: cellText(t, f.q3, HOURS_DECIMALS),
  };
}

export function boardReportModel(report: TeamReport, c: TeamCase, t: MessageLookup): BoardReportModel {
  const min = report.minContributors;
  const period = report.period ? periodText(t, report.period) : t('board_noPeriod');
  const contributors = cellText(t, report.contributors, 0);
  const a = c.assumptions;
  const formulas = caseFormulas(t, a);
  const burdens: BoardBurden[] = c.burdens.map((b) => {
    const [q1, median, q3] = [shown(b.q1), shown(b.median), shown(b.q3)];
    return {
      id: b.burden,
      label: burdenLabel(t, b.burden),
      madeOf: burdenSource(t, b.burden),
      row: row(t, b),
      spread: q1 !== null && median !== null && q3 !== null ? { q1, median, q3 } : null,
      spreadNote: b.median === null ? t('teamReport_noData') : t('board_spreadSuppressed', SUPPRESSED_MARK, min),
    };
  });
  const chartMax = Math.max(1, ...burdens.map((b) => b.spread?.q3 ?? 0));
  const headline = c.burdens.map((b) => ({
    label: burdenLabel(t, b.burden),
    value: cellText(t, b.totalHours, HOURS_DECIMALS),
    detail: t('board_headlineBurdenDetail', cellText(t, b.totalFte, FTE_DECIMALS)),
  }));
  const whatIfs = c.whatIfs.map((w) => ({ ...whatIfText(t, w.choice, a), row: row(t, w) }));
  c.whatIfs.forEach((w, i) => {
    headline.push({
      label: t('board_headlineWhatIf', whatIfs[i]!.title),
      value: cellText(t, w.totalHours, HOURS_DECIMALS),
      detail: t('board_headlineWhatIfDetail', cellText(t, w.totalFte, FTE_DECIMALS)),
    });
  });
  const def = report.definition;
  return {
    title: t('board_title'),
    period,
    contributors: contributors === SUPPRESSED_MARK ? t('teamReport_contributorsSuppressed', SUPPRESSED_MARK, min) : t('teamReport_contributorsRounded', contributors),
    headline,
    burdens,
    chartMax,
    whatIfs,
    method: [
      t('board_methodData', period),
      t('board_methodYear', formulas.hoursAYear, formulas.workingWeeks),
      t('board_methodFte', formulas.fte),
      t('board_methodWhatIfs'),
    ],
    disclosure: t('board_disclosure', min - 1),
    definition: def ? t('board_definition', def.inactivityThresholdSec, def.readingAllowanceSec) : t('board_noDefinition'),
  };
}

// ---------------------------------------------------------------------------
// The printable page

/** Chart geometry shared by the page and the dashboard. */
export const SPREAD_CHART = { width: 300, height: 46, left: 4, right: 4 } as const;

/** x of a value on the chart, in SVG units. */
export function spreadX(value: number, max: number): number {
  const span = SPREAD_CHART.width - SPREAD_CHART.left - SPREAD_CHART.right;
  return Math.round((SPREAD_CHART.left + (Math.min(value, max) / max) * span) * 10) / 10;
}

function spreadSvg(t: MessageLookup, b: BoardBurden, max: number, id: string): string {
  const { width, height } = SPREAD_CHART;
  const title = t('board_spreadTitle', b.label);
  const desc = b.spread
    ? t('board_spreadDesc', formatNumber(b.spread.q1, 0), formatNumber(b.spread.q3, 0), formatNumber(b.spread.median, 0))
    : t('board_spreadNone', b.spreadNote);
  const body = b.spread
    ? `<line x1="${spreadX(0, max)}" y1="17" x2="${spreadX(max, max)}" y2="17" class="axis"/>` +
      `<rect x="${spreadX(b.spread.q1, max)}" y="7" width="${Math.max(1, spreadX(b.spread.q3, max) - spreadX(b.spread.q1, max))}" height="20" class="bar"/>` +
      `<line x1="${spreadX(b.spread.median, max)}" y1="3" x2="${spreadX(b.spread.median, max)}" y2="31" class="median"/>`
      + `<text x="${spreadX(0, max)}" y="43" class="tick">0</text><text x="${spreadX(max, max)}" y="43" text-anchor="end" class="tick">${escapeHtml(t('board_chartMax', formatNumber(max, 0)))}</text>`
    : `<text x="4" y="21">${escapeHtml(b.spreadNote)}</text>`;
  return `<svg class="spread" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d"><title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>${body}</svg>`;
}

/** The figure tables' column headings, short for the page; the dashboard's view uses the same keys where the words are the same. */
const FIGURE_HEADS = ['board_colPeople', 'board_colTotalShort', 'board_colFteShort', 'board_colQ1', 'board_colMedian', 'board_colQ3'];

function figureTable(t: MessageLookup, caption: string, r: BoardFigureRow): string {
  const cells = [r.contributors, r.total, r.fte, r.q1, r.median, r.q3];
  return (
    `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${FIGURE_HEADS.map((h) => `<th scope="col">${escapeHtml(t(h))}</th>`).join('')}</tr></thead>` +
    `<tbody><tr>${cells.map((v) => `<td>${escapeHtml(v)}</td>`).join('')}</tr></tbody></table>`
  );
}

const CSS = `
@page { size: A4; margin: 10mm; }
:root { color-scheme: light; }
body { font-family: Arial, Helvetica, sans-serif; color: #212b32; background: #fff; margin: 0; font-size: 9pt; line-height: 1.3; }
main { max-width: 186mm; margin: 0 auto; padding: 4mm; }
h1 { font-size: 15pt; margin: 0 0 1mm; }
h2 { font-size: 10.5pt; margin: 2.5mm 0 1mm; border-bottom: 1.5px solid #005eb8; }
h3 { font-size: 9.5pt; margin: 0; }
p { margin: 0 0 1mm; }
.headline { display: grid; grid-auto-flow: column; grid-auto-columns: 1fr; gap: 1.5mm; margin: 0; }
.headline div { border: 1px solid #aeb7bd; padding: 1mm 1.5mm; }
.headline dt { font-size: 8pt; }
.headline dd { margin: 0; font-size: 12pt; font-weight: bold; }
.headline dd span { display: block; font-size: 7.5pt; font-weight: normal; }
.burdens { display: grid; grid-template-columns: 1fr 1fr; gap: 1mm 4mm; }
.burden p { font-size: 7.5pt; color: #4c6272; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 8pt; margin: 0 0 1mm; }
caption { text-align: left; font-size: 8pt; }
th, td { border: 1px solid #aeb7bd; padding: .3mm 1mm; text-align: right; }
th.text, td.text { text-align: left; }
thead th { background: #e8edee; }
.spread { display: block; max-width: 100%; height: auto; }
.spread .bar { fill: #005eb8; }
.spread .median { stroke: #212b32; stroke-width: 2.5; }
.spread .axis { stroke: #4c6272; stroke-width: 1; }
.spread text { fill: #212b32; font-size: 11px; }
.spread .tick { font-size: 10px; }
.whatif td.text { font-size: 7pt; }
ul { margin: 0; padding-left: 4mm; }
li { margin: 0 0 .3mm; font-size: 7.5pt; }
.small { font-size: 7.5pt; }
@media print {
  main { padding: 0; max-width: none; }
  .spread .bar, thead th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`.trim();

/** A4, self-contained: inline CSS and SVG, no script, no external address. Its own words (headings, column headings) through `t`, like the model's. */
export function boardReportToHtml(m: BoardReportModel, t: MessageLookup): string {
  const text = (key: string, ...subs: Array<string | number>) => escapeHtml(t(key, ...subs));
  const col = (key: string, cls = '') => `<th scope="col"${cls ? ` class="${cls}"` : ''}>${text(key)}</th>`;
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(m.title)}</h1>`, `<p>${text('board_periodLine', m.period, m.contributors)}</p>`);
  parts.push(
    `<section aria-labelledby="b-headline"><h2 id="b-headline">${text('board_headlineHeading')}</h2><dl class="headline">` +
      m.headline.map((h) => `<div><dt>${escapeHtml(h.label)}</dt><dd>${escapeHtml(h.value)}<span>${escapeHtml(h.detail)}</span></dd></div>`).join('') +
      `</dl></section>`,
  );
  parts.push(
    `<section aria-labelledby="b-burdens"><h2 id="b-burdens">${text('board_burdensHeading')}</h2><p class="small">${text('board_burdensIntro')}</p><div class="burdens">` +
      m.burdens
        .map(
          (b) =>
            `<div class="burden"><h3>${escapeHtml(b.label)}</h3><p>${escapeHtml(b.madeOf)}</p>${spreadSvg(t, b, m.chartMax, `chart-${b.id}`)}` +
            figureTable(t, t('board_burdenTableCaption', b.label), b.row) +
            `</div>`,
        )
        .join('') +
      `</div></section>`,
  );
  parts.push(
    `<section aria-labelledby="b-whatifs"><h2 id="b-whatifs">${text('board_whatIfsHeading')}</h2>` +
      (m.whatIfs.length === 0
        ? `<p>${text('board_noWhatIfs')}</p>`
        : `<table class="whatif"><caption>${text('board_whatIfTableCaption')}</caption><thead><tr>${col('board_colChange', 'text')}${col('board_colSource', 'text')}${col('board_colFormula', 'text')}` +
          `${col('board_colPeople')}${col('board_colTotalShort')}${col('board_colFteShort')}</tr></thead><tbody>` +
          m.whatIfs
            .map(
              (w) =>
                `<tr><td class="text"><strong>${text('teamReport_whatIfTitle', w.title)}</strong> ${escapeHtml(w.change)}</td><td class="text">${escapeHtml(w.source)}</td><td class="text">${escapeHtml(w.formula)}</td>` +
                `<td>${escapeHtml(w.row.contributors)}</td><td>${escapeHtml(w.row.total)}</td><td>${escapeHtml(w.row.fte)}</td></tr>`,
            )
            .join('') +
          `</tbody></table>`) +
      `</section>`,
  );
  parts.push(
    `<section aria-labelledby="b-method"><h2 id="b-method">${text('board_methodHeading')}</h2><ul>${m.method.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>` +
      `<p class="small"><strong>${text('board_disclosureLabel')}</strong> ${escapeHtml(m.disclosure)}</p>` +
      `<p class="small"><strong>${text('board_definitionLabel')}</strong> ${escapeHtml(m.definition)}</p></section>`,
  );
  return (
    `<!DOCTYPE html>\n<html lang="${text('teamReport_htmlLang')}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    `<title>${text('board_pageTitle', m.title, m.period)}</title>\n<style>\n${CSS}\n</style>\n</head>\n<body>\n<main>\n${parts.join('\n')}\n</main>\n</body>\n</html>\n`
  );
}
