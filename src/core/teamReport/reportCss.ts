/** The team report page's inline style sheet: NHS colours, readable tables, print rules. */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: Arial, Helvetica, sans-serif; color: #212b32; background: #fff; margin: 0; line-height: 1.5; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #005eb8; padding-bottom: .2rem; }
p.lead { font-size: 1.1rem; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.summary dt { font-weight: bold; }
dl.summary dd { margin: 0; }
table { border-collapse: collapse; margin: .75rem 0 1.25rem; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #aeb7bd; padding: .3rem .5rem; text-align: right; }
th[scope="row"], th.text, td.text { text-align: left; }
thead th { background: #e8edee; }
td.sup { font-weight: bold; }
td.nodata { color: #4c6272; font-style: italic; }
abbr { text-decoration: none; }
.chart { display: block; max-width: 100%; height: auto; margin: .5rem 0; font-size: 13px; }
.chart text { fill: #212b32; }
.chart .small { font-size: 11px; }
.chart .bar { fill: #005eb8; }
.chart .axis { stroke: #4c6272; stroke-width: 1; }
.note { background: #fff9c4; border-left: 4px solid #ffb81c; padding: .5rem .75rem; }
ul.plain { padding-left: 1.2rem; }
@media print {
  main { max-width: none; padding: 0; }
  body { font-size: 10pt; }
  h2 { break-after: avoid; }
  table, .chart, dl.summary { break-inside: avoid; }
  .chart .bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`.trim();
