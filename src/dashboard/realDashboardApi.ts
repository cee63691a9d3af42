import browser from 'webextension-polyfill';
import { localDateKey } from '../core/localDate.js';
import { SETTINGS_KEY } from '../core/settings.js';
import { sendMessage } from '../messaging.js';
import { openTimebackDb } from '../store/db.js';
import { readRollupRange } from '../store/rollupQueries.js';
import { CONTRIBUTOR_ID_KEY, type DashboardApi } from './dashboardApi.js';
import { realDataApi } from './realDataApi.js';

/**
 * The dashboard's api in the extension: settings in storage.local, rollups
 * read from IndexedDB, and every change to the records through the worker,
 * the only writer. The one other thing the dashboard writes is the
 * contributor id a clinician chose to keep between exports (storage.local).
 */
export function realDashboardApi(): DashboardApi {
  return {
    load: async () => (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY],
    save: (settings) => browser.storage.local.set({ [SETTINGS_KEY]: settings }),
    // Called straight from the submit handler, so the browser sees the user gesture.
    requestOrigins: (origins) => browser.permissions.request({ origins }),
    removeOrigins: async (origins) => {
      try {
        await browser.permissions.remove({ origins });
      } catch (error) {
        // Origins granted by the manifest (test builds) cannot be removed; nothing to undo.
        console.warn('Timeback: could not remove host permissions', origins, error);
      }
    },
    watch: (onChange) => {
      const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
        const change = changes[SETTINGS_KEY];
        if (area === 'local' && change) onChange(change.newValue);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    readRollups: async (from, to) => {
      // Opened per read and closed at once: a dashboard tab left open must
      // never hold a connection that blocks the worker's schema upgrades.
      const db = await openTimebackDb();
      try {
        return await readRollupRange(db, from, to);
      } finally {
        db.close();
      }
    },
    today: () => localDateKey(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone),
    getDayEntries: (date) => sendMessage('getDayEntries', { date }),
    changeEntry: (change) => sendMessage('changeEntry', change),
    undoLastChange: () => sendMessage('undoLastChange', {}),
    policy: () => sendMessage('getPolicy', {}),
    pathShapes: async (systemId) => (await sendMessage('getPathShapes', { systemId })).shapes,
    extensionVersion: () => browser.runtime.getManifest().version,
    readContributorId: async () => {
      const value = (await browser.storage.local.get(CONTRIBUTOR_ID_KEY))[CONTRIBUTOR_ID_KEY];
      return typeof value === 'string' ? value : null;
    },
    data: realDataApi(),
    writeContributorId: (id) => (id === null ? browser.storage.local.remove(CONTRIBUTOR_ID_KEY) : browser.storage.local.set({ [CONTRIBUTOR_ID_KEY]: id })),
  };
}
