import type { OsState } from '../core/attention.js';
import { manualSpan, planChange, type ChangePlan } from '../core/corrections.js';
import type { ChangeResult, DayEntries, EntryChange, IdleReview, IdleReviewAction } from '../core/entries.js';
import { currentPeriod } from '../core/attention.js';
import { startTimer as planTimer, stopTimer as endTimer, type RunningTimer } from '../core/manualTimer.js';
import type { Settings } from '../core/settings.js';
import { isTaskCategory, type TaskCategory } from '../core/taskCategory.js';
import { applyPlan, manualRecordsNear, readDayEntries, undoLastChange } from '../store/entriesStore.js';
import { readSpan, readTracker, type TodayRecords, type WriteContext } from '../store/trackingStore.js';
import { IDLE_DETECTION_SEC } from './idleDetection.js';
import type { WorkerPorts } from './ports.js';

export const TIMER_ALARM = 'timer-limit';

/**
 * Manual timers, entries, corrections and idle review: the worker side of
 * logging what no content script can see. Everything is read from and
 * written to IndexedDB on each call; nothing lives only in memory.
 */
export function createManualLogging(
  ports: WorkerPorts,
  deps: {
    writeContext(s: Settings): WriteContext;
    refreshAttention(s: Settings): Promise<void>;
    /** Wraps each record write: frees space and retries once when storage is full (dataManagement.ts). */
    guardWrite?<T>(s: Settings, write: () => Promise<T>): Promise<T>;
  },
) {
  const guarded = <T,>(settings: Settings, write: () => Promise<T>): Promise<T> => (deps.guardWrite ? deps.guardWrite(settings, write) : write());
  const systemIds = (s: Settings) => new Set(['', ...s.systems.map((x) => x.id), ...s.desktopSystems.map((x) => x.id)]);
  const nameOf = (s: Settings) => {
    const names = new Map([...s.systems, ...s.desktopSystems].map((x) => [x.id, x.name]));
    return (id: string) => names.get(id) ?? id;
  };

  async function timer(): Promise<RunningTimer | undefined> {
    return (await (await ports.db()).get('meta', 'timer')) as RunningTimer | undefined;
  }

  async function showBadge(t: RunningTimer | undefined, settings: Settings): Promise<void> {
    if (!t) return ports.setBadge('', 'Timeback');
    const system = t.systemId ? ` · ${nameOf(settings)(t.systemId)}` : '';
    await ports.setBadge('⏱', `Timeback: timer running (${t.category}${system})`);
  }

  /** Write a plan with a fresh write context. */
  async function apply(settings: Settings, plan: ChangePlan): Promise<void> {
    await guarded(settings, async () => applyPlan(await ports.db(), plan, deps.writeContext(settings)));
  }

  async function manualNearby(start: number, end: number) {
    return manualRecordsNear(await ports.db(), start, end);
  }

  async function changeContext(settings: Settings, start: number, end: number) {
    return {
      now: ports.now(),
      timeZone: ports.timeZone(),
      newId: ports.newId,
      systemIds: systemIds(settings),
      manualNearby: await manualNearby(start, end),
      params: deps.writeContext(settings).params,
    };
  }

  /** Stop the running timer: it becomes a timer entry, cut at its limit and flagged if it ran past it. */
  async function stopTimer(settings: Settings, at = ports.now()): Promise<void> {
    const running = await timer();
    if (!running) return;
    const stopped = endTimer(running, at, ports.timeZone());
    const db = await ports.db();
    if (stopped.end > stopped.start) {
      // A timer over a typed entry is kept, and flagged so the clinician can settle it.
      const clash = (await manualNearby(stopped.start, stopped.end)).some((m) => m.start < stopped.end && stopped.start < m.end);
      const span = manualSpan({ id: ports.newId(), source: 'timer', start: stopped.start, end: stopped.end, category: stopped.category, ...(stopped.systemId ? { systemId: stopped.systemId } : {}), flaggedForReview: stopped.flaggedForReview || clash, timeZone: ports.timeZone() });
      await apply(settings, { put: [span], remove: [], journal: { id: ports.newId(), label: 'timer', created: [span.id], superseded: [] } });
    }
    await db.delete('meta', 'timer');
    await ports.clearAlarm(TIMER_ALARM);
    await showBadge(undefined, settings);
    await deps.refreshAttention(settings);
  }

  async function startTimer(settings: Settings, category: TaskCategory, systemId?: string): Promise<void> {
    if (!isTaskCategory(category) || (systemId !== undefined && !systemIds(settings).has(systemId))) return;
    await stopTimer(settings);
    const t = planTimer({ now: ports.now(), category, ...(systemId ? { systemId } : {}), schedule: settings.schedule, timeZone: ports.timeZone() });
    const db = await ports.db();
    const tx = db.transaction('meta', 'readwrite');
    await tx.store.put(t, 'timer');
    await tx.store.put({ category, ...(systemId ? { systemId } : {}) }, 'lastTimer');
    await tx.done;
    await ports.createAlarm(TIMER_ALARM, t.limitAt);
    await showBadge(t, settings);
    // Automatic tracking is suspended while a timer runs, so nothing counts twice.
    await deps.refreshAttention(settings);
  }

  /** The keyboard shortcut: stop the running timer, or start the last one again. */
  async function toggleTimer(settings: Settings): Promise<void> {
    if (await timer()) return stopTimer(settings);
    const last = (await (await ports.db()).get('meta', 'lastTimer')) as { category: TaskCategory; systemId?: string } | undefined;
    await startTimer(settings, last?.category ?? 'non_ehr', last?.systemId);
  }

  /** Every worker start: a timer past its limit is stopped there; the alarm and badge are put back. */
  async function onStart(settings: Settings): Promise<void> {
    const t = await timer();
    if (t && ports.now() >= t.limitAt) return stopTimer(settings);
    if (t) await ports.createAlarm(TIMER_ALARM, t.limitAt);
    await showBadge(t, settings);
  }

  /**
   * Idle and lock: note when the clinician went away (while a timer ran or a
   * clinical tab held attention), and on return ask what the stretch was when
   * it is longer than the inactivity threshold.
   */
  async function onOsState(settings: Settings, state: OsState): Promise<void> {
    const db = await ports.db();
    const now = ports.now();
    if (state !== 'active') {
      if (await db.get('meta', 'away')) return;
      // 'idle' is reported IDLE_DETECTION_SEC after the last input; 'locked' at once.
      const since = state === 'idle' ? now - IDLE_DETECTION_SEC * 1000 : now;
      const t = await timer();
      if (t) return void (await db.put('meta', { since, during: 'timer', category: t.category, ...(t.systemId ? { systemId: t.systemId } : {}) }, 'away'));
      const open = currentPeriod((await readTracker(db)).periods);
      const span = open?.spanId ? await readSpan(db, open.spanId) : undefined;
      if (span && span.end >= since - IDLE_DETECTION_SEC * 1000)
        await db.put('meta', { since, during: 'tab', category: span.category, ...(span.systemId ? { systemId: span.systemId } : {}) }, 'away');
      return;
    }
    const away = (await db.get('meta', 'away')) as { since: number; during: 'timer' | 'tab'; category: TaskCategory; systemId?: string } | undefined;
    if (!away) return;
    await db.delete('meta', 'away');
    if (now - away.since > settings.inactivityThresholdSec * 1000) {
      const review: IdleReview = { from: away.since, to: now, during: away.during, category: away.category, ...(away.systemId ? { systemId: away.systemId } : {}) };
      await db.put('meta', review, 'idleReview');
    }
  }

  async function resolveIdleReview(settings: Settings, decision: IdleReviewAction): Promise<void> {
    const db = await ports.db();
    const review = (await db.get('meta', 'idleReview')) as IdleReview | undefined;
    if (!review) return;
    await db.delete('meta', 'idleReview');
    const add = async (category: TaskCategory, systemId: string | undefined) => {
      const ctx = await changeContext(settings, review.from, review.to);
      const planned = planChange({ kind: 'add', start: review.from, end: review.to, category, ...(systemId ? { systemId } : {}) }, undefined, ctx);
      if (planned.ok) await apply(settings, { ...planned.plan, put: planned.plan.put.map((s) => ({ ...s, flaggedForReview: true })) });
    };
    if (review.during === 'timer') {
      if (decision.action === 'keep') return;
      // Take the stretch out of the running timer: stop it where the clinician left, restart where they came back.
      const running = await timer();
      if (running) {
        await stopTimer(settings, review.from);
        const restarted = { ...running, startedAt: review.to };
        await db.put('meta', restarted, 'timer');
        await ports.createAlarm(TIMER_ALARM, restarted.limitAt);
        await showBadge(restarted, settings);
        await deps.refreshAttention(settings);
      }
      if (decision.action === 'assign') await add(decision.category, decision.systemId);
      return;
    }
    if (decision.action === 'keep') await add(review.category, review.systemId);
    if (decision.action === 'assign') await add(decision.category, decision.systemId);
  }

  /** The popup summary's timer parts, from the meta entries read with the rest of today (readToday). */
  function summaryExtras({ timer: t, lastTimer, idleReview }: Pick<TodayRecords, 'timer' | 'lastTimer' | 'idleReview'>) {
    return {
      timer: (t as RunningTimer | undefined) ?? null,
      lastTimer: (lastTimer as { category: TaskCategory; systemId?: string } | undefined) ?? null,
      idleReview: (idleReview as IdleReview | undefined) ?? null,
    };
  }

  async function getDayEntries(settings: Settings, date: string): Promise<DayEntries> {
    // Noon UTC of the date is on that local date in every zone within ±12 h.
    const probeMs = Date.parse(`${date}T12:00:00Z`);
    return readDayEntries(await ports.db(), date, { params: deps.writeContext(settings).params, timeZone: ports.timeZone(), nameOf: nameOf(settings), probeMs });
  }

  async function changeEntry(settings: Settings, change: EntryChange): Promise<ChangeResult> {
    if (typeof change !== 'object' || change === null) return { ok: false, error: 'That change was not understood.' };
    const db = await ports.db();
    const target = 'id' in change && typeof change.id === 'string' ? await readSpan(db, change.id) : undefined;
    const start = Math.min(target?.start ?? Infinity, 'start' in change && typeof change.start === 'number' ? change.start : Infinity);
    const end = Math.max(target?.end ?? -Infinity, 'end' in change && typeof change.end === 'number' ? change.end : -Infinity);
    const planned = planChange(change, target, await changeContext(settings, Number.isFinite(start) ? start : ports.now(), Number.isFinite(end) ? end : ports.now()));
    if (!planned.ok) return planned;
    await apply(settings, planned.plan);
    return { ok: true };
  }

  async function undo(settings: Settings): Promise<ChangeResult> {
    return (await undoLastChange(await ports.db(), deps.writeContext(settings))) ? { ok: true } : { ok: false, error: 'There is nothing to undo.' };
  }

  return { timer, startTimer, stopTimer, toggleTimer, onStart, onOsState, resolveIdleReview, summaryExtras, getDayEntries, changeEntry, undo };
}
