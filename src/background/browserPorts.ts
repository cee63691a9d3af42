import browser from 'webextension-polyfill';
import type { OsState } from '../core/attention.js';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../core/settings.js';
import { openTimebackDb, type TimebackDb } from '../store/db.js';
import type { WorkerPorts } from './ports.js';
import { newRecordId } from './recordId.js';

import { IDLE_DETECTION_SEC } from './idleDetection.js';

export { IDLE_DETECTION_SEC };

let dbPromise: Promise<TimebackDb> | undefined;

/*
 * The browser's time zone, asked for at most once a minute: resolving it
 * builds an Intl.DateTimeFormat (milliseconds in a fresh worker), and a burst
 * of reports asks once per batch. A zone changed in the OS is seen within the
 * minute, as the next write after it would see it anyway.
 */
const ZONE_TTL_MS = 60_000;
let zone: { name: string; until: number } | undefined;
function timeZone(): string {
  const now = Date.now();
  if (!zone || now >= zone.until || now < zone.until - ZONE_TTL_MS) zone = { name: Intl.DateTimeFormat().resolvedOptions().timeZone, until: now + ZONE_TTL_MS };
  return zone.name;
}

/** The real ports: thin wrappers over the browser. */
export function browserPorts(): WorkerPorts {
  return {
    now: () => Date.now(),
    timeZone,
    newId: () => newRecordId(),
    db: () => (dbPromise ??= openTimebackDb()),
    async loadSettings(): Promise<Settings> {
      const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
      if (stored === undefined) return DEFAULT_SETTINGS;
      const parsed = parseSettings(stored);
      if (parsed.ok) return parsed.settings;
      // Invalid stored settings track nothing rather than guess (and the dashboard says why).
      console.warn('Timeback: stored settings are invalid, tracking nothing', parsed.errors);
      return { ...DEFAULT_SETTINGS, paused: true };
    },
    async saveSettings(settings) {
      await browser.storage.local.set({ [SETTINGS_KEY]: settings });
    },
    async loadPolicy(): Promise<unknown> {
      // Firefox without an enterprise policy (and some Chromium builds) reject, or lack storage.managed entirely.
      try {
        return (await browser.storage.managed?.get(null)) ?? {};
      } catch {
        return {};
      }
    },
    async focusedTabId() {
      const win = await browser.windows.getLastFocused({ populate: true }).catch(() => undefined);
      if (!win?.focused) return null;
      return win.tabs?.find((t) => t.active)?.id ?? null;
    },
    async idleState(): Promise<OsState> {
      return (await browser.idle.queryState(IDLE_DETECTION_SEC)) as OsState;
    },
    hasOrigins: (origins) => browser.permissions.contains({ origins }),
    async removeOrigins(origins) {
      await browser.permissions.remove({ origins });
    },
    async registeredContentScripts() {
      const scripts = await browser.scripting.getRegisteredContentScripts();
      return scripts.map((s) => ({ id: s.id, matches: s.matches ?? [], allFrames: s.allFrames === true, matchOriginAsFallback: (s as { matchOriginAsFallback?: boolean }).matchOriginAsFallback === true }));
    },
    async registerContentScripts(scripts) {
      const register = (fallback: boolean) =>
        browser.scripting.registerContentScripts(
          scripts.map((s) => ({
            id: s.id,
            matches: s.matches,
            js: ['content.js'],
            runAt: 'document_start' as const,
            allFrames: s.allFrames,
            ...(fallback && s.matchOriginAsFallback ? { matchOriginAsFallback: true } : {}),
            persistAcrossSessions: true,
          })),
        );
      // A browser without matchOriginAsFallback (Chrome before 119) refuses the whole call: register without it.
      await register(true).catch(() => register(false));
    },
    async unregisterContentScripts(ids) {
      await browser.scripting.unregisterContentScripts({ ids });
    },
    async injectIntoOpenTabs(matches) {
      const tabs = await browser.tabs.query({ url: matches }).catch(() => []);
      for (const tab of tabs) {
        if (tab.id === undefined) continue;
        // Every frame: frames of origins not granted refuse the script, and the worker ignores frames not of the system.
        await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: ['content.js'] }).catch(() => undefined);
      }
    },
    async tabUrl(tabId) {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      return tab?.url;
    },
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    async setBadge(text, title) {
      await browser.action.setBadgeText({ text });
      await browser.action.setTitle({ title });
      if (text) await browser.action.setBadgeBackgroundColor({ color: '#005eb8' });
    },
    async createAlarm(name, when) {
      await browser.alarms.create(name, { when });
    },
    async clearAlarm(name) {
      await browser.alarms.clear(name);
    },
    async ensureRepeatingAlarm(name, periodInMinutes) {
      if (!(await browser.alarms.get(name))) await browser.alarms.create(name, { periodInMinutes });
    },
    localGet: async (key) => (await browser.storage.local.get(key))[key],
    async localSet(key, value) {
      await browser.storage.local.set({ [key]: value });
    },
    async localRemoveAllExcept(keep) {
      const keys = Object.keys(await browser.storage.local.get(null)).filter((k) => !keep.includes(k));
      if (keys.length > 0) await browser.storage.local.remove(keys);
    },
    extensionId: browser.runtime.id,
    extensionPageOrigin: browser.runtime.getURL(''),
  };
}
