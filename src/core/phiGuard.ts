/**
 * The PHI guard: a last check on the text of every export before it is
 * handed over (docs/export-format.md#the-phi-guard). An export is built only
 * from numbers, fixed names, dates, ISO weeks, system ids, the team code and
 * a random contributor id, so none of these should ever be found in one; if
 * one is, something typed by a person (a system id, a team code) carries a
 * patient identifier and the export is refused.
 *
 * It looks for:
 * - NHS numbers: 10 digits, plain or 3-3-4 with spaces or dashes, not inside
 *   a longer run of digits, whose modulus-11 check digit is right (a wrong
 *   check digit is not an NHS number and does not trip);
 * - email addresses (also with "@" URL-encoded as %40);
 * - UK postcodes, full format (A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA,
 *   AA9A 9AA, and GIR 0AA), with or without the space, any case;
 * - dates of birth. The export legitimately holds ISO dates (YYYY-MM-DD) of
 *   years 2000–2099 and ISO weeks, so those alone pass. Flagged are: any date
 *   in a format the export never uses (dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy,
 *   two-digit years, yyyy/mm/dd, "12 March 1957", "March 12, 1957",
 *   "12-Mar-1957"); any ISO date outside 2000–2099; and any date, ISO or
 *   compact yyyymmdd included, that follows a label (DOB, D.O.B., born, date
 *   of birth, birth date).
 *
 * A token of exactly the contributor-id form (c- and 32 lowercase hex digits)
 * is skipped: it is random by construction, and a 10-digit run inside 32 hex
 * digits passes the check digit by chance in about 1 id in 300.
 */

export type IdentifierKind = 'nhs-number' | 'email' | 'postcode' | 'date-of-birth';

export interface IdentifierFinding {
  kind: IdentifierKind;
  /** The text that matched, exactly as found. */
  sample: string;
  /** Where it starts in the text (UTF-16 code units). */
  index: number;
}

/** True when ten digits pass the NHS modulus-11 check (weights 10..2; 11 → 0; 10 → invalid). */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

const NHS = /(?<!\d)(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)/g;

const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// Royal Mail formats: letters allowed at each position of the outward code, and inward letters without C I K M O V.
const OUTWARD = '(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])';
const INWARD = '[0-9][ABD-HJLNP-UW-Z]{2}';
const POSTCODE = new RegExp(`(?<![A-Za-z0-9])(?:GIR ?0AA|${OUTWARD} ?${INWARD})(?![A-Za-z0-9])`, 'gi');

const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';
const DD = '(?:0[1-9]|[12]\\d|3[01])';
const MM = '(?:0[1-9]|1[0-2])';
const YYYY = '(?:19|20)\\d{2}';
const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])';
const NOT_AFTER_NUMBER = '(?<!\\d)(?<!\\d[./-])';
const NOT_BEFORE_NUMBER = '(?!\\d)(?![./-]\\d)';

/** Date formats the export never uses: flagged wherever they appear. */
const FOREIGN_DATES = [
  // d/m/yyyy, d/m/yy
  `${DAY}/${MONTH}/(?:${YYYY}|\\d{2})`,
  // d-m-yyyy, d.m.yyyy
  `${DAY}([.-])${MONTH}\\1${YYYY}`,
  // dd-mm-yy, dd.mm.yy (two digits each, so version numbers such as 1.2.26 pass)
  `${DD}([.-])${MM}\\2\\d{2}`,
  // yyyy/mm/dd, yyyy.mm.dd
  `${YYYY}([/.])${MONTH}\\3${DAY}`,
  // 12 March 1957, 12th of Mar 57, 12-Mar-1957
  `${DAY}(?:st|nd|rd|th)?[ ./-]+(?:of )?${MONTH_NAME}\\.?,?[ ./-]+(?:${YYYY}|'?\\d{2})`,
  // March 12, 1957
  `${MONTH_NAME}\\.? ${DAY}(?:st|nd|rd|th)?,? (?:${YYYY}|'\\d{2})`,
];
// Every form starts with a digit or a month name's first letter: the lookahead lets the scan skip other characters fast.
const FOREIGN_DATE = new RegExp(`(?=[0-9adfjmnos])${NOT_AFTER_NUMBER}(?:${FOREIGN_DATES.join('|')})${NOT_BEFORE_NUMBER}`, 'gi');

/** An ISO date outside 2000–2099: never a period of an export. */
const ISO_DATE_OUT_OF_RANGE = /(?<!\d)(?<!\d-)(?!20\d\d)\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)(?!-\d)/g;

/** A label, then any date (ISO and compact yyyymmdd included). */
const LABELLED_DATE = new RegExp(
  '(?<![A-Za-z])(?:dob|d\\.o\\.b\\.?|born(?: on)?|date[ _-]?of[ _-]?birth|birth[ _-]?date)(?![A-Za-z])["\'\\s:=,()_-]{0,6}' +
    `(?:\\d{4}-${MM}-${DD}|${YYYY}${MM}${DD}|${FOREIGN_DATES.join('|')})${NOT_BEFORE_NUMBER}`,
  'gi',
);

/** The contributor-id form: random by construction, so not scanned. */
const CONTRIBUTOR_ID_TOKEN = /(?<![A-Za-z0-9-])c-[0-9a-f]{32}(?![A-Za-z0-9-])/g;

function mask(text: string): string {
  return text.replace(CONTRIBUTOR_ID_TOKEN, (m) => 'c-' + '_'.repeat(m.length - 2));
}

/**
 * Every patient identifier the guard recognises in `text`, in order of
 * position. Overlapping findings of one kind are reported once.
 */
export function findIdentifiers(text: string): IdentifierFinding[] {
  const scanned = mask(text);
  const found: Array<IdentifierFinding & { end: number }> = [];
  const collect = (kind: IdentifierKind, re: RegExp, accept: (m: RegExpExecArray) => boolean = () => true) => {
    for (const m of scanned.matchAll(re)) {
      if (!accept(m)) continue;
      found.push({ kind, sample: text.slice(m.index, m.index + m[0].length), index: m.index, end: m.index + m[0].length });
    }
  };
  collect('nhs-number', NHS, (m) => isValidNhsNumber(`${m[1]}${m[2]}${m[3]}`));
  // An address needs an "@" (or "%40"): skip the scan, the slowest of all, when there is none.
  if (scanned.includes('@') || scanned.includes('%40')) collect('email', EMAIL);
  collect('postcode', POSTCODE);
  collect('date-of-birth', LABELLED_DATE);
  collect('date-of-birth', FOREIGN_DATE);
  collect('date-of-birth', ISO_DATE_OUT_OF_RANGE);
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  const out: IdentifierFinding[] = [];
  const lastEnd = new Map<IdentifierKind, number>();
  for (const f of found) {
    if (f.index < (lastEnd.get(f.kind) ?? -1)) continue;
    lastEnd.set(f.kind, f.end);
    out.push({ kind: f.kind, sample: f.sample, index: f.index });
  }
  return out;
}

export const IDENTIFIER_KIND_NAMES: Record<IdentifierKind, string> = {
  'nhs-number': 'an NHS number',
  email: 'an email address',
  postcode: 'a postcode',
  'date-of-birth': 'a date of birth',
};

/** A hint that helps the clinician find the culprit without repeating the identifier in full. */
function hint(sample: string): string {
  const shown = sample.slice(0, 3);
  return `"${shown}…" (${sample.length} characters)`;
}

/** Why an export was refused, one sentence per finding. */
export function describeFindings(findings: readonly IdentifierFinding[]): string[] {
  return findings.map(
    (f) => `It contains what looks like ${IDENTIFIER_KIND_NAMES[f.kind]}, starting ${hint(f.sample)}. Exports must never hold patient details: check the team code and the system ids.`,
  );
}

/** Thrown when the PHI guard refuses the text of an export. */
export class ExportRefusedError extends Error {
  readonly findings: IdentifierFinding[];
  readonly reasons: string[];
  constructor(reasons: string[], findings: IdentifierFinding[] = []) {
    super(`Timeback did not create the export. ${reasons.join(' ')}`);
    this.name = 'ExportRefusedError';
    this.reasons = reasons;
    this.findings = findings;
  }
}

/**
 * Refuse export text in which the guard finds anything: throws an
 * ExportRefusedError (with the findings) so that the writer returns an error
 * and nothing is written.
 */
export function assertExportClean(text: string): void {
  const findings = findIdentifiers(text);
  if (findings.length > 0) throw new ExportRefusedError(describeFindings(findings), findings);
}
