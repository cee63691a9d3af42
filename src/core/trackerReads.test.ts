import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityReport } from './activityReport.js';
import type { ActivitySpan } from './activitySpan.js';
import { flat, T0_SEC } from './testSupport.js';
import { applyAttention, applyReport, INITIAL_TRACKER_STATE, spanIdsForReport, type TrackerState } from './tracker.js';
import { TZ } from './trackerWorld.js';

/** A span table that records which ids were asked for. */
class ReadLog extends Map<string, ActivitySpan> {
  asked = new Set<string>();
  override get(id: string) {
    this.asked.add(id);
    return super.get(id);
  }
}

type Step =
  | { kind: 'focus'; tabId: number | null; dt: number }
  | { kind: 'report'; tabId: number; dt: number; from: number; len: number; category: 'documentation' | 'results_review' | 'waiting_for_system'; soft: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('focus' as const), tabId: fc.option(fc.integer({ min: 1, max: 2 }), { nil: null, freq: 6 }), dt: fc.integer({ min: 0, max: 90 }) }), weight: 1 },
  {
    weight: 6,
    arbitrary: fc.record({
    kind: fc.constant('report' as const),
    tabId: fc.integer({ min: 1, max: 2 }),
      dt: fc.integer({ min: 0, max: 30 }),
    from: fc.oneof(fc.integer({ min: -15, max: 2 }), fc.integer({ min: -120, max: 5 })),
    len: fc.integer({ min: 1, max: 15 }),
    category: fc.constantFrom('documentation' as const, 'documentation' as const, 'results_review' as const, 'waiting_for_system' as const),
    soft: fc.boolean(),
  }),
  },
);

describe('tracker: the spans a report reaches', () => {
  it('applyReport reads no span outside spanIdsForReport, whatever the attention history', () => {
    // Counted over every run, so the property is seen to be exercised (spans read, spans written).
    let read = 0;
    let written = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 40 }), (steps) => {
        let state: TrackerState = INITIAL_TRACKER_STATE;
        const spans = new ReadLog();
        let ids = 0;
        let now = T0_SEC + 1000;
        state = applyAttention(state, { paused: false, os: 'active', focusedTabId: 1 }, now);
        for (const s of steps) {
          now += s.dt;
          if (s.kind === 'focus') {
            state = applyAttention(state, { paused: false, os: 'active', focusedTabId: s.tabId }, now);
            continue;
          }
          const waiting = s.category === 'waiting_for_system';
          const report: ActivityReport = {
            systemId: 'ehr',
            category: s.category,
            input: flat([[now + s.from, now + s.from + s.len]], 0),
            attended: flat([[now + s.from, now + s.from + s.len]], 0),
            ...(waiting ? { pageLoadMs: 800, loadStartMs: (now + s.from) * 1000, ...(s.soft ? { soft: true as const } : {}) } : {}),
          };
          const reachable = new Set(spanIdsForReport(state, s.tabId, report, now));
          spans.asked.clear();
          const result = applyReport(state, s.tabId, report, now, spans, () => `s${++ids}`, TZ);
          for (const id of spans.asked) expect(reachable.has(id), `span ${id} read but not named`).toBe(true);
          read += spans.asked.size;
          written += result.writes.length;
          for (const w of result.writes) spans.set(w.after.id, w.after);
          state = result.state;
        }
      }),
      { numRuns: 300 },
    );
    expect(read).toBeGreaterThan(100);
    expect(written).toBeGreaterThan(100);
  });

  it('a report from a tab whose attention has ended reaches no span', () => {
    let state = applyAttention(INITIAL_TRACKER_STATE, { paused: false, os: 'active', focusedTabId: 1 }, T0_SEC);
    const first: ActivityReport = { systemId: 'ehr', category: 'documentation', input: flat([[0, 5]]), attended: flat([[0, 5]]) };
    state = applyReport(state, 1, first, T0_SEC + 5, new Map(), () => 'a', TZ).state;
    state = applyAttention(state, { paused: false, os: 'active', focusedTabId: 2 }, T0_SEC + 10);
    const late: ActivityReport = { ...first, input: flat([[20, 21]]), attended: flat([[20, 21]]) };
    expect(spanIdsForReport(state, 1, first, T0_SEC + 20)).toEqual(['a']);
    expect(spanIdsForReport(state, 1, late, T0_SEC + 21)).toEqual([]);
  });
});
