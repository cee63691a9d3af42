import { catalogueEntryForUrl, systemFromEntry, type CatalogueEntry } from './catalogue.js';
import { anyPatternMatches } from './matchPattern.js';
import { MAX_SYSTEMS, systemIdFromName, systemOrigins, type ClinicalSystem, type Settings } from './settings.js';
import { nameFromHost, siteChoices, type SiteScope } from './siteScope.js';

/**
 * "Track this site": what the popup offers for the page in its tab. Worked
 * out from the page's address alone, in memory; the address is never stored
 * and never leaves this answer except as the host name and the patterns.
 * Nothing here reads the page.
 */

/** One way to track the site: the patterns the new system gets, and the host-permission origins to ask for. */
export interface TrackChoice {
  /** `catalogue`: the catalogue entry's own patterns. */
  scope: SiteScope | 'catalogue';
  matches: string[];
  origins: string[];
}

export type SiteStatus =
  /** Not a web page, or one whose address Timeback cannot see. */
  | { kind: 'unavailable' }
  | { kind: 'tracked'; systemId: string; name: string; fromPolicy: boolean }
  | {
      kind: 'untracked';
      host: string;
      /** Proposed from the catalogue, else from the host name: never from the page title. */
      name: string;
      entryId: string | null;
      choices: TrackChoice[];
      /** Why a system cannot be added here: the organisation chose the systems, or the list is full. */
      blocked: 'locked' | 'full' | null;
    };

export interface SiteContext {
  settings: Settings;
  /** Ids of the effective systems that come from the organisation's policy. */
  policySystemIds: ReadonlySet<string>;
  catalogue: readonly CatalogueEntry[];
  /** The organisation locked the list of systems. */
  systemsLocked: boolean;
}

function trackedBy(settings: Settings, url: string): ClinicalSystem | undefined {
  return settings.systems.find((s) => anyPatternMatches(s.matches, url)) ?? settings.systems.find((s) => anyPatternMatches(s.signInPatterns, url));
}

export function siteStatus(url: string | undefined, ctx: SiteContext): SiteStatus {
  const site = url === undefined ? null : siteChoices(url);
  if (!site || url === undefined) return { kind: 'unavailable' };
  const system = trackedBy(ctx.settings, url);
  if (system) return { kind: 'tracked', systemId: system.id, name: system.name, fromPolicy: ctx.policySystemIds.has(system.id) };
  const blocked = ctx.systemsLocked ? 'locked' : ctx.settings.systems.length >= MAX_SYSTEMS ? 'full' : null;
  const entry = catalogueEntryForUrl(ctx.catalogue, url);
  if (entry) {
    const origins = systemOrigins(entry);
    return { kind: 'untracked', host: site.host, name: entry.name, entryId: entry.id, choices: [{ scope: 'catalogue', matches: [...entry.matches], origins }], blocked };
  }
  return {
    kind: 'untracked',
    host: site.host,
    name: nameFromHost(site.host),
    entryId: null,
    choices: site.choices.map((c) => ({ scope: c.scope, matches: c.matches, origins: systemOrigins({ matches: c.matches, signInPatterns: [] }) })),
    blocked,
  };
}

/** The new system for a choice the status offered, with an id no other system uses. */
export function systemForChoice(status: Extract<SiteStatus, { kind: 'untracked' }>, choice: TrackChoice, ctx: SiteContext): ClinicalSystem {
  const taken = new Set([...ctx.settings.systems.map((s) => s.id), ...ctx.settings.desktopSystems.map((d) => d.id)]);
  const entry = status.entryId === null ? undefined : ctx.catalogue.find((e) => e.id === status.entryId);
  if (entry && choice.scope === 'catalogue') return systemFromEntry(entry, taken);
  return { id: systemIdFromName(status.name, taken), name: status.name, matches: [...choice.matches], rules: [], useGenericRules: true, signInPatterns: [] };
}

/**
 * Host-permission origins no longer needed once `removed` is gone: those of
 * its origins that no remaining system uses.
 */
export function originsToRelease(removed: ClinicalSystem, remaining: readonly ClinicalSystem[]): string[] {
  const still = new Set(remaining.flatMap((s) => systemOrigins(s)));
  return systemOrigins(removed).filter((o) => !still.has(o));
}
