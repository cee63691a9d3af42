// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type ClinicalSystem, type DesktopSystem, type Settings as SettingsValue } from '../../../../src/core/settings.js';
import { Settings } from '../../../../src/dashboard/settings/Settings.js';
import type { SettingsApi } from '../../../../src/dashboard/settingsApi.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';
import { domQueries } from '../../../support/domQueries.js';

const ERS: ClinicalSystem = {
  id: 'ers',
  name: 'e-RS',
  matches: ['https://*.ers.nhs.uk/*', 'https://shared.example.nhs.uk/ers/*'],
  rules: [{ path: '/referrals/*', category: 'referrals', priority: 0 }],
  useGenericRules: true,
  signInPatterns: [],
};
const PAS: ClinicalSystem = { id: 'pas', name: 'PAS', matches: ['https://shared.example.nhs.uk/pas/*'], rules: [], useGenericRules: false, signInPatterns: [] };

function stored(systems: ClinicalSystem[] = [], extra: Partial<SettingsValue> = {}): SettingsValue {
  return { ...DEFAULT_SETTINGS, systems, ...extra };
}

function fakeApi(initial: unknown, { grant = true } = {}) {
  const calls: string[] = [];
  const store = { value: initial };
  return {
    calls,
    load: vi.fn(async (): Promise<unknown> => store.value),
    save: vi.fn(async (settings: SettingsValue) => {
      calls.push('save');
      store.value = settings;
    }),
    requestOrigins: vi.fn(async (_origins: string[]) => {
      calls.push('requestOrigins');
      return grant;
    }),
    removeOrigins: vi.fn(async (_origins: string[]) => {
      calls.push('removeOrigins');
    }),
  } satisfies SettingsApi & Record<string, unknown>;
}

let container: HTMLElement;
const { settle, text, button, press, field, type, choose, alertBox } = domQueries(() => container);
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
}


describe('Settings page: loading', () => {
  it('lists the stored systems with their patterns and rule count', async () => {
    await show(fakeApi(stored([ERS, PAS])));
    const items = [...container.querySelectorAll('.system')];
    expect(items.map((li) => li.querySelector('h3')?.textContent)).toEqual(['e-RS', 'PAS']);
    expect(items[0]!.textContent).toContain('https://*.ers.nhs.uk/*');
    expect(items[0]!.textContent).toContain('1 rule');
    expect(items[1]!.textContent).toContain('None: every page counts as Admin and other');
    expect(field('Inactivity threshold (seconds)').value).toBe('60');
    expect(field('Reading allowance (seconds)').value).toBe('60');
  });

  it('starts from the defaults when nothing is stored, without a warning', async () => {
    const api = fakeApi(undefined);
    await show(api);
    expect(text()).toContain('You have not added any clinical systems yet');
    expect(text()).not.toContain('could not be used');
    expect(api.save).not.toHaveBeenCalled();
  });

  it('warns about invalid stored settings, shows defaults and writes nothing', async () => {
    const api = fakeApi({ version: 1, systems: 'nope', inactivityThresholdSec: 9999, readingAllowanceSec: 60, paused: false });
    await show(api);
    expect(text()).toContain('Your saved settings could not be used');
    expect(text()).toContain('"systems" must be a list.');
    expect(text()).toContain('The inactivity threshold must be a whole number');
    expect(field('Inactivity threshold (seconds)').value).toBe('60');
    expect(api.save).not.toHaveBeenCalled();
  });

  it('keeps headings in order', async () => {
    await show(fakeApi(stored([ERS])));
    await press('Add a clinical system');
    const levels = [...container.querySelectorAll('h1, h2, h3')].map((h) => Number(h.tagName[1]));
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
  });
});

describe('Settings page: adding a system', () => {
  async function fillNewSystem(name: string, patterns: string) {
    await press('Add a clinical system');
    await type('Name', name);
    await type('Web addresses (match patterns)', patterns);
  }

  it('asks for exactly its origins, in the click, then saves it', async () => {
    const api = fakeApi(stored([ERS]));
    await show(api);
    await fillNewSystem('EMIS Web', 'https://*.emishealth.com/*\n\n  https://emis.example.nhs.uk/app/*  \nhttps://emis.example.nhs.uk/login/*');
    await press('Add a rule');
    await type('Path pattern, rule 1', '/notes/*');
    await choose('Task, rule 1', 'documentation');
    await press('Add a rule'); // left blank: dropped, not an error

    // Synchronously inside the click: the browser's user-gesture requirement.
    act(() => button('Add system').click());
    expect(api.requestOrigins).toHaveBeenCalledWith(['https://*.emishealth.com/*', 'https://emis.example.nhs.uk/*']);
    await settle();

    expect(api.calls).toEqual(['requestOrigins', 'save']);
    const saved = api.save.mock.calls[0]![0];
    expect(saved.systems).toEqual([
      ERS,
      {
        id: 'emis-web',
        name: 'EMIS Web',
        matches: ['https://*.emishealth.com/*', 'https://emis.example.nhs.uk/app/*', 'https://emis.example.nhs.uk/login/*'],
        rules: [{ path: '/notes/*', category: 'documentation', priority: 0 }],
        useGenericRules: true,
        signInPatterns: [],
      },
    ]);
    expect(text()).toContain('EMIS Web added.');
    expect(container.querySelector('form.system-form')).toBeNull();
    expect([...container.querySelectorAll('.system h3')].map((h) => h.textContent)).toEqual(['e-RS', 'EMIS Web']);
    expect(document.activeElement?.textContent).toBe('Add a clinical system');
  });

  it('gives a new system an unused id', async () => {
    const api = fakeApi(stored([ERS]));
    await show(api);
    await fillNewSystem('ERS', 'https://ers2.example.nhs.uk/*');
    await press('Add system');
    expect(api.save.mock.calls[0]![0].systems[1]!.id).toBe('ers-2');
  });

  it.each([
    ['<all_urls>', '"<all_urls>" would track every website'],
    ['https://*/*', 'would match every website'],
    ['ftp://x/*', 'is not a match pattern'],
    ['https://emis.example.nhs.uk:8443/*', 'includes a port'],
  ])('refuses the pattern %s: shows why, asks nothing, saves nothing', async (pattern, message) => {
    const api = fakeApi(stored());
    await show(api);
    await fillNewSystem('EMIS Web', pattern);
    await press('Add system');

    const alert = alertBox();
    expect(alert?.textContent).toContain('There is a problem');
    expect(alert?.textContent).toContain(message);
    expect(document.activeElement).toBe(alert);
    expect(api.requestOrigins).not.toHaveBeenCalled();
    expect(api.save).not.toHaveBeenCalled();
    expect(container.querySelector('form.system-form')).not.toBeNull();
  });

  it('lists every problem at once', async () => {
    const api = fakeApi(stored());
    await show(api);
    await press('Add a clinical system');
    await press('Add a rule');
    await type('Path pattern, rule 1', 'notes');
    await press('Add system');
    const items = [...(alertBox()?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
    expect(items).toHaveLength(3);
    expect(items.join('\n')).toMatch(/name of 1–60 characters[\s\S]*match patterns[\s\S]*starting with \//);
    expect(api.save).not.toHaveBeenCalled();
  });

  it('saves nothing when permission is refused, and says so', async () => {
    const api = fakeApi(stored(), { grant: false });
    await show(api);
    await fillNewSystem('EMIS Web', 'https://emis.example.nhs.uk/*');
    await press('Add system');
    expect(api.requestOrigins).toHaveBeenCalledWith(['https://emis.example.nhs.uk/*']);
    expect(api.save).not.toHaveBeenCalled();
    expect(alertBox()?.textContent).toContain('Timeback needs your permission to count time on EMIS Web. Nothing has been saved.');
    expect(container.querySelector('form.system-form')).not.toBeNull();
  });

  it('treats a failed permission request as refused', async () => {
    const api = fakeApi(stored());
    api.requestOrigins.mockRejectedValueOnce(new Error('permissions.request may only be called from a user input handler'));
    await show(api);
    await fillNewSystem('EMIS Web', 'https://emis.example.nhs.uk/*');
    await press('Add system');
    expect(api.save).not.toHaveBeenCalled();
    expect(alertBox()?.textContent).toContain('Nothing has been saved');
  });

  it('cancel closes the form without saving', async () => {
    const api = fakeApi(stored());
    await show(api);
    await fillNewSystem('EMIS Web', 'https://emis.example.nhs.uk/*');
    await press('Cancel');
    expect(container.querySelector('form.system-form')).toBeNull();
    expect(api.save).not.toHaveBeenCalled();
    expect(api.requestOrigins).not.toHaveBeenCalled();
  });
});

describe('Settings page: editing and removing', () => {
  it('edits a system in place, keeps its id, asks for its origins and gives back unused ones', async () => {
    const api = fakeApi(stored([ERS, PAS]));
    await show(api);
    await press('Edit e-RS');
    expect(field('Name').value).toBe('e-RS');
    expect(field('Path pattern, rule 1').value).toBe('/referrals/*');
    await type('Name', 'NHS e-Referral Service');
    await type('Web addresses (match patterns)', 'https://*.ers.nhs.uk/*');
    await press('Remove rule 1');
    await press('Save changes');

    expect(api.requestOrigins).toHaveBeenCalledWith(['https://*.ers.nhs.uk/*']);
    expect(api.save.mock.calls[0]![0].systems).toEqual([
      { id: 'ers', name: 'NHS e-Referral Service', matches: ['https://*.ers.nhs.uk/*'], rules: [], useGenericRules: true, signInPatterns: [] },
      PAS,
    ]);
    // shared.example.nhs.uk is still used by PAS, so nothing is given back.
    expect(api.removeOrigins).not.toHaveBeenCalled();
    expect(text()).toContain('Changes to NHS e-Referral Service saved.');
  });

  it('removes a system after confirmation, then gives back only the origins no other system uses', async () => {
    const api = fakeApi(stored([ERS, PAS]));
    await show(api);
    await press('Remove e-RS');
    expect(api.save).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toContain('Remove e-RS?');
    await press('Yes, remove e-RS');

    expect(api.calls).toEqual(['save', 'removeOrigins']);
    expect(api.save.mock.calls[0]![0].systems).toEqual([PAS]);
    expect(api.removeOrigins).toHaveBeenCalledWith(['https://*.ers.nhs.uk/*']);
    expect(api.requestOrigins).not.toHaveBeenCalled();
    expect([...container.querySelectorAll('.system h3')].map((h) => h.textContent)).toEqual(['PAS']);
    expect(text()).toContain('e-RS removed.');
  });

  it('can back out of removing', async () => {
    const api = fakeApi(stored([ERS]));
    await show(api);
    await press('Remove e-RS');
    await press('Cancel');
    expect(api.save).not.toHaveBeenCalled();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove e-RS');
  });

  it('reports a failed save and keeps showing the old settings', async () => {
    const api = fakeApi(stored([ERS]));
    api.save.mockRejectedValueOnce(new Error('QUOTA_BYTES'));
    await show(api);
    await press('Remove e-RS');
    await press('Yes, remove e-RS');
    expect(alertBox()?.textContent).toContain('Your settings could not be saved');
    expect(api.removeOrigins).not.toHaveBeenCalled();
    expect(container.querySelectorAll('.system')).toHaveLength(1);
  });
});

describe('Settings page: active time and pause', () => {
  it('saves a valid threshold and allowance', async () => {
    const api = fakeApi(stored([ERS]));
    await show(api);
    await type('Inactivity threshold (seconds)', '30');
    await type('Reading allowance (seconds)', '0');
    await press('Save active time settings');
    expect(api.save).toHaveBeenCalledWith({ ...stored([ERS]), inactivityThresholdSec: 30, readingAllowanceSec: 0 });
    expect(api.requestOrigins).not.toHaveBeenCalled();
    expect(text()).toContain('Active time settings saved.');
  });

  it('refuses out-of-range or blank values', async () => {
    const api = fakeApi(stored());
    await show(api);
    await type('Inactivity threshold (seconds)', '301');
    await type('Reading allowance (seconds)', '');
    await press('Save active time settings');
    expect(alertBox()?.textContent).toContain('inactivity threshold must be a whole number of seconds from 5 to 300');
    expect(alertBox()?.textContent).toContain('reading allowance must be a whole number of seconds from 0 to 300');
    expect(api.save).not.toHaveBeenCalled();
  });

  it('pauses and resumes tracking', async () => {
    const api = fakeApi(stored([ERS]));
    await show(api);
    expect(text()).toContain('Tracking is on.');
    await press('Pause tracking');
    expect(api.save).toHaveBeenLastCalledWith({ ...stored([ERS]), paused: true });
    expect(text()).toContain('Tracking is paused. Nothing is counted until you resume.');
    await press('Resume tracking');
    expect(api.save).toHaveBeenLastCalledWith({ ...stored([ERS]), paused: false });
  });

  it('follows settings changed elsewhere, so saving here does not undo them', async () => {
    let notify!: (raw: unknown) => void;
    const api = { ...fakeApi(stored([ERS])), watch: (cb: (raw: unknown) => void) => ((notify = cb), () => {}) };
    await show(api);
    await act(async () => notify(stored([ERS], { paused: true })));
    expect(text()).toContain('Tracking is paused.');
    await type('Inactivity threshold (seconds)', '45');
    await press('Save active time settings');
    expect(api.save).toHaveBeenCalledWith({ ...stored([ERS]), paused: true, inactivityThresholdSec: 45 });
  });
});

describe('Settings page: desktop systems', () => {
  const EMIS: DesktopSystem = { id: 'emis-web', name: 'EMIS Web' };

  it('adds a named desktop system without asking for any permission', async () => {
    const api = fakeApi(stored([ERS]));
    await show(api);
    expect(text()).toContain('No desktop systems yet.');
    await type('Name of a desktop system', '  EMIS Web ');
    await press('Add desktop system');
    expect(api.save).toHaveBeenCalledWith({ ...stored([ERS]), desktopSystems: [EMIS] });
    expect(api.requestOrigins).not.toHaveBeenCalled();
    expect(text()).toContain('EMIS Web added.');
    expect([...container.querySelectorAll('.desktop-name')].map((el) => el.textContent)).toEqual(['EMIS Web']);
    // Cleared for the next one.
    expect(field('Name of a desktop system').value).toBe('');
  });

  it('gives it an id no web or desktop system uses', async () => {
    const web: ClinicalSystem = { ...PAS, id: 'systmone', name: 'SystmOne online' };
    const api = fakeApi(stored([web], { desktopSystems: [{ id: 'systmone-2', name: 'SystmOne (old)' }] }));
    await show(api);
    await type('Name of a desktop system', 'SystmOne');
    await press('Add desktop system');
    expect(api.save.mock.calls[0]![0].desktopSystems).toEqual([
      { id: 'systmone-2', name: 'SystmOne (old)' },
      { id: 'systmone-3', name: 'SystmOne' },
    ]);
  });

  it('refuses a blank name or one already used, and saves nothing', async () => {
    const api = fakeApi(stored([ERS], { desktopSystems: [EMIS] }));
    await show(api);
    await press('Add desktop system');
    expect(alertBox()?.textContent).toContain('Give the desktop system a name, for example EMIS Web.');
    await type('Name of a desktop system', 'E-RS');
    await press('Add desktop system');
    expect(alertBox()?.textContent).toContain('You already have a system called E-RS.');
    await type('Name of a desktop system', 'emis web');
    await press('Add desktop system');
    expect(alertBox()?.textContent).toContain('You already have a system called emis web.');
    expect(document.activeElement).toBe(alertBox());
    expect(api.save).not.toHaveBeenCalled();
    expect(field('Name of a desktop system').value).toBe('emis web');
  });

  it('refuses a name over 60 characters, as parseSettings does', async () => {
    const api = fakeApi(stored());
    await show(api);
    await type('Name of a desktop system', 'x'.repeat(61));
    await press('Add desktop system');
    expect(alertBox()?.textContent).toContain('give it a name of 1–60 characters');
    expect(api.save).not.toHaveBeenCalled();
  });

  it('removes one, keeps the rest of the settings, and lands on the section heading', async () => {
    const other: DesktopSystem = { id: 'citrix', name: 'Citrix desktop' };
    const api = fakeApi(stored([ERS], { desktopSystems: [EMIS, other] }));
    await show(api);
    await press('Remove desktop system EMIS Web');
    expect(api.save).toHaveBeenCalledWith({ ...stored([ERS]), desktopSystems: [other] });
    expect(api.removeOrigins).not.toHaveBeenCalled();
    expect(text()).toContain('EMIS Web removed. Time already filed under it is kept.');
    expect([...container.querySelectorAll('.desktop-name')].map((el) => el.textContent)).toEqual(['Citrix desktop']);
    expect(document.activeElement?.id).toBe('desktop-heading');
  });

  it('gives a new web system an id no desktop system uses', async () => {
    const api = fakeApi(stored([], { desktopSystems: [EMIS] }));
    await show(api);
    await press('Add a clinical system');
    await type('Name', 'EMIS Web');
    await type('Web addresses (match patterns)', 'https://emis.example.nhs.uk/*');
    await press('Add system');
    expect(api.save.mock.calls[0]![0].systems[0]!.id).toBe('emis-web-2');
  });
});
