import type { ActivitySpan } from './activitySpan.js';
import { isJsonObject } from './plainObject.js';
import type { PageEvent } from './records.js';
import { isRuns } from './runs.js';
import { parseSettings, type Settings } from './settings.js';
import { isTaskCategory } from './taskCategory.js';

/**
 * The clinician's own backup file: every raw record at full fidelity (notes
 * included), for this device or their next one. Never shared: it is not the
 * personal export. Restoring validates the WHOLE file before anything is
 * written; one bad record refuses the file.
 */
export const BACKUP_FORMAT = 'timeback-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** The IndexedDB schema version the records were read from. */
  dbVersion: number;
  /** ISO 8601 time the backup was made. */
  createdAt: string;
  spans: ActivitySpan[];
  events: PageEvent[];
  settings: Settings;
}

/** What restoring a backup did: records added, already here, or here with different content (kept as they are). */
export type RestoreOutcome =
  | { ok: true; added: number; unchanged: number; conflicting: number; settingsRestored: boolean }
  | { ok: false; errors: string[] };

export type BackupResult = { ok: true; backup: Backup } | { ok: false; errors: string[] };

/** Limits that keep a hostile or corrupt file from exhausting memory or time. */
export const MAX_BACKUP_CHARS = 200_000_000;
export const MAX_BACKUP_RECORDS = 1_000_000;
/** At most this many problems are listed; the rest are counted. */
const MAX_ERRORS = 20;
const MAX_RUN_PAIRS = 100_000;
const MAX_NOTE = 2000;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const SPAN_KEYS = new Set(['id', 'systemId', 'category', 'source', 'start', 'end', 'date', 'input', 'attended', 'edited', 'originalId', 'supersededBy', 'flaggedForReview', 'note', 'switched', 'loadEdgeMs']);
const EVENT_KEYS = new Set(['id', 'kind', 'systemId', 'at', 'date', 'durationMs']);
const TOP_KEYS = new Set(['format', 'version', 'dbVersion', 'createdAt', 'spans', 'events', 'settings']);

/** Keys not in `allowed` (including __proto__ and friends, which JSON.parse makes own keys). */
function unexpectedKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): string[] {
  return Object.keys(value).filter((k) => FORBIDDEN_KEYS.has(k) || !allowed.has(k));
}

const isId = (v: unknown, max = 100): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** Problems with one span (empty when valid). */
export function spanErrors(raw: unknown): string[] {
  if (!isJsonObject(raw)) return ['is not an object'];
  const errors: string[] = [];
  const extra = unexpectedKeys(raw, SPAN_KEYS);
  if (extra.length > 0) errors.push(`has unexpected fields (${extra.slice(0, 3).map((k) => JSON.stringify(k)).join(', ')})`);
  if (!isId(raw.id)) errors.push('has no valid "id"');
  if (typeof raw.systemId !== 'string' || raw.systemId.length > 40) errors.push('has no valid "systemId"');
  if (!isTaskCategory(raw.category)) errors.push('has an unknown "category"');
  if (raw.source !== 'auto' && raw.source !== 'manual' && raw.source !== 'timer') errors.push('has an unknown "source"');
  if (!isTime(raw.start) || !isTime(raw.end) || raw.end < raw.start) errors.push('has invalid "start"/"end" times');
  if (typeof raw.date !== 'string' || !DATE.test(raw.date)) errors.push('has an invalid "date"');
  if (!isRuns(raw.input, MAX_RUN_PAIRS)) errors.push('has invalid "input" runs');
  if (!isRuns(raw.attended, MAX_RUN_PAIRS)) errors.push('has invalid "attended" runs');
  for (const k of ['edited', 'flaggedForReview', 'switched'] as const)
    if (raw[k] !== undefined && typeof raw[k] !== 'boolean') errors.push(`has a non-boolean "${k}"`);
  for (const k of ['originalId', 'supersededBy'] as const) if (raw[k] !== undefined && !isId(raw[k])) errors.push(`has an invalid "${k}"`);
  if (raw.note !== undefined && (typeof raw.note !== 'string' || raw.note.length > MAX_NOTE)) errors.push(`has a note that is not text of at most ${MAX_NOTE} characters`);
  const edges = raw.loadEdgeMs;
  if (edges !== undefined && !(Array.isArray(edges) && edges.length === 2 && edges.every((e) => Number.isInteger(e) && e >= 0 && e < 1000)))
    errors.push('has invalid "loadEdgeMs" (two whole numbers of ms from 0 to 999)');
  return errors;
}

/** Problems with one page event (empty when valid). */
export function eventErrors(raw: unknown): string[] {
  if (!isJsonObject(raw)) return ['is not an object'];
  const errors: string[] = [];
  const extra = unexpectedKeys(raw, EVENT_KEYS);
  if (extra.length > 0) errors.push(`has unexpected fields (${extra.slice(0, 3).map((k) => JSON.stringify(k)).join(', ')})`);
  if (!isId(raw.id)) errors.push('has no valid "id"');
  if (raw.kind !== 'login' && raw.kind !== 'pageLoad' && raw.kind !== 'softWait') errors.push('has an unknown "kind"');
  if (typeof raw.systemId !== 'string' || raw.systemId.length > 40) errors.push('has no valid "systemId"');
  if (!isTime(raw.at)) errors.push('has an invalid "at" time');
  if (typeof raw.date !== 'string' || !DATE.test(raw.date)) errors.push('has an invalid "date"');
  if (!isTime(raw.durationMs)) errors.push('has an invalid "durationMs"');
  return errors;
}

/**
 * Validate a parsed backup completely. Never throws, and returns either the
 * whole backup or the reasons it was refused (the first 20, then a count).
 * `maxDbVersion` is the schema version this build understands.
 */
export function validateBackup(raw: unknown, maxDbVersion: number): BackupResult {
  if (!isJsonObject(raw)) return { ok: false, errors: ['The file is not a Timeback backup (it is not a JSON object).'] };
  if (raw.format !== BACKUP_FORMAT) return { ok: false, errors: ['The file is not a Timeback backup ("format" is not "timeback-backup").'] };
  if (raw.version !== BACKUP_VERSION)
    return { ok: false, errors: [`The backup's version ${JSON.stringify(raw.version)} is not one this Timeback reads (version ${BACKUP_VERSION}).`] };
  const errors: string[] = [];
  let more = 0;
  const push = (message: string) => (errors.length < MAX_ERRORS ? errors.push(message) : more++);
  const extra = unexpectedKeys(raw, TOP_KEYS);
  if (extra.length > 0) push(`The backup has unexpected fields (${extra.slice(0, 3).map((k) => JSON.stringify(k)).join(', ')}).`);
  if (!Number.isSafeInteger(raw.dbVersion) || (raw.dbVersion as number) < 1 || (raw.dbVersion as number) > maxDbVersion)
    push(`The backup's "dbVersion" must be a whole number from 1 to ${maxDbVersion}.`);
  if (typeof raw.createdAt !== 'string' || raw.createdAt.length > 40 || Number.isNaN(Date.parse(raw.createdAt))) push('The backup has no valid "createdAt" time.');
  const settings = parseSettings(raw.settings);
  if (!settings.ok) for (const e of settings.errors) push(`Settings: ${e}`);
  const records = (name: 'spans' | 'events', label: string, check: (r: unknown) => string[]) => {
    const list = raw[name];
    if (!Array.isArray(list)) return push(`"${name}" must be a list.`);
    if (list.length > MAX_BACKUP_RECORDS) return push(`"${name}" has ${list.length} records; at most ${MAX_BACKUP_RECORDS} can be restored.`);
    const ids = new Set<string>();
    for (let i = 0; i < list.length; i++) {
      const problems = check(list[i]);
      for (const p of problems) push(`${label} ${i + 1}: ${p}.`);
      const id = problems.length === 0 ? (list[i] as { id: string }).id : undefined;
      if (id !== undefined) {
        if (ids.has(id)) push(`${label} ${i + 1}: the id ${JSON.stringify(id)} appears twice.`);
        ids.add(id);
      }
    }
  };
  records('spans', 'Record', spanErrors);
  records('events', 'Page event', eventErrors);
  if (more > 0) errors.push(`…and ${more} more problems.`);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      dbVersion: raw.dbVersion as number,
      createdAt: raw.createdAt as string,
      // Copied field by field into fresh objects: nothing but the known fields reaches the store.
      spans: (raw.spans as Array<Record<string, unknown>>).map(copySpan),
      events: (raw.events as Array<Record<string, unknown>>).map(copyEvent),
      settings: (settings as { ok: true; settings: Settings }).settings,
    },
  };
}

function copySpan(r: Record<string, unknown>): ActivitySpan {
  const out: Record<string, unknown> = {};
  for (const k of SPAN_KEYS) if (r[k] !== undefined) out[k] = Array.isArray(r[k]) ? [...(r[k] as number[])] : r[k];
  return out as unknown as ActivitySpan;
}

function copyEvent(r: Record<string, unknown>): PageEvent {
  const out: Record<string, unknown> = {};
  for (const k of EVENT_KEYS) out[k] = r[k];
  return out as unknown as PageEvent;
}

/** Parse and validate a backup file's text. Never throws. */
export function parseBackupText(text: unknown, maxDbVersion: number): BackupResult {
  if (typeof text !== 'string') return { ok: false, errors: ['The backup must be text.'] };
  if (text.length > MAX_BACKUP_CHARS) return { ok: false, errors: [`The file is too large (more than ${MAX_BACKUP_CHARS / 1_000_000} million characters).`] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['The file is not valid JSON.'] };
  }
  return validateBackup(raw, maxDbVersion);
}

/** Key-order-independent equality of two JSON-like records: "identical" for a merge. */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameRecord(v, b[i]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameRecord((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
