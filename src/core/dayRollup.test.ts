import { describe, expect, it } from 'vitest';
import { DEFAULT_ACTIVE_TIME, SENSITIVITY_THRESHOLDS_SEC } from './activeTimeParams.js';
import { rollupsFromRecords, rollupTotalMs, spanRollupDeltas, applyRollupDeltas, emptyRollup, eventRollupDelta } from './dayRollup.js';
import type { PageEvent } from './records.js';
import type { TaskCategory } from './taskCategory.js';
import { flat, T0_SEC } from './testSupport.js';
import { applyReport } from './tracker.js';
import { TZ, World } from './trackerWorld.js';

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
