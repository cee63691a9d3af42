// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TodaySummary } from '../../src/core/todaySummary.js';
import type { PopupApi } from '../../src/popup/api.js';
import { Popup, REFRESH_MS } from '../../src/popup/Popup.js';
import { installEnGbMessages } from '../../src/ui/enGbMessages.js';
import { fakeApi, summary } from './popupFakes.js';

let container: HTMLElement;

beforeAll(() => installEnGbMessages());
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});

async function show(api: PopupApi) {
  await act(async () => {
    render(<Popup api={api} />, container);
  });
  // Let the first getToday() resolve and render.
  await act(async () => {});
}

const text = () => container.textContent ?? '';
const button = (name: string) => {
  const b = [...container.querySelectorAll('button')].find((el) => el.textContent === name);
  if (!b) throw new Error(`no button "${name}" in: ${text()}`);
  return b;
};
function listUnder(heading: string): string[] {
  const h = [...container.querySelectorAll('h2')].find((el) => el.textContent === heading);
  return [...(h?.parentElement?.querySelectorAll('li') ?? [])].map((li) => li.textContent ?? '');
}

describe('Popup', () => {
  it('shows today’s total, by system and by category, from the summary', async () => {
    await show(fakeApi(summary()));
    expect(container.querySelector('h1')?.textContent).toBe('Active time today');
    expect(container.querySelector('.total')?.textContent).toBe('2 h 05 min');
    expect(listUnder('By system')).toEqual(['EMIS Web1 h 35 min', 'e-RS30 min']);
    expect(listUnder('By task')).toEqual(['Documentation1 h 05 min', 'Referrals40 min', 'Results review20 min']);
    expect(text()).toContain('Active time: inactivity threshold 60 s, reading allowance 60 s');
  });

  it('shows what is being tracked now', async () => {
    await show(fakeApi(summary()));
    expect(text()).toContain('Now tracking: EMIS Web · Documentation');
  });

  it('says when nothing is being tracked', async () => {
    await show(fakeApi(summary({ nowTracking: null })));
    expect(text()).toContain('Not tracking right now');
    expect(text()).not.toContain('Now tracking');
  });

  it('shows the definition actually in use', async () => {
    await show(fakeApi(summary({ params: { inactivityThresholdSec: 30, readingAllowanceSec: 0 } })));
    expect(text()).toContain('Active time: inactivity threshold 30 s, reading allowance 0 s');
  });

  it('says so when there is no time yet today', async () => {
    await show(fakeApi(summary({ totalMs: 0, bySystem: [], byCategory: [], nowTracking: null })));
    expect(container.querySelector('.total')?.textContent).toBe('0 s');
    expect(text()).toContain('No active time recorded yet today.');
    expect(container.querySelector('.breakdown')).toBeNull();
  });

  it('shows the empty state with the settings link when no systems are configured', async () => {
    const api = fakeApi(summary({ systemsConfigured: 0, totalMs: 0, bySystem: [], byCategory: [], nowTracking: null }));
    await show(api);
    expect(container.querySelector('h1')?.textContent).toBe('Add the clinical systems you use');
    expect(container.querySelector('.total')).toBeNull();
    expect(text()).not.toContain('Pause tracking');
    await act(async () => button('Open dashboard and settings').click());
    expect(api.openDashboard).toHaveBeenCalledTimes(1);
  });

  it('pauses and resumes through the api, and shows the new state', async () => {
    const api = fakeApi(summary());
    await show(api);
    await act(async () => button('Pause tracking').click());
    expect(api.setPaused).toHaveBeenCalledWith(true);
    expect(text()).toContain('Tracking is paused');
    expect(text()).not.toContain('Now tracking');

    await act(async () => button('Resume tracking').click());
    expect(api.setPaused).toHaveBeenLastCalledWith(false);
    expect(text()).not.toContain('Tracking is paused');
  });

  it('opens the dashboard', async () => {
    const api = fakeApi(summary());
    await show(api);
    await act(async () => button('Open dashboard and settings').click());
    expect(api.openDashboard).toHaveBeenCalledTimes(1);
  });

  it('refreshes every 5 seconds while open, and stops when closed', async () => {
    vi.useFakeTimers();
    const api = fakeApi(summary());
    await show(api);
    expect(api.getToday).toHaveBeenCalledTimes(1);

    api.state.current = summary({ totalMs: 3 * 3600 * 1000 });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(REFRESH_MS);
    });
    expect(api.getToday).toHaveBeenCalledTimes(2);
    expect(container.querySelector('.total')?.textContent).toBe('3 h 00 min');

    render(null, container);
    await vi.advanceTimersByTimeAsync(REFRESH_MS * 3);
    expect(api.getToday).toHaveBeenCalledTimes(2);
  });

  it('shows a summary answered as it opened in its first frame, with no "Loading" and no second request, then refreshes as usual', async () => {
    vi.useFakeTimers();
    const api = fakeApi(summary());
    // The first render, before any effect or answer: today is already there.
    render(<Popup api={api} initial={summary({ totalMs: 60 * 60 * 1000 })} />, container);
    expect(container.querySelector('.total')?.textContent).toBe('1 h 00 min');
    expect(text()).not.toContain('Loading');
    await act(async () => {});
    expect(api.getToday).not.toHaveBeenCalled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(REFRESH_MS);
    });
    expect(api.getToday).toHaveBeenCalledTimes(1);
    expect(container.querySelector('.total')?.textContent).toBe('2 h 05 min');
  });

  it('ignores a refresh that answers after a newer pause', async () => {
    vi.useFakeTimers();
    const api = fakeApi(summary());
    await show(api);
    let answerRefresh!: (s: TodaySummary) => void;
    api.getToday.mockImplementationOnce(() => new Promise((resolve) => (answerRefresh = resolve)));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(REFRESH_MS); // refresh starts, not yet answered
    });
    await act(async () => button('Pause tracking').click());
    expect(text()).toContain('Tracking is paused');

    await act(async () => answerRefresh(summary({ paused: false })));
    expect(text()).toContain('Tracking is paused');
  });

  it('says it could not load when the worker does not answer', async () => {
    const api = fakeApi(summary());
    api.getToday.mockRejectedValue(new Error('no receiver'));
    await show(api);
    expect(text()).toContain('Timeback could not get today');
  });
});

describe('Popup: paint mark for the performance benchmark', () => {
  const marks = () => performance.getEntriesByName('timeback:popup-painted', 'mark');
  /** Long enough for an animation frame and the task after it. */
  const afterPaint = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
  beforeEach(() => performance.clearMarks());
  afterEach(() => performance.clearMarks());

  it('marks today’s summary painted once it is shown, not while it loads', async () => {
    const api = fakeApi(summary());
    let answer: (s: TodaySummary) => void = () => {};
    api.getToday.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    await show(api);
    await afterPaint();
    expect(text()).toContain('Loading');
    expect(marks()).toHaveLength(0);
    await act(async () => answer(summary()));
    await afterPaint();
    expect(container.querySelector('.total')?.textContent).toBe('2 h 05 min');
    expect(marks()).toHaveLength(1);
    // Later updates (a pause here) do not mark again.
    await act(async () => button('Pause tracking').click());
    await afterPaint();
    expect(marks()).toHaveLength(1);
  });

  it('does not mark when today could not be read', async () => {
    const api = fakeApi(summary());
    api.getToday.mockRejectedValue(new Error('no receiver'));
    await show(api);
    await afterPaint();
    expect(marks()).toHaveLength(0);
  });
});
