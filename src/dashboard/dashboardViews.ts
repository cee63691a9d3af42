import type { PeriodKind } from './common/periods.js';

/** A page of the dashboard: a period of the clinician's time, Share, or Settings. */
export type DashboardView = PeriodKind | 'share' | 'settings';

/** Every view, in the order the navigation offers them. */
export const DASHBOARD_VIEWS: readonly DashboardView[] = ['day', 'week', 'month', 'year', 'share', 'settings'];
