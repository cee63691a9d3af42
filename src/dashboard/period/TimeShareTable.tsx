import { formatDuration } from '../../ui/duration.js';
import { t } from '../../ui/i18n.js';
import { DataTable } from '../common/DataTable.js';
import { formatPercent } from '../common/format.js';
import { NumericHeader } from '../common/NumericHeader.js';

/** One row of active time: a task or a system. */
export interface TimeShareRow {
  key: string;
  label: string;
  ms: number;
}

/**
 * The data table behind a bar chart of active time: each row's time and its
 * share of the period's active time; with `total`, a total row at the foot.
 */
export function TimeShareTable({
  caption,
  rowHeading,
  rows,
  activeMs,
  total = false,
}: {
  caption: string;
  rowHeading: string;
  rows: readonly TimeShareRow[];
  activeMs: number;
  total?: boolean;
}) {
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{rowHeading}</th>
          <NumericHeader>{t('dash_colActiveTime')}</NumericHeader>
          <NumericHeader>{t('dash_colShare')}</NumericHeader>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td class="numeric">{formatDuration(row.ms)}</td>
            <td class="numeric">{activeMs > 0 ? formatPercent(row.ms / activeMs) : ''}</td>
          </tr>
        ))}
      </tbody>
      {total && (
        <tfoot>
          <tr>
            <th scope="row">{t('dash_total')}</th>
            <td class="numeric">{formatDuration(activeMs)}</td>
            <td class="numeric">{formatPercent(1)}</td>
          </tr>
        </tfoot>
      )}
    </DataTable>
  );
}
