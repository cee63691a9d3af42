import messages from '../../extension/_locales/en_GB/messages.json';
import type { MessageLookup } from '../../src/core/teamReport/reportLabels.js';
import { formatMessage, type MessageCatalog } from '../../src/ui/i18n.js';

/** The en_GB messages file as the team report's lookup, as the dashboard's `t` and the team-report command give it. */
export function messageLookup(catalog: MessageCatalog = messages as MessageCatalog): MessageLookup {
  return (key, ...substitutions) => {
    const entry = catalog[key];
    return entry ? formatMessage(entry, substitutions.map(String)) : key;
  };
}

export const EN_GB: MessageLookup = messageLookup();
