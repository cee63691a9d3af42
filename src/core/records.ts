/**
 * The records IndexedDB holds (src/store/db.ts), in one place: spans, page
 * events and day rollups. Each holds ids, categories, times, local dates and
 * evidence runs — never a URL, title, query or page text (docs/privacy.md).
 * Page events are defined here; spans and rollups are defined beside the
 * code that makes them (activitySpan.ts, dayRollup.ts) and listed here, so
 * the store's schema names every stored record from one module.
 */
import type { LocalDateKey } from './localDate.js';

export type { ActivitySource, ActivitySpan } from './activitySpan.js';
export type { DayRollup, RollupCell } from './dayRollup.js';

/** A page event (a completed login, a page load, an in-app wait) as stored: ids, times, a duration — nothing from the page. */
export interface PageEvent {
  id: string;
  kind: 'login' | 'pageLoad' | 'softWait';
  systemId: string;
  /** Epoch ms the event ended (login: first page after the login page; page load: load end). */
  at: number;
  date: LocalDateKey;
  durationMs: number;
}
