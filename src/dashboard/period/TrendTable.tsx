import type { ComponentChildren } from 'preact';
import { formatDuration } from '../../ui/duration.js';
import { t } from '../../ui/i18n.js';
import { DataTable } from '../common/DataTable.js';
import { NumericHeader } from '../common/NumericHeader.js';
import type { TrendRow } from './trendRows.js';

/** One column of durations in a trend table: its heading, each row's figure and the period's total. */
export interface TrendColumn {
  key: string;
  heading: ComponentChildren;
  ms: (row: TrendRow) => number;
  totalMs: number;
}

/**
 * The data table behind a trend chart: a row a day (or a month in the year
 * view), a column of durations per series, and the period's totals at the foot.
 */
export function TrendTable({ caption, monthly, rows, columns }: { caption: string; monthly: boolean; rows: readonly TrendRow[]; columns: readonly TrendColumn[] }) {
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{monthly ? t('dash_colMonth') : t('dash_colDate')}</th>
          {columns.map((c) => (
            <NumericHeader key={c.key}>{c.heading}</NumericHeader>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {columns.map((c) => (
              <td key={c.key} class="numeric">
                {formatDuration(c.ms(r))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('dash_total')}</th>
          {columns.map((c) => (
            <td key={c.key} class="numeric">
              {formatDuration(c.totalMs)}
            </td>
          ))}
        </tr>
      </tfoot>
    </DataTable>
  );
}
