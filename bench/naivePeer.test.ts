import 'fake-indexeddb/auto';
import { indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { installIdbMeter } from './measures/baseline.js';
import { createNaivePeer, openNaiveDb, readNaiveDay, type NaivePage } from './naivePeer.js';

const TZ = 'Europe/London';
// 09:00:00 BST on Tuesday 12 May 2026.
const T0 = Date.parse('2026-05-12T08:00:00Z');
const notes: NaivePage = { url: 'https://epr.trust.example/clinical/patients/0a1b2c/notes?view=full', title: 'Clinical note | PLACEHOLDER | Trust EPR', systemId: 'epr', category: 'documentation' };
const results: NaivePage = { url: 'https://ice.trust.example/results/3d4e5f', title: 'Results | PLACEHOLDER | ICE', systemId: 'ice', category: 'results_review' };

let n = 0;
let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

describe('naive peer model (bench baseline)', () => {
  it('adds one second per active tick to the current bucket and writes once per such tick', async () => {
    const meter = installIdbMeter();
    uninstall = meter.uninstall;
    const db = await openNaiveDb(indexedDB, `naive-test-${++n}`);
    meter.meter.readwrite = 0;
    const peer = createNaivePeer(db, TZ);
    const ticks: Array<[number, NaivePage | null, boolean]> = [
      [0, notes, true],
      [1, notes, true],
      [2, notes, true],
      [3, notes, false], // idle: nothing added, nothing written
      [4, null, true], // no tracked page focused
      [5, results, true],
      [6, results, true],
      [7, notes, true], // back to the notes page: a new visit in the log
    ];
    const wrote: boolean[] = [];
    for (const [s, page, active] of ticks) wrote.push(await peer.tick(T0 + s * 1000, page, active));
    expect(wrote).toEqual([true, true, true, false, false, true, true, true]);
    expect(peer.writes).toBe(6);
    expect(meter.meter.readwrite).toBe(6);
    expect(meter.meter.puts).toBe(6);

    const day = await readNaiveDay(db, '2026-05-12');
    expect(day?.sites).toEqual({ epr: { documentation: 4 }, ice: { results_review: 2 } });
    expect(day?.log.map((v) => [v.systemId, v.seconds, v.start - T0, v.end - T0])).toEqual([
      ['epr', 3, 0, 2000],
      ['ice', 2, 5000, 6000],
      ['epr', 1, 7000, 7000],
    ]);
    expect(day?.log[0]).toMatchObject({ url: notes.url, title: notes.title });
    // Readonly reads are not writes.
    expect(meter.meter.readwrite).toBe(6);
    db.close();
  });

  it('rewrites the whole day record on every write, so bytes grow with the log', async () => {
    const meter = installIdbMeter();
    uninstall = meter.uninstall;
    const db = await openNaiveDb(indexedDB, `naive-test-${++n}`);
    const peer = createNaivePeer(db, TZ);
    const sizes: number[] = [];
    for (let s = 0; s < 4; s++) {
      const before = meter.meter.bytes;
      await peer.tick(T0 + s * 1000, s % 2 ? notes : { ...results, url: `${results.url}?n=${s}` }, true);
      sizes.push(meter.meter.bytes - before);
    }
    // A new visit each tick: every write carries all the visits so far.
    expect(sizes[1]! > sizes[0]! && sizes[2]! > sizes[1]! && sizes[3]! > sizes[2]!).toBe(true);
    db.close();
  });

  it('books each second on the local date it falls on (midnight in BST)', async () => {
    const db = await openNaiveDb(indexedDB, `naive-test-${++n}`);
    const peer = createNaivePeer(db, TZ);
    const midnight = Date.parse('2026-05-12T23:00:00Z');
    await peer.tick(midnight - 1000, notes, true);
    await peer.tick(midnight, notes, true);
    expect((await readNaiveDay(db, '2026-05-12'))?.sites).toEqual({ epr: { documentation: 1 } });
    expect((await readNaiveDay(db, '2026-05-13'))?.sites).toEqual({ epr: { documentation: 1 } });
    db.close();
  });
});
