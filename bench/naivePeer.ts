/**
 * A naive model of the common peer design of browser time trackers, for the
 * bench's side-by-side comparison: a service-worker tick every
 * second that reads the whole day record from IndexedDB, adds the second to
 * the current bucket when the clinician is active, and writes the record back,
 * in one readwrite transaction per tick.
 *
 * The day record is what such trackers typically keep:
 *
 *   { date, sites: { [systemId]: { [category]: seconds } }, log: [visit, …] }
 *
 * with a per-visit log holding each page's URL and title, its first and last
 * second and its seconds. The bench fills URLs and titles with realistic
 * placeholders: the length and shape of a clinical system's page address
 * (host, patient and encounter path segments, query) and title, built from
 * made-up tokens. No real patient data or real page addresses, ever.
 *
 * It is modelled fairly, in its favour where a choice arises: it writes only
 * on ticks that add a second (no transaction while idle or on no tracked
 * page), continues a visit's log entry rather than adding one per tick, and
 * uses the raw IndexedDB API (no wrapper library).
 */
import { localDateKey } from '../src/core/localDate.js';

export interface NaiveVisit {
  url: string;
  title: string;
  systemId: string;
  category: string;
  /** Epoch ms of the first and the latest second counted on this visit. */
  start: number;
  end: number;
  seconds: number;
}

export interface NaiveDayRecord {
  date: string;
  /** systemId → category → seconds */
  sites: Record<string, Record<string, number>>;
  log: NaiveVisit[];
}

/** The page in the focused tab, as the peer reads it from tabs.query: URL, title and its own classification. */
export interface NaivePage {
  url: string;
  title: string;
  systemId: string;
  category: string;
}

export const NAIVE_STORE = 'days';
/** chrome.idle.queryState(60): "active" means input within the last minute. */
export const NAIVE_IDLE_SEC = 60;

/** Open (creating if need be) the peer's database: one store of day records keyed by date. */
export function openNaiveDb(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(NAIVE_STORE, { keyPath: 'date' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Read one day record (a readonly transaction), for checks. */
export function readNaiveDay(db: IDBDatabase, date: string): Promise<NaiveDayRecord | undefined> {
  return new Promise((resolve, reject) => {
    const req = db.transaction(NAIVE_STORE, 'readonly').objectStore(NAIVE_STORE).get(date);
    req.onsuccess = () => resolve(req.result as NaiveDayRecord | undefined);
    req.onerror = () => reject(req.error);
  });
}

export interface NaivePeer {
  /**
   * One tick of the worker's one-second timer at `nowMs`: when `active` and a
   * tracked page is focused, read the day record, add the second, put it back
   * (one readwrite transaction). Resolves true when it wrote.
   */
  tick(nowMs: number, page: NaivePage | null, active: boolean): Promise<boolean>;
  /** Ticks that wrote. */
  readonly writes: number;
}

export function createNaivePeer(db: IDBDatabase, timeZone: string): NaivePeer {
  let writes = 0;
  return {
    get writes() {
      return writes;
    },
    tick(nowMs, page, active) {
      if (!active || !page) return Promise.resolve(false);
      const date = localDateKey(nowMs, timeZone);
      return new Promise((resolve, reject) => {
        const tx = db.transaction(NAIVE_STORE, 'readwrite');
        const store = tx.objectStore(NAIVE_STORE);
        const req = store.get(date);
        req.onsuccess = () => {
          const record = (req.result as NaiveDayRecord | undefined) ?? { date, sites: {}, log: [] };
          const bySystem = (record.sites[page.systemId] ??= {});
          bySystem[page.category] = (bySystem[page.category] ?? 0) + 1;
          const last = record.log[record.log.length - 1];
          if (last && last.url === page.url && last.category === page.category) {
            last.end = nowMs;
            last.seconds += 1;
          } else {
            record.log.push({ url: page.url, title: page.title, systemId: page.systemId, category: page.category, start: nowMs, end: nowMs, seconds: 1 });
          }
          store.put(record);
        };
        tx.oncomplete = () => {
          writes++;
          resolve(true);
        };
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    },
  };
}
