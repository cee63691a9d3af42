/** One figure of the team report as a cell of an HTML table: the number, "*" when suppressed (with why), or "no data". */
import { formatNumber } from '../numbers.js';
import { SUPPRESSED_MARK, type Cell } from './contract.js';
import { escapeHtml } from './escapeHtml.js';
import type { MessageLookup } from './reportLabels.js';

export function htmlCell(t: MessageLookup, cell: Cell, decimals: number, min: number): string {
  if (cell === null) return `<td class="nodata">${escapeHtml(t('teamReport_noData'))}</td>`;
  if ('suppressed' in cell) return `<td class="sup"><abbr title="${escapeHtml(t('teamReport_suppressedTitle', min))}">${SUPPRESSED_MARK}</abbr></td>`;
  return `<td>${escapeHtml(formatNumber(cell.value, decimals))}</td>`;
}
