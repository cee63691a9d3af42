import { describe, expect, it } from 'vitest';
import { frameCategory, MAX_TAB_VIEWS, withTabView } from './tabView.js';

describe('tab views: what a tab\'s top-level page is, for its frames', () => {
  it('keeps the latest category per tab, and waiting for the system is never a view', () => {
    let views = withTabView(undefined, { tabId: 1, systemId: 'ehr', category: 'documentation' });
    views = withTabView(views, { tabId: 2, systemId: 'ehr', category: 'results_review' });
    views = withTabView(views, { tabId: 1, systemId: 'ehr', category: 'waiting_for_system' });
    expect(frameCategory(views, 1, 'ehr')).toBe('documentation');
    views = withTabView(views, { tabId: 1, systemId: 'ehr', category: 'inbox_messaging' });
    expect(frameCategory(views, 1, 'ehr')).toBe('inbox_messaging');
    expect(frameCategory(views, 2, 'ehr')).toBe('results_review');
    expect(views).toHaveLength(2);
  });

  it.each([
    ['an unknown tab', 3, 'ehr'],
    ['another system than the top page\'s', 1, 'pacs'],
  ])('gives no category for %s', (_name, tabId, systemId) => {
    const views = withTabView(undefined, { tabId: 1, systemId: 'ehr', category: 'documentation' });
    expect(frameCategory(views, tabId, systemId)).toBeUndefined();
  });

  it(`keeps at most ${MAX_TAB_VIEWS} tabs, dropping the least recently reported`, () => {
    let views = withTabView(undefined, { tabId: 0, systemId: 'ehr', category: 'documentation' });
    for (let tab = 1; tab <= MAX_TAB_VIEWS; tab++) views = withTabView(views, { tabId: tab, systemId: 'ehr', category: 'documentation' });
    expect(views).toHaveLength(MAX_TAB_VIEWS);
    expect(frameCategory(views, 0, 'ehr')).toBeUndefined();
    expect(frameCategory(views, MAX_TAB_VIEWS, 'ehr')).toBe('documentation');
  });
});
