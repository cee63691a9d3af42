import { formatDuration } from '../ui/duration.js';

export interface BreakdownRow {
  key: string;
  label: string;
  ms: number;
}

/** A titled list of durations, each with a bar showing its share of the day. */
export function Breakdown({ heading, rows, totalMs }: { heading: string; rows: BreakdownRow[]; totalMs: number }) {
  return (
    <section class="breakdown">
      <h2>{heading}</h2>
      <ul class="breakdown-list">
        {rows.map((row) => (
          <li key={row.key} class="breakdown-row">
            <span class="breakdown-label">{row.label}</span>
            <span class="breakdown-value">{formatDuration(row.ms)}</span>
            {/* The bar repeats the number visually, so screen readers skip it.
                Width is set through the CSSOM, which the page's CSP allows. */}
            <span class="bar" aria-hidden="true">
              <span class="bar-fill" style={{ width: `${totalMs > 0 ? Math.round((row.ms / totalMs) * 100) : 0}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
