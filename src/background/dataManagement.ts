import { BACKUP_FORMAT, BACKUP_VERSION, parseBackupText, type Backup, type RestoreOutcome } from '../core/backupValidation.js';
import { localDateKey } from '../core/localDate.js';
import { SETTINGS_KEY, type Settings } from '../core/settings.js';
import { DB_VERSION } from '../store/db.js';
import { deleteAllRecords, mergeRecords, oldestFractionCutoff, pruneBefore, readAllRecords } from '../store/dataStore.js';
import type { WriteContext } from '../store/trackingStore.js';
import { STORAGE_WARNING_KEY, type StorageWarning } from '../protocol.js';
import type { WorkerPorts } from './ports.js';

/** The daily alarm that prunes raw records older than the retention period. */
export const RETENTION_ALARM = 'retention';
export const RETENTION_PERIOD_MINUTES = 24 * 60;
/** When nothing is older than the retention period, this fraction of raw records older than this many days goes. */
const QUOTA_FALLBACK_FRACTION = 0.1;
const QUOTA_FALLBACK_MIN_AGE_DAYS = 30;
const DAY_MS = 86_400_000;

/** True for the error IndexedDB raises when the origin's storage quota is exhausted (any browser's name for it). */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/**
 * Retention, the storage-full recovery, deleting everything, and backup and
 * restore: the worker side of "your data". The worker is the single writer,
 * so all of these run here.
 */
export function createDataManagement(ports: WorkerPorts, deps: { writeContext(s: Settings): WriteContext }) {
  const dateDaysAgo = (days: number) => localDateKey(ports.now() - days * DAY_MS, ports.timeZone());

  /** Delete raw records older than the retention period (rollups stay). */
  async function prune(settings: Settings): Promise<number> {
    const n = await pruneBefore(await ports.db(), dateDaysAgo(settings.retentionDays));
    return n.spans + n.events;
  }

  /** Make room after a QuotaExceededError: the retention period first, else the oldest tenth of old records. */
  async function freeSpace(settings: Settings): Promise<number> {
    let freed = 0;
    try {
      freed = await prune(settings);
      if (freed === 0) {
        const db = await ports.db();
        const cutoff = await oldestFractionCutoff(db, dateDaysAgo(QUOTA_FALLBACK_MIN_AGE_DAYS), QUOTA_FALLBACK_FRACTION);
        if (cutoff) {
          const n = await pruneBefore(db, cutoff);
          freed = n.spans + n.events;
        }
      }
    } catch (error) {
      console.warn('Timeback: could not free storage', error);
    }
    const warning: StorageWarning = { at: ports.now(), freed };
    await ports.localSet(STORAGE_WARNING_KEY, warning).catch(() => undefined);
    return freed;
  }

  /**
   * Run a store write (itself one transaction: it committed or it did not).
   * On QuotaExceededError, free space, flag the warning and retry once.
   */
  async function withQuotaRecovery<T>(settings: Settings, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      await freeSpace(settings);
      return write();
    }
  }

  async function exportBackup(settings: Settings): Promise<Backup> {
    const { spans, events } = await readAllRecords(await ports.db());
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, dbVersion: DB_VERSION, createdAt: new Date(ports.now()).toISOString(), spans, events, settings };
  }

  /** Validate the whole file, then merge it in one transaction. Any problem: nothing changes. */
  async function restoreBackup(settings: Settings, text: unknown): Promise<RestoreOutcome> {
    const parsed = parseBackupText(text, DB_VERSION);
    if (!parsed.ok) return parsed;
    const { spans, events } = parsed.backup;
    const merged = await withQuotaRecovery(settings, async () => mergeRecords(await ports.db(), { spans, events }, deps.writeContext(settings)));
    // Settings are restored only onto a device with none of its own: never over the clinician's current ones.
    let settingsRestored = false;
    if ((await ports.localGet(SETTINGS_KEY)) === undefined) {
      await ports.saveSettings(parsed.backup.settings);
      settingsRestored = true;
    }
    return { ok: true, ...merged, settingsRestored };
  }

  /** Delete every record and every storage.local key except the settings. */
  async function deleteAll(): Promise<void> {
    await deleteAllRecords(await ports.db());
    await ports.localRemoveAllExcept([SETTINGS_KEY]);
  }

  return { prune, freeSpace, withQuotaRecovery, exportBackup, restoreBackup, deleteAll };
}
