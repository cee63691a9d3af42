import { describe, expect, it } from 'vitest';
import { classifyPage, validatePathRule } from './categoryRules.js';
import { matchesUrl, originPattern, parseMatchPattern } from './matchPattern.js';
import { DEFAULT_SETTINGS, parseSettings, systemIdFromName, systemOrigins, type Settings } from './settings.js';

const valid: Settings = {
  ...DEFAULT_SETTINGS,
  systems: [{ id: 'ers', name: 'e-Referral Service', matches: ['https://*.ers.nhs.uk/*'], rules: [{ path: '/referrals*', category: 'referrals' }] }],
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
  });
});

describe('category rules', () => {
  const rules = [
    { path: '/patients/*/notes*', category: 'documentation' as const },
    { path: '*/results*', category: 'results_review' as const },
  ];
  it.each([
    ['/patients/p1/notes', 'documentation'],
    ['/PATIENTS/p1/NOTES/edit', 'documentation'],
    ['/patients/p1/results', 'results_review'],
    ['/inbox', 'admin_other'],
  ])('%s → %s', (pathname, category) => {
    expect(classifyPage(rules, { pathname })).toBe(category);
  });

  it('refuses rules that would read the query, or name an unknown category', () => {
    expect(validatePathRule({ path: '/x?nhs=*', category: 'documentation' }, 'r')[0]).toContain('path only');
    expect(validatePathRule({ path: '/x', category: 'gossip' }, 'r')[0]).toContain('task categories');
    expect(validatePathRule('nope', 'r')[0]).toContain('object');
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

  it('migrates version 1 settings (no schedule) to version 2', () => {
    const { schedule: _drop, ...rest } = valid;
    const r = parseSettings({ ...rest, version: 1 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.settings).toEqual({ ...valid, version: 2 });
  });

  it('refuses an invalid schedule inside settings', () => {
    const r = parseSettings({ ...valid, schedule: { sessions: [{ weekday: 1, start: '13:00', end: '09:00' }], nonWorkingDates: [], leave: [] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(' ')).toContain('must be after the start');
  });

  it('reports every problem at once', () => {
    const r = parseSettings({ ...valid, inactivityThresholdSec: 0, readingAllowanceSec: -1, paused: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(3);
  });

  it('derives exactly the origins a system needs', () => {
    expect(systemOrigins({ id: 'a', name: 'A', rules: [], matches: ['https://*.ers.nhs.uk/a/*', 'https://*.ers.nhs.uk/b/*', 'http://127.0.0.1/*'] })).toEqual([
      'https://*.ers.nhs.uk/*',
      'http://127.0.0.1/*',
    ]);
  });

  it('makes unused readable ids', () => {
    expect(systemIdFromName('e-Referral Service (eRS)', new Set())).toBe('e-referral-service-ers');
    expect(systemIdFromName('EHR', new Set(['ehr', 'ehr-2']))).toBe('ehr-3');
    expect(systemIdFromName('!!!', new Set())).toBe('system');
  });
});
