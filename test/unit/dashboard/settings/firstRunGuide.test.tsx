// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DayEntries } from '../../../../src/core/entries.js';
import { DEFAULT_SETTINGS, type Settings as SettingsValue } from '../../../../src/core/settings.js';
import { Dashboard } from '../../../../src/dashboard/Dashboard.js';
import type { DashboardApi } from '../../../../src/dashboard/dashboardApi.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';
import { domQueries, containerPerTest } from '../../../support/domQueries.js';

function fakeApi(initial: unknown) {
  const store = { value: initial };
  return {
    load: vi.fn(async (): Promise<unknown> => store.value),
    save: vi.fn(async (settings: SettingsValue) => {
      store.value = settings;
    }),
    requestOrigins: vi.fn(async () => true),
    removeOrigins: vi.fn(async () => {}),
    readRollups: vi.fn(async () => []),
    today: () => '2025-03-14',
    getDayEntries: vi.fn(async (date: string): Promise<DayEntries> => ({ date, entries: [], totalMs: 0, correctedMs: 0, undo: null })),
    changeEntry: vi.fn(async () => ({ ok: true as const })),
    undoLastChange: vi.fn(async () => ({ ok: true as const })),
    extensionVersion: () => '0.1.0',
    readContributorId: vi.fn(async () => null),
    writeContributorId: vi.fn(async () => {}),
  } satisfies DashboardApi & Record<string, unknown>;
}

let container: HTMLElement;
const { settle, text, press } = domQueries(() => container);
beforeAll(() => installEnGbMessages());
containerPerTest((c) => (container = c), () => history.replaceState(null, '', location.pathname + location.search));

async function show(api: DashboardApi) {
  await act(async () => {
    render(<Dashboard api={api} />, container);
  });
  await settle();
  await settle();
}
const guide = () => container.querySelector('.first-run');

describe('first-run guide', () => {
  it('dashboard.html#guide opens Settings with the three steps in one screen, focused on its heading', async () => {
    history.replaceState(null, '', '#guide');
    await show(fakeApi(undefined));
    expect(container.querySelector('h1')?.textContent).toBe('Timeback settings');
    expect(guide()).not.toBeNull();
    expect([...guide()!.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      '1. Choose the clinical systems you use',
      '2. Add your job plan (optional)',
      '3. What is and is not recorded',
    ]);
    expect(document.activeElement?.id).toBe('guide-heading');
    expect(guide()!.textContent).toContain('patient names, NHS numbers or anything else about patients');
    expect(guide()!.textContent).toContain('Track this site');
  });

  it('opens there even when systems are set up (the popup’s "How Timeback works")', async () => {
    history.replaceState(null, '', '#guide');
    await show(fakeApi({ ...DEFAULT_SETTINGS, systems: [{ id: 'ers', name: 'e-RS', matches: ['https://ers.nhs.uk/*'], rules: [], useGenericRules: true, signInPatterns: [] }] }));
    expect(guide()).not.toBeNull();
  });

  it('its buttons move to the catalogue and the job plan, and it can be hidden', async () => {
    history.replaceState(null, '', '#guide');
    await show(fakeApi(undefined));
    await press('Go to the catalogue');
    expect(document.activeElement?.id).toBe('catalogue-heading');
    await press('Go to the job plan');
    expect(document.activeElement?.id).toBe('schedule-heading');
    await press('Hide this guide');
    expect(guide()).toBeNull();
    expect(location.hash).toBe('#settings');
    expect(text()).toContain('Add a system from the catalogue');
  });

  it('is not shown without #guide', async () => {
    await show(fakeApi(undefined));
    expect(container.querySelector('h1')?.textContent).toBe('Timeback settings');
    expect(guide()).toBeNull();
  });
});
