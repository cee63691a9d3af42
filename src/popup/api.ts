import type { TodaySummary } from '../core/todaySummary.js';
import type { IdleReviewAction } from '../core/entries.js';
import type { TaskCategory } from '../core/taskCategory.js';

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
}
