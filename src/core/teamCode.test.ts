import { describe, expect, it } from 'vitest';
import { validateTeamCode } from './teamCode.js';

describe('validateTeamCode', () => {
  it.each([
    ['WARD-7A', 'WARD-7A'],
    ['ward-7a', 'WARD-7A'],
    ['  gp-north  ', 'GP-NORTH'],
    ['A', 'A'],
    ['ABCDEFGHIJKLMNOPQRST', 'ABCDEFGHIJKLMNOPQRST'],
    ['0123456788', '0123456788'], // wrong check digit: not an NHS number
  ])('accepts %j as %j', (raw, code) => {
    expect(validateTeamCode(raw)).toEqual({ ok: true, teamCode: code });
  });

  it.each([null, undefined, '', '   '])('treats %j as no team code', (raw) => {
    expect(validateTeamCode(raw)).toEqual({ ok: true, teamCode: null });
  });

  it.each([
    ['ABCDEFGHIJ01234567890', /at most 20/],
    ['0123456789', /NHS number/], // passes the modulus-11 check
    ['WARD 7', /not spaces/],
    ['Ward_7', /not "_"/],
    ['Dr Smith, ward 7', /names or notes/],
    ['ıward', /not "ı"/], // dotless i upper-cases to ASCII I: refused before that can happen
    ['ſ', /not "ſ"/],
    ['WARD\n7', /letters A–Z/],
    ['9434765919', /NHS number/],
    ['SW1A1AA', /postcode/],
  ])('refuses %j', (raw, message) => {
    const r = validateTeamCode(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});
