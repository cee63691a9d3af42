// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TodaySummary } from '../../src/core/todaySummary.js';
import { FIRST_ANSWER_WAIT_MS, startPopup } from '../../src/popup/start.js';
import { installEnGbMessages } from '../../src/ui/enGbMessages.js';
import { fakeApi, summary } from './popupFakes.js';

let root: HTMLElement;

beforeAll(() => installEnGbMessages());
beforeEach(() => {
  vi.useFakeTimers();
  root = document.createElement('div');
  root.id = 'app';
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

const total = () => root.querySelector('.total')?.textContent;

describe('the popup starts', () => {
  it('showing today from its first request when the worker answers in time, and asks once', async () => {
    const api = fakeApi(summary());
    await act(async () => startPopup(document, api));
    expect(total()).toBe('2 h 05 min');
    expect(root.textContent).not.toContain('Loading');
    expect(api.getToday).toHaveBeenCalledTimes(1);
    expect(document.title).toBe('Timeback');
  });

  it('saying it is loading when the answer is late, then showing that same answer without asking again', async () => {
    const api = fakeApi(summary());
    let answer!: (s: TodaySummary) => void;
    api.getToday.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    await act(async () => startPopup(document, api));
    expect(root.textContent).toBe('');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(FIRST_ANSWER_WAIT_MS);
    });
    expect(root.textContent).toContain('Loading');
    await act(async () => answer(summary({ totalMs: 60 * 60 * 1000 })));
    expect(total()).toBe('1 h 00 min');
    expect(api.getToday).toHaveBeenCalledTimes(1);
  });

  it('asking again when the first request failed', async () => {
    const api = fakeApi(summary());
    api.getToday.mockRejectedValueOnce(new Error('the worker was restarting'));
    await act(async () => startPopup(document, api));
    await act(async () => {});
    expect(api.getToday).toHaveBeenCalledTimes(2);
    expect(total()).toBe('2 h 05 min');
  });
});
