// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseRulesFile, rulesFileText, type ClassificationRule } from '../../../../src/core/classificationRules.js';
import { DEMO_RULES, GENERIC_RULES } from '../../../../src/core/presets.js';
import { DEFAULT_SETTINGS, type ClinicalSystem, type Settings as SettingsValue } from '../../../../src/core/settings.js';
import type { RulePreview, RulePreviewRequest } from '../../../../src/protocol.js';
import { Settings } from '../../../../src/dashboard/settings/Settings.js';
import type { SettingsApi } from '../../../../src/dashboard/settingsApi.js';
import { SystemForm } from '../../../../src/dashboard/settings/SystemForm.js';
import { draftFromSystem, emptyDraft, type SystemDraft } from '../../../../src/dashboard/settings/systemDraft.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';
import { domQueries } from '../../../support/domQueries.js';

const EHR: ClinicalSystem = {
  id: 'ehr',
  name: 'Trust EHR',
  matches: ['https://ehr.example-trust.nhs.uk/*'],
  rules: [
    { path: '/patients/*/notes*', category: 'documentation', priority: 20 },
    { title: '* – Results', category: 'results_review', priority: 10 },
  ],
  useGenericRules: false,
  signInPatterns: [],
};

let container: HTMLElement;
const { settle, text, button, press, field, type, choose } = domQueries(() => container);
beforeAll(() => installEnGbMessages());
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});


async function upload(content: string, name = 'rules.json') {
  const input = field('Import rules from a file');
  Object.defineProperty(input, 'files', { value: [new File([content], name, { type: 'application/json' })], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
  await settle();
}
const formAlert = () => container.querySelector<HTMLElement>('form [role="alert"]');
const rowValues = () =>
  [...container.querySelectorAll('.rule-row')].map((row) => {
    const [path, title, selector, priority] = [...row.querySelectorAll<HTMLInputElement>('input')].map((i) => i.value);
    return { path, title, selector, category: row.querySelector('select')!.value, priority };
  });
const asRows = (rules: readonly ClassificationRule[]) =>
  rules.map((r) => ({ path: r.path ?? '', title: r.title ?? '', selector: r.selector ?? '', category: r.category, priority: String(r.priority) }));

async function showForm(initial: SystemDraft, preview?: (request: RulePreviewRequest) => Promise<RulePreview | undefined>) {
  const onSubmit = vi.fn();
  await act(async () => {
    render(<SystemForm initial={initial} heading="System" onSubmit={onSubmit} onCancel={() => undefined} previewRules={preview} />, container);
  });
  return onSubmit;
}

describe('rules editor', () => {
  it('labels every field of every rule, and the new fields of the system', async () => {
    await showForm(draftFromSystem(EHR));
    for (const label of ['Path pattern, rule 2', 'Title pattern, rule 2', 'Element (CSS selector), rule 2', 'Task, rule 2', 'Priority, rule 2', 'Also use the generic rules', 'Sign-in pages (optional)', 'Import rules from a file'])
      expect(field(label)).toBeTruthy();
    expect(field('Title pattern, rule 2').value).toBe('* – Results');
    expect(field('Priority, rule 1').value).toBe('20');
    expect(field<HTMLInputElement>('Also use the generic rules').checked).toBe(false);
    expect(field<HTMLInputElement>('Also use the generic rules').getAttribute('aria-describedby')).toBe('system-use-generic-hint');
  });

  it('a new system starts with the generic rules on', async () => {
    await showForm(emptyDraft());
    expect(field<HTMLInputElement>('Also use the generic rules').checked).toBe(true);
  });

  it('adds a preset as rows after the existing ones, says so, and focuses the first new row', async () => {
    await showForm(draftFromSystem(EHR));
    await press('Add the demo preset');
    expect(rowValues()).toEqual([...asRows(EHR.rules), ...asRows(DEMO_RULES)]);
    expect(text()).toContain(`Rules added from the demo preset: ${DEMO_RULES.length}.`);
    expect(document.activeElement).toBe(field('Path pattern, rule 3'));
    await press('Add the generic preset');
    expect(rowValues()).toHaveLength(EHR.rules.length + DEMO_RULES.length + GENERIC_RULES.length);
  });

  it('refuses a selector the browser cannot parse: error summary focused, field marked, nothing submitted', async () => {
    const onSubmit = await showForm(draftFromSystem(EHR));
    await press('Add a rule');
    await type('Element (CSS selector), rule 3', 'div[');
    await act(async () => {
      container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onSubmit).not.toHaveBeenCalled();
    expect(formAlert()?.textContent).toContain('Rule 3: your browser cannot read the selector “div[”');
    expect(document.activeElement).toBe(formAlert());
    const input = field('Element (CSS selector), rule 3');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector(`#${input.getAttribute('aria-describedby')}`)?.textContent).toBe('Your browser cannot read this selector.');
    // Fixed: submitted, and the errors go.
    await type('Element (CSS selector), rule 3', 'div[data-x]');
    await act(async () => {
      container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(formAlert()).toBeNull();
  });
});

describe('import and export', () => {
  it('imports a valid file, replacing the rows, and says how many', async () => {
    await showForm(draftFromSystem(EHR));
    await upload(rulesFileText(DEMO_RULES), 'demo.json');
    expect(rowValues()).toEqual(asRows(DEMO_RULES));
    expect(text()).toContain(`Rules imported: ${DEMO_RULES.length}, from demo.json.`);
    expect(formAlert()).toBeNull();
  });

  it.each([
    ['not JSON', '{"format":', 'not valid JSON'],
    ['nothing in it', '', 'not valid JSON'],
    ['another format', JSON.stringify({ format: 'other', version: 1, rules: [] }), '"format" must be "timeback-rules"'],
    ['a newer version', JSON.stringify({ format: 'timeback-rules', version: 9, rules: [] }), 'from a newer Timeback'],
    ['one bad rule', rulesFileText(DEMO_RULES).replace('"/inbox*"', '"/inbox?x=1"'), 'Rule 10: "path" matches the path only'],
    ['an empty rule', JSON.stringify({ format: 'timeback-rules', version: 1, rules: [{ category: 'documentation', priority: 0 }] }), 'has no condition'],
  ])('refuses a file with %s: says why, changes no row', async (_name, content, message) => {
    await showForm(draftFromSystem(EHR));
    await upload(content, 'bad.json');
    expect(formAlert()?.textContent).toContain('Nothing was imported from bad.json:');
    expect(formAlert()?.textContent).toContain(message);
    expect(document.activeElement).toBe(formAlert());
    expect(rowValues()).toEqual(asRows(EHR.rules));
    expect(field('Import rules from a file').value).toBe('');
  });

  it('exports the rows as a rules file through a Blob URL, which imports back to the same rows', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:timeback/rules';
    });
    const clicks: Array<{ href: string; download: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download });
    });
    await showForm(draftFromSystem(EHR));
    await press('Add a rule'); // blank: left out
    await press('Export these rules');
    expect(clicks).toEqual([{ href: 'blob:timeback/rules', download: 'timeback-rules-ehr.json' }]);
    const exported = await blobs[0]!.text();
    expect(exported).toBe(rulesFileText(EHR.rules));
    expect(parseRulesFile(exported)).toEqual({ ok: true, rules: EHR.rules });
    expect(text()).toContain('Rules exported: 2, to timeback-rules-ehr.json.');

    await upload(exported);
    expect(rowValues()).toEqual(asRows(EHR.rules));
  });

  it('refuses to export invalid rules, naming the problems', async () => {
    const create = vi.spyOn(URL, 'createObjectURL');
    await showForm(draftFromSystem(EHR));
    await type('Priority, rule 2', 'high');
    await press('Export these rules');
    expect(create).not.toHaveBeenCalled();
    expect(formAlert()?.textContent).toContain('The rules were not exported:');
    expect(formAlert()?.textContent).toContain('Rule 2: "priority" must be a whole number');
  });
});

describe('test these rules against the current tab', () => {
  it('asks nothing for a system that is not saved yet', async () => {
    const preview = vi.fn();
    await showForm(emptyDraft(), preview);
    await press('Test these rules against the current tab');
    expect(preview).not.toHaveBeenCalled();
    expect(text()).toContain('Save this system first');
  });

  it('sends the unsaved rules and shows the category and the row that decided it', async () => {
    const preview = vi.fn(async (_r: RulePreviewRequest): Promise<RulePreview> => ({ status: 'ok', category: 'results_review', rule: { list: 'system', index: 1 } }));
    await showForm(draftFromSystem(EHR), preview);
    // A blank row first: the form's numbering counts it, the rules sent do not.
    await press('Add a rule');
    await press('Add a rule');
    await type('Title pattern, rule 4', 'Letters*');
    await act(async () => field<HTMLInputElement>('Also use the generic rules').click());
    await press('Test these rules against the current tab');
    expect(preview).toHaveBeenCalledWith({ systemId: 'ehr', rules: [...EHR.rules, { title: 'Letters*', category: 'documentation', priority: 0 }], useGenericRules: true });
    expect(text()).toContain('That tab counts as Results review, decided by rule 2.');
    expect(container.querySelectorAll('.rule-row')[1]!.classList.contains('rule-row-matched')).toBe(true);
    expect(container.querySelector('.rule-row-matched')?.textContent).toContain('The test matched this rule.');
  });

  it.each<[string, RulePreview | undefined | Error, string]>([
    ['a generic rule', { status: 'ok', category: 'documentation', rule: { list: 'generic', index: GENERIC_RULES.findIndex((r) => r.path === '*/note*') } }, 'That tab counts as Documentation, decided by the generic rule */note*.'],
    ['no rule', { status: 'ok', category: 'admin_other', rule: null }, 'No rule matches that tab, so it counts as Admin and other.'],
    ['a sign-in page', { status: 'signIn' }, "That tab is one of this system's sign-in pages, so it counts as Logging in."],
    ['no open tab', { status: 'noTab' }, 'No tab of Trust EHR is open, or none was used recently.'],
    ['a removed system', { status: 'unknownSystem' }, 'Save this system first'],
    ['no answer', undefined, 'The test could not run.'],
    ['a failure', new Error('Extension context invalidated.'), 'The test could not run.'],
  ])('explains %s, and never shows an address or title', async (_name, outcome, message) => {
    const preview = vi.fn(async () => {
      if (outcome instanceof Error) throw outcome;
      return outcome;
    });
    await showForm(draftFromSystem(EHR), preview);
    await press('Test these rules against the current tab');
    const status = [...container.querySelectorAll('[role="status"]')].map((s) => s.textContent).join(' ');
    expect(status).toContain(message);
    expect(status).not.toMatch(/https?:|example-trust/);
  });

  it('shows the worker\'s reasons when it refuses the rules, and checks selectors before asking', async () => {
    const preview = vi.fn(async (): Promise<RulePreview> => ({ status: 'invalid', errors: ['Rule 1: something is wrong.'] }));
    await showForm(draftFromSystem(EHR), preview);
    await press('Test these rules against the current tab');
    expect(formAlert()?.textContent).toContain('Rule 1: something is wrong.');
    preview.mockClear();
    await type('Element (CSS selector), rule 1', '#a[');
    await press('Test these rules against the current tab');
    expect(preview).not.toHaveBeenCalled();
    expect(formAlert()?.textContent).toContain('your browser cannot read the selector');
  });
});

describe('saving through the settings page', () => {
  function fakeApi(initial: SettingsValue) {
    const store = { value: initial as unknown };
    return {
      load: vi.fn(async () => store.value),
      save: vi.fn(async (settings: SettingsValue) => {
        store.value = settings;
      }),
      requestOrigins: vi.fn(async (_origins: string[]) => true),
      removeOrigins: vi.fn(async (_origins: string[]) => undefined),
    } satisfies SettingsApi;
  }

  it('saves rules, the generic switch and sign-in pages, asking for the sign-in origin too', async () => {
    const api = fakeApi({ ...DEFAULT_SETTINGS, systems: [EHR] });
    await act(async () => {
      render(<Settings api={api} />, container);
    });
    await settle();
    await press('Edit Trust EHR');
    await type('Sign-in pages (optional)', 'https://sso.example-trust.nhs.uk/adfs/*\n');
    await press('Add a rule');
    await type('Element (CSS selector), rule 3', 'input[type=password]');
    await choose('Task, rule 3', 'login_auth');
    await type('Priority, rule 3', '100');
    await act(async () => field<HTMLInputElement>('Also use the generic rules').click());
    act(() => button('Save changes').click());
    expect(api.requestOrigins).toHaveBeenCalledWith(['https://ehr.example-trust.nhs.uk/*', 'https://sso.example-trust.nhs.uk/*']);
    await settle();
    expect(api.save.mock.calls[0]![0].systems).toEqual([
      {
        ...EHR,
        rules: [...EHR.rules, { selector: 'input[type=password]', category: 'login_auth', priority: 100 }],
        useGenericRules: true,
        signInPatterns: ['https://sso.example-trust.nhs.uk/adfs/*'],
      },
    ]);
    expect(text()).toContain('Sign-in pages');
    expect(text()).toContain('https://sso.example-trust.nhs.uk/adfs/*');
  });

  it('saves embedded viewers, asking for their origin too', async () => {
    const api = fakeApi({ ...DEFAULT_SETTINGS, systems: [EHR] });
    await act(async () => {
      render(<Settings api={api} />, container);
    });
    await settle();
    await press('Edit Trust EHR');
    await type('Embedded viewers (optional)', ' https://pacs.example-trust.nhs.uk/viewer/* \n');
    act(() => button('Save changes').click());
    expect(api.requestOrigins).toHaveBeenCalledWith(['https://ehr.example-trust.nhs.uk/*', 'https://pacs.example-trust.nhs.uk/*']);
    await settle();
    expect(api.save.mock.calls[0]![0].systems).toEqual([{ ...EHR, viewerPatterns: ['https://pacs.example-trust.nhs.uk/viewer/*'] }]);
    expect(text()).toContain('Embedded viewers');
    expect(text()).toContain('https://pacs.example-trust.nhs.uk/viewer/*');
  });

  it.each([
    ['an embedded viewer for every website', 'Embedded viewers (optional)', '<all_urls>', 'embedded viewers: "<all_urls>" would track every website'],
    ['a selector that reads a field value', 'Element (CSS selector), rule 1', 'input[value^="943"]', 'tests what an attribute says'],
    ['a priority that is not a whole number', 'Priority, rule 1', '1.5', '"priority" must be a whole number'],
    ['a query in a path', 'Path pattern, rule 1', '/notes?nhs=*', 'remove the query or fragment'],
    ['a sign-in pattern for every website', 'Sign-in pages (optional)', '<all_urls>', 'sign-in pages: "<all_urls>" would track every website'],
  ])('refuses %s with its message and saves nothing', async (_name, label, value, message) => {
    const api = fakeApi({ ...DEFAULT_SETTINGS, systems: [EHR] });
    await act(async () => {
      render(<Settings api={api} />, container);
    });
    await settle();
    await press('Edit Trust EHR');
    await type(label, value);
    await press('Save changes');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(message);
    expect(api.requestOrigins).not.toHaveBeenCalled();
    expect(api.save).not.toHaveBeenCalled();
  });
});
