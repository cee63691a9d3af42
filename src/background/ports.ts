import type { OsState } from '../core/attention.js';
import type { Settings } from '../core/settings.js';
import type { TimebackDb } from '../store/db.js';

/** A content script registration, as the worker manages it (one per clinical system). */
export interface ContentScriptRegistration {
  id: string;
  matches: string[];
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
  /** The active tab of the focused browser window, or null when no browser window has focus. */
  focusedTabId(): Promise<number | null>;
  idleState(): Promise<OsState>;
  hasOrigins(origins: string[]): Promise<boolean>;
  registeredContentScripts(): Promise<ContentScriptRegistration[]>;
  registerContentScripts(scripts: ContentScriptRegistration[]): Promise<void>;
  unregisterContentScripts(ids: string[]): Promise<void>;
  /** Inject into already-open tabs of a newly added system, so it is tracked without a reload. */
  injectIntoOpenTabs(matches: string[]): Promise<void>;
  /** This extension's id, and the URL prefix of its own pages. */
  extensionId: string;
  extensionPageOrigin: string;
}
