import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type ClinicalSystem } from '../../../../src/core/settings.js';
import {
  draftFromSystem,
  draftRule,
  emptyDraft,
  newRule,
  rulesFromDraft,
  selectorSyntaxErrors,
  systemFromDraft,
  unusedOrigins,
  withoutSystem,
  withSystem,
} from '../../../../src/dashboard/settings/systemDraft.js';

const A: ClinicalSystem = { id: 'a', name: 'A', matches: ['https://a.nhs.uk/x/*', 'https://*.shared.nhs.uk/*'], rules: [], useGenericRules: true, signInPatterns: [] };
const B: ClinicalSystem = {
  id: 'b',
  name: 'B',
  matches: ['https://*.shared.nhs.uk/b/*'],
  rules: [
    { path: '/b/*', category: 'referrals', priority: 0 },
    { title: 'Notes*', selector: '#editor', category: 'documentation', priority: -5 },
  ],
  useGenericRules: false,
  signInPatterns: ['https://sso.b.nhs.uk/*'],
};
const settings = { ...DEFAULT_SETTINGS, systems: [A, B] };

describe('systemDraft', () => {
  it('round-trips a system through the form', () => {
    expect(systemFromDraft(draftFromSystem(B), new Set(['a']))).toEqual(B);
    expect(systemFromDraft(draftFromSystem(A), new Set(['b']))).toEqual(A);
  });

  it('starts a new system with the generic rules on and no sign-in pages', () => {
    expect(emptyDraft()).toMatchObject({ useGenericRules: true, signInText: '', rules: [] });
  });

  it('drops blank lines and blank rule rows, trims, and names a new system', () => {
    const draft = {
      ...emptyDraft(),
      name: ' My PAS ',
      matchesText: '\n https://pas.nhs.uk/* \n\n',
      signInText: '\n https://sso.pas.nhs.uk/* \n',
      rules: [newRule({ path: '  ', priority: '7' }), newRule({ path: ' /x/* ', category: 'scheduling' }), newRule({ title: ' Diary ', selector: ' #d ', priority: ' -3 ' })],
    };
    expect(systemFromDraft(draft, new Set(['my-pas']))).toEqual({
      id: 'my-pas-2',
      name: 'My PAS',
      matches: ['https://pas.nhs.uk/*'],
      rules: [
        { path: '/x/*', category: 'scheduling', priority: 0 },
        { title: 'Diary', selector: '#d', category: 'documentation', priority: -3 },
      ],
      useGenericRules: true,
      signInPatterns: ['https://sso.pas.nhs.uk/*'],
    });
  });

  it('passes a priority that is not a whole number on as NaN, for validation to name', () => {
    for (const typed of ['high', '1.5', '1e3', '0x10']) expect(rulesFromDraft([newRule({ path: '/x', priority: typed })])[0]!.priority).toBeNaN();
    expect(rulesFromDraft([newRule({ path: '/x', priority: '' })])[0]!.priority).toBe(0);
    expect(rulesFromDraft([newRule({ path: '/x', priority: '+12' })])[0]!.priority).toBe(12);
  });

  it('makes form rows from rules, with every field as text', () => {
    expect(draftRule({ selector: '#a', category: 'referrals', priority: 4 })).toMatchObject({ path: '', title: '', selector: '#a', category: 'referrals', priority: '4' });
  });

  it('names selectors the DOM cannot parse by their row number, blank rows included', () => {
    const rows = [newRule(), newRule({ selector: '#ok' }), newRule({ selector: ' div[ ' })];
    expect(selectorSyntaxErrors(rows, (s) => !s.includes('['), (n, s) => `row ${n}: ${s}`)).toEqual(['row 3: div[']);
  });

  it('adds, replaces and removes systems by id', () => {
    const a2 = { ...A, name: 'A2' };
    expect(withSystem(settings, a2).systems).toEqual([a2, B]);
    expect(withSystem(settings, { ...A, id: 'c' }).systems.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(withoutSystem(settings, 'a').systems).toEqual([B]);
  });

  it('gives back only origins no remaining system uses, sign-in origins included', () => {
    expect(unusedOrigins(settings, withoutSystem(settings, 'a'))).toEqual(['https://a.nhs.uk/*']);
    expect(unusedOrigins(settings, withoutSystem(settings, 'b'))).toEqual(['https://sso.b.nhs.uk/*']);
    expect(unusedOrigins(settings, settings)).toEqual([]);
  });
});
