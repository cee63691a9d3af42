import { anyPatternMatches } from '../core/matchPattern.js';
import type { ClinicalSystem, Settings } from '../core/settings.js';
import type { SenderKind } from '../protocol.js';

/** The parts of runtime.MessageSender the worker trusts. */
export interface MessageSenderInfo {
  id?: string;
  url?: string;
  /** The tab's top-level URL is visible only for origins Timeback was granted. */
  tab?: { id?: number; url?: string };
  frameId?: number;
  /** The frame's origin (Chromium): what an about:blank or about:srcdoc frame inherited. */
  origin?: string;
}

/**
 * Messages from unexpected senders are ignored (non-negotiable 5): another
 * extension, a web page, a page outside the configured systems, a subframe
 * that is not of an origin granted to its tab's top-level system, or a
 * content-script message from an extension page (and vice versa).
 */
export function senderAllowed(
  kind: SenderKind,
  sender: MessageSenderInfo,
  ctx: { extensionId: string; extensionPageOrigin: string; settings: Settings; systemOf?: (sender: MessageSenderInfo) => ClinicalSystem | undefined },
): boolean {
  if (sender.id !== ctx.extensionId || typeof sender.url !== 'string') return false;
  const fromExtensionPage = sender.url.startsWith(ctx.extensionPageOrigin);
  if (kind === 'extension-page') return fromExtensionPage;
  if (fromExtensionPage || typeof sender.tab?.id !== 'number' || typeof sender.frameId !== 'number') return false;
  return (ctx.systemOf ? ctx.systemOf(sender) : senderSystem(ctx.settings, sender)) !== undefined;
}

/** The system a content script's message belongs to: its page's, or for a frame its tab's top page's (frameSystem). */
export function senderSystem(settings: Settings, sender: MessageSenderInfo): ClinicalSystem | undefined {
  if (sender.frameId !== 0) return frameSystem(settings, sender);
  return typeof sender.url === 'string' ? systemForUrl(settings, sender.url) : undefined;
}

/**
 * senderSystem, remembered for each sender object. A content script's port
 * has one sender object for its whole life (the browser closes the port when
 * the page goes), and a burst sends hundreds of reports on one port: the URL
 * is matched once per port and settings, not twice per report. Only the
 * system is kept, in a WeakMap keyed by the browser's own sender object, so
 * nothing of the URL is copied, and an entry goes with its port.
 */
export function senderSystems(): (settings: Settings, sender: MessageSenderInfo) => ClinicalSystem | undefined {
  const known = new WeakMap<MessageSenderInfo, { settings: Settings; system: ClinicalSystem | undefined }>();
  return (settings, sender) => {
    const hit = known.get(sender);
    if (hit && hit.settings === settings) return hit.system;
    const system = senderSystem(settings, sender);
    known.set(sender, { settings, system });
    return system;
  };
}

/** Frames that inherit their origin from the page that made them (an editor's empty or srcdoc frame). */
const INHERITING_FRAME = /^about:(blank|srcdoc)$/;

/**
 * The system a subframe's evidence belongs to: the system of its tab's
 * top-level page (never the frame's own choice), and only when the frame is of
 * an origin that system was granted: its own pages, its sign-in pages or its
 * embedded viewers. An about:blank or srcdoc frame is judged by the origin it
 * inherited where the browser says it (Chromium); the browser injects the
 * script there only for granted origins anyway. Both URLs are used here, in
 * memory, and never stored.
 */
export function frameSystem(settings: Settings, sender: MessageSenderInfo): ClinicalSystem | undefined {
  const top = sender.tab?.url;
  const url = sender.url;
  if (typeof top !== 'string' || typeof url !== 'string') return undefined;
  const system = systemForUrl(settings, top);
  if (!system) return undefined;
  const granted = [...system.matches, ...system.signInPatterns, ...(system.viewerPatterns ?? [])];
  if (INHERITING_FRAME.test(url)) return sender.origin === undefined || anyPatternMatches(granted, `${sender.origin}/`) ? system : undefined;
  return anyPatternMatches(granted, url) ? system : undefined;
}

/**
 * The configured system a page URL belongs to: the first whose own patterns
 * match, else the first whose sign-in patterns match. The URL is used here,
 * in memory, and never stored.
 */
export function systemForUrl(settings: Settings, url: string): ClinicalSystem | undefined {
  return settings.systems.find((s) => anyPatternMatches(s.matches, url)) ?? settings.systems.find((s) => anyPatternMatches(s.signInPatterns, url));
}

/** True when the URL is one of the system's sign-in pages (its pages then count as login_auth). */
export function isSignInPage(system: ClinicalSystem, url: string): boolean {
  return anyPatternMatches(system.signInPatterns, url);
}
