/**
 * Bench code run inside Chromium, in an extension page (so it reaches the
 * extension's own IndexedDB) or in a web page. Bundled as an IIFE and
 * evaluated through DevTools, it installs `globalThis.timebackBench`. Every
 * function uses the extension's own modules: the store to seed, the same
 * functions the Share view uses to export, the content script's own listener.
 */
import type { ActiveTimeParams } from '../src/core/activeTimeParams.js';
import { buildPersonalExport, CONTRIBUTOR_ID_BYTES, newContributorId } from '../src/core/personalExport.js';
import { personalExportToCsv, personalExportToJson } from '../src/core/exportWriters.js';
import { rollupTotalMs } from '../src/core/dayRollup.js';
import type { LocalDateKey } from '../src/core/localDate.js';
import type { Schedule } from '../src/core/schedule.js';
import { ActivitySensor, inputListener } from '../src/content/activitySensor.js';
import { openTimebackDb } from '../src/store/db.js';
import { readRollupRange } from '../src/store/rollupQueries.js';
import { historyShape, syntheticHistory } from './syntheticHistory.js';
import { writeHistory } from './writeHistory.js';

async function seed(options: { lastDate: LocalDateKey; days: number; notAfterMs: number; timeZone: string; params: ActiveTimeParams }) {
  const t0 = performance.now();
  const days = syntheticHistory({ lastDate: options.lastDate, days: options.days, timeZone: options.timeZone, notAfterMs: options.notAfterMs });
  const db = await openTimebackDb();
  try {
    const stats = await writeHistory(db, days, { timeZone: options.timeZone, params: options.params });
    return { ...stats, shape: historyShape(days, options.timeZone), ms: performance.now() - t0 };
  } finally {
    db.close();
  }
}

/** The Share view's export path: read the period's rollups, build, write JSON and CSV. */
async function exportPeriod(options: { from: LocalDateKey; to: LocalDateKey; schedule: Schedule; params: ActiveTimeParams }) {
  const t0 = performance.now();
  const db = await openTimebackDb();
  try {
    const rollups = await readRollupRange(db, options.from, options.to);
    const exp = buildPersonalExport({
      rollups,
      from: options.from,
      to: options.to,
      granularity: 'week',
      includeSystems: true,
      teamCode: 'BENCH-TEAM',
      role: null,
      contributorId: newContributorId(crypto.getRandomValues(new Uint8Array(CONTRIBUTOR_ID_BYTES))),
      extensionVersion: '0.0.0',
      schedule: options.schedule,
      params: options.params,
    });
    const json = personalExportToJson(exp);
    const csv = personalExportToCsv(exp);
    return { ms: performance.now() - t0, rollups: rollups.length, jsonBytes: json.length, csvBytes: csv.length };
  } finally {
    db.close();
  }
}

/** Every store's keys, values and index key paths, for counting stored bytes in Node. */
async function dumpStores() {
  const db = await openTimebackDb();
  try {
    const out = [];
    for (const name of db.objectStoreNames) {
      const store = db.transaction(name).store;
      const indexes: Record<string, string> = {};
      for (const i of store.indexNames) indexes[i] = store.index(i).keyPath as string;
      out.push({ name, indexes, keys: await store.getAllKeys(), values: await store.getAll() });
    }
    const rollups = await db.getAll('rollups');
    const activeMs = rollups.reduce((t, r) => t + rollupTotalMs(r), 0);
    return { stores: out, activeMs };
  } finally {
    db.close();
  }
}

/**
 * The content script's input listener, timed over a stream of trusted-like
 * events at `intervalMs` apart on an injected clock (pointermove at 60 Hz is
 * ~16 ms): most events fall in a second already marked; one a second appends
 * a run. Returns ns per event for each of `repeats` batches.
 */
function inputCost(options: { events: number; intervalMs: number; repeats: number }) {
  const results: number[] = [];
  for (let r = 0; r < options.repeats; r++) {
    let clock = Date.now();
    const sensor = new ActivitySensor({
      now: () => clock,
      monotonic: () => clock,
      attendedNow: () => true,
      category: () => 'documentation',
      send: () => {},
      startTicking: () => {},
      stopTicking: () => {},
    });
    const listen = inputListener(sensor);
    const event = { isTrusted: true };
    const t0 = performance.now();
    for (let i = 0; i < options.events; i++) {
      clock += options.intervalMs;
      listen(event);
    }
    const elapsed = performance.now() - t0;
    // Flushing empties the runs, so later batches start like a fresh page.
    sensor.flush();
    results.push((elapsed * 1e6) / options.events);
  }
  return results;
}

(globalThis as Record<string, unknown>).timebackBench = { seed, exportPeriod, dumpStores, inputCost };
