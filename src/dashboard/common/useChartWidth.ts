import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * The width, in CSS pixels, of the element the returned ref is put on; the
 * charts draw at that width so their text stays a readable size on a phone
 * and on a wide screen alike. `fallback` is used until it is measured (and
 * where nothing can be measured, as in tests), or the width last measured.
 */
/** The last width measured: charts share the page's width, so later charts draw right the first time. */
let lastMeasured: number | undefined;

export function useChartWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(() => lastMeasured ?? fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) {
        lastMeasured = w;
        setWidth(w);
      }
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
