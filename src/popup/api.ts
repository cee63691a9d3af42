import type { TodaySummary } from '../core/todaySummary.js';
import type { IdleReviewAction } from '../core/entries.js';
import type { TaskCategory } from '../core/taskCategory.js';
import type { SiteStatus } from '../core/siteTracking.js';
import type { TrackSiteResult } from '../protocol.js';

/**
 * Everything the popup needs from the outside world. The real one talks to the
 * service worker; tests and previews pass a fake (Dark Reader's connector pattern).
 */
export interface PopupApi {
  getToday(): Promise<TodaySummary>;
  setPaused(paused: boolean): Promise<TodaySummary>;
  startTimer(category: TaskCategory, systemId?: string): Promise<TodaySummary>;
  stopTimer(): Promise<TodaySummary>;
  resolveIdleReview(action: IdleReviewAction): Promise<TodaySummary>;
  openDashboard(): void;
  /** Optional: true when storage filled up and Timeback deleted old records to keep recording. */
  storageWarning?(): Promise<boolean>;
  /** Optional (Track this site): the page in the popup's tab, from its address only. */
  site?(): Promise<SiteStatus>;
  /** Ask the browser for host access. Called in the click itself, before anything is awaited: the prompt needs the user gesture. */
  requestOrigins?(origins: string[]): Promise<boolean>;
  /** Track the site in the popup's tab with the chosen scope (after access was granted). */
  trackSite?(scope: string): Promise<TrackSiteResult>;
  stopTrackingSite?(): Promise<TrackSiteResult>;
  /** Optional: open the first-run guide (the dashboard's "Getting started"). */
  openGuide?(): void;
}
