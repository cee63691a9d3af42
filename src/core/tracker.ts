import { MAX_THRESHOLD_SEC, MIN_THRESHOLD_SEC } from './activeTimeParams.js';
import type { ActivityReport } from './activityReport.js';
import { isLive, spanKey, type ActivitySpan } from './activitySpan.js';
import { attendedTab, currentPeriod, LEDGER_MEMORY_SEC, moveAttention, type AttentionInputs, type AttentionPeriod, type OsState } from './attention.js';
import { arrivalAfterLoad, bookLoad, keptLoadEdges } from './loadEdges.js';
import { localDateKey } from './localDate.js';
import type { PageEvent } from './records.js';
import { clipRuns, intersectRuns, runsTotal, shiftRuns, subtractRange, unionRuns, type Runs } from './runs.js';
import { frameCategory, withTabView, type TabView } from './tabView.js';
import type { TaskCategory } from './taskCategory.js';

/**
 * Everything the service worker needs to carry on after being killed. It is
 * persisted with every change (in the same IndexedDB transaction as the spans
 * it points to), never kept only in memory.
 */
export interface TrackerState {
  version: 1;
  periods: AttentionPeriod[];
  os: OsState;
  paused: boolean;
  /** The latest wall-clock second seen, to notice the clock moving back. */
  lastSeenSec: number;
  /** The span written most recently (any tab): a new span of another key soon after is a switch. */
  lastSpan?: { key: string; endSec: number };
  /** A login page seen and not yet followed by a page after it. */
  pendingLogin?: { systemId: string; tabId: number; startSec: number };
  /** What each recently reporting tab's top-level page is: the category its frames' evidence is booked under (tabView.ts). */
  views?: TabView[];
}

export const INITIAL_TRACKER_STATE: TrackerState = { version: 1, periods: [], os: 'active', paused: false, lastSeenSec: 0 };

/** A login page left unfinished this long is treated as abandoned. */
export const LOGIN_TIMEOUT_SEC = 30 * 60;

export interface SpanWrite {
  before: ActivitySpan | undefined;
  after: ActivitySpan;
}

/** Tolerance before a backwards step of the wall clock is treated as a clock change. */
export const CLOCK_BACK_TOLERANCE_SEC = 2;

/**
 * Notice the clock moving back: attention periods and open spans from the
 * "future" can no longer be trusted, so the ledger restarts at `nowSec` and
 * new evidence starts new spans. Activity is never counted twice this way.
 */
export function observeClock(state: TrackerState, nowSec: number): { state: TrackerState; clockMovedBack: boolean } {
  if (state.lastSeenSec - nowSec > CLOCK_BACK_TOLERANCE_SEC) {
    const open = currentPeriod(state.periods);
    const periods: AttentionPeriod[] = open ? [{ tabId: open.tabId, from: nowSec, to: null }] : [];
    return { state: { ...state, periods, lastSeenSec: nowSec }, clockMovedBack: true };
  }
  return { state: { ...state, lastSeenSec: Math.max(state.lastSeenSec, nowSec) }, clockMovedBack: false };
}

/** Re-derive the attended tab from the browser's focus, the OS idle state and pause. */
export function applyAttention(state: TrackerState, inputs: AttentionInputs, nowSec: number): TrackerState {
  const clocked = observeClock({ ...state, os: inputs.os, paused: inputs.paused }, nowSec).state;
  return { ...clocked, periods: moveAttention(clocked.periods, attendedTab(inputs), nowSec) };
}

/**
 * Attention moved from one tab to another at `nowSec`. That second belongs to
 * the tab gaining attention (arriving on it is input), but the tab being left
 * accounts up to and including it as it loses attention, and its report may
 * reach the worker just before the switch. Whatever it already booked from
 * that second on is taken back, so the second never counts for both.
 */
export function takeBackSwitchSecond(
  before: TrackerState,
  after: TrackerState,
  spans: ReadonlyMap<string, ActivitySpan>,
  nowSec: number,
  timeZone: string,
): SpanWrite | undefined {
  const left = currentPeriod(before.periods);
  const gained = currentPeriod(after.periods);
  if (!left?.spanId || !gained || gained.tabId === left.tabId || gained.from !== nowSec) return undefined;
  const span = spans.get(left.spanId);
  if (!span || !isLive(span) || span.end <= nowSec * 1000) return undefined;
  const trimmed = withoutSeconds(span, nowSec, Math.ceil(span.end / 1000) + 1, timeZone);
  return trimmed ? { before: span, after: trimmed } : undefined;
}

/** The spans a report from `tabId` may extend (the caller loads them before calling applyReport). */
export function spanIdsForTab(state: TrackerState, tabId: number): string[] {
  return spanIdsOf(state.periods.filter((p) => p.tabId === tabId));
}

/**
 * The spans applyReport may read for this report: those of the tab's attention
 * periods that the report's evidence reaches (applyReport skips every other
 * period). A report from a tab whose attention has ended, most of a burst from
 * many tabs, needs none.
 */
export function spanIdsForReport(state: TrackerState, tabId: number, report: ActivityReport, nowSec: number): string[] {
  const { attended, upper } = reportEvidence(report, nowSec);
  return spanIdsOf(state.periods.filter((p) => p.tabId === tabId && clipRuns(attended, p.from, p.to ?? upper).length > 0));
}

/** The spans attention periods name: each period's own, and the one it replaced. */
function spanIdsOf(periods: readonly AttentionPeriod[]): string[] {
  return periods.flatMap((p) => [p.spanId, p.prevSpanId].filter((id): id is string => id !== undefined));
}

/** A report's evidence as applyReport counts it: clipped to the ledger's memory and the clock's tolerance. */
function reportEvidence(report: ActivityReport, nowSec: number): { input: Runs; attended: Runs; upper: number } {
  const lower = nowSec - LEDGER_MEMORY_SEC;
  const upper = nowSec + CLOCK_BACK_TOLERANCE_SEC;
  return { input: clipRuns(report.input, lower, upper), attended: clipRuns(unionRuns(report.attended, report.input), lower, upper), upper };
}

/**
 * Fold one content-script report into the spans. Evidence is clipped to the
 * tab's attention periods (and to the last hour), then extends the period's
 * span when system and category are unchanged and no gap longer than the
 * largest threshold intervenes; otherwise it starts a new span.
 */
export function applyReport(
  state: TrackerState,
  tabId: number,
  report: ActivityReport,
  nowSec: number,
  initialSpans: ReadonlyMap<string, ActivitySpan>,
  newId: () => string,
  timeZone: string,
): { state: TrackerState; writes: SpanWrite[]; events: PageEvent[] } {
  let spans = initialSpans;
  let clocked = observeClock(state, nowSec).state;
  if (report.fromFrame) {
    // A frame's evidence belongs to its tab's top-level page: booked under the top frame's
    // category, in the same tab's periods and spans (so a second in two frames counts once).
    const category = frameCategory(clocked.views, tabId, report.systemId);
    if (!category) return { state: clocked, writes: [], events: [] };
    report = { systemId: report.systemId, category, input: report.input, attended: report.attended };
  } else {
    const views = withTabView(clocked.views, { tabId, systemId: report.systemId, category: report.category });
    if (views) clocked = { ...clocked, views };
  }
  const { input, attended, upper } = reportEvidence(report, nowSec);
  const key = spanKey(report.systemId, report.category);
  const writes: SpanWrite[] = [];
  let firstSec: number | undefined;
  const periods = clocked.periods.map((p) => ({ ...p }));
  for (const period of periods) {
    if (period.tabId !== tabId) continue;
    const to = period.to ?? upper;
    const att = clipRuns(attended, period.from, to);
    if (att.length === 0) continue;
    const inp = clipRuns(input, period.from, to);
    const shown = { spanId: period.spanId, spanKey: period.spanKey, prevSpanId: period.prevSpanId };
    if (report.category === 'waiting_for_system') {
      // Waiting for a page wins over the page being left: the old page lingers until
      // the new one arrives, and those seconds must not count twice. An in-app wait is
      // measured after the fact, when the new view may already hold seconds of it too.
      for (const id of report.soft ? [period.spanId, period.prevSpanId] : [period.spanKey !== key ? period.spanId : undefined]) {
        const found = id ? spans.get(id) : undefined;
        const previous = found && isLive(found) && found.category !== 'waiting_for_system' ? found : undefined;
        const trimmed = previous && withoutSeconds(previous, att[0]!, att[att.length - 1]!, timeZone);
        if (previous && trimmed) {
          writes.push({ before: previous, after: trimmed });
          spans = new Map(spans).set(previous.id, trimmed);
        }
      }
    }
    const candidate = period.spanKey === key && period.spanId ? spans.get(period.spanId) : undefined;
    // A record the clinician corrected (relabelled, split, deleted) is never extended: new evidence starts afresh.
    const existing = candidate && isLive(candidate) ? candidate : undefined;
    let after: ActivitySpan;
    if (existing && att[0]! - existing.end / 1000 <= MAX_THRESHOLD_SEC) {
      after = extendSpan(existing, inp, att, timeZone);
    } else if (inp.length > 0) {
      // Attention without any input counts nothing, so a span only starts with input.
      const last = clocked.lastSpan;
      const switched = !!last && last.key !== key && inp[0]! - last.endSec <= MAX_THRESHOLD_SEC;
      after = extendSpan(
        { id: newId(), systemId: report.systemId, category: report.category, source: 'auto', start: inp[0]! * 1000, end: inp[0]! * 1000, date: '', input: [], attended: [], ...(switched ? { switched } : {}) },
        inp,
        att,
        timeZone,
      );
    } else {
      continue;
    }
    if (report.category === 'waiting_for_system' && report.pageLoadMs !== undefined && report.loadStartMs !== undefined) {
      const loadEndMs = report.loadStartMs + report.pageLoadMs;
      after = bookLoad(after, report.loadStartMs, loadEndMs);
      // The page that arrives shares the load's last second (an in-app wait's view has arrived already).
      if (!report.soft && after.end === Math.ceil(loadEndMs / 1000) * 1000) period.loadEndMs = loadEndMs;
    } else if (period.loadEndMs !== undefined) {
      if (after.id !== existing?.id) after = arrivalAfterLoad(after, period.loadEndMs);
      delete period.loadEndMs;
    }
    const before = existing && existing.id === after.id ? existing : undefined;
    writes.push({ before, after });
    firstSec = Math.min(firstSec ?? Infinity, att[0]!);
    if (report.soft && shown.spanId && shown.spanKey !== key) {
      // The view on screen stays the period's span: its evidence goes on after the wait.
      Object.assign(period, shown);
      continue;
    }
    if (period.spanId && period.spanId !== after.id) period.prevSpanId = period.spanId;
    period.spanId = after.id;
    period.spanKey = key;
  }
  let next: TrackerState = { ...clocked, periods };
  const latest = writes.map((w) => w.after).sort((a, b) => b.end - a.end)[0];
  if (latest && (!next.lastSpan || latest.end / 1000 >= next.lastSpan.endSec)) next.lastSpan = { key, endSec: latest.end / 1000 };
  const events: PageEvent[] = [];
  if (firstSec !== undefined) {
    const login = trackLogin(next, tabId, report, firstSec, nowSec);
    next = login.state;
    if (login.durationSec !== undefined)
      events.push({ id: newId(), kind: 'login', systemId: report.systemId, at: nowSec * 1000, date: localDateKey(nowSec * 1000, timeZone), durationMs: login.durationSec * 1000 });
  }
  // A page load is a sample of waiting when the clinician was looking: its seconds were
  // attended, or (a load shorter than a whole second) the tab has attention now.
  if (report.pageLoadMs !== undefined && report.category === 'waiting_for_system' && (writes.length > 0 || currentPeriod(next.periods)?.tabId === tabId))
    events.push({ id: newId(), kind: report.soft ? 'softWait' : 'pageLoad', systemId: report.systemId, at: nowSec * 1000, date: localDateKey(nowSec * 1000, timeZone), durationMs: report.pageLoadMs });
  return { state: next, writes, events };
}

/**
 * Login burden: a login starts with evidence on a sign-in page (category
 * login_auth) and ends with the first evidence, in the same tab and system,
 * on a page that is neither sign-in nor waiting for the system.
 */
function trackLogin(state: TrackerState, tabId: number, report: ActivityReport, firstSec: number, nowSec: number): { state: TrackerState; durationSec?: number } {
  let pending = state.pendingLogin;
  if (pending && nowSec - pending.startSec > LOGIN_TIMEOUT_SEC) pending = undefined;
  if (report.category === 'login_auth') {
    if (!pending || pending.systemId !== report.systemId || pending.tabId !== tabId) pending = { systemId: report.systemId, tabId, startSec: firstSec };
    return { state: { ...state, pendingLogin: pending } };
  }
  if (pending && report.category !== 'waiting_for_system' && pending.systemId === report.systemId && pending.tabId === tabId) {
    const { pendingLogin: _done, ...rest } = state;
    return { state: rest, durationSec: Math.max(0, firstSec - pending.startSec) };
  }
  if (pending === state.pendingLogin) return { state };
  const { pendingLogin: _expired, ...rest } = state;
  return { state: pending ? { ...rest, pendingLogin: pending } : rest };
}

/** The span without the evidence in [fromSec, toSec), or undefined when it had none there. */
export function withoutSeconds(span: ActivitySpan, fromSec: number, toSec: number, timeZone: string): ActivitySpan | undefined {
  const base = Math.floor(span.start / 1000);
  const input = shiftRuns(span.input, base);
  const attended = shiftRuns(span.attended, base);
  if (runsTotal(clipRuns(attended, fromSec, toSec)) === 0) return undefined;
  const keptInput = subtractRange(input, fromSec, toSec);
  const keptAttended = subtractRange(attended, fromSec, toSec);
  if (keptAttended.length === 0) return keptLoadEdges(span, { ...span, input: [], attended: [], end: span.start });
  return keptLoadEdges(span, extendSpan({ ...span, start: keptAttended[0]! * 1000, end: keptAttended[0]! * 1000, input: [], attended: [] }, keptInput, keptAttended, timeZone));
}

/** Add absolute-second evidence to a span, keeping its runs relative and compact. */
export function extendSpan(span: ActivitySpan, input: Runs, attended: Runs, timeZone: string): ActivitySpan {
  const oldBase = Math.floor(span.start / 1000);
  const allAttended = unionRuns(unionRuns(shiftRuns(span.attended, oldBase), attended), input);
  const allInput = mergeShortGaps(unionRuns(shiftRuns(span.input, oldBase), input), allAttended);
  const firstSec = Math.min(allAttended[0] ?? oldBase, allInput[0] ?? oldBase);
  const lastSec = Math.max(allAttended[allAttended.length - 1] ?? oldBase, allInput[allInput.length - 1] ?? oldBase);
  const start = firstSec * 1000;
  return keptLoadEdges(span, {
    ...span,
    start,
    end: lastSec * 1000,
    date: localDateKey(start, timeZone),
    input: shiftRuns(allInput, -firstSec),
    attended: shiftRuns(allAttended, -firstSec),
  });
}

/**
 * Input gaps of at most MIN_THRESHOLD_SEC, attended throughout, are bridged
 * under every permitted threshold, so they are merged into one run: exact for
 * every τ ≥ 5 s and far smaller to store.
 */
export function mergeShortGaps(input: Runs, attended: Runs): Runs {
  const out: Runs = [];
  for (let i = 0; i < input.length; i += 2) {
    const s = input[i]!;
    const e = input[i + 1]!;
    const last = out.length - 1;
    if (last > 0) {
      const gapStart = out[last]!;
      const gap = s - gapStart;
      if (gap <= MIN_THRESHOLD_SEC && runsTotal(intersectRuns([gapStart, s], attended)) === gap) {
        out[last] = e;
        continue;
      }
    }
    out.push(s, e);
  }
  return out;
}
