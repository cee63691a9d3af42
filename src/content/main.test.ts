// @vitest-environment happy-dom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ContentConfig } from '../protocol.js';

/*
 * The content script's wiring, over a fake `chrome` runtime: what it asks
 * the worker, and how it answers the worker's evaluateRules (the settings
 * page's preview) — only for its own extension and system, with the outcome alone.
 */
type Listener = (message: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => void;
const EXTENSION_ID = 'timeback-test-id';
const onMessage: Listener[] = [];
const sent: Array<{ type: string; body: unknown }> = [];
const ports: string[] = [];
const config: ContentConfig = {
  systemId: 'demo-ehr',
  rules: [
    { path: '/patients/*/notes*', category: 'documentation', priority: 0 },
    { selector: '#patient-banner', category: 'chart_review', priority: -1 },
  ],
  signIn: false,
};

beforeAll(async () => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('http://127.0.0.1/patients/p-canary/notes?nhs=9434765919&name=Canary+Testpatient-Zzyzx');
  document.title = 'Canary Testpatient-Zzyzx (NHS 943 476 5919) – Notes – Demo EHR';
  document.body.innerHTML = '<div id="patient-banner">Canary Testpatient-Zzyzx</div>';
  (globalThis as { chrome?: unknown }).chrome = {
    runtime: {
      id: EXTENSION_ID,
      sendMessage: vi.fn(async (message: { type: string; body: unknown }) => {
        sent.push(message);
        return message.type === 'contentConfig' ? config : { accepted: true };
      }),
      onMessage: { addListener: (listener: Listener) => onMessage.push(listener) },
      // Activity goes on a port: what is posted on it is recorded with the one-off messages.
      connect: vi.fn(({ name }: { name: string }) => {
        ports.push(name);
        return { name, postMessage: (message: { type: string; body: unknown }) => sent.push(message), disconnect: () => undefined, onDisconnect: { addListener: () => undefined } };
      }),
    },
    storage: { onChanged: { addListener: () => undefined } },
  };
  await import('./main.js');
  await vi.waitFor(() => expect(sent.map((m) => m.type)).toContain('contentConfig'));
});

function ask(message: unknown, sender: { id?: string }): unknown[] {
  const answers: unknown[] = [];
  for (const listener of onMessage) listener(message, sender, (response) => answers.push(response));
  return answers;
}

const evaluate = (rules: unknown, systemId = 'demo-ehr') => ({ type: 'evaluateRules', body: { systemId, rules } });

describe('content script', () => {
  it('asks the worker for its configuration with an empty request', () => {
    expect(sent[0]).toEqual({ type: 'contentConfig', body: {} });
  });

  it('answers evaluateRules from its own extension with the category and rule index only', () => {
    const answers = ask(evaluate([{ title: '*Notes*', category: 'documentation', priority: 0 }, { selector: '#patient-banner', category: 'referrals', priority: 5 }]), { id: EXTENSION_ID });
    expect(answers).toEqual([{ category: 'referrals', ruleIndex: 1 }]);
    expect(JSON.stringify(answers)).not.toMatch(/Canary|943|notes\?|127\.0\.0\.1/);
  });

  it.each([
    ['another extension', evaluate([]), { id: 'another-extension' }],
    ['a sender without an id', evaluate([]), {}],
    ['another system', evaluate([], 'other-system'), { id: EXTENSION_ID }],
    ['an unknown message', { type: 'dumpPage', body: { systemId: 'demo-ehr' } }, { id: EXTENSION_ID }],
    ['rules that are not a list', evaluate('all'), { id: EXTENSION_ID }],
    ['no message at all', undefined, { id: EXTENSION_ID }],
  ])('does not answer %s', (_name, message, sender) => {
    expect(ask(message, sender)).toEqual([]);
  });
});

describe('attention', () => {
  it('an element losing focus (a text box) is not the page losing attention; the window losing focus is', async () => {
    const reports = () => sent.filter((m) => m.type === 'activity').length;
    // The window gains focus: the sensor has a second of evidence, which a loss of attention would send at once.
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    // The script starts sensing once the page has loaded.
    window.dispatchEvent(new Event('load'));
    await new Promise((r) => setTimeout(r, 10));
    window.dispatchEvent(new FocusEvent('focus'));
    const before = reports();
    const box = document.createElement('textarea');
    document.body.append(box);
    box.dispatchEvent(new FocusEvent('blur'));
    await new Promise((r) => setTimeout(r, 0));
    expect(reports()).toBe(before);
    window.dispatchEvent(new FocusEvent('blur'));
    await vi.waitFor(() => expect(reports()).toBe(before + 1));
    // Reports go on the activity port, numbered; none as one-off messages.
    expect(ports.every((name) => name === 'timeback-activity')).toBe(true);
    expect(sent.filter((m) => m.type === 'activity').every((m) => typeof (m as { seq?: unknown }).seq === 'number')).toBe(true);
    expect(vi.mocked(chrome.runtime.sendMessage).mock.calls.some(([m]) => (m as { type?: string }).type === 'activity')).toBe(false);
  });
});
