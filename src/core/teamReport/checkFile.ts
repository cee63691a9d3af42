/**
 * Checking one personal export on its own, before it is merged: size, patient
 * identifiers (on the raw text, before anything is interpreted), JSON, format
 * and schema version, then the personal export validator. A refused file
 * contributes nothing, and no reason quotes the file.
 */
import { PERSONAL_EXPORT_FORMAT, PERSONAL_EXPORT_SCHEMA_VERSION, type PersonalExport } from '../exportFormat.js';
import { validatePersonalExport } from '../exportValidation.js';
import { importedIdentifierReason, rawTextIdentifierReason, withoutQuotedText } from '../importGuard.js';
import { formatNumber, roundTo } from '../numbers.js';
import { isPlainObject } from '../plainObject.js';
import { DEFAULT_MAX_FILE_BYTES, type RejectionCode, type TeamReportInput } from './contract.js';

const SCHEMA_MIGRATIONS: Readonly<Record<number, (value: Record<string, unknown>) => unknown>> = {
  // Version 1 is the first version of the personal export, so there is nothing
  // to migrate yet. A future version N adds a function here that turns a
  // version N−1 export into a version N one; the file is then validated as N.
};

export type FileCheck = { ok: true; value: PersonalExport } | { ok: false; code: RejectionCode; reason: string };

export function refuse(code: RejectionCode, reason: string): { ok: false; code: RejectionCode; reason: string } {
  return { ok: false, code, reason };
}

/** UTF-8 length of a JavaScript string (lone surrogates count as the 3-byte replacement character). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${roundTo(n / (1024 * 1024), 1)} MB`;
  if (n >= 1024) return `${roundTo(n / 1024, 1)} KB`;
  return `${n} bytes`;
}

/** Keeps operator-facing text printable: no control or bidi characters, bounded length. */
export function plainText(text: string, max = 300): string {
  const cleaned = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ');
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

function checkFormatAndVersion(parsed: unknown): { ok: false; code: RejectionCode; reason: string } | { ok: true; migrated: unknown } {
  if (!isPlainObject(parsed) || parsed.format !== PERSONAL_EXPORT_FORMAT) {
    return refuse('not_personal_export', `is not a Timeback personal export (its "format" is not "${PERSONAL_EXPORT_FORMAT}")`);
  }
  const v = parsed.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    return refuse(
      'unknown_schema',
      `has no valid schemaVersion; this tool reads version ${PERSONAL_EXPORT_SCHEMA_VERSION}, the first version, so there is no older version to migrate from`,
    );
  }
  if (v > PERSONAL_EXPORT_SCHEMA_VERSION) {
    return refuse(
      'newer_schema',
      `is schemaVersion ${v}, newer than this tool supports (version ${PERSONAL_EXPORT_SCHEMA_VERSION}); update Timeback's team-report tool and run it again`,
    );
  }
  let migrated: unknown = parsed;
  for (let from = v; from < PERSONAL_EXPORT_SCHEMA_VERSION; from++) {
    const step = SCHEMA_MIGRATIONS[from];
    if (!step) return refuse('unknown_schema', `is schemaVersion ${v}, which this tool cannot migrate to version ${PERSONAL_EXPORT_SCHEMA_VERSION}`);
    migrated = step(migrated as Record<string, unknown>);
  }
  return { ok: true, migrated };
}

/** Checks one file on its own, as the report does before merging it. */
export function checkTeamReportFile(input: TeamReportInput, maxFileBytes = DEFAULT_MAX_FILE_BYTES): FileCheck {
  const text = input.text;
  if (typeof text !== 'string') return refuse('not_json', 'could not be read as text');
  const bytes = typeof input.byteLength === 'number' && Number.isFinite(input.byteLength) ? Math.max(input.byteLength, 0) : utf8ByteLength(text);
  if (bytes > maxFileBytes) {
    return refuse(
      'too_large',
      `is ${formatNumber(bytes, 0)} bytes, over the limit of ${formatNumber(maxFileBytes, 0)} bytes (${formatBytes(maxFileBytes)}) for one personal export; it was not read`,
    );
  }
  if (text.trim() === '') return refuse('not_json', 'is empty');
  // The identifier check runs on the raw text, before anything in the file is
  // interpreted, so no reason below can quote a patient identifier.
  const phi = rawTextIdentifierReason(text);
  if (phi !== null) return refuse('identifiers', phi);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    // The parser's message can quote the file; it is not passed on.
    return refuse('not_json', 'is not valid JSON (damaged, cut short, or not an export)');
  }
  // Again on the parsed fields, where a JSON escape can hide one (without a backslash there is none to hide).
  const parsedPhi = text.includes('\\') ? importedIdentifierReason(parsed) : null;
  if (parsedPhi !== null) return refuse('identifiers', parsedPhi);
  const version = checkFormatAndVersion(parsed);
  if (!version.ok) return version;
  let result: ReturnType<typeof validatePersonalExport>;
  try {
    result = validatePersonalExport(version.migrated);
  } catch {
    return refuse('invalid', 'does not match the personal export format');
  }
  if (!result.ok) {
    const shown = result.errors.slice(0, 3).map((m) => plainText(withoutQuotedText(String(m)), 160));
    const more = result.errors.length > 3 ? `; and ${result.errors.length - 3} more` : '';
    return refuse('invalid', `does not match the personal export format: ${shown.join('; ')}${more}`);
  }
  // The validator's copy holds only the known fields, and it has checked every
  // figure (finite, in range, rows inside the period, measures for every period).
  return { ok: true, value: result.value };
}
