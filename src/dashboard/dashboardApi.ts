import type { DayRollup } from '../core/dayRollup.js';
import type { LocalDateKey } from '../core/localDate.js';
import type { SettingsApi } from './settingsApi.js';
import type { ChangeResult, DayEntries, EntryChange } from '../core/entries.js';

/** The storage.local key of the contributor id a clinician chose to keep for their next export. */
export const CONTRIBUTOR_ID_KEY = 'timeback.contributorId';

/**
 * Everything the dashboard needs from the browser: the settings page's api,
 * plus the day rollups of one period. realDashboardApi.ts is the real one;
 * tests pass a fake.
 */
export interface DashboardApi extends SettingsApi {
  /** The rollups of the dates from `from` to `to` inclusive (days without any are simply absent). */
  readRollups(from: LocalDateKey, to: LocalDateKey): Promise<DayRollup[]>;
  /** The clinician's local date now. */
  today(): LocalDateKey;
  /** Every record of one day, for the timeline (through the worker, the only writer). */
  getDayEntries(date: LocalDateKey): Promise<DayEntries>;
  changeEntry(change: EntryChange): Promise<ChangeResult>;
  undoLastChange(): Promise<ChangeResult>;
  /** This build's version, written into personal exports. */
  extensionVersion(): string;
  /** The contributor id kept from an earlier export (storage.local CONTRIBUTOR_ID_KEY), or null. */
  readContributorId(): Promise<string | null>;
  /** Keep `id` for the next export; null forgets any kept id. */
  writeContributorId(id: string | null): Promise<void>;
}
