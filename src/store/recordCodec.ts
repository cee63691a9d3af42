import type { ActivitySource, ActivitySpan } from '../core/activitySpan.js';
import type { LocalDateKey } from '../core/localDate.js';
import type { PageEvent } from '../core/records.js';
import type { Runs } from '../core/runs.js';
import type { TaskCategory } from '../core/taskCategory.js';

/**
 * The stored form of spans and page events (docs/architecture.md, "Stored
 * form"). The browser serialises every property name of every record, so the
 * records are stored with one-letter names and small numbers for the
 * categories, sources and kinds. Only `src/store` sees this form: everything
 * else, the backup file included, uses `ActivitySpan` and `PageEvent`.
 *
 * `id` keeps its name: it is the stores' key path, which IndexedDB cannot
 * change in place.
 */

/**
 * Stored code of each task category. APPEND-ONLY: a code, once written, means
 * its category for ever. A new category takes the next unused number; a
 * category is never renumbered, and a retired one keeps its code unused.
 * Written out (not the order of TASK_CATEGORIES) so reordering that list
 * cannot change stored data.
 */
export const CATEGORY_CODES = Object.freeze({
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
} as const satisfies Record<TaskCategory, number>);

/** Stored code of a non-automatic source (append-only). Automatic records, most of them, store no source at all. */
export const SOURCE_CODES = Object.freeze({ manual: 1, timer: 2 } as const satisfies Record<Exclude<ActivitySource, 'auto'>, number>);

/** Stored code of a page event's kind (append-only). */
export const EVENT_KIND_CODES = Object.freeze({ login: 0, pageLoad: 1, softWait: 2 } as const satisfies Record<PageEvent['kind'], number>);

export type CategoryCode = (typeof CATEGORY_CODES)[TaskCategory];
export type SourceCode = (typeof SOURCE_CODES)[keyof typeof SOURCE_CODES];
export type EventKindCode = (typeof EVENT_KIND_CODES)[PageEvent['kind']];

/** An `ActivitySpan` as stored in `spans`. Optional fields are stored only when present. */
export interface StoredSpan {
  /** id (the key path) */
  id: string;
  /** systemId */
  y: string;
  /** category, as its CATEGORY_CODES code */
  c: CategoryCode;
  /** source: absent for 'auto', else its SOURCE_CODES code */
  o?: SourceCode;
  /** start (epoch ms; the `start` index's key path) */
  s: number;
  /** end (epoch ms) */
  e: number;
  /** date (local YYYY-MM-DD of start) */
  d: LocalDateKey;
  /** input runs */
  n: Runs;
  /** attended runs: absent when equal to the input runs */
  a?: Runs;
  /** edited */
  h?: boolean;
  /** originalId */
  r?: string;
  /** supersededBy */
  b?: string;
  /** flaggedForReview */
  f?: boolean;
  /** note */
  m?: string;
  /** switched */
  w?: boolean;
  /** loadEdgeMs */
  g?: [number, number];
}

/** A `PageEvent` as stored in `events`. */
export interface StoredEvent {
  /** id (the key path) */
  id: string;
  /** kind, as its EVENT_KIND_CODES code */
  k: EventKindCode;
  /** systemId */
  y: string;
  /** at (epoch ms) */
  t: number;
  /** date (local YYYY-MM-DD) */
  d: LocalDateKey;
  /** durationMs */
  l: number;
}

/** A stored record this build cannot read (an unknown code: corrupt, or written by a newer build). */
export class StoredRecordError extends Error {
  constructor(
    readonly id: unknown,
    reason: string,
  ) {
    super(`Stored record ${JSON.stringify(id)} cannot be read: ${reason}`);
    this.name = 'StoredRecordError';
  }
}

function inverse<K extends string>(codes: Readonly<Record<K, number>>): ReadonlyMap<unknown, K> {
  return new Map(Object.entries(codes).map(([name, code]) => [code, name as K]));
}
const CATEGORY_BY_CODE = inverse<TaskCategory>(CATEGORY_CODES);
const SOURCE_BY_CODE = inverse<Exclude<ActivitySource, 'auto'>>(SOURCE_CODES);
const KIND_BY_CODE = inverse<PageEvent['kind']>(EVENT_KIND_CODES);

const sameRuns = (a: Runs, b: Runs) => a.length === b.length && a.every((v, i) => v === b[i]);

export function encodeSpan(span: ActivitySpan): StoredSpan {
  const c = CATEGORY_CODES[span.category] as CategoryCode | undefined;
  if (c === undefined) throw new StoredRecordError(span.id, `unknown category ${JSON.stringify(span.category)}`);
  const out: StoredSpan = { id: span.id, y: span.systemId, c, s: span.start, e: span.end, d: span.date, n: span.input };
  if (span.source !== 'auto') {
    const o = SOURCE_CODES[span.source] as SourceCode | undefined;
    if (o === undefined) throw new StoredRecordError(span.id, `unknown source ${JSON.stringify(span.source)}`);
    out.o = o;
  }
  if (!sameRuns(span.attended, span.input)) out.a = span.attended;
  if (span.edited !== undefined) out.h = span.edited;
  if (span.originalId !== undefined) out.r = span.originalId;
  if (span.supersededBy !== undefined) out.b = span.supersededBy;
  if (span.flaggedForReview !== undefined) out.f = span.flaggedForReview;
  if (span.note !== undefined) out.m = span.note;
  if (span.switched !== undefined) out.w = span.switched;
  if (span.loadEdgeMs !== undefined) out.g = span.loadEdgeMs;
  return out;
}

/** The span a stored record holds. Throws StoredRecordError for a code this build does not know. */
export function decodeSpan(stored: StoredSpan): ActivitySpan {
  const category = CATEGORY_BY_CODE.get(stored.c);
  if (category === undefined) throw new StoredRecordError(stored.id, `unknown category code ${JSON.stringify(stored.c)}`);
  const source = stored.o === undefined ? 'auto' : SOURCE_BY_CODE.get(stored.o);
  if (source === undefined) throw new StoredRecordError(stored.id, `unknown source code ${JSON.stringify(stored.o)}`);
  const span: ActivitySpan = {
    id: stored.id,
    systemId: stored.y,
    category,
    source,
    start: stored.s,
    end: stored.e,
    date: stored.d,
    input: stored.n,
    // A copy, so the two runs never share an array.
    attended: stored.a ?? [...stored.n],
  };
  if (stored.h !== undefined) span.edited = stored.h;
  if (stored.r !== undefined) span.originalId = stored.r;
  if (stored.b !== undefined) span.supersededBy = stored.b;
  if (stored.f !== undefined) span.flaggedForReview = stored.f;
  if (stored.m !== undefined) span.note = stored.m;
  if (stored.w !== undefined) span.switched = stored.w;
  if (stored.g !== undefined) span.loadEdgeMs = stored.g;
  return span;
}

export function encodeEvent(event: PageEvent): StoredEvent {
  const k = EVENT_KIND_CODES[event.kind] as EventKindCode | undefined;
  if (k === undefined) throw new StoredRecordError(event.id, `unknown kind ${JSON.stringify(event.kind)}`);
  return { id: event.id, k, y: event.systemId, t: event.at, d: event.date, l: event.durationMs };
}

/** The page event a stored record holds. Throws StoredRecordError for a code this build does not know. */
export function decodeEvent(stored: StoredEvent): PageEvent {
  const kind = KIND_BY_CODE.get(stored.k);
  if (kind === undefined) throw new StoredRecordError(stored.id, `unknown kind code ${JSON.stringify(stored.k)}`);
  return { id: stored.id, kind, systemId: stored.y, at: stored.t, date: stored.d, durationMs: stored.l };
}

/** Whether a stored span is an automatic record (no source stored), without decoding it. */
export const isStoredAuto = (stored: StoredSpan): boolean => stored.o === undefined;

const reported = new Set<unknown>();

/** Warn once per record (per worker lifetime) about a record left out because it cannot be read. */
function reportUnreadable(error: StoredRecordError): void {
  if (reported.has(error.id)) return;
  reported.add(error.id);
  console.warn('Timeback: a stored record was left out because it cannot be read', error.message);
}

function readable<S, T>(decode: (stored: S) => T): (stored: S | undefined) => T | undefined {
  return (stored) => {
    if (stored === undefined) return undefined;
    try {
      return decode(stored);
    } catch (error) {
      if (!(error instanceof StoredRecordError)) throw error;
      reportUnreadable(error);
      return undefined;
    }
  };
}

/**
 * Decode for reading: a record that cannot be read (StoredRecordError) is
 * reported once and treated as absent, so one bad record never stops the
 * clinician's figures, corrections or backup. It stays in the store as it is
 * (retention prunes it by its stored date; "Delete all" removes it).
 */
export const readableSpan = readable(decodeSpan);
export const readableEvent = readable(decodeEvent);

/** Decode a list for reading, leaving out (and reporting) records that cannot be read. */
export function readableSpans(stored: readonly StoredSpan[]): ActivitySpan[] {
  const out: ActivitySpan[] = [];
  for (const s of stored) {
    const span = readableSpan(s);
    if (span) out.push(span);
  }
  return out;
}

export function readableEvents(stored: readonly StoredEvent[]): PageEvent[] {
  const out: PageEvent[] = [];
  for (const s of stored) {
    const event = readableEvent(s);
    if (event) out.push(event);
  }
  return out;
}
