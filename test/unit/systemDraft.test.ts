import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type ClinicalSystem } from '../../src/core/settings.js';
import { draftFromSystem, emptyDraft, newRule, systemFromDraft, unusedOrigins, withoutSystem, withSystem } from '../../src/dashboard/systemDraft.js';

const A: ClinicalSystem = { id: 'a', name: 'A', matches: ['https://a.nhs.uk/x/*', 'https://*.shared.nhs.uk/*'], rules: [] };
const B: ClinicalSystem = { id: 'b', name: 'B', matches: ['https://*.shared.nhs.uk/b/*'], rules: [{ path: '/b/*', category: 'referrals' }] };
const settings = { ...DEFAULT_SETTINGS, systems: [A, B] };

describe('systemDraft', () => {
  it('round-trips a system through the form', () => {
    expect(systemFromDraft(draftFromSystem(B), new Set(['a']))).toEqual(B);
  });

  it('drops blank lines and blank rule rows, trims, and names a new system', () => {
    const draft = { ...emptyDraft(), name: ' My PAS ', matchesText: '\n https://pas.nhs.uk/* \n\n', rules: [newRule('  '), newRule(' /x/* ', 'scheduling')] };
    expect(systemFromDraft(draft, new Set(['my-pas']))).toEqual({
      id: 'my-pas-2',
      name: 'My PAS',
      matches: ['https://pas.nhs.uk/*'],
      rules: [{ path: '/x/*', category: 'scheduling' }],
    });
  });

  it('adds, replaces and removes systems by id', () => {
    const a2 = { ...A, name: 'A2' };
    expect(withSystem(settings, a2).systems).toEqual([a2, B]);
    expect(withSystem(settings, { ...A, id: 'c' }).systems.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(withoutSystem(settings, 'a').systems).toEqual([B]);
  });

  it('gives back only origins no remaining system uses', () => {
    expect(unusedOrigins(settings, withoutSystem(settings, 'a'))).toEqual(['https://a.nhs.uk/*']);
    expect(unusedOrigins(settings, withoutSystem(settings, 'b'))).toEqual([]);
    expect(unusedOrigins(settings, settings)).toEqual([]);
  });
});
