/**
 * The host part of "Track this site": which match patterns a clinician can
 * choose for the page in front of them. Pure: takes the page's address and
 * returns patterns, never stores it.
 */

/**
 * Suffixes under which many unrelated organisations have their own names, so
 * a pattern `*.suffix` would reach systems the clinician never chose. The UK
 * second-level domains of the Public Suffix List, plus `nhs.net`, which hosts
 * many separate national and local NHS services. A deliberately small list:
 * the clinician always sees the exact pattern before anything is granted.
 */
export const SHARED_SUFFIXES: readonly string[] = [
  'ac.uk', 'co.uk', 'gov.uk', 'ltd.uk', 'me.uk', 'net.uk', 'nhs.uk', 'org.uk', 'plc.uk', 'police.uk', 'sch.uk',
  'nhs.net', 'nhs.scot', 'nhs.wales', 'gov.scot', 'gov.wales',
];

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** True for a host name that is a shared suffix, or a top-level domain. */
export function isSharedSuffix(host: string): boolean {
  const h = host.toLowerCase();
  return !h.includes('.') || SHARED_SUFFIXES.includes(h);
}

/**
 * The registrable domain of a host ("the site"): one label below the longest
 * shared suffix it ends with, or its last two labels. Null for an IP address,
 * a single-label host (localhost), or when it would be the host itself.
 */
export function registrableDomain(host: string): string | null {
  const h = host.toLowerCase();
  if (IPV4.test(h) || h.startsWith('[') || !h.includes('.')) return null;
  const labels = h.split('.');
  let keep = 2;
  for (const suffix of SHARED_SUFFIXES) {
    const n = suffix.split('.').length;
    if (h.endsWith(`.${suffix}`) && n + 1 > keep) keep = n + 1;
  }
  if (labels.length <= keep) return null;
  return labels.slice(-keep).join('.');
}

export type SiteScope = 'origin' | 'domain';

export interface SiteChoice {
  scope: SiteScope;
  /** The match patterns the new system gets (also its host-permission origins: paths are whole). */
  matches: string[];
}

/**
 * The choices for a page address: its own origin (scheme and host), and,
 * when the host sits under a registrable domain, that domain and every
 * subdomain of it. Empty for anything but http(s) pages with a host name.
 */
export function siteChoices(url: string): { host: string; choices: SiteChoice[] } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.toLowerCase();
  if (!host) return null;
  const scheme = u.protocol.slice(0, -1);
  const choices: SiteChoice[] = [{ scope: 'origin', matches: [`${scheme}://${host}/*`] }];
  const domain = registrableDomain(host);
  if (domain) choices.push({ scope: 'domain', matches: [`${scheme}://*.${domain}/*`] });
  return { host, choices };
}

/** A display name from a host name, for a site the catalogue does not know: never from the page title. */
export function nameFromHost(host: string): string {
  const h = host.toLowerCase().replace(/^www\./, '');
  return h.length <= 60 ? h : h.slice(0, 60);
}
