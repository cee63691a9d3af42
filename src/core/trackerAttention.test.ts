import { describe, expect, it } from 'vitest';
import { DEFAULT_ACTIVE_TIME } from './activeTimeParams.js';
import { World } from './trackerWorld.js';

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
