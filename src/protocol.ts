/**
 * The one message protocol shared by the content script, the service worker,
 * the popup and the dashboard. Each message names its request, its response
 * and who may send it; the worker's handler table is typed from this, so a
 * message without a handler does not compile.
 */
import type { ActivityReport } from './core/activityReport.js';
import type { TodaySummary } from './core/todaySummary.js';
import type { ClassificationRule, Classification } from './core/classificationRules.js';
import type { RuleSource } from './core/presets.js';
import type { TaskCategory } from './core/taskCategory.js';
import type { ChangeResult, DayEntries, EntryChange, IdleReviewAction } from './core/entries.js';
import type { LocalDateKey } from './core/localDate.js';
import type { PolicyView } from './core/policy.js';
import type { Backup, RestoreOutcome } from './core/backupValidation.js';
import type { SiteStatus } from './core/siteTracking.js';
import type { PathShapeCount } from './core/pathShape.js';

/** The body of the `activity` message (defined in core, where the tracker folds it into spans). */
export type { ActivityReport };

/**
 * The answer to Track this site / Stop tracking this site: the site as it now
 * is, or why nothing changed (no site access granted, the organisation chose
 * the systems, the list is full, or the choice no longer fits the page).
 */
export type TrackSiteResult = { ok: true; site: SiteStatus } | { ok: false; reason: 'noAccess' | 'locked' | 'full' | 'invalid'; site: SiteStatus };

/** What a content script needs to classify its page. The worker picks the system from the sender's URL. */
export interface ContentConfig {
  systemId: string;
  /** The effective rules: the system's own, then (if enabled) the generic preset, ranked lower. */
  rules: ClassificationRule[];
  /** The page is one of the system's sign-in pages (signInPatterns): it counts as login_auth. */
  signIn: boolean;
  /**
   * The script runs in a subframe of a page of this system (an editor, an
   * embedded viewer): it reports input and attention only, and the worker books
   * them under the top page's category. Rules are then empty.
   */
  frame?: true;
}

/** Rules from the settings page, not yet saved, to try on the system's most recently attended tab. */
export interface RulePreviewRequest {
  systemId: string;
  /** Validated by the worker; invalid rules get `{ status: 'invalid' }`. */
  rules: ClassificationRule[];
  useGenericRules: boolean;
}

/**
 * The outcome of a preview. It never carries the tab's URL or title: only the
 * category, and which rule (by list and position) decided it.
 */
export type RulePreview =
  | { status: 'ok'; category: TaskCategory; rule: RuleSource | null }
  /** The tab is one of the system's sign-in pages, so it counts as login_auth whatever the rules say. */
  | { status: 'signIn' }
  /** No open tab of the system was attended recently (or none answered). */
  | { status: 'noTab' }
  /** The system is not saved yet (or was removed). */
  | { status: 'unknownSystem' }
  | { status: 'invalid'; errors: string[] };

export interface Protocol {
  /** Content script → worker: which tracked system is this page, and its category rules? Null: not tracked. */
  contentConfig: { request: Record<string, never>; response: ContentConfig | null };
  /** Content script → worker: batched evidence of activity in a clinical page. */
  activity: { request: ActivityReport; response: { accepted: boolean } };
  /** Extension page → worker: today's summary for the popup. */
  getToday: { request: Record<string, never>; response: TodaySummary };
  /** Extension page → worker: pause or resume tracking. */
  setPaused: { request: { paused: boolean }; response: TodaySummary };
  /** Extension page → worker: classify the system's most recently attended tab with unsaved rules. */
  previewRules: { request: RulePreviewRequest; response: RulePreview };
  /** Extension page → worker: start a manual timer (automatic tracking is suspended while it runs). */
  startTimer: { request: { category: TaskCategory; systemId?: string }; response: TodaySummary };
  /** Extension page → worker: stop the running timer; it becomes a timer entry. */
  stopTimer: { request: Record<string, never>; response: TodaySummary };
  /** Extension page → worker: the clinician's decision about an idle stretch. */
  resolveIdleReview: { request: IdleReviewAction; response: TodaySummary };
  /** Extension page → worker: every record of one local day, for the day timeline. */
  getDayEntries: { request: { date: LocalDateKey }; response: DayEntries };
  /** Extension page → worker: add, edit, split or delete a record (originals kept). */
  changeEntry: { request: EntryChange; response: ChangeResult };
  /** Extension page → worker: undo the last change. */
  undoLastChange: { request: Record<string, never>; response: ChangeResult };
  /** Extension page → worker: the organisation's policy as it applies (locked settings, policy systems, warnings). */
  getPolicy: { request: Record<string, never>; response: PolicyView };
  /** Extension page → worker: delete every record and storage.local key except the settings (after the clinician confirmed). */
  deleteAllData: { request: { confirm: true }; response: { deleted: boolean } };
  /** Extension page → worker: every raw record at full fidelity (notes included), for the clinician's own backup file. */
  exportBackup: { request: Record<string, never>; response: Backup };
  /** Extension page → worker: validate a backup file's text completely, then merge it (never overwriting). */
  restoreBackup: { request: { text: string }; response: RestoreOutcome };
  /** Extension page (the popup) → worker: is the page in this tab tracked, and how could it be? From its address only. */
  getSite: { request: { tabId: number }; response: SiteStatus };
  /** Extension page → worker: track the site in this tab (after the popup asked for its host permission), starting in that tab at once. */
  trackSite: { request: { tabId: number; scope: string }; response: TrackSiteResult };
  /** Extension page → worker: stop tracking the system of the page in this tab, and give back site access nothing else needs. */
  stopTrackingSite: { request: { tabId: number }; response: TrackSiteResult };
  /** Extension page → worker: the masked path shapes seen this browser session on a system with no rules of its own (memory only). */
  getPathShapes: { request: { systemId: string }; response: { shapes: PathShapeCount[] } };
}

/** storage.local: set by the worker when IndexedDB ran out of space and Timeback pruned to make room; the popup and dashboard show it. */
export const STORAGE_WARNING_KEY = 'timeback.storageWarning';

/** The value under STORAGE_WARNING_KEY. */
export interface StorageWarning {
  /** Epoch ms the store was found full. */
  at: number;
  /** Raw records deleted to make room (0: nothing could be freed). */
  freed: number;
}

/**
 * The channel a content script reports activity on: a long-lived port, open
 * while the page has evidence to report. In Chromium a one-off message costs
 * about 0.8 ms of browser work; a message on an open port a small fraction
 * (docs/performance.md, the burst measure).
 */
export const ACTIVITY_PORT = 'timeback-activity';

/** Content script → worker on ACTIVITY_PORT: an activity report, numbered by the page. */
export interface PortReport {
  seq: number;
  type: 'activity';
  body: Protocol['activity']['request'];
}

/** The answer to report `seq`, given once its transaction committed. */
export interface PortAnswer {
  seq: number;
  answer: Protocol['activity']['response'];
}

/** Worker → content script on ACTIVITY_PORT: the answers ready together, in order. */
export interface PortAnswers {
  answers: PortAnswer[];
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
  previewRules: 'extension-page',
  startTimer: 'extension-page',
  stopTimer: 'extension-page',
  resolveIdleReview: 'extension-page',
  getDayEntries: 'extension-page',
  changeEntry: 'extension-page',
  undoLastChange: 'extension-page',
  getPolicy: 'extension-page',
  deleteAllData: 'extension-page',
  exportBackup: 'extension-page',
  restoreBackup: 'extension-page',
  getSite: 'extension-page',
  trackSite: 'extension-page',
  stopTrackingSite: 'extension-page',
  getPathShapes: 'extension-page',
};

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; body?: unknown };
  return typeof v.type === 'string' && Object.hasOwn(MESSAGE_SENDERS, v.type) && typeof v.body === 'object' && v.body !== null;
}

/**
 * Worker → content script messages, sent with tabs.sendMessage to the top
 * frame. The content script answers only when the sender is its own
 * extension, and only for its own system.
 */
export interface ContentProtocol {
  /** Evaluate these rules (already validated, effective order) in the page; answer the outcome only. */
  evaluateRules: { request: { systemId: string; rules: ClassificationRule[] }; response: Classification };
}

export type ContentMessageType = keyof ContentProtocol;
export type ContentEnvelope = { [K in ContentMessageType]: { type: K; body: ContentProtocol[K]['request'] } }[ContentMessageType];
