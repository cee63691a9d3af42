import type { TaskCategory } from './taskCategory.js';

/**
 * What the top-level page of a tab is: its system and its task category, as
 * the top frame's own content script classified it. Evidence from the tab's
 * frames (an editor iframe, an embedded viewer) is booked under this, so a
 * frame never decides a category and never needs to read the top page.
 * It holds a tab id, a system id and a category: nothing from the page.
 */
export interface TabView {
  tabId: number;
  systemId: string;
  category: TaskCategory;
}

/** Views of this many tabs are kept (the most recently reported); a tab id is valid for one browser session only. */
export const MAX_TAB_VIEWS = 32;

/** Remember what the top frame of `tabId` reported it is (waiting for the system is a state, not a page, so it is not a view). */
export function withTabView(views: readonly TabView[] | undefined, view: TabView): TabView[] | undefined {
  if (view.category === 'waiting_for_system') return views ? [...views] : undefined;
  const last = views?.[views.length - 1];
  if (last && last.tabId === view.tabId && last.systemId === view.systemId && last.category === view.category) return [...views!];
  return [...(views ?? []).filter((v) => v.tabId !== view.tabId), view].slice(-MAX_TAB_VIEWS);
}

/** The category a frame's evidence in `tabId` is booked under: the top page's, when it is of the same system; otherwise none. */
export function frameCategory(views: readonly TabView[] | undefined, tabId: number, systemId: string): TaskCategory | undefined {
  const view = views?.find((v) => v.tabId === tabId);
  return view && view.systemId === systemId ? view.category : undefined;
}
