/**
 * The PHI guard on imports: every text field of a parsed file (field names
 * included) goes through the same guard as exports (phiGuard.ts).
 *
 * Scanning the file's raw text is not enough: JSON lets any character be
 * written as an escape, so "\u0039434765919" reads as the NHS number
 * 9434765919 once parsed, though the raw text never shows ten digits in a row.
 * The guard therefore runs on the strings the parser produced, which are what
 * the report would carry on (a team code is listed in every output).
 *
 * A finding refuses the file whole. The reason names the kinds found and the
 * field they were in, never the text itself.
 */
import { PERSONAL_EXPORT_FORMAT } from './exportFormat.js';
import { GRANULARITIES, MEASURE_FIELDS, TOP_LEVEL_FIELDS } from './exportSchema.js';
import { findIdentifiers, type IdentifierKind } from './phiGuard.js';

/** Between two fields when they are scanned together: a NUL is in no pattern of the guard, so nothing matches across fields. */
const SEPARATOR = '\u0000';

/** A field name safe to repeat in a reason: letters only (no identifier the guard knows is letters only). */
const PLAIN_KEY = /^[A-Za-z]{1,40}$/;

interface TextField {
  /** Where the text is, e.g. "rows[3].systemId"; a field name that is not plain letters is shown as "(a field name)". */
  path: string;
  text: string;
}

/**
 * Every string of a parsed JSON value, field names included, with where it
 * is. Walks without recursion, so a deeply nested file cannot exhaust the stack.
 */
export function textFieldsOf(value: unknown, root = 'file'): TextField[] {
  const out: TextField[] = [];
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: root }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') out.push({ path, text: v });
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]` });
    else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const shown = PLAIN_KEY.test(key) ? `${path}.${key}` : `${path}.(a field name)`;
        out.push({ path: shown, text: key });
        stack.push({ v: (v as Record<string, unknown>)[key], path: shown });
      }
    }
  }
  return out;
}

export interface ImportFinding {
  path: string;
  kinds: IdentifierKind[];
}

/**
 * The fields of a parsed file in which the guard finds a patient identifier,
 * in the file's order; empty when the file is clean. All the fields are
 * scanned as one text (one pass per pattern); the separator keeps a match
 * inside one field, so each finding's position names its field.
 */
export function findImportedIdentifiers(parsed: unknown): ImportFinding[] {
  const fields = textFieldsOf(parsed);
  const found = findIdentifiers(fields.map((f) => f.text).join(SEPARATOR));
  if (found.length === 0) return [];
  const starts: number[] = [];
  let at = 0;
  for (const f of fields) {
    starts.push(at);
    at += f.text.length + SEPARATOR.length;
  }
  const byField = new Map<number, Set<IdentifierKind>>();
  for (const x of found) {
    // The last field starting at or before the finding.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= x.index) lo = mid;
      else hi = mid - 1;
    }
    const kinds = byField.get(lo) ?? new Set<IdentifierKind>();
    kinds.add(x.kind);
    byField.set(lo, kinds);
  }
  return [...byField.entries()].sort((a, b) => a[0] - b[0]).map(([i, kinds]) => ({ path: fields[i]!.path, kinds: [...kinds] }));
}

const KIND_NAMES: Record<IdentifierKind, string> = {
  'nhs-number': 'NHS number',
  email: 'email address',
  postcode: 'postcode',
  'date-of-birth': 'date of birth',
};

/** Why the file is refused, or null when it is clean. Names the fields and the kinds, never the text. */
export function importedIdentifierReason(parsed: unknown): string | null {
  const findings = findImportedIdentifiers(parsed);
  if (findings.length === 0) return null;
  const kinds = [...new Set(findings.flatMap((f) => f.kinds))].map((k) => KIND_NAMES[k]).sort();
  const paths = findings.slice(0, 3).map((f) => f.path.replace(/^file\.?/, '') || 'the file');
  const more = findings.length > 3 ? ` and ${findings.length - 3} more` : '';
  return (
    `its ${paths.join(', ')}${more} ${findings.length === 1 ? 'holds' : 'hold'} what looks like a patient identifier (${kinds.join(', ')}) once read; ` +
    'a personal export never holds one, so the whole file was refused'
  );
}

/**
 * A validator message about an imported file with every quoted value taken
 * out: the message is shown to the person building the report, and a value
 * from the file may be a patient's name, which no guard can recognise.
 * Quoted words of the format itself (field names, fixed values) stay.
 */
export function withoutQuotedText(message: string, known: ReadonlySet<string> = SCHEMA_WORDS): string {
  return message.replace(/"(?:[^"\\]|\\.)*"/g, (q) => (known.has(q.slice(1, -1)) ? q : 'a text'));
}

/** The words of the personal export format that a message may quote. */
const SCHEMA_WORDS: ReadonlySet<string> = new Set<string>([
  ...TOP_LEVEL_FIELDS,
  ...MEASURE_FIELDS,
  ...GRANULARITIES,
  'from',
  'to',
  'granularity',
  'category',
  'systemId',
  'hours',
  'inactivityThresholdSec',
  'readingAllowanceSec',
  PERSONAL_EXPORT_FORMAT,
]);

/** Why the guard refuses a file's raw text, naming only the kinds found (never the text itself); null when clean. */
export function rawTextIdentifierReason(text: string): string | null {
  const found = findIdentifiers(text);
  if (found.length === 0) return null;
  const kinds = [...new Set(found.map((f) => KIND_NAMES[f.kind] ?? 'identifier'))].sort();
  const n = found.length;
  return `contains ${n} ${n === 1 ? 'thing that looks' : 'things that look'} like a patient identifier (${kinds.join(', ')}); a personal export never holds one, so the file was not read further`;
}
