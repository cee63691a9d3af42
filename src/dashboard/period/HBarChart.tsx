import { formatDuration } from '../../ui/duration.js';
import { useChartWidth } from '../common/useChartWidth.js';

export interface HBarRow {
  key: string;
  label: string;
  ms: number;
  /** Colour class (`cat-*` or `series-*` in ui.css). */
  className: string;
}

const ROW = 34;
const VALUE_W = 112;
/** Roughly the width of one character of a 16-px label. */
const CHAR_W = 8.5;

/** Long names are cut in the picture only; the data table beside it has them whole. */
function clip(label: string, maxChars: number): string {
  return label.length > maxChars ? `${label.slice(0, Math.max(1, maxChars - 1))}…` : label;
}

/** Horizontal bars, one per row, in the order given; one image to assistive technology. */
export function HBarChart({ rows, summary }: { rows: HBarRow[]; summary: string }) {
  const { ref, width } = useChartWidth(800);
  const labelW = Math.min(240, Math.round(width * 0.36));
  const max = Math.max(1, ...rows.map((r) => r.ms));
  const barSpace = Math.max(20, width - labelW - VALUE_W);
  const height = rows.length * ROW + 4;
  const maxChars = Math.floor((labelW - 8) / CHAR_W);
  return (
    <div class="chart-frame" ref={ref}>
      <svg class="chart chart-horizontal" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        {rows.map((row, i) => {
          const y = i * ROW + 4;
          const w = Math.max(row.ms > 0 ? 2 : 0, (row.ms / max) * barSpace);
          return (
            <g key={row.key}>
              <text class="chart-row-label" x={0} y={y + ROW / 2 - 2} dy="0.32em">
                {clip(row.label, maxChars)}
              </text>
              <rect class={`chart-seg ${row.className}`} x={labelW} y={y + 5} width={w} height={ROW - 14} />
              <text class="chart-row-value" x={labelW + w + 6} y={y + ROW / 2 - 2} dy="0.32em">
                {formatDuration(row.ms)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
