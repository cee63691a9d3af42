/**
 * The wait for a single-page app's new view (a soft navigation), measured
 * with standard APIs only (docs/metrics.md, "In-app waits"): it starts at the
 * clinician's trusted click or form submission, counts only when the route
 * changes within CHAIN_MS of it, and ends when the last of the requests that
 * action started has answered (Resource Timing, fetch and XMLHttpRequest): a
 * request counts if it started within CHAIN_MS of the action, or within
 * GAP_MS of the end of one that counted. Requests of no such chain (background
 * polling) never count, and without a route change nothing is measured. Only
 * times are read: never a request's URL, nor anything of the page.
 */
export const CHAIN_MS = 1_000;
export const GAP_MS = 100;
/** How long after the route change the requests are watched; the wait is reported then. */
export const WATCH_MS = 10_000;

/** One request as Resource Timing gives it (relative ms). */
export interface RequestTiming {
  initiatorType: string;
  startTime: number;
  responseEnd: number;
}

/** When the wait started by an action at `from` ended: the route change, or the last answer of its chain of requests. */
export function softWaitEnd(from: number, routeAt: number, requests: readonly RequestTiming[]): number {
  let end = routeAt;
  let reach = from + CHAIN_MS;
  const chain = requests.filter((r) => (r.initiatorType === 'fetch' || r.initiatorType === 'xmlhttprequest') && r.startTime >= from).sort((a, b) => a.startTime - b.startTime);
  for (const r of chain) {
    if (r.startTime > reach) break;
    end = Math.max(end, r.responseEnd);
    reach = Math.max(reach, r.responseEnd + GAP_MS);
  }
  return end;
}

export interface SoftNavigationDeps {
  now(): number;
  /** Start collecting finished requests; the returned function stops and gives them. */
  watchRequests(): () => RequestTiming[];
  later(fn: () => void, ms: number): void;
  /** A measured wait, in the page's relative ms. */
  report(from: number, to: number): void;
}

/** Follows actions and route changes; at most one wait is measured at a time. */
export class SoftNavigation {
  private action: { from: number; stop: () => RequestTiming[]; routeAt?: number } | undefined;

  constructor(private readonly deps: SoftNavigationDeps) {}

  /** A trusted click or submit: a route change may follow. */
  onAction(): void {
    if (this.action?.routeAt !== undefined) return;
    this.action?.stop();
    const action: { from: number; stop: () => RequestTiming[]; routeAt?: number } = { from: this.deps.now(), stop: this.deps.watchRequests() };
    this.action = action;
    this.deps.later(() => {
      if (this.action === action && action.routeAt === undefined) this.end();
    }, CHAIN_MS);
  }

  /** The route changed: a wait if it followed an action closely. */
  onRoute(): void {
    const action = this.action;
    const now = this.deps.now();
    if (!action || action.routeAt !== undefined || now - action.from > CHAIN_MS) return;
    action.routeAt = now;
    this.deps.later(() => {
      const requests = action.stop();
      this.action = undefined;
      this.deps.report(action.from, softWaitEnd(action.from, now, requests));
    }, WATCH_MS);
  }

  private end(): void {
    this.action?.stop();
    this.action = undefined;
  }
}
