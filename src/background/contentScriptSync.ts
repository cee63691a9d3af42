import { systemOrigins, systemPatterns, type Settings } from '../core/settings.js';
import type { ContentScriptRegistration, WorkerPorts } from './ports.js';

export const REGISTRATION_PREFIX = 'system-';

/**
 * Make the registered content scripts exactly the configured systems whose
 * host permission the clinician granted — and nothing else. A system's
 * registration covers its own pages and its sign-in pages. Runs on every
 * settings change and worker start, so it also repairs drift.
 */
export async function syncContentScripts(ports: WorkerPorts, settings: Settings): Promise<void> {
  const desired = new Map<string, ContentScriptRegistration>();
  for (const system of settings.systems) {
    if (await ports.hasOrigins(systemOrigins(system))) {
      desired.set(REGISTRATION_PREFIX + system.id, { id: REGISTRATION_PREFIX + system.id, matches: systemPatterns(system) });
    }
  }
  const registered = (await ports.registeredContentScripts()).filter((r) => r.id.startsWith(REGISTRATION_PREFIX));
  const unchanged = new Set(
    registered.filter((r) => sameMatches(r.matches, desired.get(r.id)?.matches)).map((r) => r.id),
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
