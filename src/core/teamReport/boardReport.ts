/**
 * The one-page board report (docs/team-report.md#the-board-report): the
 * headline figures, one chart per burden with its data table, the chosen
 * what-ifs with their sources and formulas, the method in plain English, the
 * disclosure rule applied and the definition of active time used.
 *
 * `boardReportModel` makes the content once, as display text; the printable
 * page (`boardReportToHtml`, here) and the dashboard's Share view
 * (BoardReportView) both render that model, so they say the same thing.
 */
import { BURDEN_LABELS, BURDEN_SOURCES, type BurdenId } from '../annualBurden.js';
import { formatNumber } from '../numbers.js';
import { SUPPRESSED_MARK, type Cell, type Disclosed, type TeamReport } from './contract.js';
import { caseFormulas } from './caseOutputs.js';
import { FTE_DECIMALS, HOURS_DECIMALS, type TeamCase, type YearFigures } from './teamCase.js';

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

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function longDate(key: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : key;
}

function cellText(cell: Cell | Disclosed, decimals: number): string {
  if (cell === null) return 'no data';
  return 'suppressed' in cell ? SUPPRESSED_MARK : formatNumber(cell.value, decimals);
}

function shown(cell: Cell): number | null {
  return cell !== null && 'value' in cell ? cell.value : null;
}

function row(f: YearFigures): BoardFigureRow {
  return {
    contributors: cellText(f.contributors, 0),
    total: cellText(f.totalHours, HOURS_DECIMALS),
    fte: cellText(f.totalFte, FTE_DECIMALS),
    median: cellText(f.median, HOURS_DECIMALS),
    q1: cellText(f.q1, HOURS_DECIMALS),
    q3: cellText(f.q3, HOURS_DECIMALS),
  };
}

export function boardReportModel(report: TeamReport, c: TeamCase): BoardReportModel {
  const min = report.minContributors;
  const period = report.period ? `${longDate(report.period.from)} to ${longDate(report.period.to)}` : 'no period';
  const contributors = cellText(report.contributors, 0);
  const a = c.assumptions;
  const formulas = caseFormulas(a);
  const burdens: BoardBurden[] = c.burdens.map((b) => {
    const [q1, median, q3] = [shown(b.q1), shown(b.median), shown(b.q3)];
    return {
      id: b.burden,
      label: BURDEN_LABELS[b.burden],
      madeOf: BURDEN_SOURCES[b.burden],
      row: row(b),
      spread: q1 !== null && median !== null && q3 !== null ? { q1, median, q3 } : null,
      spreadNote: b.median === null ? 'no data' : `${SUPPRESSED_MARK} suppressed: fewer than ${min} contributors`,
    };
  });
  const chartMax = Math.max(1, ...burdens.map((b) => b.spread?.q3 ?? 0));
  const headline = c.burdens.map((b) => ({
    label: BURDEN_LABELS[b.burden],
    value: cellText(b.totalHours, HOURS_DECIMALS),
    detail: `hours a year; ${cellText(b.totalFte, FTE_DECIMALS)} full-time equivalents`,
  }));
  for (const w of c.whatIfs) {
    headline.push({ label: `What-if: ${w.text.title}`, value: cellText(w.totalHours, HOURS_DECIMALS), detail: `hours given back a year; ${cellText(w.totalFte, FTE_DECIMALS)} full-time equivalents` });
  }
  const def = report.definition;
  return {
    title: 'The case for change: time lost to clinical systems',
    period,
    contributors: contributors === SUPPRESSED_MARK ? `${SUPPRESSED_MARK} (fewer than ${min})` : `${contributors} (rounded to the nearest 5)`,
    headline,
    burdens,
    chartMax,
    whatIfs: c.whatIfs.map((w) => ({ title: w.text.title, change: w.text.change, source: w.text.source, formula: w.text.formula, row: row(w) })),
    method: [
      `Each team member ran Timeback, which measures their active time in clinical web systems by task on their own computer, and sent an anonymised export for ${period}: hours by week and task, rounded to 0.1 h, with no patient details, web addresses or times of day. Each file was checked on its own, for patient identifiers too.`,
      `Each person's hours in the period are turned into hours a year. ${formulas.hoursAYear}. ${formulas.workingWeeks}. So leave and bank holidays do not lower the yearly figure.`,
      `${formulas.fte}. Team totals add up the people; the median and quartiles show the spread between them.`,
      'What-ifs use each person’s own measurements and the assumptions shown; they estimate, they do not promise.',
    ],
    disclosure: `Counts of people are 0, * when 1 to ${min - 1}, and otherwise rounded to the nearest 5. Any figure built from 1 to ${min - 1} people is *, and so is any figure made from a suppressed one, so that nothing hidden can be worked out from what is shown.`,
    definition: def
      ? `Active time: time with a clinical system in the focused, visible tab, counted while input continues with gaps of at most τ = ${def.inactivityThresholdSec} s, plus a reading allowance of R = ${def.readingAllowanceSec} s after the last input.`
      : 'Active time: no definition (no file was merged).',
  };
}

// ---------------------------------------------------------------------------
// The printable page

export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** Chart geometry shared by the page and the dashboard. */
export const SPREAD_CHART = { width: 300, height: 46, left: 4, right: 4 } as const;

/** x of a value on the chart, in SVG units. */
export function spreadX(value: number, max: number): number {
  const span = SPREAD_CHART.width - SPREAD_CHART.left - SPREAD_CHART.right;
  return Math.round((SPREAD_CHART.left + (Math.min(value, max) / max) * span) * 10) / 10;
}

function spreadSvg(b: BoardBurden, max: number, id: string): string {
  const { width, height } = SPREAD_CHART;
  const title = `${b.label}: hours a year per contributor`;
  const desc = b.spread
    ? `Middle half of contributors from ${formatNumber(b.spread.q1, 0)} to ${formatNumber(b.spread.q3, 0)} hours a year, median ${formatNumber(b.spread.median, 0)}; the table below has the figures.`
    : `No chart: ${b.spreadNote}.`;
  const body = b.spread
    ? `<line x1="${spreadX(0, max)}" y1="17" x2="${spreadX(max, max)}" y2="17" class="axis"/>` +
      `<rect x="${spreadX(b.spread.q1, max)}" y="7" width="${Math.max(1, spreadX(b.spread.q3, max) - spreadX(b.spread.q1, max))}" height="20" class="bar"/>` +
      `<line x1="${spreadX(b.spread.median, max)}" y1="3" x2="${spreadX(b.spread.median, max)}" y2="31" class="median"/>`
      + `<text x="${spreadX(0, max)}" y="43" class="tick">0</text><text x="${spreadX(max, max)}" y="43" text-anchor="end" class="tick">${escapeText(formatNumber(max, 0))} h a year</text>`
    : `<text x="4" y="21">${escapeText(b.spreadNote)}</text>`;
  return `<svg class="spread" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d"><title id="${id}-t">${escapeText(title)}</title><desc id="${id}-d">${escapeText(desc)}</desc>${body}</svg>`;
}

const FIGURE_HEADS = ['People', 'Team, h a year', 'FTE', 'Lower quartile', 'Median', 'Upper quartile'];

function figureTable(caption: string, r: BoardFigureRow): string {
  const cells = [r.contributors, r.total, r.fte, r.q1, r.median, r.q3];
  return (
    `<table><caption>${escapeText(caption)}</caption><thead><tr>${FIGURE_HEADS.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>` +
    `<tbody><tr>${cells.map((v) => `<td>${escapeText(v)}</td>`).join('')}</tr></tbody></table>`
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

/** A4, self-contained: inline CSS and SVG, no script, no external address. */
export function boardReportToHtml(m: BoardReportModel): string {
  const parts: string[] = [];
  parts.push(`<h1>${escapeText(m.title)}</h1>`, `<p>${escapeText(`${m.period}. Contributors: ${m.contributors}.`)}</p>`);
  parts.push(
    `<section aria-labelledby="b-headline"><h2 id="b-headline">Headline figures</h2><dl class="headline">` +
      m.headline.map((h) => `<div><dt>${escapeText(h.label)}</dt><dd>${escapeText(h.value)}<span>${escapeText(h.detail)}</span></dd></div>`).join('') +
      `</dl></section>`,
  );
  parts.push(
    `<section aria-labelledby="b-burdens"><h2 id="b-burdens">Each burden, a year</h2><p class="small">Hours a year per contributor: the bar runs from the lower to the upper quartile (the middle half of contributors), the line is the median; one scale for all four.</p><div class="burdens">` +
      m.burdens
        .map(
          (b) =>
            `<div class="burden"><h3>${escapeText(b.label)}</h3><p>${escapeText(b.madeOf)}</p>${spreadSvg(b, m.chartMax, `chart-${b.id}`)}` +
            figureTable(`${b.label}: hours a year`, b.row) +
            `</div>`,
        )
        .join('') +
      `</div></section>`,
  );
  parts.push(
    `<section aria-labelledby="b-whatifs"><h2 id="b-whatifs">What-ifs: hours given back a year</h2>` +
      (m.whatIfs.length === 0
        ? '<p>No what-if was chosen.</p>'
        : `<table class="whatif"><caption>Each change, its source, and how the hours are worked out</caption><thead><tr><th scope="col" class="text">Change</th><th scope="col" class="text">Source</th><th scope="col" class="text">Formula</th><th scope="col">People</th><th scope="col">Team, h a year</th><th scope="col">FTE</th></tr></thead><tbody>` +
          m.whatIfs
            .map(
              (w) =>
                `<tr><td class="text"><strong>${escapeText(w.title)}.</strong> ${escapeText(w.change)}</td><td class="text">${escapeText(w.source)}</td><td class="text">${escapeText(w.formula)}</td>` +
                `<td>${escapeText(w.row.contributors)}</td><td>${escapeText(w.row.total)}</td><td>${escapeText(w.row.fte)}</td></tr>`,
            )
            .join('') +
          `</tbody></table>`) +
      `</section>`,
  );
  parts.push(
    `<section aria-labelledby="b-method"><h2 id="b-method">Method</h2><ul>${m.method.map((x) => `<li>${escapeText(x)}</li>`).join('')}</ul>` +
      `<p class="small"><strong>Disclosure rule.</strong> ${escapeText(m.disclosure)}</p>` +
      `<p class="small"><strong>Definition.</strong> ${escapeText(m.definition)}</p></section>`,
  );
  return (
    `<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    `<title>${escapeText(`${m.title}: ${m.period}`)}</title>\n<style>\n${CSS}\n</style>\n</head>\n<body>\n<main>\n${parts.join('\n')}\n</main>\n</body>\n</html>\n`
  );
}
