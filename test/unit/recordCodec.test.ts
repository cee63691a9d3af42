import 'fake-indexeddb/auto';
import v8 from 'node:v8';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ACTIVE_TIME } from '../../src/core/activeTimeParams.js';
import type { ActivitySpan } from '../../src/core/activitySpan.js';
import { spanErrors, eventErrors } from '../../src/core/backupValidation.js';
import { mergeRecords, pruneBefore, readAllRecords } from '../../src/store/dataStore.js';
import { rollupsFromRecords } from '../../src/core/dayRollup.js';
import { openTimebackDb } from '../../src/store/db.js';
import { readDayEntries } from '../../src/store/entriesStore.js';
import type { PageEvent } from '../../src/core/records.js';
import type { Runs } from '../../src/core/runs.js';
import { TASK_CATEGORIES } from '../../src/core/taskCategory.js';
import {
  CATEGORY_CODES,
  decodeEvent,
  decodeSpan,
  encodeEvent,
  encodeSpan,
  EVENT_KIND_CODES,
  readableSpans,
  SOURCE_CODES,
  StoredRecordError,
  type StoredSpan,
} from '../../src/store/recordCodec.js';
import { readSpan, refreshRollups } from '../../src/store/trackingStore.js';

const ZONE = 'Europe/London';

afterEach(() => vi.restoreAllMocks());

describe('code tables', () => {
  it('every task category has a code, and no two share one', () => {
    expect(Object.keys(CATEGORY_CODES).sort()).toEqual([...TASK_CATEGORIES].sort());
    const codes = Object.values(CATEGORY_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    // Small whole numbers: one byte each in the browser's serialisation.
    for (const code of codes) expect(Number.isInteger(code) && code >= 0 && code < 64).toBe(true);
  });

  it('codes are append-only: the ones already written never change', () => {
    // Stored data depends on these numbers. Add a new category with the next code; never edit this list.
    expect(CATEGORY_CODES).toEqual({
      documentation: 0,
      results_review: 1,
      chart_review: 2,
      orders_prescribing: 3,
      inbox_messaging: 4,
      referrals: 5,
      patient_search: 6,
      login_auth: 7,
      waiting_for_system: 8,
      scheduling: 9,
      admin_other: 10,
      direct_care: 11,
      non_ehr: 12,
    });
    expect(SOURCE_CODES).toEqual({ manual: 1, timer: 2 });
    expect(EVENT_KIND_CODES).toEqual({ login: 0, pageLoad: 1, softWait: 2 });
    expect(Object.isFrozen(CATEGORY_CODES) && Object.isFrozen(SOURCE_CODES) && Object.isFrozen(EVENT_KIND_CODES)).toBe(true);
  });
});

/** Valid runs: sorted, disjoint, non-empty pairs. */
const runsArb: fc.Arbitrary<Runs> = fc
  .uniqueArray(fc.nat(200_000), { maxLength: 24 })
  .map((xs) => xs.sort((a, b) => a - b).slice(0, xs.length - (xs.length % 2)));
const idArb = fc.string({ minLength: 1, maxLength: 40 });
const dateArb = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const spanArb: fc.Arbitrary<ActivitySpan> = fc
  .record(
    {
      id: idArb,
      systemId: fc.string({ maxLength: 40 }),
      category: fc.constantFrom(...TASK_CATEGORIES),
      source: fc.constantFrom('auto' as const, 'manual' as const, 'timer' as const),
      start: fc.integer({ min: 0, max: 4_000_000_000_000 }),
      length: fc.nat(86_400_000),
      date: dateArb,
      input: runsArb,
      // Often equal to the input (not stored then), often not.
      attended: fc.option(runsArb, { nil: undefined }),
      edited: fc.boolean(),
      originalId: idArb,
      supersededBy: idArb,
      flaggedForReview: fc.boolean(),
      note: fc.string({ maxLength: 200 }),
      switched: fc.boolean(),
      loadEdgeMs: fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 })),
    },
    { requiredKeys: ['id', 'systemId', 'category', 'source', 'start', 'length', 'date', 'input', 'attended'] },
  )
  .map(({ length, attended, ...s }) => ({ ...s, end: s.start + length, attended: attended ?? [...s.input] }));

const eventArb: fc.Arbitrary<PageEvent> = fc.record({
  id: idArb,
  kind: fc.constantFrom('login' as const, 'pageLoad' as const, 'softWait' as const),
  systemId: fc.string({ maxLength: 40 }),
  at: fc.integer({ min: 0, max: 4_000_000_000_000 }),
  date: dateArb,
  durationMs: fc.nat(600_000),
}).map((e) => ({ ...e })); // a plain object, as records are

/** What a record looks like after the browser stored and returned it. */
const stored = <T>(value: T): T => v8.deserialize(v8.serialize(value)) as T;

describe('stored form', () => {
  it('decode(encode(span)) is the span, for any valid span, optional fields absent or present', () => {
    fc.assert(
      fc.property(spanArb, (span) => {
        expect(spanErrors(span)).toEqual([]);
        expect(decodeSpan(stored(encodeSpan(span)))).toStrictEqual(span);
      }),
      { numRuns: 500 },
    );
  });

  it('decode(encode(event)) is the event, for any valid event', () => {
    fc.assert(
      fc.property(eventArb, (event) => {
        expect(eventErrors(event)).toEqual([]);
        expect(decodeEvent(stored(encodeEvent(event)))).toStrictEqual(event);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out what it can: the automatic source, attended runs equal to the input, absent options', () => {
    const span: ActivitySpan = { id: 'a1', systemId: 'epr', category: 'documentation', source: 'auto', start: 1_794_591_006_000, end: 1_794_591_044_000, date: '2026-11-13', input: [0, 38], attended: [0, 38] };
    expect(encodeSpan(span)).toEqual({ id: 'a1', y: 'epr', c: 0, s: 1_794_591_006_000, e: 1_794_591_044_000, d: '2026-11-13', n: [0, 38] });
    expect(encodeSpan({ ...span, source: 'timer', attended: [0, 40], switched: true, note: '' })).toEqual({ ...encodeSpan(span), o: 2, a: [0, 40], w: true, m: '' });
    expect(encodeSpan({ ...span, category: 'waiting_for_system', loadEdgeMs: [400, 100] })).toEqual({ ...encodeSpan(span), c: 8, g: [400, 100] });
    for (const bad of [[1000, 0], [-1, 0], [0.5, 0], [1], 'none']) expect(spanErrors({ ...span, loadEdgeMs: bad }).join(' ')).toContain('"loadEdgeMs"');
    const decoded = decodeSpan(stored(encodeSpan(span)));
    // The decoded runs are two arrays, never one shared.
    expect(decoded.attended).toEqual(decoded.input);
    expect(decoded.attended).not.toBe(decoded.input);
    expect(encodeEvent({ id: 'e1', kind: 'login', systemId: 'epr', at: 5, date: '2026-11-13', durationMs: 900 })).toEqual({ id: 'e1', k: 0, y: 'epr', t: 5, d: '2026-11-13', l: 900 });
    // Smaller in the browser's serialisation.
    expect(v8.serialize(encodeSpan(span)).length).toBeLessThan(v8.serialize(span).length * 0.6);
  });

  it('an unknown code is a clear error when decoding, and readers leave that record out with one warning', () => {
    const good = encodeSpan({ id: 'ok', systemId: 'epr', category: 'documentation', source: 'auto', start: 0, end: 1000, date: '1970-01-01', input: [0, 1], attended: [0, 1] });
    const unknownCategory = { ...good, id: 'c99', c: 99 } as unknown as StoredSpan;
    const unknownSource = { ...good, id: 'o7', o: 7 } as unknown as StoredSpan;
    expect(() => decodeSpan(unknownCategory)).toThrow(new StoredRecordError('c99', 'unknown category code 99'));
    expect(() => decodeSpan(unknownSource)).toThrow(/Stored record "o7" cannot be read: unknown source code 7/);
    expect(() => decodeEvent({ id: 'k5', k: 5, y: 'epr', t: 0, d: '1970-01-01', l: 0 } as never)).toThrow(/unknown kind code 5/);
    expect(() => encodeSpan({ ...decodeSpan(good), category: 'gossip' as never })).toThrow(StoredRecordError);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readableSpans([unknownCategory, good, unknownSource, unknownCategory]).map((s) => s.id)).toEqual(['ok']);
    // Once per record.
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]!.join(' ')).toMatch(/left out because it cannot be read.*"c99".*unknown category code 99/);
  });

  it('a stored span this build cannot read does not stop reads, rebuilds, corrections or retention', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = await openTimebackDb('unreadable-db');
    const t0 = Date.parse('2026-05-12T08:00:00Z');
    const span = (id: string, start: number): ActivitySpan => ({ id, systemId: 'ehr', category: 'documentation', source: 'auto', start, end: start + 120_000, date: '2026-05-12', input: [0, 60], attended: [0, 120] });
    const ctx = { params: DEFAULT_ACTIVE_TIME, timeZone: ZONE };
    await mergeRecords(db, { spans: [span('a', t0), span('b', t0 + 600_000)], events: [] }, ctx);
    // Written by a build with a category this one lacks.
    await db.put('spans', { ...encodeSpan(span('future', t0 + 300_000)), c: 40 } as unknown as StoredSpan);
    expect((await readAllRecords(db)).spans.map((s) => s.id)).toEqual(['a', 'b']);
    expect(await readSpan(db, 'future')).toBeUndefined();
    const day = await readDayEntries(db, '2026-05-12', { ...ctx, nameOf: () => 'EHR', probeMs: t0 });
    expect(day.entries.map((e) => e.id)).toEqual(['a', 'b']);
    await refreshRollups(db, { ...ctx, params: { inactivityThresholdSec: 30, readingAllowanceSec: 0 }, nowMs: t0, newId: () => 'x' });
    expect(await db.get('rollups', '2026-05-12')).toEqual(rollupsFromRecords([span('a', t0), span('b', t0 + 600_000)], [], { inactivityThresholdSec: 30, readingAllowanceSec: 0 }, ZONE).get('2026-05-12'));
    // Retention prunes it by its stored date like any other record.
    expect(await pruneBefore(db, '2026-05-13')).toEqual({ spans: 3, events: 0 });
    expect(await db.count('spans')).toBe(0);
    db.close();
  });
});
