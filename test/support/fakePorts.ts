import 'fake-indexeddb/auto';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { ContentScriptRegistration, WorkerPorts } from '../../src/background/ports.js';
import type { OsState } from '../../src/core/attention.js';
import type { ContentEnvelope } from '../../src/protocol.js';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../../src/core/settings.js';
import { openTimebackDb, type TimebackDb } from '../../src/store/db.js';

export const EXTENSION_ID = 'timeback-test-id';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

let dbCounter = 0;

/**
 * Fake ports for the worker: fake-indexeddb for the store, fake-browser's
 * storage.local for settings, and an injected clock, focus and idle source.
 * `restartWorker()`-style tests create a second worker over the same ports.
 */
export function fakePorts(startMs = Date.parse('2026-05-12T08:00:00Z')) {
  const dbName = `timeback-test-${++dbCounter}`;
  let db: Promise<TimebackDb> | undefined;
  let ids = 0;
  const world = {
    nowMs: startMs,
    focusedTabId: null as number | null,
    idle: 'active' as OsState,
    granted: new Set<string>(['http://127.0.0.1/*']),
    registered: [] as ContentScriptRegistration[],
    badge: { text: '', title: '' },
    /** The raw storage.managed value (the organisation's policy); {} when none. */
    policy: {} as unknown,
    alarms: new Map<string, number>(),
    /** Repeating alarms: name → period in minutes. */
    repeatingAlarms: new Map<string, number>(),
    injected: [] as string[][],
    /** Open tabs: their URL, and how their content script answers (none: nothing listening). */
    tabs: new Map<number, { url: string; answer?: (message: ContentEnvelope) => unknown }>(),
    sentToTabs: [] as Array<{ tabId: number; message: ContentEnvelope }>,
    /** How often the worker read the clinician's settings from storage. */
    settingsReads: 0,
  };
  const ports: WorkerPorts = {
    now: () => world.nowMs,
    timeZone: () => 'Europe/London',
    newId: () => `span-${++ids}`,
    db: () => (db ??= openTimebackDb(dbName)),
    async loadSettings(): Promise<Settings> {
      world.settingsReads++;
      const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
      if (stored === undefined) return DEFAULT_SETTINGS;
      const parsed = parseSettings(stored);
      return parsed.ok ? parsed.settings : { ...DEFAULT_SETTINGS, paused: true };
    },
    async saveSettings(settings) {
      await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });
    },
    loadPolicy: async () => world.policy,
    focusedTabId: async () => world.focusedTabId,
    idleState: async () => world.idle,
    hasOrigins: async (origins) => origins.every((o) => world.granted.has(o)),
    async removeOrigins(origins) {
      for (const o of origins) world.granted.delete(o);
    },
    registeredContentScripts: async () => world.registered.map((r) => ({ ...r })),
    async registerContentScripts(scripts) {
      for (const s of scripts) {
        if (world.registered.some((r) => r.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        world.registered.push({ ...s });
      }
    },
    async unregisterContentScripts(ids) {
      world.registered = world.registered.filter((r) => !ids.includes(r.id));
    },
    async injectIntoOpenTabs(matches) {
      world.injected.push(matches);
    },
    tabUrl: async (tabId) => world.tabs.get(tabId)?.url,
    async sendToTab(tabId, message) {
      world.sentToTabs.push({ tabId, message });
      const answer = world.tabs.get(tabId)?.answer;
      if (!answer) throw new Error('Could not establish connection. Receiving end does not exist.');
      return answer(message);
    },
    async setBadge(text, title) {
      world.badge = { text, title };
    },
    async createAlarm(name, when) {
      world.alarms.set(name, when);
    },
    async clearAlarm(name) {
      world.alarms.delete(name);
    },
    async ensureRepeatingAlarm(name, periodInMinutes) {
      if (!world.repeatingAlarms.has(name)) world.repeatingAlarms.set(name, periodInMinutes);
    },
    localGet: async (key) => (await fakeBrowser.storage.local.get(key))[key],
    async localSet(key, value) {
      await fakeBrowser.storage.local.set({ [key]: value });
    },
    async localRemoveAllExcept(keep) {
      const keys = Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => !keep.includes(k));
      if (keys.length > 0) await fakeBrowser.storage.local.remove(keys);
    },
    extensionId: EXTENSION_ID,
    extensionPageOrigin: EXTENSION_ORIGIN,
  };
  return { ports, world, dbName, storage: fakeBrowser.storage.local, reset: () => fakeBrowser.reset() };
}

/** Every record in every IndexedDB store, and all of storage.local, as one JSON string. */
export async function dumpEverything(ports: WorkerPorts): Promise<string> {
  const db = await ports.db();
  const dump: Record<string, unknown> = {};
  for (const name of db.objectStoreNames) {
    const tx = db.transaction(name);
    dump[name] = { keys: await tx.store.getAllKeys(), values: await tx.store.getAll() };
  }
  dump['storage.local'] = await fakeBrowser.storage.local.get(null);
  return JSON.stringify(dump);
}
