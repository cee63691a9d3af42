import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * The width, in CSS pixels, of the element the returned ref is put on; the
 * charts draw at that width so their text stays a readable size on a phone
 * and on a wide screen alike. `fallback` is used until it is measured (and
 * where nothing can be measured, as in tests), or the width last measured.
 */
/** The last width measured: charts share the page's width, so later charts draw right the first time. */
let lastMeasured: number | undefined;

/**
 * The width the charts will have, measured before they are drawn (a period
 * page notes its content width while its figures load), so the first charts
 * draw at their width too, rather than at the fallback and again a moment later.
 */
export function noteChartWidth(width: number): void {
  if (width > 0) lastMeasured = Math.floor(width);
}

export function useChartWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(() => lastMeasured ?? fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    // Measured by the observer only: it reports the element's size once laid out (and on every
    // change), inside the browser's frame. Reading it here too would force a layout of the whole
    // new page before its first frame.
    const observer = new ResizeObserver(() => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) {
        lastMeasured = w;
        setWidth(w);
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
