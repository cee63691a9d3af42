import { describe, expect, it } from 'vitest';
import { DASHBOARD_VIEWS } from '../../../src/dashboard/dashboardViews.js';
import { openingView, viewFromHash } from '../../../src/dashboard/viewHash.js';

describe('the view named in the dashboard address', () => {
  it('reads every view from its hash', () => {
    for (const view of DASHBOARD_VIEWS) expect(viewFromHash(`#${view}`)).toBe(view);
    expect(viewFromHash('year')).toBe('year');
  });

  it('ignores no hash and unknown ones', () => {
    for (const hash of ['', '#', '#Year', '#years', '#week/2025', '#settings?x', '#constructor', '#__proto__']) expect(viewFromHash(hash), hash).toBeNull();
  });
});

describe('the view the dashboard opens on', () => {
  it('is the named view when a clinical system is set up, else this week', () => {
    expect(openingView('year', true)).toBe('year');
    expect(openingView('share', true)).toBe('share');
    expect(openingView('settings', true)).toBe('settings');
    expect(openingView(null, true)).toBe('week');
  });

  it('is Settings when no system is set up, unless Share or Settings was asked for', () => {
    for (const view of ['day', 'week', 'month', 'year'] as const) expect(openingView(view, false)).toBe('settings');
    expect(openingView(null, false)).toBe('settings');
    expect(openingView('share', false)).toBe('share');
    expect(openingView('settings', false)).toBe('settings');
  });
});
