import browser from 'webextension-polyfill';
import { STORAGE_WARNING_KEY } from '../background/dataManagement.js';
import { sendMessage } from '../messaging.js';
import type { PopupApi } from './api.js';
import { startPopup } from './start.js';

const api: PopupApi = {
  getToday: () => sendMessage('getToday', {}),
  setPaused: (paused) => sendMessage('setPaused', { paused }),
  // The system is left out, not sent as undefined, when the clinician chose none.
  startTimer: (category, systemId) => sendMessage('startTimer', systemId ? { category, systemId } : { category }),
  stopTimer: () => sendMessage('stopTimer', {}),
  resolveIdleReview: (action) => sendMessage('resolveIdleReview', action),
  storageWarning: async () => (await browser.storage.local.get(STORAGE_WARNING_KEY))[STORAGE_WARNING_KEY] !== undefined,
  openDashboard: () => {
    void browser.runtime.openOptionsPage().then(() => window.close());
  },
};

// popup.js loads in <head> (popup.html): the request for today leaves before the rest is parsed.
startPopup(document, api);
