/**
 * Every user-facing string comes from extension/_locales via `t()`.
 * In the extension it asks the browser's i18n API; tests (which have no
 * extension API) install the en_GB catalogue with `installEnGbMessages()`.
 */

/** The shape of one entry in a messages.json file. */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type MessageCatalog = Record<string, MessageEntry>;

interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
}

let catalog: MessageCatalog | undefined;

/** Use this catalogue instead of the browser's (tests and previews). */
export function setMessageCatalog(messages: MessageCatalog | undefined): void {
  catalog = messages;
}

function browserI18n(): I18nApi | undefined {
  // Read the globals directly rather than importing webextension-polyfill:
  // getMessage is synchronous in every browser, and the polyfill throws
  // outside an extension, which would break rendering in tests.
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

/** The same substitution rules as chrome.i18n: named $PLACEHOLDERS$, then $1–$9, and $$ for a dollar. */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[]): string {
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
  return named.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (substitutions[Number(d) - 1] ?? '')));
}

/** The localised string for `key`; the key itself if it is missing, so a gap is visible rather than blank. */
export function t(key: string, ...substitutions: Array<string | number>): string {
  const subs = substitutions.map(String);
  if (catalog) {
    const entry = catalog[key];
    return entry ? formatMessage(entry, subs) : key;
  }
  const api = browserI18n();
  const message = api?.getMessage(key, subs.length > 0 ? subs : undefined);
  return message || key;
}
