import { describe, expect, it } from 'vitest';
import { classifyPage } from './classificationRules.js';
import { effectiveRules } from './presets.js';
import { BUNDLED_CATALOGUE, broadPatternError, catalogueEntryForUrl, claimedHosts, mergeCatalogue, overlappingClaims, parseCatalogueEntry, searchCatalogue, systemFromEntry, type CatalogueEntry } from './catalogue.js';
import { parsePolicy } from './policy.js';
import { parseSystem } from './settings.js';

const entry = (over: Partial<CatalogueEntry> & { id: string; matches: string[] }): CatalogueEntry => ({
  name: over.id,
  signInPatterns: [],
  rules: [],
  useGenericRules: true,
  origin: 'policy',
  ...over,
});

describe('the bundled catalogue', () => {
  it('has entries', () => {
    expect(BUNDLED_CATALOGUE.length).toBeGreaterThan(0);
  });

  it.each(BUNDLED_CATALOGUE.map((e) => [e.id, e] as const))('%s validates as a clinical system, with no <all_urls> and no broad wildcard', (_id, e) => {
    expect(parseSystem(e, e.id)).toMatchObject({ ok: true });
    for (const p of [...e.matches, ...e.signInPatterns]) {
      expect(p).not.toBe('<all_urls>');
      expect(broadPatternError(p)).toBeNull();
    }
    expect(parseCatalogueEntry(e, e.id, 'bundled')).toEqual({ ok: true, entry: e });
  });

  it.each(BUNDLED_CATALOGUE.map((e) => [e.id, e] as const))('%s cites a public NHS source with the date checked', (_id, e) => {
    expect(e.source).toBeDefined();
    expect(e.source!.url).toMatch(/^https:\/\/([a-z0-9-]+\.)*(nhs\.uk|nhs\.net)\//);
    expect(e.source!.title.length).toBeGreaterThan(10);
    expect(e.source!.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(e.source!.checked))).toBe(false);
  });

  it('no two entries claim the same host, and ids are unique', () => {
    expect(overlappingClaims(BUNDLED_CATALOGUE)).toEqual([]);
    expect(new Set(BUNDLED_CATALOGUE.map((e) => e.id)).size).toBe(BUNDLED_CATALOGUE.length);
  });
});

describe('catalogue validation', () => {
  it.each([
    ['https://*.nhs.uk/*', 'covers every site under nhs.uk'],
    ['https://*.nhs.net/*', 'covers every site under nhs.net'],
    ['https://*.co.uk/*', 'covers every site under co.uk'],
    ['<all_urls>', 'would track every website'],
    ['https://*/*', 'would match every website'],
  ])('refuses %s', (pattern, message) => {
    expect(broadPatternError(pattern)).toContain(message);
    const r = parseCatalogueEntry({ id: 'x', name: 'X', matches: [pattern], source: { title: 'A page', url: 'https://digital.nhs.uk/x', checked: '2026-12-02' } }, 'Entry', 'bundled');
    expect(r.ok).toBe(false);
  });

  it('accepts a system domain with subdomains', () => {
    expect(broadPatternError('https://*.ers.nhs.uk/*')).toBeNull();
  });

  it('requires a dated https source for bundled entries, and not for an organisation’s own', () => {
    const raw = { id: 'x', name: 'X', matches: ['https://x.example.nhs.uk/*'] };
    expect(parseCatalogueEntry(raw, 'Entry', 'bundled')).toMatchObject({ ok: false });
    expect(parseCatalogueEntry({ ...raw, source: { title: 'T', url: 'http://x', checked: '2 Dec' } }, 'Entry', 'bundled')).toMatchObject({ ok: false });
    expect(parseCatalogueEntry(raw, 'Entry', 'policy')).toMatchObject({ ok: true, entry: { id: 'x', origin: 'policy' } });
  });

  it('claims hosts from pages and sign-in pages', () => {
    expect(claimedHosts(entry({ id: 'a', matches: ['https://*.a.example.nhs.uk/*', 'https://a.example.nhs.uk/x/*'], signInPatterns: ['https://sso.trust.nhs.uk/*'] }))).toEqual(['*.a.example.nhs.uk', 'a.example.nhs.uk', 'sso.trust.nhs.uk']);
  });

  it('finds overlapping claims, a subdomain inside a wildcard included', () => {
    const a = entry({ id: 'a', matches: ['https://*.trust.nhs.uk/*'] });
    const b = entry({ id: 'b', matches: ['https://epr.trust.nhs.uk/*'] });
    const c = entry({ id: 'c', matches: ['https://other.nhs.uk/*'] });
    expect(overlappingClaims([a, b, c])).toEqual([['a', 'b']]);
  });
});

describe('using the catalogue', () => {
  it('an organisation’s entry for a bundled host replaces the bundled one', () => {
    const own = entry({ id: 'local-ers', name: 'e-RS (our set-up)', matches: ['https://ers.nhs.uk/*'] });
    const merged = mergeCatalogue(BUNDLED_CATALOGUE, [own]);
    expect(merged.filter((e) => claimedHosts(e).includes('ers.nhs.uk')).map((e) => e.id)).toEqual(['local-ers']);
    expect(overlappingClaims(merged)).toEqual([]);
  });

  it('finds the entry for a page address, never from anything but the address', () => {
    expect(catalogueEntryForUrl(BUNDLED_CATALOGUE, 'https://ers.nhs.uk/referrals/123?nhs=9434765919')?.id).toBe('ers');
    expect(catalogueEntryForUrl(BUNDLED_CATALOGUE, 'https://example.org/')).toBeUndefined();
  });

  it('makes a system with an unused id', () => {
    const ers = BUNDLED_CATALOGUE.find((e) => e.id === 'ers')!;
    expect(systemFromEntry(ers, new Set())).toMatchObject({ id: 'ers', name: 'e-Referral Service', matches: ['https://ers.nhs.uk/*'] });
    expect(systemFromEntry(ers, new Set(['ers'])).id).toBe('e-referral-service');
    expect(parseSystem(systemFromEntry(ers, new Set()), 'x').ok).toBe(true);
  });

  it('searches names and addresses, ignoring case', () => {
    expect(searchCatalogue(BUNDLED_CATALOGUE, 'REFERRAL').map((e) => e.id)).toEqual(['ers']);
    expect(searchCatalogue(BUNDLED_CATALOGUE, 'nhs.net').map((e) => e.id)).toEqual(['nhsmail']);
    expect(searchCatalogue(BUNDLED_CATALOGUE, '  ')).toHaveLength(BUNDLED_CATALOGUE.length);
    expect(searchCatalogue(BUNDLED_CATALOGUE, 'no such system')).toEqual([]);
  });
});

describe('policy "catalogue"', () => {
  it('keeps valid entries and ignores each invalid one with a warning', () => {
    const { policy, warnings } = parsePolicy({
      catalogue: [
        { id: 'trust-epr', name: 'Trust EPR', matches: ['https://epr.trust.nhs.uk/*'], signInPatterns: ['https://sso.trust.nhs.uk/*'] },
        { id: 'too-broad', name: 'Everything', matches: ['https://*.nhs.uk/*'] },
        { id: 'trust-epr', name: 'Again', matches: ['https://epr2.trust.nhs.uk/*'] },
        'nonsense',
      ],
    });
    expect(policy.catalogue!.map((e) => e.id)).toEqual(['trust-epr']);
    expect(policy.catalogue![0]).toMatchObject({ origin: 'policy', useGenericRules: true });
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).toContain('covers every site under nhs.uk');
    expect(warnings.join('\n')).toContain('used twice');
  });

  it('ignores a catalogue that is not a list', () => {
    const { policy, warnings } = parsePolicy({ catalogue: { id: 'x' } });
    expect(policy.catalogue).toEqual([]);
    expect(warnings).toEqual(['Policy "catalogue": must be a list of catalogue entries; ignored.']);
  });
});

describe('bundled entries classify', () => {
  it.each(BUNDLED_CATALOGUE.map((e) => [e.id, e] as const))('%s: a sign-in page counts as logging in, other pages by the entry', (_id, e) => {
    const rules = effectiveRules(e.rules, e.useGenericRules);
    const page = (pathname: string, password: boolean) => classifyPage(rules, { pathname, title: '', hasElement: (s) => password && s === 'input[type=password]' }).category;
    expect(page('/login', true)).toBe('login_auth');
    expect(page('/anything/else', false)).not.toBe('login_auth');
  });
});
