/**
 * The team code a clinician types for a personal export (or a trust sets by
 * policy): the only free text an export may carry, so it is held to a strict
 * form and through the PHI guard.
 */
import { EXPORT_PATTERNS } from './exportSchema.js';
import { IDENTIFIER_KIND_NAMES, findIdentifiers } from './phiGuard.js';

export type TeamCodeResult = { ok: true; teamCode: string | null } | { ok: false; error: string };

/**
 * Check the team code the clinician typed: 1–20 of A–Z, 0–9 and "-".
 * Surrounding spaces are dropped and lower-case letters made capitals
 * ("ward-7a" → "WARD-7A"); blank means no team code (null). Anything else is
 * refused, and so is a code in which the PHI guard finds a patient
 * identifier (a 10-digit NHS number, a postcode). It is the only free text
 * an export may hold.
 */
export function validateTeamCode(raw: string | null | undefined): TeamCodeResult {
  if (raw === null || raw === undefined) return { ok: true, teamCode: null };
  if (typeof raw !== 'string') return { ok: false, error: 'The team code must be text.' };
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: true, teamCode: null };
  // Check the ASCII form before upper-casing: toUpperCase turns some non-ASCII letters (ı, ſ) into ASCII ones.
  if (trimmed.length > 20) return { ok: false, error: `The team code is ${trimmed.length} characters long; use at most 20 (letters A–Z, digits and dashes).` };
  const bad = [...trimmed].filter((ch) => !/^[A-Za-z0-9-]$/.test(ch));
  if (bad.length > 0) {
    const shown = [...new Set(bad)].map((ch) => (ch === ' ' ? 'spaces' : `"${ch}"`)).join(', ');
    return { ok: false, error: `The team code can only hold letters A–Z, digits and dashes (not ${shown}). It is the only text an export may carry, so it cannot hold names or notes.` };
  }
  const teamCode = trimmed.toUpperCase();
  if (!EXPORT_PATTERNS.teamCode.test(teamCode)) return { ok: false, error: 'The team code must be 1–20 letters A–Z, digits and dashes.' };
  const findings = findIdentifiers(teamCode);
  if (findings.length > 0)
    return { ok: false, error: `The team code looks like it holds ${IDENTIFIER_KIND_NAMES[findings[0]!.kind]}. A team code must never hold patient details: choose another.` };
  return { ok: true, teamCode };
}
