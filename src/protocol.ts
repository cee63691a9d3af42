/**
 * The one message protocol shared by the content script, the service worker,
 * the popup and the dashboard. Each message names its request, its response
 * and who may send it; the worker's handler table is typed from this, so a
 * message without a handler does not compile.
 */
import type { ActivityReport } from './core/tracker.js';
import type { TodaySummary } from './core/todaySummary.js';
import type { PathRule } from './core/categoryRules.js';

/** What a content script needs to classify its page. The worker picks the system from the sender's URL. */
export interface ContentConfig {
  systemId: string;
  rules: PathRule[];
}

export interface Protocol {
  /** Content script → worker: which tracked system is this page, and its category rules? Null: not tracked. */
  contentConfig: { request: Record<string, never>; response: ContentConfig | null };
  /** Content script → worker: batched evidence of activity in a clinical page. */
  activity: { request: ActivityReport; response: { accepted: boolean } };
  /** Extension page → worker: today's summary for the popup. */
  getToday: { request: Record<string, never>; response: TodaySummary };
  /** Extension page → worker: pause or resume tracking. */
  setPaused: { request: { paused: boolean }; response: TodaySummary };
}

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Protocol[K]['request'];
export type ResponseOf<K extends MessageType> = Protocol[K]['response'];

/** The wire shape of every message. */
export type Envelope = { [K in MessageType]: { type: K; body: RequestOf<K> } }[MessageType];

/** Who may send each message; anything else is ignored by the worker. */
export type SenderKind = 'content-script' | 'extension-page';
export const MESSAGE_SENDERS: { readonly [K in MessageType]: SenderKind } = {
  contentConfig: 'content-script',
  activity: 'content-script',
  getToday: 'extension-page',
  setPaused: 'extension-page',
};

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; body?: unknown };
  return typeof v.type === 'string' && Object.hasOwn(MESSAGE_SENDERS, v.type) && typeof v.body === 'object' && v.body !== null;
}
