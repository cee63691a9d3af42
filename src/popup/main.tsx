import browser from 'webextension-polyfill';
import { STORAGE_WARNING_KEY } from '../protocol.js';
import { sendMessage } from '../messaging.js';
import type { PopupApi } from './api.js';
import { startPopup } from './start.js';

/**
 * The tab this popup is about: the active tab of its window (the toolbar
 * popup), or `?tab=<id>` when popup.html is opened as a page, as the
 * end-to-end tests do. Only its id is kept; the worker reads its address.
 */
const siteTab: Promise<number | undefined> = (async () => {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.id;
})();
const withTab = async <T,>(send: (tabId: number) => Promise<T>): Promise<T> => send((await siteTab) ?? -1);

const api: PopupApi = {
  getToday: () => sendMessage('getToday', {}),
  setPaused: (paused) => sendMessage('setPaused', { paused }),
  // The system is left out, not sent as undefined, when the clinician chose none.
  startTimer: (category, systemId) => sendMessage('startTimer', systemId ? { category, systemId } : { category }),
  stopTimer: () => sendMessage('stopTimer', {}),
  resolveIdleReview: (action) => sendMessage('resolveIdleReview', action),
  storageWarning: async () => (await browser.storage.local.get(STORAGE_WARNING_KEY))[STORAGE_WARNING_KEY] !== undefined,
  site: () => withTab((tabId) => sendMessage('getSite', { tabId })),
  requestOrigins: (origins) => browser.permissions.request({ origins }),
  trackSite: (scope) => withTab((tabId) => sendMessage('trackSite', { tabId, scope })),
  stopTrackingSite: () => withTab((tabId) => sendMessage('stopTrackingSite', { tabId })),
  openGuide: () => {
    void browser.tabs.create({ url: browser.runtime.getURL('dashboard.html#guide') }).then(() => window.close());
  },
  openDashboard: () => {
    void browser.runtime.openOptionsPage().then(() => window.close());
  },
};

// popup.js loads in <head> (popup.html): the request for today leaves before the rest is parsed.
startPopup(document, api);
