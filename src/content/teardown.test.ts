// @vitest-environment happy-dom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SETTINGS_KEY } from '../core/settings.js';
import type { ContentConfig } from '../protocol.js';

/*
 * Stopping and starting again: every listener a sensing session adds carries
 * that session's AbortSignal, so stopping (the system removed from settings)
 * removes them all at once, and a later session starts with its own.
 */
const config: ContentConfig = { systemId: 'demo-ehr', rules: [], signIn: false };
let answer: ContentConfig | null = config;
const sent: Array<{ type: string }> = [];
const settingsChanged: Array<(changes: Record<string, unknown>, area: string) => void> = [];
const added: Array<{ type: string; signal: AbortSignal | undefined }> = [];

beforeAll(async () => {
  for (const target of [window, document] as EventTarget[]) {
    const add = target.addEventListener.bind(target);
    target.addEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) => {
      if (type !== 'load') added.push({ type, signal: typeof options === 'object' ? options.signal : undefined });
      add(type, listener, options);
    };
  }
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  (globalThis as { chrome?: unknown }).chrome = {
    runtime: {
      id: 'timeback-test-id',
      sendMessage: vi.fn(async (message: { type: string }) => {
        sent.push(message);
        return message.type === 'contentConfig' ? answer : { accepted: true };
      }),
      onMessage: { addListener: () => undefined },
      connect: vi.fn(() => ({ postMessage: (message: { type: string }) => sent.push(message), disconnect: () => undefined, onDisconnect: { addListener: () => undefined } })),
    },
    storage: { onChanged: { addListener: (l: (typeof settingsChanged)[number]) => settingsChanged.push(l) } },
  };
  await import('./main.js');
  window.dispatchEvent(new Event('load'));
  await vi.waitFor(() => expect(added.length).toBeGreaterThan(0));
});

const reports = () => sent.filter((m) => m.type === 'activity').length;
const configRequests = () => sent.filter((m) => m.type === 'contentConfig').length;

/** Focus then blur the window: a listening sensor has a second of evidence and sends it on the blur. */
async function focusAndBlur(): Promise<void> {
  window.dispatchEvent(new FocusEvent('focus'));
  window.dispatchEvent(new FocusEvent('blur'));
  await new Promise((r) => setTimeout(r, 10));
}

async function changeSettings(next: ContentConfig | null): Promise<void> {
  answer = next;
  const before = configRequests();
  for (const l of settingsChanged) l({ [SETTINGS_KEY]: { newValue: {} } }, 'local');
  await vi.waitFor(() => expect(configRequests()).toBe(before + 1));
  await new Promise((r) => setTimeout(r, 10));
}

describe('content script teardown', () => {
  it('adds every sensing listener with one signal, and aborting it stops them all', async () => {
    await focusAndBlur();
    const whileTracked = reports();
    expect(whileTracked).toBeGreaterThan(0);
    const first = added.slice();
    expect(first.map((a) => a.type)).toEqual(expect.arrayContaining(['keydown', 'pointerdown', 'visibilitychange', 'focus', 'blur', 'pagehide', 'popstate', 'hashchange', 'click', 'submit']));
    const signals = new Set(first.map((a) => a.signal));
    expect(signals.size).toBe(1);
    const [signal] = [...signals];
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(signal!.aborted).toBe(false);

    // The system is removed from the settings: the worker answers null and the script stops.
    await changeSettings(null);
    expect(signal!.aborted).toBe(true);
    const afterStop = reports();
    await focusAndBlur();
    expect(reports()).toBe(afterStop);
  });

  it('a later session (the system added back) listens again with a fresh signal', async () => {
    const before = added.length;
    await changeSettings(config);
    // The new session, too, starts once the page has loaded.
    window.dispatchEvent(new Event('load'));
    await vi.waitFor(() => expect(added.length).toBeGreaterThan(before));
    const again = added.slice(before);
    expect(again.length).toBeGreaterThan(0);
    expect(new Set(again.map((a) => a.signal)).size).toBe(1);
    expect(again[0]!.signal!.aborted).toBe(false);
    const count = reports();
    await focusAndBlur();
    expect(reports()).toBeGreaterThan(count);
  });
});
