// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BarChart, type ChartBar } from '../../../../src/dashboard/period/BarChart.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';

beforeAll(() => installEnGbMessages());
let container: HTMLElement | undefined;
afterEach(() => {
  if (container) render(null, container);
  container?.remove();
});

function draw(bars: ChartBar[]): SVGSVGElement {
  container = document.createElement('div');
  document.body.append(container);
  render(<BarChart bars={bars} summary="Active time by task" />, container);
  return container.querySelector('svg')!;
}

const TASKS = ['documentation', 'referrals', 'results_review', 'inbox_messaging', 'orders_prescribing', 'chart_review', 'admin_other', 'patient_search'];
const seg = (key: string, min: number) => ({ key, className: `cat-${key}`, label: key, ms: min * 60_000 });

/** Parses a path's "M x y h w v h h -w z" subpaths back into rectangles. */
function rects(d: string) {
  return [...d.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z/g)].map((m) => ({ x: +m[1]!, y: +m[2]!, w: +m[3]!, h: +m[4]! }));
}

describe('BarChart', () => {
  it('draws each kind of segment as one path, stacked bar by bar, with no gaps or overlaps', () => {
    const svg = draw([
      { key: 'a', axisLabel: '1', label: 'Mon 1 June', segments: [seg('documentation', 60), seg('referrals', 30)] },
      { key: 'b', axisLabel: '2', label: 'Tue 2 June', segments: [seg('documentation', 0), seg('referrals', 90)] },
    ]);
    const paths = [...svg.querySelectorAll('path.chart-seg')];
    expect(paths.map((p) => p.getAttribute('class'))).toEqual(['chart-seg cat-documentation', 'chart-seg cat-referrals']);
    const [doc, ref] = paths.map((p) => rects(p.getAttribute('d')!));
    expect(doc).toHaveLength(1); // nothing drawn for a zero part
    expect(ref).toHaveLength(2);
    // Day one: referrals sit directly on documentation, and both heights are in proportion.
    expect(ref![0]!.y + ref![0]!.h).toBeCloseTo(doc![0]!.y, 0);
    expect(doc![0]!.h / ref![0]!.h).toBeCloseTo(2, 1);
    // Day two's 90 minutes stand as tall as day one's 60 + 30.
    expect(ref![1]!.h).toBeCloseTo(doc![0]!.h + ref![0]!.h, 0);
    expect(ref![1]!.x).toBeGreaterThan(ref![0]!.x);
  });

  it('gives each bar with time one hover area whose tooltip lists its parts', () => {
    const svg = draw([
      { key: 'a', axisLabel: '1', label: 'Mon 1 June', segments: [seg('documentation', 65), seg('referrals', 20)] },
      { key: 'b', axisLabel: '2', label: 'Tue 2 June', segments: [seg('documentation', 0)] },
    ]);
    const hits = [...svg.querySelectorAll('rect.chart-hit')];
    expect(hits).toHaveLength(1);
    expect(hits[0]!.querySelector('title')?.textContent).toBe('Mon 1 June\ndocumentation: 1 h 05 min\nreferrals: 20 min');
  });

  it('keeps a month of days stacked by eight tasks to about a hundred elements', () => {
    const month: ChartBar[] = Array.from({ length: 31 }, (_, d) => ({
      key: String(d),
      axisLabel: String(d + 1),
      label: `Day ${d + 1}`,
      segments: TASKS.map((k, i) => seg(k, 5 + ((d + i) % 7) * 10)),
    }));
    const svg = draw(month);
    expect(svg.querySelectorAll('path.chart-seg')).toHaveLength(8);
    expect(svg.querySelectorAll('rect.chart-hit')).toHaveLength(31);
    // Axis, grid, paths, 31 hover areas and their tooltips: not 31 × 8 rectangles and tooltips.
    expect(svg.querySelectorAll('*').length).toBeLessThan(130);
  });
});
