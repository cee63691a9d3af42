// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { noteChartWidth } from '../../../../src/dashboard/common/useChartWidth.js';
import { BarChart } from '../../../../src/dashboard/period/BarChart.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';

beforeAll(() => installEnGbMessages());

/** A ResizeObserver the test drives, and a count of clientWidth reads (each can force a layout in a browser). */
const observed: Array<{ callback: () => void; el: Element }> = [];
let widthReads = 0;
const realObserver = globalThis.ResizeObserver;
const realClientWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth') ?? Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth');
let container: HTMLElement | undefined;

function install(width: number) {
  observed.length = 0;
  widthReads = 0;
  globalThis.ResizeObserver = class {
    constructor(private readonly callback: () => void) {}
    observe(el: Element) {
      observed.push({ callback: this.callback, el });
    }
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get() {
      widthReads++;
      return width;
    },
  });
}

afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  globalThis.ResizeObserver = realObserver;
  if (realClientWidth) Object.defineProperty(HTMLElement.prototype, 'clientWidth', realClientWidth);
  else delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

async function draw(): Promise<SVGSVGElement> {
  container = document.createElement('div');
  document.body.append(container);
  await act(() => render(<BarChart bars={[{ key: 'a', axisLabel: '1', label: 'Mon 1 June', segments: [{ key: 'documentation', className: 'cat-documentation', label: 'Documentation', ms: 60_000 }] }]} summary="Active time" />, container!));
  return container.querySelector('svg')!;
}

describe('useChartWidth', () => {
  it('draws at the width noted before the chart existed, from its first frame', async () => {
    install(640);
    noteChartWidth(640);
    const svg = await draw();
    expect(svg.getAttribute('width')).toBe('640');
  });

  it('reads no width as the chart mounts: the observer measures it, once laid out', async () => {
    install(720);
    const svg = await draw();
    // Mounting (render and effects) forced no layout.
    expect(widthReads).toBe(0);
    expect(observed).toHaveLength(1);
    // The browser reports the frame's size: the chart redraws at it.
    await act(() => observed[0]!.callback());
    expect(widthReads).toBe(1);
    expect(svg.getAttribute('width')).toBe('720');
  });
});
