import type { OsState } from '../core/attention.js';
import type { Settings } from '../core/settings.js';
import type { ContentEnvelope } from '../protocol.js';
import type { TimebackDb } from '../store/db.js';

/** A content script registration, as the worker manages it (one per clinical system). */
export interface ContentScriptRegistration {
  id: string;
  matches: string[];
  /** In every frame of a matching page whose own URL matches too (editor iframes, embedded viewers). */
  allFrames: boolean;
  /**
   * Also in about:blank, srcdoc, data: and blob: frames whose origin matches
   * (rich-text editors write their body into an empty frame). The browser
   * allows it only when every pattern's path is `/*`.
   */
  matchOriginAsFallback: boolean;
}

/**
 * Everything the service worker touches outside itself. The real ports wrap
 * the browser (browserPorts.ts); tests pass fakes with an injected clock and
 * idle source, so every rule is testable without waiting.
 */
export interface WorkerPorts {
  now(): number;
  timeZone(): string;
  newId(): string;
  db(): Promise<TimebackDb>;
  /** The clinician's settings, validated; defaults when missing or invalid. */
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /**
   * The organisation's policy: the raw storage.managed value (docs/deployment.md).
   * {} when there is none or the browser has no managed storage. Never rejects.
   */
  loadPolicy(): Promise<unknown>;
  /** The active tab of the focused browser window, or null when no browser window has focus. */
  focusedTabId(): Promise<number | null>;
  idleState(): Promise<OsState>;
  hasOrigins(origins: string[]): Promise<boolean>;
  /** Give back host permissions no system needs any more (rejects for origins the manifest granted). */
  removeOrigins(origins: string[]): Promise<void>;
  registeredContentScripts(): Promise<ContentScriptRegistration[]>;
  registerContentScripts(scripts: ContentScriptRegistration[]): Promise<void>;
  unregisterContentScripts(ids: string[]): Promise<void>;
  /** Inject into already-open tabs of a newly added system, so it is tracked without a reload. */
  injectIntoOpenTabs(matches: string[]): Promise<void>;
  /**
   * An open tab's URL, or undefined when the tab is gone or its URL is not
   * visible to Timeback (only origins it was granted are). Used in memory to
   * match the tab to a system; never stored.
   */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Send a worker → content-script message to a tab's top frame; rejects when nothing there answers. */
  sendToTab(tabId: number, message: ContentEnvelope): Promise<unknown>;
  /** The toolbar badge: a mark while a manual timer runs ('' clears it). */
  setBadge(text: string, title: string): Promise<void>;
  /** A one-off alarm (the timer's limit): the worker never ticks. */
  createAlarm(name: string, when: number): Promise<void>;
  clearAlarm(name: string): Promise<void>;
  /** A repeating alarm, created only when missing (so a restart does not push it back). */
  ensureRepeatingAlarm(name: string, periodInMinutes: number): Promise<void>;
  /** storage.local, for Timeback's own keys (the storage warning, deleting everything). */
  localGet(key: string): Promise<unknown>;
  localSet(key: string, value: unknown): Promise<void>;
  /** Remove every storage.local key except these. */
  localRemoveAllExcept(keep: readonly string[]): Promise<void>;
  /** This extension's id, and the URL prefix of its own pages. */
  extensionId: string;
  extensionPageOrigin: string;
}
