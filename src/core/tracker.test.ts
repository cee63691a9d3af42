import { describe, expect, it } from 'vitest';
import { activeMs } from './activeTime.js';
import { DEFAULT_ACTIVE_TIME, SENSITIVITY_THRESHOLDS_SEC } from './activeTimeParams.js';
import type { ActivitySpan } from './activitySpan.js';
import type { OsState } from './attention.js';
import { rollupsFromSpans, rollupTotalMs, spanRollupDeltas, applyRollupDeltas, emptyRollup } from './dayRollup.js';
import { flat, T0_SEC } from './testSupport.js';
import { applyAttention, applyReport, INITIAL_TRACKER_STATE, type ActivityReport, type TrackerState } from './tracker.js';
import type { TaskCategory } from './taskCategory.js';

const TZ = 'Europe/London';

/**
 * A tiny simulated world: the tracker plus an in-memory span table, driven
 * by an injected clock. Times are seconds after T0.
 */
class World {
  state: TrackerState = INITIAL_TRACKER_STATE;
  spans = new Map<string, ActivitySpan>();
  private ids = 0;
  focusedTabId: number | null = null;
  os: OsState = 'active';
  paused = false;

  focus(tabId: number | null, at: number) {
    this.focusedTabId = tabId;
    this.state = applyAttention(this.state, { paused: this.paused, os: this.os, focusedTabId: tabId }, T0_SEC + at);
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

describe('tracker: merging', () => {
  it('merges consecutive reports of one system and category into one span', () => {
    const w = new World();
    w.focus(1, 0);
    w.report(1, 10, [[0, 10]]);
    w.report(1, 20, [[10, 20]]);
    w.report(1, 30, [[22, 30]], [[20, 30]]);
    expect(w.spans.size).toBe(1);
    expect(w.totalSec()).toBe(30);
  });

  it('starts a new span when the category changes', () => {
    const w = new World();
    w.focus(1, 0);
    w.report(1, 10, [[0, 10]]);
    w.report(1, 20, [[10, 20]], [[10, 20]], { category: 'results_review' });
    expect([...w.spans.values()].map((s) => s.category)).toEqual(['documentation', 'results_review']);
  });

  it('starts a new span after an evidence gap no threshold can bridge', () => {
    const w = new World();
    w.focus(1, 0);
    w.report(1, 10, [[0, 10]]);
    w.report(1, 400, [[390, 400]]);
    expect(w.spans.size).toBe(2);
    expect(w.totalSec()).toBe(20);
  });

  it('keeps records compact: input gaps ≤ 5 s that were attended merge into one run', () => {
    const w = new World();
    w.focus(1, 0);
    const typing: Array<[number, number]> = [];
    for (let s = 0; s < 600; s += 3) typing.push([s, s + 1]);
    for (let t = 0; t < 600; t += 10) w.report(1, t + 10, typing.filter(([s]) => s >= t && s < t + 10), [[t, t + 10]]);
    const [span] = [...w.spans.values()];
    expect(span!.input.length).toBe(2);
  });
});

describe('tracker: attention', () => {
  it('ignores evidence from a tab that is not the focused window\'s active tab', () => {
    const w = new World();
    w.focus(2, 0);
    expect(w.report(1, 10, [[0, 10]])).toEqual([]);
    expect(w.totalSec()).toBe(0);
  });

  it('two tabs of one system never double-count the same seconds', () => {
    const w = new World();
    w.focus(1, 0);
    w.focus(2, 30);
    // Both tabs claim input for the whole minute (say, automation focus on both).
    w.report(1, 60, [[0, 60]]);
    w.report(2, 60, [[0, 60]]);
    expect(w.totalSec(DEFAULT_ACTIVE_TIME)).toBe(60);
  });

  it('a late report from the previously attended tab still counts up to the switch', () => {
    const w = new World();
    w.focus(1, 0);
    w.focus(2, 8);
    w.report(1, 9, [[0, 9]]);
    expect(w.totalSec()).toBe(8);
  });

  it('a blank page focused stops the clinical tab\'s time', () => {
    const w = new World();
    w.focus(1, 0);
    w.report(1, 10, [[0, 10]], [[0, 10]]);
    w.focus(99, 10); // about:blank
    w.report(1, 70, [], [[10, 70]]);
    expect(w.totalSec()).toBe(10);
  });

  it.each(['idle', 'locked'] as const)('%s stops time, even if the page keeps reporting attention', (os) => {
    const w = new World();
    w.focus(1, 0);
    w.report(1, 10, [[0, 10]]);
    w.setOs(os, 12);
    w.report(1, 60, [], [[10, 60]]);
    expect(w.totalSec()).toBe(12);
    w.setOs('active', 100);
    w.report(1, 110, [[100, 110]]);
    expect(w.totalSec()).toBe(22);
  });

  it('no browser window focused (another application) stops time', () => {
    const w = new World();
    w.focus(1, 0);
    w.report(1, 10, [[0, 10]]);
    w.focus(null, 10);
    w.report(1, 30, [[10, 30]]);
    expect(w.totalSec()).toBe(10);
  });

  it('pause stops time and resume starts again', () => {
    const w = new World();
    w.focus(1, 0);
    w.report(1, 10, [[0, 10]]);
    w.pause(true, 10);
    w.report(1, 50, [[10, 50]]);
    w.pause(false, 50);
    w.report(1, 60, [[50, 60]]);
    expect(w.totalSec()).toBe(20);
  });

  it('sleep never counts: the page reports no attended seconds while asleep', () => {
    const w = new World();
    w.focus(1, 0);
    w.report(1, 10, [[0, 10]]);
    // Laptop lid closed at 10 s, opened at 3600 s; the next report carries only fresh evidence.
    w.report(1, 3610, [[3600, 3610]]);
    // No attended evidence covers the sleep, so no reading allowance is granted across it.
    expect(w.totalSec()).toBe(20);
  });
});

describe('tracker: clocks', () => {
  it('the clock going backwards starts afresh and never counts a second twice', () => {
    const w = new World();
    w.focus(1, 0);
    w.report(1, 600, [[0, 600]]);
    // The wall clock jumps back ten minutes: the page's seconds repeat.
    w.report(1, 10, [[0, 10]], [[0, 10]], { nowBase: T0_SEC });
    expect(w.spans.size).toBe(1);
    w.report(1, 20, [[10, 20]]);
    // New evidence after the jump starts a new span from the moment it was noticed.
    const spans = [...w.spans.values()];
    expect(spans.length).toBe(2);
    expect(w.state.lastSeenSec).toBe(T0_SEC + 20);
    // 600 s before the jump, then the 10 s after it was noticed; the repeated seconds 0–10 were dropped.
    expect(w.totalSec()).toBe(610);
  });

  it('drops evidence older than an hour or from the future', () => {
    const w = new World();
    w.focus(1, -7200);
    w.report(1, 0, [[-7200, -7190], [100, 110]]);
    expect(w.totalSec()).toBe(0);
  });
});

describe('day rollups', () => {
  const params = DEFAULT_ACTIVE_TIME;

  it('incremental upkeep equals a rebuild from the spans', () => {
    const w = new World();
    let rollup = emptyRollup('2026-05-12', params);
    w.focus(1, 0);
    const inputs: Array<Array<[number, number]>> = [[[0, 4]], [[9, 14]], [[30, 31]], [[200, 203]], [[205, 209]]];
    let at = 10;
    for (const input of inputs) {
      const writes = w.report(1, at, input, [[input[0]![0] - 1, input[0]![1] + 3]]);
      for (const wr of writes) rollup = applyRollupDeltas(rollup, spanRollupDeltas(wr.before, wr.after, params, TZ));
      at += 50;
    }
    const rebuilt = rollupsFromSpans(w.spans.values(), params, TZ).get('2026-05-12')!;
    expect(rollup.cells).toEqual(rebuilt.cells);
    expect(rollupTotalMs(rollup)).toBe(w.totalSec() * 1000);
  });

  it('keeps every sensitivity threshold', () => {
    const w = new World();
    w.focus(1, 0);
    w.report(1, 400, [[0, 10], [50, 60], [250, 260]], [[0, 400]]);
    const rollup = rollupsFromSpans(w.spans.values(), params, TZ).get('2026-05-12')!;
    const cell = rollup.cells.ehr!.documentation!;
    expect(Object.keys(cell.byThresholdMs).map(Number)).toEqual([...SENSITIVITY_THRESHOLDS_SEC]);
    expect(cell.byThresholdMs[5]).toBe(30_000);
    expect(cell.byThresholdMs[60]).toBe(70_000);
    expect(cell.byThresholdMs[300]).toBe(260_000);
  });

  it('splits a span across midnight into two days, on a DST night too', () => {
    const w = new World();
    // 25 October 2026: London falls back at 02:00; local midnight is 23:00 UTC on the 24th.
    const midnight = Date.parse('2026-10-24T23:00:00Z') / 1000 - T0_SEC;
    w.focus(1, midnight - 100);
    w.report(1, midnight + 100, [[midnight - 90, midnight + 90]], [[midnight - 90, midnight + 90]], { nowBase: T0_SEC });
    const rollups = rollupsFromSpans(w.spans.values(), params, TZ);
    expect(rollupTotalMs(rollups.get('2026-10-24'))).toBe(90_000);
    expect(rollupTotalMs(rollups.get('2026-10-25'))).toBe(90_000);
  });
});
