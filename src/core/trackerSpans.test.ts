import { describe, expect, it } from 'vitest';
import { T0_SEC } from './testSupport.js';
import { World } from './trackerWorld.js';

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
