import { describe, expect, it } from 'vitest';
import { anyPatternMatches, matchesUrl, originPattern, parseMatchPattern } from './matchPattern.js';
import { DEFAULT_SETTINGS, parseSettings, systemIdFromName, systemOrigins, systemPatterns, type Settings } from './settings.js';

const valid: Settings = {
  ...DEFAULT_SETTINGS,
  systems: [
    {
      id: 'ers',
      name: 'e-Referral Service',
      matches: ['https://*.ers.nhs.uk/*'],
      rules: [{ path: '/referrals*', category: 'referrals', priority: 0 }],
      useGenericRules: true,
      signInPatterns: [],
    },
  ],
};

describe('match patterns', () => {
  it.each([
    ['https://*.ers.nhs.uk/*', 'https://*.ers.nhs.uk/*'],
    ['http://127.0.0.1/*', 'http://127.0.0.1/*'],
    ['*://ehr.trust.nhs.uk/app/*', '*://ehr.trust.nhs.uk/*'],
  ])('accepts %s (origin %s)', (raw, origin) => {
    const r = parseMatchPattern(raw);
    expect(r.ok).toBe(true);
    if (r.ok) expect(originPattern(r.pattern)).toBe(origin);
  });

  it.each([
    ['<all_urls>', 'every website'],
    ['https://*/*', 'every website'],
    ['*://*/*', 'every website'],
    ['ftp://files.nhs.uk/*', 'not a match pattern'],
    ['https://ehr.nhs.uk', 'not a match pattern'],
    ['https://ehr.nhs.uk:8443/*', 'port'],
    ['https://ehr.*.nhs.uk/*', 'only allowed at the start'],
    ['https://*.uk/*', 'top-level domain'],
    ['https://bad_host!/*', 'not a valid host'],
  ])('refuses %s with a clear message', (raw, fragment) => {
    const r = parseMatchPattern(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(fragment);
  });

  it.each([
    ['https://*.ers.nhs.uk/*', 'https://ers.nhs.uk/x', true],
    ['https://*.ers.nhs.uk/*', 'https://a.b.ers.nhs.uk/x?y=1', true],
    ['https://*.ers.nhs.uk/*', 'https://evilers.nhs.uk/', false],
    ['https://*.ers.nhs.uk/*', 'http://ers.nhs.uk/', false],
    ['*://ehr.nhs.uk/app/*', 'http://ehr.nhs.uk/app/notes', true],
    ['*://ehr.nhs.uk/app/*', 'https://ehr.nhs.uk/other', false],
    ['http://127.0.0.1/*', 'http://127.0.0.1:8080/login', true],
  ])('%s matches %s: %s', (pattern, url, expected) => {
    const r = parseMatchPattern(pattern);
    if (!r.ok) throw new Error(r.error);
    expect(matchesUrl(r.pattern, url)).toBe(expected);
    // The compiled-pattern cache answers the same, first time and every time after.
    expect(anyPatternMatches([pattern], url)).toBe(expected);
    expect(anyPatternMatches(['https://unrelated.nhs.uk/*', pattern], url)).toBe(expected);
  });

  it('anyPatternMatches: no patterns, an invalid pattern or an invalid URL match nothing; the cache survives being filled past its limit', () => {
    expect(anyPatternMatches([], 'https://ers.nhs.uk/')).toBe(false);
    expect(anyPatternMatches(['<all_urls>'], 'https://ers.nhs.uk/')).toBe(false);
    expect(anyPatternMatches(['https://*.ers.nhs.uk/*'], 'not a url')).toBe(false);
    for (let i = 0; i < 1200; i++) expect(anyPatternMatches([`https://h${i}.nhs.uk/p${i}/*`], `https://h${i}.nhs.uk/p${i}/x`)).toBe(true);
    expect(anyPatternMatches(['https://h5.nhs.uk/p5/*'], 'https://h5.nhs.uk/p6/x')).toBe(false);
  });
});

describe('settings', () => {
  it('accepts valid settings and normalises them', () => {
    const r = parseSettings({ ...valid, systems: [{ ...valid.systems[0]!, name: '  e-RS  ', matches: [' https://*.ers.nhs.uk/* '] }] });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.settings.systems[0]).toMatchObject({ name: 'e-RS', matches: ['https://*.ers.nhs.uk/*'] });
  });

  it.each([
    ['not an object', 'nope', 'must be an object'],
    ['no version', { ...valid, version: undefined }, 'no valid "version"'],
    ['a newer version', { ...valid, version: 99 }, 'newer Timeback'],
    ['τ too small', { ...valid, inactivityThresholdSec: 1 }, 'inactivity threshold'],
    ['τ not an integer', { ...valid, inactivityThresholdSec: 30.5 }, 'inactivity threshold'],
    ['reading allowance too long', { ...valid, readingAllowanceSec: 3600 }, 'reading allowance'],
    ['paused not boolean', { ...valid, paused: 'yes' }, 'paused'],
    ['a broad pattern', { ...valid, systems: [{ ...valid.systems[0]!, matches: ['<all_urls>'] }] }, 'every website'],
    ['no patterns', { ...valid, systems: [{ ...valid.systems[0]!, matches: [] }] }, 'match patterns'],
    ['a duplicate id', { ...valid, systems: [valid.systems[0]!, valid.systems[0]!] }, 'used twice'],
    ['a bad id', { ...valid, systems: [{ ...valid.systems[0]!, id: 'Has Spaces' }] }, 'lowercase'],
    ['an empty name', { ...valid, systems: [{ ...valid.systems[0]!, name: ' ' }] }, 'name'],
  ])('refuses %s with a clear message', (_name, raw, fragment) => {
    const r = parseSettings(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(' ')).toContain(fragment);
  });

  it('migrates version 1 settings to version 2: empty schedule, path rules at priority 0, generic rules off, no sign-in pages', () => {
    const { schedule: _drop, ...rest } = valid;
    const v1System = { id: 'ehr', name: 'EHR', matches: ['https://ehr.example.nhs.uk/*'], rules: [{ path: '/notes*', category: 'documentation' }, { path: '/*', category: 'chart_review' }] };
    const r = parseSettings({ ...rest, version: 1, systems: [v1System, { id: 'bare', name: 'Bare', matches: ['https://bare.example.nhs.uk/*'] }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings).toEqual({
      ...valid,
      version: 2,
      systems: [
        {
          ...v1System,
          rules: [
            { path: '/notes*', category: 'documentation', priority: 0 },
            { path: '/*', category: 'chart_review', priority: 0 },
          ],
          useGenericRules: false,
          signInPatterns: [],
        },
        { id: 'bare', name: 'Bare', matches: ['https://bare.example.nhs.uk/*'], rules: [], useGenericRules: false, signInPatterns: [] },
      ],
    });
  });

  it('refuses a version 1 value whose path rules are invalid, naming the rule', () => {
    const r = parseSettings({ ...valid, version: 1, systems: [{ id: 'ehr', name: 'EHR', matches: ['https://ehr.example.nhs.uk/*'], rules: [{ path: '/x?nhs=*', category: 'documentation' }] }] });
    expect(r).toEqual({ ok: false, errors: [expect.stringContaining('EHR, rule 1: "path" matches the path only')] });
  });

  it('defaults an omitted useGenericRules to true and omitted signInPatterns and rules to empty', () => {
    const r = parseSettings({ ...valid, systems: [{ id: 'a', name: 'A', matches: ['https://a.nhs.uk/*'] }] });
    expect(r.ok && r.settings.systems[0]).toEqual({ id: 'a', name: 'A', matches: ['https://a.nhs.uk/*'], rules: [], useGenericRules: true, signInPatterns: [] });
  });

  it.each([
    ['a sign-in pattern for every website', { signInPatterns: ['<all_urls>'] }, 'sign-in pages: "<all_urls>" would track every website'],
    ['sign-in patterns that are not a list', { signInPatterns: 'https://sso.nhs.uk/*' }, '"signInPatterns" must be a list'],
    ['useGenericRules that is not a boolean', { useGenericRules: 'yes' }, '"useGenericRules" must be true or false'],
    ['a rule without a priority', { rules: [{ path: '/x', category: 'documentation' }] }, '"priority" must be a whole number'],
    ['a rule with no condition', { rules: [{ category: 'documentation', priority: 0 }] }, 'has no condition'],
    ['an embedded viewer for every website', { viewerPatterns: ['<all_urls>'] }, 'embedded viewers: "<all_urls>" would track every website'],
    ['embedded viewers that are not a list', { viewerPatterns: 'https://pacs.nhs.uk/*' }, '"viewerPatterns" must be a list'],
    ['an embedded viewer that is no match pattern', { viewerPatterns: ['pacs.nhs.uk'] }, 'embedded viewers:'],
  ])('refuses a system with %s', (_name, change, fragment) => {
    const r = parseSettings({ ...valid, systems: [{ ...valid.systems[0]!, ...change }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(' ')).toContain(fragment);
  });

  it('refuses an invalid schedule inside settings', () => {
    const r = parseSettings({ ...valid, schedule: { sessions: [{ weekday: 1, start: '13:00', end: '09:00' }], nonWorkingDates: [], leave: [] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(' ')).toContain('must be after the start');
  });

  it('keeps named desktop systems and refuses an id clash with a web system', () => {
    const ok = parseSettings({ ...valid, desktopSystems: [{ id: 'emis-web', name: 'EMIS Web' }] });
    expect(ok.ok && ok.settings.desktopSystems).toEqual([{ id: 'emis-web', name: 'EMIS Web' }]);
    const clash = parseSettings({ ...valid, desktopSystems: [{ id: valid.systems[0]!.id, name: 'Clash' }] });
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.errors.join(' ')).toContain('already used');
  });

  it('reports every problem at once', () => {
    const r = parseSettings({ ...valid, inactivityThresholdSec: 0, readingAllowanceSec: -1, paused: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(3);
  });

  it('derives exactly the origins a system needs, sign-in pages included', () => {
    expect(systemOrigins({ matches: ['https://*.ers.nhs.uk/a/*', 'https://*.ers.nhs.uk/b/*', 'http://127.0.0.1/*'], signInPatterns: [] })).toEqual([
      'https://*.ers.nhs.uk/*',
      'http://127.0.0.1/*',
    ]);
    expect(systemOrigins({ matches: ['https://ehr.trust.nhs.uk/*'], signInPatterns: ['https://sso.trust.nhs.uk/adfs/*', 'https://ehr.trust.nhs.uk/login*'] })).toEqual([
      'https://ehr.trust.nhs.uk/*',
      'https://sso.trust.nhs.uk/*',
    ]);
    expect(systemPatterns({ matches: ['https://ehr.trust.nhs.uk/*'], signInPatterns: ['https://sso.trust.nhs.uk/*', 'https://ehr.trust.nhs.uk/*'] })).toEqual([
      'https://ehr.trust.nhs.uk/*',
      'https://sso.trust.nhs.uk/*',
    ]);
  });

  it('keeps embedded viewer patterns (trimmed), asks for their origins and registers the script on them; omits them when empty', () => {
    const r = parseSettings({ ...valid, systems: [{ ...valid.systems[0]!, viewerPatterns: [' https://pacs.trust.nhs.uk/viewer/* '] }] });
    expect(r.ok && r.settings.systems[0]!.viewerPatterns).toEqual(['https://pacs.trust.nhs.uk/viewer/*']);
    const none = parseSettings({ ...valid, systems: [{ ...valid.systems[0]!, viewerPatterns: [] }] });
    expect(none.ok && 'viewerPatterns' in none.settings.systems[0]!).toBe(false);
    const system = { matches: ['https://ehr.trust.nhs.uk/*'], signInPatterns: [], viewerPatterns: ['https://pacs.trust.nhs.uk/viewer/*'] };
    expect(systemOrigins(system)).toEqual(['https://ehr.trust.nhs.uk/*', 'https://pacs.trust.nhs.uk/*']);
    expect(systemPatterns(system)).toEqual(['https://ehr.trust.nhs.uk/*', 'https://pacs.trust.nhs.uk/viewer/*']);
  });

  it('makes unused readable ids', () => {
    expect(systemIdFromName('e-Referral Service (eRS)', new Set())).toBe('e-referral-service-ers');
    expect(systemIdFromName('EHR', new Set(['ehr', 'ehr-2']))).toBe('ehr-3');
    expect(systemIdFromName('!!!', new Set())).toBe('system');
  });
});
