import type { TodaySummary } from '../core/todaySummary.js';

/**
 * Everything the popup needs from the outside world. The real one talks to the
 * service worker; tests and previews pass a fake (Dark Reader's connector pattern).
 */
export interface PopupApi {
  getToday(): Promise<TodaySummary>;
  setPaused(paused: boolean): Promise<TodaySummary>;
  openDashboard(): void;
}
