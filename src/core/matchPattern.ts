/**
 * WebExtension match patterns for clinical systems (`https://*.ers.nhs.uk/*`).
 * Stricter than the browser: only http/https (or `*`), a named host (no bare
 * `*`, no `<all_urls>`), and no port, since ports are not portable across
 * browsers. Least privilege: a pattern can never mean "every site".
 */
export interface ParsedMatchPattern {
  scheme: '*' | 'http' | 'https';
  /** Host without a leading `*.`. */
  host: string;
  /** True for `*.host`: the host and every subdomain. */
  subdomains: boolean;
  path: string;
}

export type MatchPatternResult = { ok: true; pattern: ParsedMatchPattern } | { ok: false; error: string };

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function parseMatchPattern(raw: string): MatchPatternResult {
  const text = raw.trim();
  if (text === '<all_urls>') return { ok: false, error: '"<all_urls>" would track every website; name the clinical system\'s address instead.' };
  const m = /^(\*|https?):\/\/([^/]*)(\/.*)$/.exec(text);
  if (!m) return { ok: false, error: `"${text}" is not a match pattern. Use the form https://host.example.nhs.uk/* (scheme, host, then a path starting with /).` };
  const scheme = m[1] as ParsedMatchPattern['scheme'];
  let host = m[2]!.toLowerCase();
  const path = m[3]!;
  if (host.includes(':')) return { ok: false, error: `"${text}" includes a port. Match patterns cover every port; remove ":${host.split(':')[1]}".` };
  if (host === '' || host === '*') return { ok: false, error: `"${text}" would match every website. Name the clinical system's host.` };
  let subdomains = false;
  if (host.startsWith('*.')) {
    subdomains = true;
    host = host.slice(2);
  }
  if (host.includes('*')) return { ok: false, error: `"${text}": a * in the host is only allowed at the start, as in *.example.nhs.uk.` };
  const labels = host.split('.');
  if (!labels.every((l) => HOST_LABEL.test(l))) return { ok: false, error: `"${text}": "${host}" is not a valid host name.` };
  if (subdomains && labels.length < 2) return { ok: false, error: `"${text}" would match a whole top-level domain. Name the clinical system's domain.` };
  return { ok: true, pattern: { scheme, host, subdomains, path } };
}

/** The host-permission origin pattern a match pattern needs, e.g. `https://*.ers.nhs.uk/*`. */
export function originPattern(p: ParsedMatchPattern): string {
  return `${p.scheme}://${p.subdomains ? '*.' : ''}${p.host}/*`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function matchesUrl(p: ParsedMatchPattern, url: string): boolean {
  const u = parseUrl(url);
  return u !== undefined && matchesParsedUrl(p, pathRegExp(p.path), u);
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function matchesParsedUrl(p: ParsedMatchPattern, pathRe: RegExp, u: URL): boolean {
  const scheme = u.protocol.slice(0, -1);
  if (p.scheme === '*' ? scheme !== 'http' && scheme !== 'https' : scheme !== p.scheme) return false;
  const host = u.hostname.toLowerCase();
  if (p.subdomains ? host !== p.host && !host.endsWith(`.${p.host}`) : host !== p.host) return false;
  return pathRe.test(u.pathname + u.search);
}

/*
 * Compiled patterns, by their text. The worker matches every report's sender
 * against the configured systems (thousands a minute in a burst of tabs), so a
 * pattern is parsed and its path turned into a RegExp once, not per report.
 * Bounded: settings hold tens of patterns; the cache is dropped if it ever
 * grows past this (patterns typed one key at a time on the settings page).
 */
const CACHE_LIMIT = 512;
const compiled = new Map<string, { pattern: ParsedMatchPattern; pathRe: RegExp } | null>();
const pathRegExps = new Map<string, RegExp>();

function pathRegExp(path: string): RegExp {
  let re = pathRegExps.get(path);
  if (!re) {
    if (pathRegExps.size >= CACHE_LIMIT) pathRegExps.clear();
    re = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
    pathRegExps.set(path, re);
  }
  return re;
}

function compiledPattern(raw: string): { pattern: ParsedMatchPattern; pathRe: RegExp } | null {
  let c = compiled.get(raw);
  if (c === undefined) {
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    const r = parseMatchPattern(raw);
    c = r.ok ? { pattern: r.pattern, pathRe: pathRegExp(r.pattern.path) } : null;
    compiled.set(raw, c);
  }
  return c;
}

/** True when any of the (already validated) pattern strings matches the URL. */
export function anyPatternMatches(patterns: readonly string[], url: string): boolean {
  if (patterns.length === 0) return false;
  const u = parseUrl(url);
  if (!u) return false;
  return patterns.some((raw) => {
    const c = compiledPattern(raw);
    return c !== null && matchesParsedUrl(c.pattern, c.pathRe, u);
  });
}
