/**
 * The en_GB catalogue for code that runs outside the extension (unit tests).
 * Kept out of i18n.ts so the extension bundles never carry the JSON.
 */
import messages from '../../extension/_locales/en_GB/messages.json';
import { setMessageCatalog, type MessageCatalog } from './i18n.js';

export function installEnGbMessages(): void {
  setMessageCatalog(messages as MessageCatalog);
}
