import { afterEach, describe, expect, it } from 'vitest';
import { installEnGbMessages } from '../../../src/ui/enGbMessages.js';
import { formatMessage, setMessageCatalog, t } from '../../../src/ui/i18n.js';

afterEach(() => setMessageCatalog(undefined));

describe('formatMessage (chrome.i18n substitution rules)', () => {
  it('fills named placeholders from $1–$9, case-insensitively', () => {
    const entry = { message: 'Now: $System$ · $CATEGORY$', placeholders: { system: { content: '$1' }, category: { content: '$2' } } };
    expect(formatMessage(entry, ['EMIS Web', 'Documentation'])).toBe('Now: EMIS Web · Documentation');
  });

  it('takes $1 directly in the message, $$ as a dollar, and blanks a missing substitution', () => {
    expect(formatMessage({ message: 'Cost $$5 for $1$2' }, ['you'])).toBe('Cost $5 for you');
  });

  it('leaves an undefined placeholder as written', () => {
    expect(formatMessage({ message: 'Hello $NAME$' }, ['x'])).toBe('Hello $NAME$');
  });
});

describe('t', () => {
  it('reads the en_GB catalogue in tests', () => {
    installEnGbMessages();
    expect(t('category_orders_prescribing')).toBe('Orders and prescribing');
    expect(t('popup_definition', 60, 30)).toBe('Active time: inactivity threshold 60 s, reading allowance 30 s');
  });

  it('shows the key for a missing message rather than nothing', () => {
    installEnGbMessages();
    expect(t('no_such_key')).toBe('no_such_key');
  });

  it('uses the browser i18n API when no catalogue is installed', () => {
    const g = globalThis as { chrome?: unknown };
    const before = g.chrome;
    g.chrome = { i18n: { getMessage: (key: string, subs?: string[]) => `${key}:${(subs ?? []).join(',')}` } };
    try {
      expect(t('greeting', 'a', 2)).toBe('greeting:a,2');
    } finally {
      g.chrome = before;
    }
  });
});
