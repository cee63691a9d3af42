import { describe, expect, it } from 'vitest';
import { flat, T0_SEC } from './testSupport.js';
import { applyReport } from './tracker.js';
import { TZ, World } from './trackerWorld.js';

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

describe('tracker: sub-second page loads', () => {
  it('records the sample when the tab has attention, though no whole second was spent waiting', () => {
    const w = new World();
    w.focus(1, 0);
    const r = applyReport(w.state, 1, { systemId: 'ehr', category: 'waiting_for_system', input: [], attended: [], pageLoadMs: 420 }, T0_SEC + 1, w.spans, () => 'a', TZ);
    expect(r.writes).toEqual([]);
    expect(r.events.map((e) => [e.kind, e.durationMs])).toEqual([['pageLoad', 420]]);
  });
});
