import type { ActiveTimeParams } from '../core/activeTimeParams.js';
import type { OsState } from '../core/attention.js';
import { localDateKey, localDayStart } from '../core/localDate.js';
import { createManualLogging, TIMER_ALARM } from './manualLogging.js';
import { createDataManagement, isQuotaError, RETENTION_ALARM, RETENTION_PERIOD_MINUTES } from './dataManagement.js';
import { effectiveRules } from '../core/presets.js';
import { PathShapeTally } from '../core/pathShape.js';
import type { Settings } from '../core/settings.js';
import { applyPolicy, parsePolicy, policyView } from '../core/policy.js';
import { buildTodaySummary, type TodaySummary } from '../core/todaySummary.js';
import { MESSAGE_SENDERS, isEnvelope, type ActivityReport, type MessageType, type PortAnswer, type PortReport, type RequestOf, type ResponseOf } from '../protocol.js';
import { readToday, readTracker, recordAttention, recordReports, refreshRollups, type TabReport } from '../store/trackingStore.js';
import { syncContentScripts } from './contentScriptSync.js';
import type { WorkerPorts } from './ports.js';
import { parseActivityReport } from './reportValidation.js';
import { previewRules } from './rulePreview.js';
import { createSiteTracking } from './siteTracking.js';
import { frameSystem, isSignInPage, senderAllowed, senderSystems, systemForUrl, type MessageSenderInfo } from './senderPolicy.js';

type Handlers = { [K in MessageType]: (body: RequestOf<K>, sender: MessageSenderInfo, settings: Settings) => Promise<ResponseOf<K>> };

/** A burst of reports is written in transactions of at most this many. */
const MAX_REPORTS_PER_TRANSACTION = 500;

/** How long after its last evidence a span still shows as "now tracking". */
const NOW_TRACKING_GRACE_SEC = 15;

/**
 * The service worker's logic, free of browser globals. It keeps nothing that
 * matters in memory: every event reloads what it needs from storage, so the
 * worker may be killed between any two events (or inside one: each store
 * write is a single transaction).
 */
export function createWorker(ports: WorkerPorts) {
  /**
   * The settings everything runs on: the clinician's, with the organisation's
   * policy (storage.managed) applied. Only setPaused writes settings, and it
   * writes the clinician's own value, never the policy's systems.
   */
  // The raw policy, kept with the settings read and dropped with it on a reported change
  // (Track this site asks for it too, each time the popup opens).
  let policyRead: Promise<unknown> | undefined;
  const loadPolicy = (): Promise<unknown> => (policyRead ??= ports.loadPolicy().catch(() => ({})));
  const readSettings = async (): Promise<Settings> => {
    // Two independent reads, so neither waits for the other.
    const [own, raw] = await Promise.all([ports.loadSettings(), loadPolicy()]);
    return applyPolicy(own, parsePolicy(raw).policy).effective;
  };
  // The effective settings are read once and kept until a change is reported:
  // storage.onChanged (the clinician's settings or the policy) and permission
  // changes call onSettingsChanged, and the worker's own writes drop them too.
  // A fresh worker reads them again, so nothing depends on memory surviving.
  // Messages arriving together (many tabs reporting at once) share the read in
  // flight, and a change drops that read too (it may predate the change: the
  // first policy read takes seconds).
  let settingsRead: Promise<Settings> | undefined;
  const loadSettings = (): Promise<Settings> => {
    if (!settingsRead) {
      const read = readSettings();
      // A failed read is not kept: the next message tries again.
      read.catch(() => {
        if (settingsRead === read) settingsRead = undefined;
      });
      settingsRead = read;
    }
    return settingsRead;
  };
  const freshSettings = (): Promise<Settings> => {
    settingsRead = undefined;
    policyRead = undefined;
    return loadSettings();
  };

  // Orders attention updates; losing it with the worker loses nothing stored.
  let attentionChain: Promise<unknown> = Promise.resolve();
  // Orders registration syncs: a change the worker makes itself (Track this site)
  // and the storage.onChanged it causes must not both register the same script.
  // Each sync applies the newest settings read when its turn comes, so a sync
  // queued with an older read cannot undo a newer one.
  let syncChain: Promise<unknown> = Promise.resolve();
  const syncScripts = (): Promise<void> => {
    const run = syncChain.then(async () => syncContentScripts(ports, await loadSettings()));
    syncChain = run.catch(() => undefined);
    return run;
  };

  const params = (s: Settings): ActiveTimeParams => ({
    inactivityThresholdSec: s.inactivityThresholdSec,
    readingAllowanceSec: s.readingAllowanceSec,
  });

  const writeContext = (s: Settings) => ({ nowMs: ports.now(), timeZone: ports.timeZone(), params: params(s), newId: ports.newId });
  const data = createDataManagement(ports, { writeContext });
  const manual = createManualLogging(ports, { writeContext, refreshAttention: (s) => refreshAttention(s), guardWrite: data.withQuotaRecovery });
  const sites = createSiteTracking(ports, { settingsChanged: () => onSettingsChanged(), loadPolicy });
  // Masked path shapes of systems with no rules of their own, for suggested rules.
  // Memory only, by design: lost with the worker, never stored.
  const shapes = new PathShapeTally();
  // The system of each content-script sender, matched once per port (senderSystems).
  const systemOf = senderSystems();
  const noteShape = (system: { id: string; rules: readonly unknown[] }, url: string) => {
    if (system.rules.length === 0) shapes.add(system.id, url);
  };

  /**
   * Reports wait here only while the previous batch's transaction commits;
   * each is answered once its own batch committed. A worker killed meanwhile
   * loses the unanswered ones, as it would lose a report being written.
   */
  const reports = (() => {
    const waiting: Array<{ item: TabReport; settings: Settings; done: (r: { accepted: boolean }) => void; fail: (e: unknown) => void }> = [];
    let draining: Promise<void> | undefined;
    async function drain(): Promise<void> {
      while (waiting.length > 0) {
        const batch = waiting.splice(0, MAX_REPORTS_PER_TRANSACTION);
        const settings = batch[batch.length - 1]!.settings;
        try {
          // One transaction: on a full store it committed nothing, so the retry (after pruning) is safe.
          await data.withQuotaRecovery(settings, async () => recordReports(await ports.db(), batch.map((b) => b.item), writeContext(settings)));
          for (const b of batch) b.done({ accepted: true });
        } catch (error) {
          for (const b of batch) isQuotaError(error) ? b.done({ accepted: false }) : b.fail(error);
        }
      }
    }
    return {
      add(tabId: number, report: ActivityReport, settings: Settings): Promise<{ accepted: boolean }> {
        return new Promise((done, fail) => {
          waiting.push({ item: { tabId, report }, settings, done, fail });
          kick();
        });
      },
    };
    function kick(): void {
      if (draining) return;
      draining = drain().finally(() => {
        draining = undefined;
        // A report queued between the last batch and this moment still gets its batch.
        if (waiting.length > 0) kick();
      });
    }
  })();

  async function todaySummary(settings: Settings): Promise<TodaySummary> {
    const db = await ports.db();
    const nowMs = ports.now();
    const date = localDateKey(nowMs, ports.timeZone());
    const today = await readToday(db, date);
    let nowTracking: Parameters<typeof buildTodaySummary>[0]['nowTracking'] = null;
    const span = today.openSpan;
    if (span && !settings.paused) {
      const graceMs = (Math.max(settings.inactivityThresholdSec, settings.readingAllowanceSec) + NOW_TRACKING_GRACE_SEC) * 1000;
      if (span.end >= nowMs - graceMs) nowTracking = { systemId: span.systemId, category: span.category };
    }
    const extras = manual.summaryExtras(today);
    return buildTodaySummary({
      date,
      rollup: today.rollup,
      systems: settings.systems,
      desktopSystems: settings.desktopSystems,
      nowTracking: extras.timer ? null : nowTracking,
      paused: settings.paused,
      params: params(settings),
      ...extras,
      now: nowMs,
      todayStart: localDayStart(nowMs, ports.timeZone()),
    });
  }

  const handlers: Handlers = {
    async contentConfig(_body, sender, settings) {
      if (sender.frameId !== 0) {
        // A frame senses input only: its top page decides the category.
        const system = frameSystem(settings, sender);
        return system ? { systemId: system.id, rules: [], signIn: false, frame: true } : null;
      }
      const system = systemForUrl(settings, sender.url!);
      if (!system) return null;
      noteShape(system, sender.url!);
      return { systemId: system.id, rules: effectiveRules(system.rules, system.useGenericRules), signIn: isSignInPage(system, sender.url!) };
    },
    async activity(body, sender, settings) {
      const fromFrame = sender.frameId !== 0;
      const system = systemOf(settings, sender);
      const report = system && parseActivityReport(body, system.id, Math.floor(ports.now() / 1000), fromFrame);
      if (!report || settings.paused) return { accepted: false };
      // A frame's own address (a viewer's, an editor's) says nothing of its system's pages.
      if (!fromFrame) noteShape(system, sender.url!);
      return reports.add(sender.tab!.id!, report, settings);
    },
    async getToday(_body, _sender, settings) {
      return todaySummary(settings);
    },
    async setPaused(body, _sender, settings) {
      const paused = body.paused === true;
      // Save the clinician's own settings: the effective ones hold the policy's systems and values.
      await ports.saveSettings({ ...(await ports.loadSettings()), paused });
      settingsRead = undefined; // before storage.onChanged reports it
      const next = { ...settings, paused };
      await refreshAttention(next);
      return todaySummary(next);
    },
    async previewRules(body, _sender, settings) {
      return previewRules(ports, settings, body);
    },
    async startTimer(body, _sender, settings) {
      await manual.startTimer(settings, body.category, body.systemId);
      return todaySummary(settings);
    },
    async stopTimer(_body, _sender, settings) {
      await manual.stopTimer(settings);
      return todaySummary(settings);
    },
    async resolveIdleReview(body, _sender, settings) {
      await manual.resolveIdleReview(settings, body);
      return todaySummary(settings);
    },
    async getDayEntries(body, _sender, settings) {
      return manual.getDayEntries(settings, body.date);
    },
    async changeEntry(body, _sender, settings) {
      return manual.changeEntry(settings, body);
    },
    async undoLastChange(_body, _sender, settings) {
      return manual.undo(settings);
    },
    async getPolicy() {
      return policyView(await ports.loadSettings(), await ports.loadPolicy().catch(() => ({})));
    },
    async deleteAllData(body, _sender, settings) {
      if (body.confirm !== true) return { deleted: false };
      await data.deleteAll();
      await ports.clearAlarm(TIMER_ALARM);
      // The tracker state went with the records: start afresh (no timer, a new attention period).
      await manual.onStart(settings);
      await refreshAttention(settings, await ports.idleState());
      return { deleted: true };
    },
    async exportBackup() {
      // The clinician's own settings, not the effective ones with an organisation's policy applied.
      return data.exportBackup(await ports.loadSettings());
    },
    async restoreBackup(body, _sender, settings) {
      const restored = await data.restoreBackup(settings, body.text);
      settingsRead = undefined; // a restore may bring the backup's settings
      return restored;
    },
    async getSite(body) {
      return sites.getSite(tabIdOf(body));
    },
    async trackSite(body) {
      return sites.trackSite(tabIdOf(body), typeof body.scope === 'string' ? body.scope : '');
    },
    async stopTrackingSite(body) {
      return sites.stopTrackingSite(tabIdOf(body));
    },
    async getPathShapes(body, _sender, settings) {
      const system = settings.systems.find((s) => s.id === body.systemId);
      return { shapes: system && system.rules.length === 0 ? shapes.shapes(system.id) : [] };
    },
  };

  /** Answer a runtime message, or undefined (ignored) when it is malformed or from an unexpected sender. */
  async function handleMessage(message: unknown, sender: MessageSenderInfo): Promise<unknown> {
    if (!isEnvelope(message)) return undefined;
    const settings = await loadSettings();
    const kind = MESSAGE_SENDERS[message.type];
    const ctx = { extensionId: ports.extensionId, extensionPageOrigin: ports.extensionPageOrigin, settings, systemOf: (s: MessageSenderInfo) => systemOf(settings, s) };
    if (!senderAllowed(kind, sender, ctx)) return undefined;
    const handler = handlers[message.type] as (body: unknown, sender: MessageSenderInfo, settings: Settings) => Promise<unknown>;
    return handler(message.body, sender, settings);
  }

  /**
   * A report on a content script's activity port: answered with its number once
   * committed; anything but a numbered activity report is ignored, like a
   * message from an unexpected sender.
   */
  async function handlePortReport(message: unknown, sender: MessageSenderInfo): Promise<PortAnswer | undefined> {
    const m = message as Partial<PortReport> | null;
    if (typeof m !== 'object' || m === null || m.type !== 'activity' || typeof m.seq !== 'number') return undefined;
    const answer = (await handleMessage(message, sender)) as ResponseOf<'activity'> | undefined;
    return answer && { seq: m.seq, answer };
  }

  /** Re-derive which tab has attention (after focus, tab, idle or pause changes). */
  function refreshAttention(knownSettings?: Settings, os?: OsState): Promise<void> {
    const run = attentionChain.then(async () => {
      const settings = knownSettings ?? (await loadSettings());
      const [db, focusedTabId] = await Promise.all([ports.db(), ports.focusedTabId()]);
      const current = await readTracker(db);
      // A running manual timer suspends automatic tracking, so the same minutes never count twice.
      const timerRunning = (await manual.timer()) !== undefined;
      await recordAttention(db, { paused: settings.paused || timerRunning, os: os ?? current.os, focusedTabId }, ports.now(), writeContext(settings));
    });
    attentionChain = run.catch(() => undefined);
    return run;
  }

  async function onSettingsChanged(): Promise<void> {
    const settings = await freshSettings();
    await syncScripts();
    await refreshRollups(await ports.db(), writeContext(settings));
    await refreshAttention(settings);
  }

  /** Every worker start: nothing is assumed to have survived. */
  async function onStart(): Promise<void> {
    const settings = await loadSettings();
    await syncScripts();
    await refreshAttention(settings, await ports.idleState());
    await manual.onStart(settings);
    await ports.ensureRepeatingAlarm(RETENTION_ALARM, RETENTION_PERIOD_MINUTES);
  }

  async function onIdleStateChanged(state: OsState): Promise<void> {
    const settings = await loadSettings();
    await manual.onOsState(settings, state);
    await refreshAttention(settings, state);
  }

  async function onAlarm(name: string): Promise<void> {
    if (name === TIMER_ALARM) await manual.onStart(await loadSettings());
    if (name === RETENTION_ALARM) await data.prune(await loadSettings());
  }

  async function onCommand(command: string): Promise<void> {
    if (command === 'toggle-timer') await manual.toggleTimer(await loadSettings());
  }

  return {
    handleMessage,
    handlePortReport,
    refreshAttention: () => refreshAttention(),
    onIdleStateChanged,
    onAlarm,
    onCommand,
    onSettingsChanged,
    onStart,
  };
}

/** A tab id from a message body: anything else is no tab (-1, which the browser never uses). */
function tabIdOf(body: { tabId?: unknown }): number {
  return typeof body.tabId === 'number' && Number.isInteger(body.tabId) && body.tabId >= 0 ? body.tabId : -1;
}

export type Worker = ReturnType<typeof createWorker>;
