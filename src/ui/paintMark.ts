/**
 * Performance marks for "the clinician can see it": the performance
 * benchmark reads them from the page's timeline (getEntriesByName). The
 * timeline also records which names are done, so each is marked once per
 * page load. A page without the timeline or animation frames gets no mark.
 */

function alreadyMarked(perf: Performance, name: string): boolean {
  return typeof perf.getEntriesByName === 'function' && perf.getEntriesByName(name, 'mark').length > 0;
}

/**
 * Marks `name` once the frame showing the current DOM has been painted,
 * unless it is already marked. Call it straight after the DOM commit (in a
 * layout effect), so the frame waited for is the one with the new content.
 */
export function markPainted(name: string): void {
  const perf = typeof performance === 'undefined' ? undefined : performance;
  if (!perf || typeof perf.mark !== 'function' || typeof requestAnimationFrame !== 'function') return;
  if (alreadyMarked(perf, name)) return;
  afterNextPaint(() => {
    // Checked again: two calls within one frame still make one mark.
    if (!alreadyMarked(perf, name)) perf.mark(name);
  });
}

/**
 * Runs `fn` just after the next frame is painted: rAF runs just before the
 * paint, and a task queued from it runs just after (a double rAF would wait a
 * whole extra frame). Without animation frames, it runs on the next task.
 */
export function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(fn, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(fn, 0));
}
