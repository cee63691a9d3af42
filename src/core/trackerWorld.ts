/** Test helper for the tracker's tests: a simulated world around the tracker, driven by an injected clock. */
import { activeMs } from './activeTime.js';
import { DEFAULT_ACTIVE_TIME } from './activeTimeParams.js';
import type { ActivityReport } from './activityReport.js';
import type { ActivitySpan } from './activitySpan.js';
import type { OsState } from './attention.js';
import type { TaskCategory } from './taskCategory.js';
import { flat, T0_SEC } from './testSupport.js';
import { applyAttention, applyReport, INITIAL_TRACKER_STATE, takeBackSwitchSecond, type TrackerState } from './tracker.js';

export const TZ = 'Europe/London';

/**
 * A tiny simulated world: the tracker plus an in-memory span table, driven
 * by an injected clock. Times are seconds after T0.
 */
export class World {
  state: TrackerState = INITIAL_TRACKER_STATE;
  spans = new Map<string, ActivitySpan>();
  private ids = 0;
  focusedTabId: number | null = null;
  os: OsState = 'active';
  paused = false;

  focus(tabId: number | null, at: number) {
    this.focusedTabId = tabId;
    const before = this.state;
    this.state = applyAttention(this.state, { paused: this.paused, os: this.os, focusedTabId: tabId }, T0_SEC + at);
    const takenBack = takeBackSwitchSecond(before, this.state, this.spans, T0_SEC + at, TZ);
    if (takenBack) this.spans.set(takenBack.after.id, takenBack.after);
  }
  setOs(os: OsState, at: number) {
    this.os = os;
    this.focus(this.focusedTabId, at);
  }
  pause(paused: boolean, at: number) {
    this.paused = paused;
    this.focus(this.focusedTabId, at);
  }
  /** A report sent at `at` with evidence given as second offsets. */
  report(tabId: number, at: number, input: Array<[number, number]>, attended: Array<[number, number]> = input, opts: { systemId?: string; category?: TaskCategory; nowBase?: number } = {}) {
    const report: ActivityReport = {
      systemId: opts.systemId ?? 'ehr',
      category: opts.category ?? 'documentation',
      input: flat(input),
      attended: flat(attended),
    };
    const result = applyReport(this.state, tabId, report, (opts.nowBase ?? T0_SEC) + at, this.spans, () => `s${++this.ids}`, TZ);
    this.state = result.state;
    for (const w of result.writes) this.spans.set(w.after.id, w.after);
    return result.writes;
  }
  totalSec(params = DEFAULT_ACTIVE_TIME) {
    return [...this.spans.values()].reduce((t, s) => t + activeMs(s, params), 0) / 1000;
  }
}
