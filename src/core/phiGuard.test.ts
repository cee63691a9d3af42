import { describe, expect, it } from 'vitest';
import { ExportRefusedError, assertExportClean, findIdentifiers, isValidNhsNumber, type IdentifierKind } from './phiGuard.js';

/** The modulus-11 check digit of nine digits, or null when it would be 10 (no valid number). */
function checkDigit(nine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const c = 11 - (sum % 11);
  return c === 10 ? null : c === 11 ? 0 : c;
}

/** Nine-digit prefixes whose check digit would be 10: no tenth digit makes them valid. */
function prefixWithCheck10(): string {
  for (let n = 100_000_000; ; n++) if (checkDigit(String(n)) === null) return String(n);
}

function kinds(text: string): IdentifierKind[] {
  return findIdentifiers(text).map((f) => f.kind);
}

describe('isValidNhsNumber (modulus 11, weights 10..2)', () => {
  it('accepts the published test number 943 476 5919', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
  });

  it('computes the check digit by hand for 943476591: 299 mod 11 = 2, 11 − 2 = 9', () => {
    expect(checkDigit('943476591')).toBe(9);
  });

  it('maps a remainder of 0 (check 11) to 0', () => {
    // 0000000000: sum 0 → 11 − 0 = 11 → 0.
    expect(isValidNhsNumber('0000000000')).toBe(true);
    const prefix = [...Array(1000).keys()].map((n) => String(100_000_000 + n)).find((p) => checkDigit(p) === 0)!;
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(prefix[i]) * (10 - i);
    expect(sum % 11).toBe(0);
    expect(isValidNhsNumber(`${prefix}0`)).toBe(true);
  });

  it('refuses every tenth digit when the check would be 10', () => {
    const prefix = prefixWithCheck10();
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`${prefix}${d}`)).toBe(false);
  });

  it('refuses wrong check digits and non-10-digit input', () => {
    for (let d = 0; d <= 9; d++) if (d !== 9) expect(isValidNhsNumber(`943476591${d}`)).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659199')).toBe(false);
    expect(isValidNhsNumber('943 476 5919')).toBe(false);
  });
});

describe('findIdentifiers: planted identifiers are found', () => {
  const planted: Array<[string, IdentifierKind]> = [
    // NHS numbers
    ['Canary Testpatient 943 476 5919', 'nhs-number'],
    ['9434765919', 'nhs-number'],
    ['943-476-5919', 'nhs-number'],
    ['943 476-5919', 'nhs-number'],
    ['/patients?nhs=9434765919&tab=notes', 'nhs-number'],
    ['NHS9434765919', 'nhs-number'],
    ['"systemId": "ehr-9434765919"', 'nhs-number'],
    ['401 023 2137', 'nhs-number'],
    // Emails
    ['jane.doe@nhs.net', 'email'],
    ['first.last+ward7@example.co.uk', 'email'],
    ['mailto=jane.doe%40nhs.net', 'email'],
    // Postcodes
    ['SW1A 1AA', 'postcode'],
    ['sw1a1aa', 'postcode'],
    ['M1 1AE', 'postcode'],
    ['B33 8TH', 'postcode'],
    ['CR2 6XH', 'postcode'],
    ['DN55 1PT', 'postcode'],
    ['W1A 0AX', 'postcode'],
    ['EC1A 1BB', 'postcode'],
    ['LS1 4AP', 'postcode'],
    ['GIR 0AA', 'postcode'],
    ['gir0aa', 'postcode'],
    ['address: 1 High St, Leeds LS11 5DR.', 'postcode'],
    // Dates of birth: formats the export never uses
    ['12/03/1957', 'date-of-birth'],
    ['1/3/57', 'date-of-birth'],
    ['12-03-1957', 'date-of-birth'],
    ['12.03.1957', 'date-of-birth'],
    ['12.03.57', 'date-of-birth'],
    ['12-03-57', 'date-of-birth'],
    ['12 March 1957', 'date-of-birth'],
    ['12th March 1957', 'date-of-birth'],
    ['1st of May 1957', 'date-of-birth'],
    ['12 Mar 1957', 'date-of-birth'],
    ['12-Mar-1957', 'date-of-birth'],
    ['12 sept 57', 'date-of-birth'],
    ['March 12, 1957', 'date-of-birth'],
    ['1957/03/12', 'date-of-birth'],
    // ISO dates: outside 2000–2099, or labelled
    ['1957-03-12', 'date-of-birth'],
    ['DOB: 1957-03-12', 'date-of-birth'],
    ['DOB 2003-04-05', 'date-of-birth'],
    ['D.O.B. 2010-01-02', 'date-of-birth'],
    ['born 2003-04-05', 'date-of-birth'],
    ['born on 2003-04-05', 'date-of-birth'],
    ['Date of birth: 2010-01-02', 'date-of-birth'],
    ['date_of_birth=2010-01-02', 'date-of-birth'],
    ['birthDate=20100102', 'date-of-birth'],
    ['dateOfBirth: 2010-01-02', 'date-of-birth'],
    ['birth date (2010-01-02)', 'date-of-birth'],
    ['"dob": "2021-07-30"', 'date-of-birth'],
  ];

  it.each(planted)('finds %j as %s', (text, kind) => {
    const found = findIdentifiers(text);
    expect(found.map((f) => f.kind)).toContain(kind);
    const f = found.find((x) => x.kind === kind)!;
    expect(text.slice(f.index, f.index + f.sample.length)).toBe(f.sample);
  });

  it('finds NHS numbers for many generated valid numbers, in each written form', () => {
    let tested = 0;
    for (let n = 123_456_700; tested < 200; n += 7919) {
      const nine = String(n);
      const c = checkDigit(nine);
      if (c === null) continue;
      const ten = `${nine}${c}`;
      for (const form of [ten, `${ten.slice(0, 3)} ${ten.slice(3, 6)} ${ten.slice(6)}`, `${ten.slice(0, 3)}-${ten.slice(3, 6)}-${ten.slice(6)}`])
        expect(kinds(`x ${form} y`), form).toEqual(['nhs-number']);
      tested++;
    }
  });

  it('reports each identifier once, in order of position', () => {
    const found = findIdentifiers('Patient 943 476 5919, DOB 12/03/1957, LS1 4AP, jane@nhs.net');
    expect(found.map((f) => [f.kind, f.sample])).toEqual([
      ['nhs-number', '943 476 5919'],
      ['date-of-birth', 'DOB 12/03/1957'],
      ['postcode', 'LS1 4AP'],
      ['email', 'jane@nhs.net'],
    ]);
  });
});

describe('findIdentifiers: what must not trip', () => {
  const clean = [
    // Wrong check digits
    '943 476 5918',
    '9434765910',
    '943-476-5911',
    `${prefixWithCheck10()}0`,
    `${prefixWithCheck10()}5`,
    // Valid digits inside a longer number are not a 10-digit number
    '19434765919',
    '94347659190',
    // What an export legitimately holds
    '2026-05-12',
    '2099-12-31',
    '2000-01-01',
    '2026-W20',
    '2026-W53',
    '"period": { "from": "2026-05-11", "to": "2026-05-24", "granularity": "week" }',
    'hours,2026-05-12,documentation,ehr,hours,1.5',
    '"extensionVersion": "0.1.0"',
    '1.2.26',
    '10.12.3',
    'adobe-sign 2026-05-12',
    'c-9434765919aaaaaaaaaaaaaaaaaaaaaa',
    'c-aaaaaaaaaaaaaaaaaaaaaa9434765919',
    'WARD-7A',
    'pageLoadP95Sec',
    'ehrTime8 wow8 noteTime8 prescTime8 ibTime8',
    // Postcode look-alikes that Royal Mail never issues
    'Q1 1AA',
    'AB1 2CI',
    'V12 3AB',
    // Not dates
    '12.3',
    '31-13-2020',
    '32/01/1999',
    '2026-13-01',
    'May 2026',
    'dob-clinic',
    '',
  ];

  it.each(clean)('finds nothing in %j', (text) => {
    expect(findIdentifiers(text)).toEqual([]);
  });

  it('skips only the exact contributor-id form: an NHS number next to one still trips', () => {
    expect(kinds('c-0123456789abcdef0123456789abcdef')).toEqual([]);
    // 9434765919 inside a longer hex-like token that is not exactly c- + 32 hex digits.
    expect(kinds('c-9434765919')).toEqual(['nhs-number']);
    expect(kinds('c-0123456789abcdef0123456789abcdef 943 476 5919')).toEqual(['nhs-number']);
  });
});

describe('assertExportClean', () => {
  it('passes clean text', () => {
    expect(() => assertExportClean('{"period":"2026-W20","hours":1.5}')).not.toThrow();
  });

  it('throws ExportRefusedError with the findings, without repeating the identifier in full', () => {
    let error: unknown;
    try {
      assertExportClean('{"systemId":"ehr-943-476-5919"}');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExportRefusedError);
    const refused = error as ExportRefusedError;
    expect(refused.findings.map((f) => f.kind)).toEqual(['nhs-number']);
    expect(refused.message).toMatch(/NHS number/);
    expect(refused.message).not.toContain('943-476-5919');
  });
});
