import { systemOrigins, systemPatterns, type Settings } from '../core/settings.js';
import { parseMatchPattern } from '../core/matchPattern.js';
import type { ContentScriptRegistration, WorkerPorts } from './ports.js';

export const REGISTRATION_PREFIX = 'system-';

/**
 * Make the registered content scripts exactly the configured systems whose
 * host permission the clinician granted — and nothing else. A system's
 * registration covers its own pages, its sign-in pages and its embedded
 * viewers, in every frame whose own URL (or inherited origin) matches: a frame
 * of an origin not granted gets no script. Runs on every
 * settings change and worker start, so it also repairs drift.
 */
export async function syncContentScripts(ports: WorkerPorts, settings: Settings): Promise<void> {
  const desired = new Map<string, ContentScriptRegistration>();
  for (const system of settings.systems) {
    if (await ports.hasOrigins(systemOrigins(system))) {
      const matches = systemPatterns(system);
      desired.set(REGISTRATION_PREFIX + system.id, { id: REGISTRATION_PREFIX + system.id, matches, allFrames: true, matchOriginAsFallback: matches.every(wholeOrigin) });
    }
  }
  const registered = (await ports.registeredContentScripts()).filter((r) => r.id.startsWith(REGISTRATION_PREFIX));
  const unchanged = new Set(
    // A registration from before frames were sensed (allFrames false) is replaced.
    registered.filter((r) => r.allFrames && sameMatches(r.matches, desired.get(r.id)?.matches)).map((r) => r.id),
  );
  const stale = registered.filter((r) => !unchanged.has(r.id)).map((r) => r.id);
  if (stale.length > 0) await ports.unregisterContentScripts(stale);
  const fresh = [...desired.values()].filter((d) => !unchanged.has(d.id));
  if (fresh.length > 0) {
    await ports.registerContentScripts(fresh);
    for (const r of fresh) await ports.injectIntoOpenTabs(r.matches);
  }
}

function sameMatches(a: readonly string[], b: readonly string[] | undefined): boolean {
  return !!b && a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/** A pattern for a whole origin (path `/*`), the only kind the browser accepts for origin-inheriting frames. */
function wholeOrigin(pattern: string): boolean {
  const parsed = parseMatchPattern(pattern);
  return parsed.ok && parsed.pattern.path === '/*';
}
