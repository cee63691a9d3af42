import { SUPPRESSED_MARK, type Cell } from '../../core/teamReport/contract.js';
import { t } from '../../ui/i18n.js';

/**
 * One figure of a team report as a table cell: the number, "*" when it is
 * hidden by disclosure control, or "No data". The table's note explains "*".
 */
export function DisclosedCell({ cell, decimals }: { cell: Cell; decimals: number }) {
  const text = cell === null ? t('share_noData') : 'suppressed' in cell ? SUPPRESSED_MARK : cell.value.toFixed(decimals);
  return <td class="numeric">{text}</td>;
}
