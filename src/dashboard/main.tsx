import { render } from 'preact';
import browser from 'webextension-polyfill';
import { SETTINGS_KEY } from '../core/settings.js';
import { t } from '../ui/i18n.js';
import { Settings } from './Settings.js';
import type { SettingsApi } from './settingsApi.js';

const api: SettingsApi = {
  load: async () => (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY],
  save: (settings) => browser.storage.local.set({ [SETTINGS_KEY]: settings }),
  // Called straight from the submit handler, so the browser sees the user gesture.
  requestOrigins: (origins) => browser.permissions.request({ origins }),
  removeOrigins: async (origins) => {
    try {
      await browser.permissions.remove({ origins });
    } catch (error) {
      // Origins granted by the manifest (test builds) cannot be removed; nothing to undo.
      console.warn('Timeback: could not remove host permissions', origins, error);
    }
  },
  watch: (onChange) => {
    const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      const change = changes[SETTINGS_KEY];
      if (area === 'local' && change) onChange(change.newValue);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};

document.title = t('settings_pageTitle');
const root = document.getElementById('app');
if (root) render(<Settings api={api} />, root);
