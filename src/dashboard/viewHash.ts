/**
 * The dashboard view named in the page address (dashboard.html#year), so a
 * bookmark, a reload or the performance benchmark opens that view directly.
 */
import { DASHBOARD_VIEWS, type DashboardView } from './dashboardViews.js';

/** The view a location hash ("#month") names; null for no hash or one Timeback does not know. */
export function viewFromHash(hash: string): DashboardView | null {
  const name = hash.replace(/^#/, '');
  return DASHBOARD_VIEWS.find((view) => view === name) ?? null;
}

/**
 * The view the dashboard opens on. Without a usable clinical system a period
 * has nothing to show, so period views open Settings; Share and Settings are
 * honoured. Otherwise the named view, or this week.
 */
export function openingView(requested: DashboardView | null, hasSystems: boolean): DashboardView {
  if (!hasSystems) return requested === 'share' ? 'share' : 'settings';
  return requested ?? 'week';
}

/** Names `view` in the address without a new history entry (Back still leaves the dashboard) and without a hashchange event. */
export function writeViewHash(view: DashboardView): void {
  if (location.hash === `#${view}`) return;
  history.replaceState(history.state, '', `#${view}`);
}
