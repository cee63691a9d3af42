import { BUNDLED_CATALOGUE, mergeCatalogue } from '../core/catalogue.js';
import { applyPolicy, parsePolicy } from '../core/policy.js';
import { parseSettings, type Settings } from '../core/settings.js';
import { originsToRelease, siteStatus, systemForChoice, type SiteContext, type SiteStatus } from '../core/siteTracking.js';
import type { TrackSiteResult } from '../protocol.js';
import type { WorkerPorts } from './ports.js';

/**
 * The popup's "Track this site" and "Stop tracking this site". The popup asks
 * the browser for the site's host permission (it must, in the click); the
 * worker then works out the system again from the tab's own address, so a
 * page or a stale popup cannot choose the patterns, and adds it only when
 * every origin it needs was granted. The tab's address is read here, in
 * memory, and never stored.
 */
export function createSiteTracking(ports: WorkerPorts, deps: { settingsChanged: () => Promise<void>; /** The worker's cached raw policy read. */ loadPolicy: () => Promise<unknown> }) {
  async function context(): Promise<{ own: Settings; ctx: SiteContext }> {
    const [own, raw] = await Promise.all([ports.loadSettings(), deps.loadPolicy()]);
    const { policy } = parsePolicy(raw);
    const applied = applyPolicy(own, policy);
    return {
      own,
      ctx: {
        settings: applied.effective,
        policySystemIds: new Set(applied.fromPolicy.systems),
        catalogue: mergeCatalogue(BUNDLED_CATALOGUE, policy.catalogue ?? []),
        systemsLocked: applied.locked.has('systems'),
      },
    };
  }

  async function status(tabId: number): Promise<{ status: SiteStatus; own: Settings; ctx: SiteContext }> {
    const [url, { own, ctx }] = await Promise.all([ports.tabUrl(tabId), context()]);
    return { status: siteStatus(url, ctx), own, ctx };
  }

  return {
    async getSite(tabId: number): Promise<SiteStatus> {
      return (await status(tabId)).status;
    },

    async trackSite(tabId: number, scope: string): Promise<TrackSiteResult> {
      const { status: site, own, ctx } = await status(tabId);
      if (site.kind !== 'untracked') return { ok: true, site };
      if (site.blocked) return { ok: false, reason: site.blocked, site };
      const choice = site.choices.find((c) => c.scope === scope);
      if (!choice) return { ok: false, reason: 'invalid', site };
      if (!(await ports.hasOrigins(choice.origins))) return { ok: false, reason: 'noAccess', site };
      const system = systemForChoice(site, choice, ctx);
      const next = parseSettings({ ...own, systems: [...own.systems, system] });
      if (!next.ok) return { ok: false, reason: 'invalid', site };
      await ports.saveSettings(next.settings);
      // Registers the system's content script and injects it into the open tab: tracked without a reload.
      await deps.settingsChanged();
      return { ok: true, site: (await status(tabId)).status };
    },

    async stopTrackingSite(tabId: number): Promise<TrackSiteResult> {
      const { status: site, own, ctx } = await status(tabId);
      if (site.kind !== 'tracked') return { ok: true, site };
      if (site.fromPolicy) return { ok: false, reason: 'locked', site };
      const removed = own.systems.find((s) => s.id === site.systemId);
      if (!removed) return { ok: false, reason: 'invalid', site };
      const systems = own.systems.filter((s) => s.id !== removed.id);
      await ports.saveSettings({ ...own, systems });
      await deps.settingsChanged();
      // Give back the site access no remaining system needs (manifest-granted origins cannot be given back).
      const release = originsToRelease(removed, ctx.settings.systems.filter((s) => s.id !== removed.id));
      if (release.length > 0) await ports.removeOrigins(release).catch(() => undefined);
      return { ok: true, site: (await status(tabId)).status };
    },
  };
}
