// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { policyView } from '../../../../src/core/policy.js';
import { DEFAULT_SETTINGS, type ClinicalSystem, type Settings as SettingsValue } from '../../../../src/core/settings.js';
import { systemOrigins } from '../../../../src/core/settings.js';
import { Settings } from '../../../../src/dashboard/settings/Settings.js';
import type { SettingsApi } from '../../../../src/dashboard/settingsApi.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';
import { domQueries } from '../../../support/domQueries.js';

const OWN: ClinicalSystem = { id: 'own', name: 'My system', matches: ['https://own.example.nhs.uk/*'], rules: [], useGenericRules: true, signInPatterns: [] };
const EHR = { id: 'trust-ehr', name: 'Trust EHR', matches: ['https://ehr.example-trust.nhs.uk/*'] };

function fakeApi(stored: SettingsValue, rawPolicy: unknown) {
  const store = { value: stored as unknown };
  return {
    store,
    load: vi.fn(async () => store.value),
    save: vi.fn(async (s: SettingsValue) => {
      store.value = s;
    }),
    requestOrigins: vi.fn(async () => true),
    removeOrigins: vi.fn(async () => undefined),
    policy: vi.fn(async () => policyView(stored, rawPolicy)),
  } satisfies SettingsApi & Record<string, unknown>;
}

let container: HTMLElement;
const { settle, text, field, hasButton, press } = domQueries(() => container);
beforeAll(() => installEnGbMessages());
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

async function show(api: SettingsApi) {
  await act(async () => {
    render(<Settings api={api} />, container);
  });
  await settle();
  await settle();
}

const hintOf = (el: HTMLElement) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => container.querySelector(`[id="${id}"]`)?.textContent ?? '').join(' ');

describe('Settings page under an organisation policy', () => {
  it('disables a locked control, shows the policy value and says who set it', async () => {
    const api = fakeApi({ ...DEFAULT_SETTINGS, inactivityThresholdSec: 90 }, { inactivityThresholdSec: 30 });
    await show(api);
    const threshold = field('Inactivity threshold (seconds)');
    expect(threshold.disabled).toBe(true);
    expect(threshold.value).toBe('30');
    expect(hintOf(threshold)).toContain('Set by your organisation.');
    const allowance = field('Reading allowance (seconds)');
    expect(allowance.disabled).toBe(false);
    expect(hintOf(allowance)).not.toContain('Set by your organisation.');
  });

  it('saving timing keeps the clinician’s own value for the locked one', async () => {
    const api = fakeApi({ ...DEFAULT_SETTINGS, inactivityThresholdSec: 90 }, { inactivityThresholdSec: 30 });
    await show(api);
    await press('Save active time settings');
    expect(api.save).toHaveBeenCalledWith(expect.objectContaining({ inactivityThresholdSec: 90, readingAllowanceSec: 60 }));
  });

  it('lists policy systems without Edit or Remove, and hides adding systems when they are locked', async () => {
    await show(fakeApi({ ...DEFAULT_SETTINGS, systems: [OWN] }, { clinicalSystems: [EHR], lockedSettings: ['systems'] }));
    const items = [...container.querySelectorAll('.system')];
    expect(items.map((li) => li.querySelector('h3')?.textContent)).toEqual(['Trust EHR']);
    expect(items[0]!.textContent).toContain('Set by your organisation.');
    expect(hasButton('Edit Trust EHR')).toBe(false);
    expect(hasButton('Remove Trust EHR')).toBe(false);
    expect(hasButton('Add a clinical system')).toBe(false);
    expect(text()).toContain('you cannot add your own');
  });

  it('keeps the clinician’s own systems editable next to unlocked policy systems', async () => {
    await show(fakeApi({ ...DEFAULT_SETTINGS, systems: [OWN] }, { clinicalSystems: [EHR] }));
    expect([...container.querySelectorAll('.system h3')].map((h) => h.textContent)).toEqual(['Trust EHR', 'My system']);
    expect(hasButton('Edit My system')).toBe(true);
    expect(hasButton('Edit Trust EHR')).toBe(false);
  });

  it('lets the clinician allow access to a policy system\'s pages (no policy can grant it), asking for exactly its origins', async () => {
    const api = fakeApi({ ...DEFAULT_SETTINGS }, { clinicalSystems: [EHR] });
    await show(api);
    await press('Allow access to Trust EHR');
    expect(api.requestOrigins).toHaveBeenCalledWith(systemOrigins({ ...EHR, signInPatterns: [] }));
    expect(text()).toContain('Timeback can now track Trust EHR.');
  });

  it('shows the policy warnings', async () => {
    await show(fakeApi(DEFAULT_SETTINGS, { teamReportThreshold: 5 }));
    expect(text()).toContain("Part of your organisation's settings could not be used");
    expect(text()).toContain('"teamReportThreshold": must be 8 or 11');
  });

  it('looks as before with no policy', async () => {
    await show(fakeApi(DEFAULT_SETTINGS, {}));
    expect(field('Inactivity threshold (seconds)').disabled).toBe(false);
    expect(text()).not.toContain('Set by your organisation.');
  });
});
