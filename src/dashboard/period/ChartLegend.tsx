/** The colour key for a chart; hidden from screen readers, who get the data table instead. */
export function ChartLegend({ items }: { items: Array<{ key: string; label: string; className: string }> }) {
  return (
    <ul class="chart-legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.key}>
          <span class={`chart-swatch ${item.className}`} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
