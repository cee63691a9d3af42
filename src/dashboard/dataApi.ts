import type { StorageWarning } from '../protocol.js';
import type { Backup, RestoreOutcome } from '../core/backupValidation.js';
import type { RecordCounts } from '../store/dataStore.js';

/** The storage.local key of the storage-full warning (set by the worker, src/background/dataManagement.ts). */
export { STORAGE_WARNING_KEY } from '../protocol.js';

/**
 * What the "Your data" section needs: how much is stored, and the backup,
 * restore and delete-everything messages to the worker (the single writer).
 */
export interface DataApi {
  /** navigator.storage.estimate(): bytes used and available to the extension, or null when the browser does not say. */
  storageEstimate(): Promise<{ usage: number; quota: number } | null>;
  /** How many records are stored (read-only IndexedDB counts). */
  recordCounts(): Promise<RecordCounts>;
  /** Set when storage filled up and Timeback deleted old records to keep recording. */
  storageWarning(): Promise<StorageWarning | null>;
  exportBackup(): Promise<Backup>;
  restoreBackup(text: string): Promise<RestoreOutcome>;
  deleteAllData(): Promise<{ deleted: boolean }>;
  /** Save the backup as a file on this device. */
  download(fileName: string, text: string): void;
}
