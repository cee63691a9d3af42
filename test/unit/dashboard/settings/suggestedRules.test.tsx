// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PathShapeTally } from '../../../../src/core/pathShape.js';
import { DEFAULT_SETTINGS, type Settings as SettingsValue } from '../../../../src/core/settings.js';
import { Settings } from '../../../../src/dashboard/settings/Settings.js';
import type { SettingsApi } from '../../../../src/dashboard/settingsApi.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';
import { CANARY_ID, CANARY_STRINGS, canaryUrl } from '../../../fixtures/demo/canary.mjs';
import { domQueries, containerPerTest } from '../../../support/domQueries.js';

const DEMO = { id: 'demo', name: 'Demo EHR', matches: ['http://127.0.0.1/*'], rules: [], useGenericRules: true, signInPatterns: [] };

/** The worker's real tally, fed the canary patient's pages, behind a fake settings api. */
function fakeApi() {
  const tally = new PathShapeTally();
  for (const p of ['notes', 'notes', 'results', 'search'] as const) tally.add('demo', canaryUrl('http://127.0.0.1:4321', p));
  const store = { value: { ...DEFAULT_SETTINGS, systems: [DEMO] } as unknown };
  return {
    load: vi.fn(async () => store.value),
    save: vi.fn(async (s: SettingsValue) => {
      store.value = s;
    }),
    requestOrigins: vi.fn(async () => true),
    removeOrigins: vi.fn(async () => {}),
    pathShapes: vi.fn(async (id: string) => tally.shapes(id)),
  } satisfies SettingsApi & Record<string, unknown>;
}

let container: HTMLElement;
const { settle, text, press, choose } = domQueries(() => container);
beforeAll(() => installEnGbMessages());
containerPerTest((c) => (container = c));

describe('Settings: suggested rules from path shapes', () => {
  it('shows masked shapes only, and one click writes a rule for the chosen task', async () => {
    const api = fakeApi();
    await act(async () => {
      render(<Settings api={api} />, container);
    });
    await settle();
    await settle();
    expect(text()).toContain('Suggest categories for Demo EHR');
    await press('Show the pages you visited');
    const shown = [...container.querySelectorAll('.suggest-item code')].map((c) => c.textContent);
    expect(shown).toEqual(['/patients/*/notes', '/patients/*/results', '/patients/search']);
    for (const s of [...CANARY_STRINGS, CANARY_ID]) expect(container.innerHTML).not.toContain(s);

    await choose('Task for /patients/*/notes', 'documentation');
    const add = container.querySelectorAll<HTMLButtonElement>('.suggest-item button')[0]!;
    await act(async () => add.click());
    await settle();
    const saved = api.save.mock.calls[0]![0];
    expect(saved.systems[0]!.rules).toEqual([{ path: '/patients/*/notes', category: 'documentation', priority: 0 }]);
    for (const s of [...CANARY_STRINGS, CANARY_ID]) expect(JSON.stringify(saved)).not.toContain(s);
    expect(text()).toContain('Added a rule for /patients/*/notes to Demo EHR.');
    // The system has a rule of its own now: no more suggestions for it.
    expect(text()).not.toContain('Suggest categories for Demo EHR');
  });
});
