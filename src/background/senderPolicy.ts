import { anyPatternMatches } from '../core/matchPattern.js';
import type { ClinicalSystem, Settings } from '../core/settings.js';
import type { SenderKind } from '../protocol.js';

/** The parts of runtime.MessageSender the worker trusts. */
export interface MessageSenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Messages from unexpected senders are ignored (non-negotiable 5): another
 * extension, a web page, a subframe, a page outside the configured systems,
 * or a content-script message from an extension page (and vice versa).
 */
export function senderAllowed(kind: SenderKind, sender: MessageSenderInfo, ctx: { extensionId: string; extensionPageOrigin: string; settings: Settings }): boolean {
  if (sender.id !== ctx.extensionId || typeof sender.url !== 'string') return false;
  const fromExtensionPage = sender.url.startsWith(ctx.extensionPageOrigin);
  if (kind === 'extension-page') return fromExtensionPage;
  if (fromExtensionPage || typeof sender.tab?.id !== 'number' || sender.frameId !== 0) return false;
  return systemForUrl(ctx.settings, sender.url) !== undefined;
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
