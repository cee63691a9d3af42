// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdleReview } from '../../src/core/entries.js';
import { TASK_CATEGORIES } from '../../src/core/taskCategory.js';
import type { PopupApi } from '../../src/popup/api.js';
import { Popup } from '../../src/popup/Popup.js';
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
/** Click, then let the api answer and the popup settle (a few promise steps). */
async function click(name: string) {
  await act(async () => button(name).click());
  await act(async () => {});
  await act(async () => {});
}
const queryButton = (name: string) => [...container.querySelectorAll('button')].find((el) => el.textContent === name);
/** The select labelled `label` inside `scope`. */
function select(label: string, scope: ParentNode = container): HTMLSelectElement {
  const l = [...scope.querySelectorAll('label')].find((el) => el.textContent === label);
  const s = l && container.querySelector<HTMLSelectElement>(`#${l.htmlFor}`);
  if (!s) throw new Error(`no select labelled "${label}"`);
  return s;
}
async function choose(s: HTMLSelectElement, value: string) {
  await act(async () => {
    s.value = value;
    s.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
const timerPanel = () => container.querySelector<HTMLElement>('.timer-panel')!;
const reviewRegion = () => container.querySelector<HTMLElement>('.idle-review');

/** 10:02 to 10:25 today, local time. */
const REVIEW_FROM = new Date(2025, 2, 14, 10, 2).getTime();
const REVIEW_TO = new Date(2025, 2, 14, 10, 25).getTime();
function review(overrides: Partial<IdleReview> = {}): IdleReview {
  return { from: REVIEW_FROM, to: REVIEW_TO, during: 'tab', category: 'documentation', systemId: 'emis-web', ...overrides };
}

describe('Popup manual timer', () => {
  it('offers every task category, defaulting to non-EHR work, and every timer system with "No system"', async () => {
    await show(fakeApi(summary()));
    expect(text()).toContain('Log time outside the browser');
    const category = select('Task', timerPanel());
    expect([...category.options].map((o) => o.value)).toEqual([...TASK_CATEGORIES]);
    expect(category.value).toBe('non_ehr');
    expect(category.selectedOptions[0]?.textContent).toBe('Non-EHR work');
    const system = select('System (optional)', timerPanel());
    expect([...system.options].map((o) => o.textContent)).toEqual(['No system', 'EMIS Web', 'e-RS']);
    expect(system.value).toBe('');
    expect(text()).toContain('Alt+Shift+T');
  });

  it('defaults to the last timer’s category', async () => {
    await show(fakeApi(summary({ lastTimer: { category: 'direct_care' } })));
    expect(select('Task', timerPanel()).value).toBe('direct_care');
  });

  it('starts a timer with the chosen category and system', async () => {
    const api = fakeApi(summary());
    await show(api);
    await choose(select('Task', timerPanel()), 'direct_care');
    await choose(select('System (optional)', timerPanel()), 'ers');
    await click('Start timer');
    expect(api.startTimer).toHaveBeenCalledWith('direct_care', 'ers');
    expect(text()).toContain('Timer running: Direct patient care · e-RS');
    expect(document.activeElement).toBe(button('Stop timer'));
  });

  it('starts a timer with no system', async () => {
    const api = fakeApi(summary());
    await show(api);
    await click('Start timer');
    expect(api.startTimer).toHaveBeenCalledWith('non_ehr', undefined);
    expect(text()).toContain('Timer running: Non-EHR work');
    expect(text()).toContain('Automatic tracking is off while the timer runs.');
  });

  it('shows the running timer’s elapsed time every second, its limit, and stops it', async () => {
    vi.useFakeTimers();
    const startedAt = new Date(2025, 2, 14, 13, 0).getTime();
    vi.setSystemTime(startedAt + (12 * 60 + 5) * 1000);
    const api = fakeApi(
      summary({
        nowTracking: null,
        timer: { category: 'direct_care', systemId: 'emis-web', systemName: 'EMIS Web', startedAt, limitAt: new Date(2025, 2, 14, 17, 30).getTime() },
      }),
    );
    await show(api);
    const elapsed = () => container.querySelector('[role="timer"]')?.textContent;
    expect(text()).toContain('Timer running: Direct patient care · EMIS Web');
    expect(text()).toContain('It stops by itself at 17:30.');
    expect(elapsed()).toBe('0:12:05');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    expect(elapsed()).toBe('0:12:06');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3_000);
    });
    expect(elapsed()).toBe('0:12:09');

    // The status is announced; the ticking seconds are not.
    expect(container.querySelector('[aria-live="polite"]')?.textContent).toContain('Timer running');
    expect(container.querySelector('[aria-live="polite"] [role="timer"]')).toBeNull();

    await click('Stop timer');
    expect(api.stopTimer).toHaveBeenCalledTimes(1);
    expect(container.querySelector('[role="timer"]')).toBeNull();
    expect(text()).toContain('Timer stopped.');
    expect(queryButton('Start timer')).toBeDefined();
  });

  it('never shows more than the time up to the limit', async () => {
    vi.useFakeTimers();
    const startedAt = new Date(2025, 2, 14, 13, 0).getTime();
    vi.setSystemTime(startedAt + 5 * 3600_000);
    await show(fakeApi(summary({ timer: { category: 'non_ehr', startedAt, limitAt: startedAt + 4 * 3600_000 } })));
    expect(container.querySelector('[role="timer"]')?.textContent).toBe('4:00:00');
  });

  it('starts the last timer again in one click', async () => {
    const api = fakeApi(summary({ lastTimer: { category: 'direct_care', systemId: 'emis-web' } }));
    await show(api);
    await click('Start Direct patient care on EMIS Web again');
    expect(api.startTimer).toHaveBeenCalledWith('direct_care', 'emis-web');
    expect(text()).toContain('Timer running: Direct patient care · EMIS Web');
  });

  it('offers "start again" without a system when the last timer had none, and not while a timer runs', async () => {
    const api = fakeApi(summary({ lastTimer: { category: 'inbox_messaging' } }));
    await show(api);
    await click('Start Inbox and messages again');
    expect(api.startTimer).toHaveBeenCalledWith('inbox_messaging', undefined);
    expect(queryButton('Start Inbox and messages again')).toBeUndefined();
  });

  it('says so when the timer could not be started', async () => {
    const api = fakeApi(summary());
    api.startTimer.mockRejectedValueOnce(new Error('no receiver'));
    await show(api);
    await click('Start timer');
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Timeback could not do that. Try again.');
    expect(queryButton('Start timer')).toBeDefined();
  });

  it('is offered before any web system is added', async () => {
    await show(fakeApi(summary({ systemsConfigured: 0, totalMs: 0, bySystem: [], byCategory: [], nowTracking: null, timerSystems: [] })));
    expect(text()).toContain('Add the clinical systems you use');
    expect(queryButton('Start timer')).toBeDefined();
  });
});

describe('Popup idle review', () => {
  it('asks about time away while a tab was open, and moves focus to the question', async () => {
    await show(fakeApi(summary({ idleReview: review() })));
    const region = reviewRegion();
    expect(region).not.toBeNull();
    expect(region!.querySelector('h2')?.textContent).toBe('Time while you were away');
    expect(region!.textContent).toContain('You were away for 23 min (10:02–10:25) while EMIS Web was open. What was it?');
    expect(region!.textContent).toContain('It counts as active time on EMIS Web.');
    expect(region!.textContent).toContain('The time is not counted.');
    expect(region!.textContent).toContain('It counts as the task you choose.');
    expect(document.activeElement).toBe(region);
    // It comes first, before today's total.
    expect(container.querySelector('main')?.firstElementChild).toBe(region);
  });

  it('describes each answer by its hint, and only "It was…" shows and hides a form', async () => {
    await show(fakeApi(summary({ idleReview: review() })));
    const hintOf = (name: string) => document.getElementById(button(name).getAttribute('aria-describedby')!)?.textContent;
    expect(hintOf('Keep it')).toBe('It counts as active time on EMIS Web.');
    expect(hintOf("Don't count it")).toBe('The time is not counted.');
    expect(hintOf('It was…')).toBe('It counts as the task you choose.');
    expect(button('Keep it').className).toBe('button');
    expect(button("Don't count it").hasAttribute('aria-expanded')).toBe(false);
    expect(document.getElementById(button('It was…').getAttribute('aria-controls')!)?.tagName).toBe('FORM');
  });

  it('asks about time away while a timer ran', async () => {
    await show(fakeApi(summary({ idleReview: review({ during: 'timer', category: 'non_ehr', systemId: undefined }) })));
    expect(reviewRegion()!.textContent).toContain('You were away for 23 min (10:02–10:25) while a timer was running. What was it?');
    expect(reviewRegion()!.textContent).toContain('The time stays in the timer.');
  });

  it('moves focus to a question that appears while the popup is open', async () => {
    vi.useFakeTimers();
    const api = fakeApi(summary());
    await show(api);
    expect(reviewRegion()).toBeNull();
    api.state.current = { ...api.state.current, idleReview: review() };
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    expect(document.activeElement).toBe(reviewRegion());
  });

  it.each([
    ['Keep it', { action: 'keep' }],
    ["Don't count it", { action: 'discard' }],
  ] as const)('"%s" resolves it', async (name, action) => {
    const api = fakeApi(summary({ idleReview: review() }));
    await show(api);
    await click(name);
    expect(api.resolveIdleReview).toHaveBeenCalledWith(action);
    expect(reviewRegion()).toBeNull();
    expect(document.activeElement).toBe(container.querySelector('h1'));
  });

  it('"It was…" assigns the chosen category and system', async () => {
    const api = fakeApi(summary({ idleReview: review() }));
    await show(api);
    const region = reviewRegion()!;
    const toggle = button('It was…');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await act(async () => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const category = select('Task', region);
    expect(document.activeElement).toBe(category);
    expect(category.value).toBe('documentation');
    expect(select('System (optional)', region).value).toBe('emis-web');

    await choose(category, 'direct_care');
    await choose(select('System (optional)', region), '');
    await click('Count it as this task');
    expect(api.resolveIdleReview).toHaveBeenCalledWith({ action: 'assign', category: 'direct_care' });
    expect(reviewRegion()).toBeNull();
  });

  it('"It was…" sends a chosen system', async () => {
    const api = fakeApi(summary({ idleReview: review({ during: 'timer', category: 'non_ehr', systemId: undefined }) }));
    await show(api);
    await click('It was…');
    const region = reviewRegion()!;
    await choose(select('Task', region), 'referrals');
    await choose(select('System (optional)', region), 'ers');
    await click('Count it as this task');
    expect(api.resolveIdleReview).toHaveBeenCalledWith({ action: 'assign', category: 'referrals', systemId: 'ers' });
  });

  it('keeps the question when answering fails', async () => {
    const api = fakeApi(summary({ idleReview: review() }));
    api.resolveIdleReview.mockRejectedValueOnce(new Error('no receiver'));
    await show(api);
    await click('Keep it');
    expect(reviewRegion()).not.toBeNull();
    expect(text()).toContain('Timeback could not do that. Try again.');
  });
});
