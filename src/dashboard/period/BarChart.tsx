import { formatDuration } from '../../ui/duration.js';
import { t } from '../../ui/i18n.js';
import { durationTickLabel, durationTicks } from './chartScale.js';
import { useChartWidth } from '../common/useChartWidth.js';

export interface ChartSegment {
  key: string;
  /** Sets the colour (a `series-*` or `cat-*` class from ui.css), so the legend and bars agree. */
  className: string;
  label: string;
  ms: number;
}

export interface ChartBar {
  key: string;
  /** Short label under the bar ("Mon 10", "14", "Mar"). */
  axisLabel: string;
  /** Full label for the tooltip ("Mon 10 March", "March 2025"). */
  label: string;
  segments: ChartSegment[];
}

const H = 260;
const LEFT = 48;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 28;
/** Room an axis label needs, in pixels: below this a bar's label is skipped. */
const LABEL_ROOM = { short: 30, long: 60 };

/** Coordinates to a tenth of a pixel: enough for a crisp chart, and short path data. */
const px = (n: number) => Math.round(n * 10) / 10;

/**
 * Vertical bars of durations, one per day (or month), each stacked from its segments.
 * The SVG is one image to assistive technology (its label summarises it);
 * the numbers themselves are in the data table beside every chart.
 *
 * Each kind of segment is one path holding its part of every bar, and each
 * bar has one hover area whose tooltip lists its parts: a month of days
 * stacked by task is about a hundred elements rather than five hundred,
 * which keeps the dashboard quick to open.
 */
export function BarChart({ bars, summary }: { bars: ChartBar[]; summary: string }) {
  const { ref, width } = useChartWidth(800);
  const totals = bars.map((b) => b.segments.reduce((sum, s) => sum + s.ms, 0));
  const { top, ticks } = durationTicks(Math.max(0, ...totals));
  const plotW = width - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const band = plotW / Math.max(1, bars.length);
  const barW = Math.max(2, band * 0.7);
  const y = (ms: number) => TOP + plotH - (ms / top) * plotH;
  // Skip labels rather than let them overlap on a narrow screen or in a long month.
  const room = bars.some((b) => b.axisLabel.length > 2) ? LABEL_ROOM.long : LABEL_ROOM.short;
  const labelEvery = Math.max(1, Math.ceil(room / band));

  const paths = new Map<string, { className: string; d: string }>();
  bars.forEach((bar, i) => {
    const x = px(LEFT + i * band + (band - barW) / 2);
    let stacked = 0;
    for (const s of bar.segments) {
      if (s.ms <= 0) continue;
      const bottom = y(stacked);
      stacked += s.ms;
      const topY = y(stacked);
      const path = paths.get(s.key) ?? { className: s.className, d: '' };
      path.d += `M${x} ${px(topY)}h${px(barW)}v${px(bottom - topY)}h${px(-barW)}z`;
      paths.set(s.key, path);
    }
  });

  return (
    <div class="chart-frame" ref={ref}>
      <svg class="chart" width={width} height={H} viewBox={`0 0 ${width} ${H}`} role="img" aria-label={summary}>
        {ticks.map((tick) => (
          <g key={tick} class="chart-grid">
            <line x1={LEFT} x2={width - RIGHT} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 6} y={y(tick)} dy="0.32em" text-anchor="end">
              {durationTickLabel(tick)}
            </text>
          </g>
        ))}
        {[...paths].map(([key, p]) => (
          <path key={key} class={`chart-seg ${p.className}`} d={p.d} />
        ))}
        {bars.map((bar, i) =>
          i % labelEvery === 0 ? (
            <text key={bar.key} class="chart-axis-label" x={px(LEFT + i * band + band / 2)} y={H - BOTTOM + 20} text-anchor="middle">
              {bar.axisLabel}
            </text>
          ) : null,
        )}
        <line class="chart-baseline" x1={LEFT} x2={width - RIGHT} y1={y(0)} y2={y(0)} />
        {bars.map((bar, i) =>
          totals[i]! > 0 ? (
            <rect key={bar.key} class="chart-hit" x={px(LEFT + i * band)} y={TOP} width={px(band)} height={plotH}>
              <title>{barTooltip(bar)}</title>
            </rect>
          ) : null,
        )}
      </svg>
    </div>
  );
}

/** The bar's day or month, then one line per part with time: "Mon 10 March", "Documentation: 1 h 05 min", … */
function barTooltip(bar: ChartBar): string {
  const lines = bar.segments.filter((s) => s.ms > 0).map((s) => t('dash_barTooltipLine', s.label, formatDuration(s.ms)));
  return [bar.label, ...lines].join('\n');
}
