import { describe, expect, it } from 'vitest';
import { activeMs } from './activeTime.js';
import { DEFAULT_ACTIVE_TIME, SENSITIVITY_THRESHOLDS_SEC } from './activeTimeParams.js';
import type { ActivityReport } from './activityReport.js';
import type { ActivitySpan } from './activitySpan.js';
import type { OsState } from './attention.js';
import { rollupsFromRecords, rollupTotalMs, spanRollupDeltas, applyRollupDeltas, emptyRollup, eventRollupDelta } from './dayRollup.js';
import type { PageEvent } from './records.js';
import type { TaskCategory } from './taskCategory.js';
import { flat, T0_SEC } from './testSupport.js';
import { applyAttention, applyReport, INITIAL_TRACKER_STATE, takeBackSwitchSecond, type TrackerState } from './tracker.js';

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

  it.each([
    ['before', true],
    ['after', false],
  ])('the second of a tab switch is booked once, with the left tab\'s report arriving %s the switch', (_when, reportFirst) => {
    const w = new World();
    w.focus(1, 0);
    // Tab 1 loses attention during second 10 and accounts through it; tab 2 gains it then and marks it too: it is tab 2's.
    if (reportFirst) w.report(1, 10, [[0, 11]]);
    w.focus(2, 10);
    if (!reportFirst) w.report(1, 10, [[0, 11]]);
    w.report(2, 20, [[10, 20]]);
    expect(w.totalSec()).toBe(20);
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
    const rebuilt = rollupsFromRecords(w.spans.values(), [], params, TZ).get('2026-05-12')!;
    expect(rollup.cells).toEqual(rebuilt.cells);
    expect(rollupTotalMs(rollup)).toBe(w.totalSec() * 1000);
  });

  it('keeps every sensitivity threshold', () => {
    const w = new World();
    w.focus(1, 0);
    w.report(1, 400, [[0, 10], [50, 60], [250, 260]], [[0, 400]]);
    const rollup = rollupsFromRecords(w.spans.values(), [], params, TZ).get('2026-05-12')!;
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
    const rollups = rollupsFromRecords(w.spans.values(), [], params, TZ);
    expect(rollupTotalMs(rollups.get('2026-10-24'))).toBe(90_000);
    expect(rollupTotalMs(rollups.get('2026-10-25'))).toBe(90_000);
  });
});

describe('tracker: burden events', () => {
  it('marks a switch when another system or category follows within 5 minutes', () => {
    const w = new World();
    w.focus(1, 0);
    w.report(1, 10, [[0, 10]]);
    w.report(1, 20, [[12, 20]], [[12, 20]], { category: 'results_review' });
    w.report(1, 900, [[890, 900]], [[890, 900]], { category: 'inbox_messaging' });
    expect([...w.spans.values()].map((s) => [s.category, !!s.switched])).toEqual([
      ['documentation', false],
      ['results_review', true],
      ['inbox_messaging', false],
    ]);
  });

  it('records a login from the sign-in page to the first page after it', () => {
    const w = new World();
    w.focus(1, 0);
    const r1 = applyReport(w.state, 1, { systemId: 'ehr', category: 'login_auth', input: flat([[0, 5]]), attended: flat([[0, 8]]) }, T0_SEC + 8, w.spans, () => 'a', TZ);
    expect(r1.events).toEqual([]);
    const r2 = applyReport(r1.state, 1, { systemId: 'ehr', category: 'waiting_for_system', input: flat([[9, 11]]), attended: flat([[9, 11]]), pageLoadMs: 1800 }, T0_SEC + 11, w.spans, () => 'b', TZ);
    expect(r2.events.map((e) => [e.kind, e.durationMs])).toEqual([['pageLoad', 1800]]);
    const r3 = applyReport(r2.state, 1, { systemId: 'ehr', category: 'admin_other', input: flat([[11, 12]]), attended: flat([[11, 12]]) }, T0_SEC + 12, w.spans, () => 'c', TZ);
    expect(r3.events.map((e) => [e.kind, e.systemId, e.durationMs, e.date])).toEqual([['login', 'ehr', 11_000, '2026-05-12']]);
    expect(r3.state.pendingLogin).toBeUndefined();
  });

  it('drops a login left unfinished for more than 30 minutes', () => {
    const w = new World();
    w.focus(1, 0);
    const r1 = applyReport(w.state, 1, { systemId: 'ehr', category: 'login_auth', input: flat([[0, 5]]), attended: flat([[0, 5]]) }, T0_SEC + 5, w.spans, () => 'a', TZ);
    const r2 = applyReport(r1.state, 1, { systemId: 'ehr', category: 'admin_other', input: flat([[2400, 2401]]), attended: flat([[2400, 2401]]) }, T0_SEC + 2401, w.spans, () => 'b', TZ);
    expect(r2.events).toEqual([]);
    expect(r2.state.pendingLogin).toBeUndefined();
  });

  it('records no page load when the waiting seconds were not attended', () => {
    const w = new World();
    w.focus(2, 0);
    const r = applyReport(w.state, 1, { systemId: 'ehr', category: 'waiting_for_system', input: flat([[0, 2]]), attended: flat([[0, 2]]), pageLoadMs: 1500 }, T0_SEC + 2, w.spans, () => 'a', TZ);
    expect(r.events).toEqual([]);
  });
});

describe('day rollups: time of day, bouts and switches', () => {
  const params = DEFAULT_ACTIVE_TIME;

  it('spreads active time over local 5-minute slots (BST: 08:02:30Z is 09:02:30 local)', () => {
    const w = new World();
    w.focus(1, 0);
    w.report(1, 450, [[150, 450]]);
    const r = rollupsFromRecords(w.spans.values(), [], params, TZ).get('2026-05-12')!;
    // 09:02:30–09:07:30 local: 150 s in slot 108 (09:00–09:05) and 150 s in slot 109.
    expect(r.slots).toEqual({ 108: 150_000, 109: 150_000 });
    expect(r.slotsByThreshold['5']).toEqual({ 108: 150_000, 109: 150_000 });
  });

  it('keeps a histogram of uninterrupted bouts', () => {
    const w = new World();
    w.focus(1, 0);
    // 0–10 then 100–130: with τ = 60 and R = 60, bouts of 70 s (10 + reading 60) and 30 + 60 = 90 s.
    w.report(1, 400, [[0, 10], [100, 130]], [[0, 10], [10, 70], [100, 190]]);
    const r = rollupsFromRecords(w.spans.values(), [], params, TZ).get('2026-05-12')!;
    expect(r.bouts).toEqual({ 70: 1, 90: 1 });
  });

  it('incremental upkeep with switches and events equals a rebuild', () => {
    const w = new World();
    let rollup = emptyRollup('2026-05-12', params);
    const events: PageEvent[] = [];
    w.focus(1, 0);
    const steps: Array<[number, Array<[number, number]>, TaskCategory, number?]> = [
      [10, [[0, 10]], 'login_auth'],
      [14, [[11, 14]], 'waiting_for_system', 2600],
      [30, [[14, 30]], 'documentation'],
      [60, [[40, 60]], 'documentation'],
      [80, [[70, 80]], 'results_review'],
    ];
    for (const [at, input, category, pageLoadMs] of steps) {
      const result = applyReport(w.state, 1, { systemId: 'ehr', category, input: flat(input), attended: flat(input), ...(pageLoadMs ? { pageLoadMs } : {}) }, T0_SEC + at, w.spans, () => `id-${at}`, TZ);
      w.state = result.state;
      for (const wr of result.writes) {
        rollup = applyRollupDeltas(rollup, spanRollupDeltas(wr.before, wr.after, params, TZ));
        w.spans.set(wr.after.id, wr.after);
      }
      for (const e of result.events) rollup = applyRollupDeltas(rollup, [eventRollupDelta(e)]);
      events.push(...result.events);
    }
    const rebuilt = rollupsFromRecords(w.spans.values(), events, params, TZ).get('2026-05-12')!;
    expect(rollup).toEqual(rebuilt);
    expect(rollup.switches).toBe(3);
    expect(rollup.logins).toEqual({ ehr: [14_000] });
    expect(rollup.pageLoads).toEqual({ ehr: [2600] });
  });
});

describe('tracker: sub-second page loads', () => {
  it('records the sample when the tab has attention, though no whole second was spent waiting', () => {
    const w = new World();
    w.focus(1, 0);
    const r = applyReport(w.state, 1, { systemId: 'ehr', category: 'waiting_for_system', input: [], attended: [], pageLoadMs: 420 }, T0_SEC + 1, w.spans, () => 'a', TZ);
    expect(r.writes).toEqual([]);
    expect(r.events.map((e) => [e.kind, e.durationMs])).toEqual([['pageLoad', 420]]);
  });
});

describe('tracker: waiting to the millisecond', () => {
  /** The notes page typed 0–10 s and lingered; a load measured from 10.4 s to 12.9 s (2.5 s); the next page arrives in second 12. */
  function loadScenario(opts: { attentionFrom?: number } = {}) {
    const w = new World();
    w.focus(1, opts.attentionFrom ?? 0);
    const base = T0_SEC * 1000;
    let ids = 0;
    const apply = (report: ActivityReport, at: number) => {
      const result = applyReport(w.state, 1, report, T0_SEC + at, w.spans, () => `m${++ids}`, TZ);
      w.state = result.state;
      for (const wr of result.writes) w.spans.set(wr.after.id, wr.after);
    };
    apply({ systemId: 'ehr', category: 'documentation', input: flat([[0, 10]]), attended: flat([[0, 11]]) }, 11);
    apply({ systemId: 'ehr', category: 'waiting_for_system', input: flat([[10, 13]]), attended: flat([[10, 13]]), pageLoadMs: 2500, loadStartMs: base + 10_400 }, 13);
    apply({ systemId: 'ehr', category: 'results_review', input: flat([[12, 13]]), attended: flat([[12, 13]]) }, 13);
    const by = Object.fromEntries([...w.spans.values()].map((s) => [s.category, activeMs(s, { inactivityThresholdSec: 10, readingAllowanceSec: 0 })]));
    return { w, by };
  }

  it('books a 2.5 s load as 2.5 s of waiting, taken out of the page being left, and the arriving page shares its last second', () => {
    const { by } = loadScenario();
    expect(by.waiting_for_system).toBe(2500);
    // The page being left loses the second the load began in; the page arriving keeps the 0.1 s after the load ended.
    expect(by.documentation).toBe(10_000);
    expect(by.results_review).toBe(100);
    // 13 s of wall clock, 12.6 s counted: the 0.4 s before the click went with the second given to the load.
    expect(Object.values(by).reduce((a, b) => a + b, 0)).toBe(12_600);
  });

  it('books only the attended part of a load (attention arrived at 11 s, mid-load)', () => {
    const { by } = loadScenario({ attentionFrom: 11 });
    expect(by.waiting_for_system).toBe(1900);
  });

  it('the rollup holds the same milliseconds as the spans, and rebuilding gives the same', () => {
    const { w } = loadScenario();
    const params = { inactivityThresholdSec: 10, readingAllowanceSec: 0 };
    let rollup = emptyRollup('2026-05-12', params);
    for (const span of w.spans.values()) rollup = applyRollupDeltas(rollup, spanRollupDeltas(undefined, span, params, TZ));
    expect(rollup.cells.ehr!.waiting_for_system!.activeMs).toBe(2500);
    expect(rollup.cells.ehr!.waiting_for_system!.byThresholdMs['5']).toBe(2500);
    expect(rollupsFromRecords(w.spans.values(), [], params, TZ).get('2026-05-12')).toEqual(rollup);
  });

  it('a load shorter than a second inside one second counts its own milliseconds', () => {
    const w = new World();
    w.focus(1, 0);
    const r = applyReport(w.state, 1, { systemId: 'ehr', category: 'waiting_for_system', input: flat([[5, 6]]), attended: flat([[5, 6]]), pageLoadMs: 300, loadStartMs: T0_SEC * 1000 + 5_200 }, T0_SEC + 6, w.spans, () => 'a', TZ);
    expect(activeMs(r.writes[0]!.after, DEFAULT_ACTIVE_TIME)).toBe(300);
    expect(r.writes[0]!.after.loadEdgeMs).toEqual([200, 500]);
  });

  it('an edge goes when its second stops being the span\'s first or last (the span is extended)', () => {
    const w = new World();
    w.focus(1, 0);
    let state = w.state;
    const first = applyReport(state, 1, { systemId: 'ehr', category: 'waiting_for_system', input: flat([[5, 7]]), attended: flat([[5, 7]]), pageLoadMs: 1500, loadStartMs: T0_SEC * 1000 + 5_200 }, T0_SEC + 7, w.spans, () => 'a', TZ);
    state = first.state;
    const span = first.writes[0]!.after;
    expect(activeMs(span, DEFAULT_ACTIVE_TIME)).toBe(1500);
    const spans = new Map([[span.id, span]]);
    const next = applyReport(state, 1, { systemId: 'ehr', category: 'waiting_for_system', input: flat([[7, 9]]), attended: flat([[7, 9]]) }, T0_SEC + 9, spans, () => 'b', TZ);
    const extended = next.writes.at(-1)!.after;
    expect(extended.loadEdgeMs).toEqual([200, 0]);
    expect(activeMs(extended, DEFAULT_ACTIVE_TIME)).toBe(3800);
  });
});

describe('tracker: in-app waits (soft navigations)', () => {
  it('books the wait to the millisecond out of both views, keeps the new view going, and records an in-app sample', () => {
    const w = new World();
    w.focus(1, 0);
    let ids = 0;
    const events: PageEvent[] = [];
    const apply = (report: ActivityReport, at: number) => {
      const result = applyReport(w.state, 1, report, T0_SEC + at, w.spans, () => `v${++ids}`, TZ);
      w.state = result.state;
      for (const wr of result.writes) w.spans.set(wr.after.id, wr.after);
      events.push(...result.events);
    };
    // The inbox typed 0–11 (the click at 10.2 s is its last input); the route changes at once.
    apply({ systemId: 'ehr', category: 'inbox_messaging', input: flat([[0, 11]]), attended: flat([[0, 11]]) }, 11);
    // The results view arrives (its first second) and the clinician types there once the data is in.
    apply({ systemId: 'ehr', category: 'results_review', input: flat([[10, 11], [14, 20]]), attended: flat([[10, 20]]) }, 20);
    // Measured after the fact: the wait ran from the click (10.2 s) to the last response (12.7 s).
    apply({ systemId: 'ehr', category: 'waiting_for_system', input: flat([[10, 13]]), attended: flat([[10, 13]]), pageLoadMs: 2500, loadStartMs: T0_SEC * 1000 + 10_200, soft: true }, 21);
    // The results view goes on in the same span.
    apply({ systemId: 'ehr', category: 'results_review', input: flat([[20, 25]]), attended: flat([[20, 25]]) }, 25);
    const params = { inactivityThresholdSec: 10, readingAllowanceSec: 0 };
    const by = Object.fromEntries([...w.spans.values()].map((s) => [s.category, activeMs(s, params)]));
    expect(by).toEqual({ inbox_messaging: 10_000, results_review: 12_000, waiting_for_system: 2500 });
    expect([...w.spans.values()].filter((s) => s.category === 'results_review')).toHaveLength(1);
    expect(events.map((e) => [e.kind, e.durationMs])).toEqual([['softWait', 2500]]);
    const rollup = rollupsFromRecords(w.spans.values(), events, params, TZ).get('2026-05-12')!;
    expect(rollup.softWaits).toEqual({ ehr: [2500] });
    expect(rollup.pageLoads).toEqual({});
  });
});

describe('tracker: waiting is counted once', () => {
  it('takes the seconds of a page load away from the page being left', () => {
    const w = new World();
    w.focus(1, 0);
    // The notes page: typing 0–10 s, then it lingers (attended) until the next page arrives at 15 s.
    w.report(1, 15, [[0, 10]], [[0, 15]]);
    // The next page's load took 12–15 s (whole seconds inside the navigation).
    w.report(1, 16, [[12, 15]], [[12, 15]], { category: 'waiting_for_system' });
    const by = Object.fromEntries([...w.spans.values()].map((s) => [s.category, activeMs(s, DEFAULT_ACTIVE_TIME) / 1000]));
    expect(by).toEqual({ documentation: 12, waiting_for_system: 3 });
    expect(w.totalSec()).toBe(15);
  });
});
