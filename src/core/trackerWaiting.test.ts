import { describe, expect, it } from 'vitest';
import { activeMs } from './activeTime.js';
import { DEFAULT_ACTIVE_TIME } from './activeTimeParams.js';
import type { ActivityReport } from './activityReport.js';
import { rollupsFromRecords, spanRollupDeltas, applyRollupDeltas, emptyRollup } from './dayRollup.js';
import type { PageEvent } from './records.js';
import { flat, T0_SEC } from './testSupport.js';
import { applyReport } from './tracker.js';
import { TZ, World } from './trackerWorld.js';

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
