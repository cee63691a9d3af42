/** The parts of a Navigation Timing entry a page-load report needs (ms since timeOrigin). */
export interface NavigationTimes {
  startTime: number;
  loadEventEnd: number;
}

/** A document load as waiting: the seconds it touches, and its exact start and length. */
export interface PageLoadWait {
  seconds: [number, number];
  loadStartMs: number;
  pageLoadMs: number;
}

/**
 * The page's document load as waiting for the system, or undefined when it
 * must not be booked: the load has not finished, or it had finished before
 * this script started. The second is a script injected into a tab that was
 * already open (Track this site, a system added by settings or policy): that
 * load happened while Timeback was not watching, perhaps minutes ago, and
 * booking it now would count old time and take seconds from the page before.
 */
export function pageLoadWait(nav: NavigationTimes | undefined, timeOrigin: number, scriptStartedAt: number): PageLoadWait | undefined {
  if (!nav || nav.loadEventEnd <= 0 || nav.loadEventEnd <= scriptStartedAt) return undefined;
  const loadStartMs = timeOrigin + nav.startTime;
  return {
    seconds: [Math.floor(loadStartMs / 1000), Math.ceil((timeOrigin + nav.loadEventEnd) / 1000)],
    loadStartMs,
    pageLoadMs: nav.loadEventEnd - nav.startTime,
  };
}
