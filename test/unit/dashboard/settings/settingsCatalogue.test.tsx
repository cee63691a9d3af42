// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BUNDLED_CATALOGUE } from '../../../../src/core/catalogue.js';
import { policyView } from '../../../../src/core/policy.js';
import { DEFAULT_SETTINGS, type Settings as SettingsValue } from '../../../../src/core/settings.js';
import { Settings } from '../../../../src/dashboard/settings/Settings.js';
import type { SettingsApi } from '../../../../src/dashboard/settingsApi.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';
import { domQueries, containerPerTest } from '../../../support/domQueries.js';

function fakeApi(initial: unknown, { grant = true, policy }: { grant?: boolean; policy?: unknown } = {}) {
  const calls: string[] = [];
  const store = { value: initial };
  return {
    calls,
    load: vi.fn(async (): Promise<unknown> => store.value),
    save: vi.fn(async (settings: SettingsValue) => {
      calls.push('save');
      store.value = settings;
    }),
    requestOrigins: vi.fn(async (origins: string[]) => {
      calls.push(`requestOrigins ${origins.join(' ')}`);
      return grant;
    }),
    removeOrigins: vi.fn(async () => undefined),
    ...(policy === undefined ? {} : { policy: vi.fn(async () => policyView(DEFAULT_SETTINGS, policy)) }),
  } satisfies SettingsApi & Record<string, unknown>;
}

let container: HTMLElement;
const { settle, text, button, hasButton, type } = domQueries(() => container);
beforeAll(() => installEnGbMessages());
containerPerTest((c) => (container = c));

async function show(api: SettingsApi) {
  await act(async () => {
    render(<Settings api={api} />, container);
  });
  await settle();
  await settle();
}
const entryNames = () => [...container.querySelectorAll('.catalogue-item h4')].map((h) => h.textContent);

describe('Settings page: the catalogue', () => {
  it('lists every bundled entry with its patterns and its dated source', async () => {
    await show(fakeApi(undefined));
    expect(entryNames()).toEqual(BUNDLED_CATALOGUE.map((e) => e.name));
    const ers = [...container.querySelectorAll('.catalogue-item')].find((li) => li.querySelector('h4')?.textContent === 'e-Referral Service')!;
    expect(ers.textContent).toContain('https://ers.nhs.uk/*');
    expect(ers.querySelector('a')?.getAttribute('href')).toBe('https://digital.nhs.uk/services/e-referral-service/logging-in');
    expect(ers.textContent).toContain('(checked 2026-12-02)');
    button('Add e-Referral Service');
  });

  it('searches by name or address, ignoring case, and says how many are shown', async () => {
    await show(fakeApi(undefined));
    await type('Search the catalogue', 'REFERRAL');
    expect(entryNames()).toEqual(['e-Referral Service']);
    expect(text()).toContain(`Showing 1 of ${BUNDLED_CATALOGUE.length} systems`);
    await type('Search the catalogue', 'portal.nhs.net');
    expect(entryNames()).toEqual(['NHSmail portal']);
    await type('Search the catalogue', 'nothing like this');
    expect(entryNames()).toEqual([]);
  });

  it('adds an entry in one click: asks for exactly its origins in the click, then saves the system', async () => {
    const api = fakeApi(undefined);
    await show(api);
    act(() => button('Add e-Referral Service').click());
    expect(api.calls).toEqual(['requestOrigins https://ers.nhs.uk/*']);
    await settle();
    await settle();
    expect(api.calls).toEqual(['requestOrigins https://ers.nhs.uk/*', 'save']);
    expect(api.save.mock.calls[0]![0].systems).toEqual([{ id: 'ers', name: 'e-Referral Service', matches: ['https://ers.nhs.uk/*'], rules: [{ selector: 'input[type=password]', category: 'login_auth', priority: 100 }, { path: '/*', category: 'referrals', priority: 0 }], useGenericRules: true, signInPatterns: [] }]);
    expect(text()).toContain('e-Referral Service is already one of your systems.');
    expect(hasButton('Add e-Referral Service')).toBe(false);
  });

  it('saves nothing when the browser refuses access', async () => {
    const api = fakeApi(undefined, { grant: false });
    await show(api);
    await act(async () => button('Add NHSmail portal').click());
    await settle();
    expect(api.save).not.toHaveBeenCalled();
    expect(text()).toContain('NHSmail portal');
  });

  it('shows an organisation’s entries, replacing a bundled one for the same host, and hides the catalogue when systems are locked', async () => {
    await show(fakeApi(undefined, { policy: { catalogue: [{ id: 'trust-ers', name: 'e-RS (our trust)', matches: ['https://ers.nhs.uk/*'] }] } }));
    expect(entryNames()).toEqual(['NHSmail portal', 'e-RS (our trust)']);
    expect(text()).toContain('Added to the catalogue by your organisation.');
    render(null, container);
    await show(fakeApi(undefined, { policy: { lockedSettings: ['systems'] } }));
    expect(container.querySelector('.catalogue')).toBeNull();
  });
});
