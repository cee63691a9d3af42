import type { ClassificationRule } from './classificationRules.js';
import { anyPatternMatches, parseMatchPattern } from './matchPattern.js';
import { parseSystem, systemIdFromName, type ClinicalSystem } from './settings.js';
import { isSharedSuffix } from './siteScope.js';

/**
 * The catalogue of NHS clinical web systems Timeback knows by address, so a
 * clinician can add one by name ("Add e-Referral Service") instead of typing
 * match patterns. Shipped as data; an organisation can add its own entries by
 * policy (policy key `catalogue`, docs/deployment.md).
 *
 * Every bundled entry cites the public NHS England / NHS Digital page that
 * gives its address, with the date it was checked. Only addresses that could
 * be cited are included (docs/settings.md#the-catalogue).
 */
export interface CatalogueEntry {
  /** Also the id of the system it creates (unless that id is taken). */
  id: string;
  name: string;
  matches: string[];
  signInPatterns: string[];
  rules: ClassificationRule[];
  useGenericRules: boolean;
  /** Where the address comes from. Bundled entries always have one; an organisation's may not. */
  source?: { title: string; url: string; checked: string };
  /** `bundled`, or `policy` for an organisation's own entry. */
  origin: 'bundled' | 'policy';
}

const CHECKED = '2026-12-02';

/** A password field means signing in (as in the generic preset, which ranks below any rule of the entry's own). */
const SIGN_IN_RULE: ClassificationRule = { selector: 'input[type=password]', category: 'login_auth', priority: 100 };

export const BUNDLED_CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 'ers',
    name: 'e-Referral Service',
    matches: ['https://ers.nhs.uk/*'],
    signInPatterns: [],
    // A referral system: what is not signing in is referral work. The sign-in
    // rule is its own, since a catch-all outranks every generic rule.
    rules: [SIGN_IN_RULE, { path: '/*', category: 'referrals', priority: 0 }],
    useGenericRules: true,
    source: {
      title: 'NHS Digital: Logging into the NHS e-Referral Service ("use the e-RS URL: https://ers.nhs.uk")',
      url: 'https://digital.nhs.uk/services/e-referral-service/logging-in',
      checked: CHECKED,
    },
    origin: 'bundled',
  },
  {
    id: 'nhsmail',
    name: 'NHSmail portal',
    matches: ['https://portal.nhs.net/*'],
    signInPatterns: [],
    rules: [SIGN_IN_RULE, { path: '/*', category: 'inbox_messaging', priority: 0 }],
    useGenericRules: true,
    source: {
      title: 'NHSmail (NHS England): NHSmail FAQs, on the NHSmail portal itself',
      url: 'https://portal.nhs.net/help/faq',
      checked: CHECKED,
    },
    origin: 'bundled',
  },
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Why a match pattern is too broad for a catalogue entry (it may still be
 * fine in a clinician's own settings): `*.nhs.uk`, `*.nhs.net` and the like
 * reach many unrelated organisations' systems.
 */
export function broadPatternError(pattern: string): string | null {
  const parsed = parseMatchPattern(pattern);
  if (!parsed.ok) return parsed.error;
  if (parsed.pattern.subdomains && isSharedSuffix(parsed.pattern.host))
    return `"${pattern}" covers every site under ${parsed.pattern.host}; name the system's own domain.`;
  return null;
}

export type CatalogueEntryResult = { ok: true; entry: CatalogueEntry } | { ok: false; errors: string[] };

/** Validate one entry: the settings' rules for a system, no broad wildcards, and a dated source (required for bundled entries). */
export function parseCatalogueEntry(raw: unknown, where: string, origin: CatalogueEntry['origin']): CatalogueEntryResult {
  const system = parseSystem(raw, where);
  if (!system.ok) return system;
  const errors: string[] = [];
  for (const p of [...system.system.matches, ...system.system.signInPatterns]) {
    const broad = broadPatternError(p);
    if (broad) errors.push(`${where}: ${broad}`);
  }
  const src = (raw as { source?: unknown }).source;
  let source: CatalogueEntry['source'];
  if (src !== undefined || origin === 'bundled') {
    const s = (typeof src === 'object' && src !== null ? src : {}) as Record<string, unknown>;
    const ok = typeof s.title === 'string' && s.title.trim() !== '' && typeof s.url === 'string' && /^https:\/\/[^\s]+$/.test(s.url) && typeof s.checked === 'string' && DATE.test(s.checked);
    if (!ok) errors.push(`${where}: "source" must give a title, an https address and the date checked (YYYY-MM-DD).`);
    else source = { title: (s.title as string).trim(), url: s.url as string, checked: s.checked as string };
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, entry: { ...system.system, ...(source ? { source } : {}), origin } };
}

/** The hosts an entry claims, as `host` or `*.host`. */
export function claimedHosts(entry: Pick<CatalogueEntry, 'matches' | 'signInPatterns'>): string[] {
  const out: string[] = [];
  for (const p of [...entry.matches, ...entry.signInPatterns]) {
    const parsed = parseMatchPattern(p);
    if (parsed.ok) out.push(`${parsed.pattern.subdomains ? '*.' : ''}${parsed.pattern.host}`);
  }
  return [...new Set(out)];
}

/** Two claims overlap when one host equals or sits under the other's `*.` domain. */
function claimsOverlap(a: string, b: string): boolean {
  const host = (c: string) => c.replace(/^\*\./, '');
  const under = (h: string, wild: string) => wild.startsWith('*.') && (h === host(wild) || h.endsWith(`.${host(wild)}`));
  return host(a) === host(b) || under(host(a), b) || under(host(b), a);
}

/**
 * The catalogue in use: the bundled entries, then the organisation's. An
 * organisation's entry that claims a host a bundled one claims replaces it
 * (the trust knows its set-up); ids stay unique.
 */
export function mergeCatalogue(bundled: readonly CatalogueEntry[], own: readonly CatalogueEntry[]): CatalogueEntry[] {
  const ownClaims = own.flatMap(claimedHosts);
  const ownIds = new Set(own.map((e) => e.id));
  const kept = bundled.filter((b) => !ownIds.has(b.id) && !claimedHosts(b).some((c) => ownClaims.some((o) => claimsOverlap(c, o))));
  return [...kept, ...own];
}

/** Pairs of entries that claim the same host (for the catalogue's own test, and for policy warnings). */
export function overlappingClaims(entries: readonly CatalogueEntry[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  entries.forEach((a, i) => {
    for (const b of entries.slice(i + 1))
      if (claimedHosts(a).some((x) => claimedHosts(b).some((y) => claimsOverlap(x, y)))) out.push([a.id, b.id]);
  });
  return out;
}

/** The catalogue entry whose pages (or sign-in pages) include this address. */
export function catalogueEntryForUrl(entries: readonly CatalogueEntry[], url: string): CatalogueEntry | undefined {
  return entries.find((e) => anyPatternMatches(e.matches, url) || anyPatternMatches(e.signInPatterns, url));
}

/** A new clinical system from an entry, with an unused id. */
export function systemFromEntry(entry: CatalogueEntry, takenIds: ReadonlySet<string>): ClinicalSystem {
  const id = takenIds.has(entry.id) ? systemIdFromName(entry.name, takenIds) : entry.id;
  return {
    id,
    name: entry.name,
    matches: [...entry.matches],
    rules: entry.rules.map((r) => ({ ...r })),
    useGenericRules: entry.useGenericRules,
    signInPatterns: [...entry.signInPatterns],
  };
}

/** Case-insensitive search over names, hosts and ids, for the settings page's list. */
export function searchCatalogue(entries: readonly CatalogueEntry[], query: string): CatalogueEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...entries];
  return entries.filter((e) => [e.name, e.id, ...e.matches, ...e.signInPatterns].some((s) => s.toLowerCase().includes(q)));
}
