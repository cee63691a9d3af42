/**
 * The team report page's charts: inline SVG with a title and description, the
 * same figures as the tables beside them. Every word in them is the caller's
 * (from the messages file); these only draw.
 */
import { formatNumber, roundTo } from '../numbers.js';
import { SUPPRESSED_MARK, type Cell } from './contract.js';
import { isSuppressed, shownValue } from './disclosure.js';
import { escapeHtml } from './escapeHtml.js';

export interface Bar {
  label: string;
  cell: Cell;
}

/** The words a bar chart writes beside its bars: a shown value (already formatted) with its unit, and "no data". */
export interface BarWords {
  value: (shown: string) => string;
  noData: string;
}

export function horizontalBarChart(id: string, title: string, desc: string, bars: Bar[], words: BarWords): string {
  const rowH = 26;
  const labelW = 210;
  const chartW = 380;
  const width = labelW + chartW + 90;
  const height = bars.length * rowH + 10;
  const max = Math.max(0, ...bars.map((b) => shownValue(b.cell) ?? 0));
  const rows = bars
    .map((b, i) => {
      const y = 5 + i * rowH;
      const v = shownValue(b.cell);
      const w = v !== null && max > 0 ? Math.max((v / max) * chartW, v > 0 ? 1 : 0) : 0;
      const valueText = b.cell === null ? words.noData : isSuppressed(b.cell) ? SUPPRESSED_MARK : words.value(formatNumber(v!, 1));
      return (
        `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end">${escapeHtml(b.label)}</text>` +
        (w > 0 ? `<rect x="${labelW}" y="${y + 4}" width="${roundTo(w, 1)}" height="${rowH - 8}" class="bar"/>` : '') +
        `<text x="${roundTo(labelW + w + 6, 1)}" y="${y + 17}">${escapeHtml(valueText)}</text>`
      );
    })
    .join('');
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>${rows}</svg>`
  );
}

/** Columns on one scale; `axis` names the scale's unit. */
export function columnChart(id: string, title: string, desc: string, bars: Bar[], axis: string): string {
  const colW = Math.max(28, Math.min(80, Math.floor(560 / Math.max(bars.length, 1))));
  const plotH = 160;
  const left = 44;
  const width = Math.max(left + bars.length * colW + 10, 300);
  const height = plotH + 50;
  const max = Math.max(0, ...bars.map((b) => shownValue(b.cell) ?? 0));
  const cols = bars
    .map((b, i) => {
      const x = left + i * colW;
      const v = shownValue(b.cell);
      const h = v !== null && max > 0 ? (v / max) * (plotH - 20) : 0;
      const top = 10 + plotH - 20 - h + 20;
      const mark = b.cell === null ? '–' : isSuppressed(b.cell) ? SUPPRESSED_MARK : formatNumber(v!, 1);
      return (
        (h > 0 ? `<rect x="${x + 5}" y="${roundTo(top, 1)}" width="${colW - 10}" height="${roundTo(h, 1)}" class="bar"/>` : '') +
        `<text x="${x + colW / 2}" y="${roundTo(top - 4, 1)}" text-anchor="middle" class="small">${escapeHtml(mark)}</text>` +
        `<text x="${x + colW / 2}" y="${plotH + 28}" text-anchor="middle" class="small">${escapeHtml(b.label)}</text>`
      );
    })
    .join('');
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>` +
    `<line x1="${left}" y1="${plotH + 10}" x2="${width - 5}" y2="${plotH + 10}" class="axis"/>` +
    `<text x="4" y="20" class="small">${escapeHtml(axis)}</text>${cols}</svg>`
  );
}
