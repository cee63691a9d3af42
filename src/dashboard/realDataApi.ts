import browser from 'webextension-polyfill';
import type { StorageWarning } from '../protocol.js';
import { sendMessage } from '../messaging.js';
import { countRecords } from '../store/dataStore.js';
import { openTimebackDb } from '../store/db.js';
import { STORAGE_WARNING_KEY, type DataApi } from './dataApi.js';
import { downloadText } from './common/download.js';

/** The real "Your data" api: reads directly (counts, estimate, warning); every write goes through the worker. */
export function realDataApi(): DataApi {
  return {
    async storageEstimate() {
      const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
      if (!estimate || typeof estimate.usage !== 'number' || typeof estimate.quota !== 'number') return null;
      return { usage: estimate.usage, quota: estimate.quota };
    },
    async recordCounts() {
      // Opened per read and closed at once, so it never blocks the worker's schema upgrades.
      const db = await openTimebackDb();
      try {
        return await countRecords(db);
      } finally {
        db.close();
      }
    },
    async storageWarning() {
      const value = (await browser.storage.local.get(STORAGE_WARNING_KEY))[STORAGE_WARNING_KEY] as StorageWarning | undefined;
      return value && typeof value === 'object' && typeof value.at === 'number' ? value : null;
    },
    exportBackup: () => sendMessage('exportBackup', {}),
    restoreBackup: (text) => sendMessage('restoreBackup', { text }),
    deleteAllData: () => sendMessage('deleteAllData', { confirm: true }),
    download: (fileName, text) => downloadText(fileName, text, 'application/json'),
  };
}
