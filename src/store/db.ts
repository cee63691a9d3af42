import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { ActiveTimeParams } from '../core/activeTimeParams.js';
import type { ActivitySpan, DayRollup, PageEvent } from '../core/records.js';
import type { TrackerState } from '../core/tracker.js';
import type { RunningTimer } from '../core/manualTimer.js';
import type { ChangeJournal } from '../core/corrections.js';
import type { IdleReview } from '../core/entries.js';
import type { TaskCategory } from '../core/taskCategory.js';
import { encodeEvent, encodeSpan, type StoredEvent, type StoredSpan } from './recordCodec.js';

export const DB_NAME = 'timeback';
export const DB_VERSION = 4;

/**
 * The typed IndexedDB schema. Records hold ids, categories, times, local
 * dates and evidence runs — never a URL, title, query or page text
 * (docs/privacy.md). Every schema change adds an upgrade step below.
 * Spans and events are held in their stored form (recordCodec.ts): encode
 * and decode at every read and write.
 */
export interface TimebackSchema extends DBSchema {
  /**
   * Queried by time through the `start` index (key path `s`, the stored start); by local date
   * through `start` too (see dataStore.ts), so no `date` index.
   */
  spans: { key: string; value: StoredSpan; indexes: { start: number } };
  rollups: { key: string; value: DayRollup };
  /** No index: few and small, read whole (rollup rebuilds) or scanned once (retention). */
  events: { key: string; value: StoredEvent };
  meta:
    | { key: 'tracker'; value: TrackerState }
    | { key: 'rollupParams'; value: ActiveTimeParams }
    | { key: 'timer'; value: RunningTimer }
    | { key: 'lastTimer'; value: { category: TaskCategory; systemId?: string } }
    | { key: 'lastChange'; value: ChangeJournal }
    | { key: 'idleReview'; value: IdleReview }
    | { key: 'away'; value: { since: number; during: 'timer' | 'tab'; category: TaskCategory; systemId?: string } }
    /** Raw records dated before this local date were pruned (retention): their day rollups are kept, never rebuilt. */
    | { key: 'prunedBefore'; value: string };
}

export type TimebackDb = IDBPDatabase<TimebackSchema>;

/**
 * Upgrade steps see the schema as the step before left it, not as `TimebackSchema`
 * describes it now (v1 created a `date` index that v3 removes), so they are untyped.
 */
type UpgradeDb = IDBPDatabase;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** Upgrade steps, indexed by the version they create. Run in order from the stored version. */
const UPGRADES: Array<(db: UpgradeDb, tx: UpgradeTx) => void> = [
  () => {},
  (db) => {
    const spans = db.createObjectStore('spans', { keyPath: 'id' });
    spans.createIndex('date', 'date');
    spans.createIndex('start', 'start');
    db.createObjectStore('rollups', { keyPath: 'date' });
    db.createObjectStore('meta');
  },
  // v2: page events (logins, page loads); rollups gained time-of-day slots, bouts and
  // switches, so they are dropped and rebuilt from the spans on the next write.
  (db, tx) => {
    db.createObjectStore('events', { keyPath: 'id' }).createIndex('date', 'date');
    void tx.objectStore('rollups').clear();
    void tx.objectStore('meta').delete('rollupParams');
  },
  // v3: no `date` indexes. Every index entry repeats the record's id, and these
  // answered only retention's "dated before" query, which now reads spans by
  // `start` and scans the few events. Records keep their `date` field.
  (_db, tx) => {
    tx.objectStore('spans').deleteIndex('date');
    tx.objectStore('events').deleteIndex('date');
  },
  // v4: spans and events in their stored form (recordCodec.ts: one-letter property
  // names, categories, sources and kinds as small numbers), converted in place;
  // the `start` index now reads the stored start, `s`. Rollups are unchanged.
  (_db, tx) => {
    const spans = tx.objectStore('spans');
    spans.deleteIndex('start');
    spans.createIndex('start', 's');
    void convertInPlace(tx, 'spans', (r) => encodeSpan(r as ActivitySpan));
    void convertInPlace(tx, 'events', (r) => encodeEvent(r as PageEvent));
  },
];

/**
 * Rewrite every record of a store through `convert`, in the upgrade
 * transaction. A record that cannot be converted (not possible for records
 * this extension wrote or restored, which were validated) is left as it is,
 * and reported: readers then leave it out (recordCodec.ts), and "Delete all"
 * removes it. Any other failure aborts the upgrade, and the database stays at
 * the version before.
 */
async function convertInPlace(tx: UpgradeTx, name: string, convert: (record: unknown) => unknown): Promise<void> {
  try {
    let cursor = await tx.objectStore(name).openCursor();
    while (cursor) {
      let converted: unknown;
      try {
        converted = convert(cursor.value);
      } catch (error) {
        console.warn(`Timeback: a record in "${name}" could not be converted to the stored form and was left as it is`, error instanceof Error ? error.message : error);
      }
      if (converted !== undefined) await cursor.update(converted);
      cursor = await cursor.continue();
    }
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    console.error('Timeback: the database upgrade failed', error);
  }
}

export function openTimebackDb(name = DB_NAME): Promise<TimebackDb> {
  return openDB<TimebackSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? DB_VERSION); v++) UPGRADES[v]!(db as unknown as UpgradeDb, tx as unknown as UpgradeTx);
    },
    blocking() {
      // A newer version of the extension wants to upgrade: step aside.
    },
  });
}
