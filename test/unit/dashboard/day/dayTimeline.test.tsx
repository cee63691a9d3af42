// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyRollup, type DayRollup } from '../../../../src/core/dayRollup.js';
import type { ChangeResult, DayEntries, DayEntry, EntryChange } from '../../../../src/core/entries.js';
import { DEFAULT_SETTINGS, parseSettings, type Settings as SettingsValue } from '../../../../src/core/settings.js';
import type { DashboardApi } from '../../../../src/dashboard/dashboardApi.js';
import { PeriodPage } from '../../../../src/dashboard/period/PeriodPage.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';
import type { MessageCatalog } from '../../../../src/ui/i18n.js';
import { domQueries } from '../../../support/domQueries.js';

const MIN = 60_000;
const PARAMS = { inactivityThresholdSec: 60, readingAllowanceSec: 60 };
const DATE = '2025-03-14';
/** 14 March 2025 is in GMT, so local clock times equal UTC ones. */
const at = (hh: number, mm: number) => Date.UTC(2025, 2, 14, hh, mm);

function settings(): SettingsValue {
  const parsed = parseSettings({
    ...DEFAULT_SETTINGS,
    systems: [{ id: 'ers', name: 'e-RS', matches: ['https://*.ers.nhs.uk/*'] }],
    desktopSystems: [{ id: 'emis-web', name: 'EMIS Web' }],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.settings;
}

function entry(id: string, fields: Partial<DayEntry> & Pick<DayEntry, 'start' | 'end' | 'category' | 'source'>): DayEntry {
  return { id, systemId: '', systemName: '', activeMs: fields.end - fields.start, edited: false, flaggedForReview: false, ...fields };
}

// Deliberately out of order: the timeline sorts by start.
const ENTRIES: DayEntry[] = [
  entry('t1', { start: at(11, 0), end: at(11, 45), category: 'inbox_messaging', source: 'timer', systemId: 'emis-web', systemName: 'EMIS Web', edited: true, flaggedForReview: true }),
  entry('a1', { start: at(9, 0), end: at(9, 30), category: 'documentation', source: 'auto', systemId: 'ers', systemName: 'e-RS' }),
  entry('m1', { start: at(10, 0), end: at(10, 20), category: 'direct_care', source: 'manual', note: 'Ward round' }),
];

function day(entries: DayEntry[] = ENTRIES, undo: DayEntries['undo'] = null): DayEntries {
  return { date: DATE, entries, totalMs: entries.reduce((s, e) => s + e.activeMs, 0), correctedMs: 65 * MIN, undo };
}

function rollupOf(minutes: number): DayRollup {
  const r = emptyRollup(DATE, PARAMS);
  const ms = minutes * MIN;
  r.cells.ers = { documentation: { activeMs: ms, byThresholdMs: { 5: ms, 30: ms, 60: ms, 300: ms } } };
  r.slots['108'] = ms;
  return r;
}

function fakeApi(initial: DayEntries = day()) {
  const state = { day: initial, rollupMinutes: 95 };
  return {
    state,
    load: vi.fn(async (): Promise<unknown> => settings()),
    save: vi.fn(async (_s: SettingsValue) => {}),
    requestOrigins: vi.fn(async (_origins: string[]) => true),
    removeOrigins: vi.fn(async (_origins: string[]) => {}),
    readRollups: vi.fn(async (_from: string, _to: string) => [rollupOf(state.rollupMinutes)]),
    today: () => DATE,
    getDayEntries: vi.fn(async (_date: string): Promise<DayEntries> => state.day),
    changeEntry: vi.fn(async (_change: EntryChange): Promise<ChangeResult> => ({ ok: true })),
    undoLastChange: vi.fn(async (): Promise<ChangeResult> => ({ ok: true })),
    // The Share view's needs (test/unit/dashboard/share/share.test.tsx covers them).
    extensionVersion: () => '0.1.0',
    readContributorId: vi.fn(async (): Promise<string | null> => null),
    writeContributorId: vi.fn(async (_id: string | null) => {}),
  } satisfies DashboardApi & Record<string, unknown>;
}

let container: HTMLElement;
const { settle, openDataTables, text, button, hasButton, press, field, type, choose, alertBox } = domQueries(() => container);
beforeAll(() => installEnGbMessages());
beforeEach(() => {
  // "Not in the future" is judged against this moment: the evening of the viewed day.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at(18, 0));
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});


async function show(api: DashboardApi) {
  await act(async () => {
    render(<PeriodPage api={api} kind="day" anchor={DATE} onAnchor={() => {}} onOpenSettings={() => {}} />, container);
  });
  await settle();
  await settle();
}

const section = () => container.querySelector<HTMLElement>('.day-timeline')!;
const status = () => section().querySelector('[role="status"]')?.textContent;
/** The list items of the timeline, as their heading text. */
const items = () => [...section().querySelectorAll('.entry')] as HTMLElement[];
const item = (name: string) => {
  const li = items().find((el) => el.querySelector('h3')?.textContent === name);
  if (!li) throw new Error(`no record "${name}"`);
  return li;
};

const addForm = () => container.querySelector<HTMLElement>('.add-time')!;

describe('Day timeline: the records', () => {
  it('lists every record by start time, with system, task, source, counted time, badges and note', async () => {
    await show(fakeApi());
    expect(section().querySelector('h2')?.textContent).toBe('Your day, record by record');
    expect(items().map((li) => li.querySelector('h3')?.textContent)).toEqual([
      '09:00–09:30, Documentation',
      '10:00–10:20, Direct patient care',
      '11:00–11:45, Inbox and messages',
    ]);
    const [tracked, manual, timer] = items();
    expect(tracked!.textContent).toContain('e-RS');
    expect(tracked!.textContent).toContain('Tracked');
    expect(tracked!.textContent).toContain('30 min');
    expect(tracked!.querySelector('.badge')).toBeNull();
    expect(manual!.textContent).toContain('No system');
    expect(manual!.textContent).toContain('Manual');
    expect(manual!.querySelector('.entry-note')?.textContent).toBe('Ward round');
    expect(timer!.textContent).toContain('EMIS Web');
    expect(timer!.textContent).toContain('Timer');
    expect([...timer!.querySelectorAll('.badge')].map((b) => b.textContent)).toEqual(['Edited', 'Check this']);
  });

  it('shows the counted total and the time corrected by hand', async () => {
    await show(fakeApi());
    const figures = [...section().querySelectorAll('.day-totals .key-figure')].map((f) => [f.querySelector('dt')?.textContent, f.querySelector('dd')?.textContent]);
    expect(figures).toEqual([
      ['Counted in total', '1 h 35 min'],
      ['Corrected by hand', '1 h 05 min'],
    ]);
  });

  it('draws the day as an image with a summary, and gives the same records as a table', async () => {
    await show(fakeApi());
    const svg = section().querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Timeline of the day from midnight to midnight: 3 records, from 09:00 to 11:45, counting 1 h 35 min in total.');
    expect(svg.querySelectorAll('rect.chart-seg')).toHaveLength(3);
    openDataTables();
    const table = [...section().querySelectorAll('table')].find((t) => t.querySelector('caption')?.textContent === 'Records for this day')!;
    const rows = [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows[0]).toEqual(['Time', 'Task', 'System', 'Recorded by', 'Counted time']);
    expect(rows[2]).toEqual(['10:00–10:20', 'Direct patient care', 'No system', 'Manual', '20 min']);
    expect(rows[4]).toEqual(['Total', '1 h 35 min']);
  });

  it('offers each action only where it applies', async () => {
    await show(fakeApi());
    const [tracked, manual, timer] = items();
    expect([...tracked!.querySelectorAll('.entry-actions button')].map((b) => b.textContent)).toEqual(['Relabel', 'Split', 'Delete']);
    expect([...manual!.querySelectorAll('.entry-actions button')].map((b) => b.textContent)).toEqual(['Relabel', 'Edit times', 'Split', 'Edit note', 'Delete']);
    expect([...timer!.querySelectorAll('.entry-actions button')].map((b) => b.textContent)).toEqual(['Relabel', 'Edit times', 'Split', 'Delete']);
    // Each button names its record for screen readers.
    expect(hasButton('Relabel 09:00–09:30, Documentation')).toBe(true);
  });

  it('says so when the day has no records, and still offers Add time', async () => {
    await show(fakeApi(day([])));
    expect(text()).toContain('No records for this day.');
    expect(section().querySelector('svg')).toBeNull();
    expect(hasButton('Add time', addForm())).toBe(true);
  });

  it('reports a failed read and can try again', async () => {
    const api = fakeApi();
    api.getDayEntries.mockRejectedValueOnce(new Error('worker asleep'));
    await show(api);
    expect(text()).toContain('Timeback could not read the records for this day.');
    await press('Try again', section());
    expect(items()).toHaveLength(3);
  });
});

describe('Day timeline: changing a record', () => {
  it('relabels a tracked record: task and system, then reloads the day and the figures', async () => {
    const api = fakeApi();
    // The worker keeps the original for undo and gives the relabelled record a new id.
    api.changeEntry.mockImplementationOnce(async () => {
      api.state.day = day(ENTRIES.map((e) => (e.id === 'a1' ? { ...e, id: 'a2', category: 'referrals' as const, systemId: 'emis-web', systemName: 'EMIS Web', edited: true } : e)));
      return { ok: true };
    });
    await show(api);
    expect(api.getDayEntries).toHaveBeenCalledTimes(1);
    expect(api.readRollups).toHaveBeenCalledTimes(1);
    await press('Relabel 09:00–09:30, Documentation');
    const li = item('09:00–09:30, Documentation');
    // Focus moves into the form that replaced the button.
    expect(document.activeElement).toBe(field('Task', li));
    expect(field<HTMLSelectElement>('System', li).value).toBe('ers');
    await choose('Task', 'referrals', li);
    await choose('System', 'emis-web', li);
    await press('Save new label', li);
    expect(api.changeEntry).toHaveBeenCalledWith({ kind: 'edit', id: 'a1', category: 'referrals', systemId: 'emis-web' });
    expect(api.getDayEntries).toHaveBeenCalledTimes(2);
    expect(api.readRollups).toHaveBeenCalledTimes(2);
    expect(status()).toBe('Record relabelled.');
    expect(alertBox()).toBeNull();
    // Focus goes back to the record, found by its start under its new id.
    expect(document.activeElement).toBe(item('09:00–09:30, Referrals').querySelector('h3'));
    expect(item('09:00–09:30, Referrals').querySelector('.badge')?.textContent).toBe('Edited');
  });

  it('refuses a relabel that changes nothing, and sends nothing', async () => {
    const api = fakeApi();
    await show(api);
    await press('Relabel 09:00–09:30, Documentation');
    await press('Save new label', item('09:00–09:30, Documentation'));
    expect(alertBox()?.textContent).toContain('Choose a different task or system, or cancel.');
    expect(api.changeEntry).not.toHaveBeenCalled();
  });

  it('cancel closes the form, changes nothing and returns focus to the button', async () => {
    const api = fakeApi();
    await show(api);
    await press('Relabel 09:00–09:30, Documentation');
    await press('Cancel', item('09:00–09:30, Documentation'));
    expect(api.changeEntry).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button('Relabel 09:00–09:30, Documentation'));
  });

  it('edits the start of a manual record, sending only the time that changed', async () => {
    const api = fakeApi();
    await show(api);
    await press('Edit times of 10:00–10:20, Direct patient care');
    const li = item('10:00–10:20, Direct patient care');
    expect(field('Start time', li).value).toBe('10:00');
    expect(field('End time', li).value).toBe('10:20');
    await type('Start time', '09:50', li);
    await press('Save new times', li);
    expect(api.changeEntry).toHaveBeenCalledWith({ kind: 'edit', id: 'm1', start: at(9, 50) });
    expect(status()).toBe('New times saved.');
  });

  it('refuses new times that end before they start, or in the future', async () => {
    const api = fakeApi();
    await show(api);
    await press('Edit times of 11:00–11:45, Inbox and messages');
    const li = item('11:00–11:45, Inbox and messages');
    await type('End time', '10:30', li);
    await press('Save new times', li);
    expect(alertBox()?.textContent).toContain('The end (10:30) must be after the start (11:00).');
    await type('End time', '19:00', li);
    await press('Save new times', li);
    expect(alertBox()?.textContent).toContain('The end (19:00) is in the future.');
    expect(api.changeEntry).not.toHaveBeenCalled();
  });

  it('splits a record at a time inside it, and refuses one outside', async () => {
    const api = fakeApi();
    await show(api);
    await press('Split 09:00–09:30, Documentation');
    const li = item('09:00–09:30, Documentation');
    await type('Split 09:00–09:30, Documentation at', '09:45', li);
    await press('Split record', li);
    expect(alertBox()?.textContent).toContain('Give a time after 09:00 and before 09:30');
    expect(document.activeElement).toBe(alertBox());
    expect(api.changeEntry).not.toHaveBeenCalled();
    await type('Split 09:00–09:30, Documentation at', '09:10', li);
    await press('Split record', li);
    expect(api.changeEntry).toHaveBeenCalledWith({ kind: 'split', id: 'a1', at: at(9, 10) });
    expect(alertBox()).toBeNull();
    expect(status()).toBe('Record split in two.');
  });

  it('deletes only after confirmation', async () => {
    const api = fakeApi();
    await show(api);
    await press('Delete 11:00–11:45, Inbox and messages');
    expect(api.changeEntry).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('Delete 11:00–11:45, Inbox and messages? Its time will no longer count. You can undo this.');
    await press('Yes, delete it');
    expect(api.changeEntry).toHaveBeenCalledWith({ kind: 'delete', id: 't1' });
    expect(status()).toBe('Record deleted.');
    // The record may be gone; focus lands on the section heading.
    expect(document.activeElement).toBe(section().querySelector('h2'));
  });

  it('saves a private note on a manual record, and refuses one over 500 characters', async () => {
    const api = fakeApi();
    await show(api);
    await press('Edit the note of 10:00–10:20, Direct patient care');
    const li = item('10:00–10:20, Direct patient care');
    const label = 'Private note for 10:00–10:20, Direct patient care';
    expect(field<HTMLTextAreaElement>(label, li).value).toBe('Ward round');
    expect(li.textContent).toContain('Stays on this device and is never exported.');
    await type(label, 'x'.repeat(501), li);
    await press('Save note', li);
    expect(alertBox()?.textContent).toContain('The note can be up to 500 characters; it has 501.');
    expect(api.changeEntry).not.toHaveBeenCalled();
    await type(label, '  Ward round, bay 4 ', li);
    await press('Save note', li);
    expect(api.changeEntry).toHaveBeenCalledWith({ kind: 'edit', id: 'm1', note: 'Ward round, bay 4' });
    expect(status()).toBe('Note saved.');
  });

  it('shows the worker’s refusal in the error summary, keeps the form open and reloads nothing', async () => {
    const api = fakeApi();
    api.changeEntry.mockResolvedValueOnce({ ok: false, error: 'That record has changed since this page loaded. Reload and try again.' });
    await show(api);
    await press('Delete 09:00–09:30, Documentation');
    await press('Yes, delete it');
    const alert = alertBox();
    expect(alert?.textContent).toContain('There is a problem');
    expect(alert?.textContent).toContain('That record has changed since this page loaded. Reload and try again.');
    expect(document.activeElement).toBe(alert);
    expect(api.getDayEntries).toHaveBeenCalledTimes(1);
    expect(api.readRollups).toHaveBeenCalledTimes(1);
    expect(hasButton('Yes, delete it')).toBe(true);
  });

  it('treats a failed request as nothing changed', async () => {
    const api = fakeApi();
    api.changeEntry.mockRejectedValueOnce(new Error('Could not establish connection'));
    await show(api);
    await press('Delete 09:00–09:30, Documentation');
    await press('Yes, delete it');
    expect(alertBox()?.textContent).toContain('Timeback could not make that change. Nothing has been changed.');
  });
});

describe('Day timeline: adding time', () => {
  it('refuses an end before the start, shows why and sends nothing', async () => {
    const api = fakeApi();
    await show(api);
    const form = addForm();
    expect(field('Date', form).value).toBe(DATE);
    await type('Start time', '10:00', form);
    await type('End time', '09:00', form);
    await choose('Task', 'direct_care', form);
    await press('Add time', form);
    const alert = alertBox();
    expect(alert?.textContent).toContain('The end (09:00) must be after the start (10:00).');
    expect(document.activeElement).toBe(alert);
    expect(api.changeEntry).not.toHaveBeenCalled();
  });

  it('lists every problem at once: no times, no task', async () => {
    const api = fakeApi();
    await show(api);
    await press('Add time', addForm());
    expect([...alertBox()!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Give a start time on the 24-hour clock, for example 09:30.',
      'Give an end time on the 24-hour clock, for example 10:15.',
      'Choose a task.',
    ]);
    expect(api.changeEntry).not.toHaveBeenCalled();
  });

  it('refuses time in the future', async () => {
    const api = fakeApi();
    await show(api);
    const form = addForm();
    await type('Start time', '17:30', form);
    await type('End time', '18:30', form);
    await choose('Task', 'direct_care', form);
    await press('Add time', form);
    expect(alertBox()?.textContent).toContain('The end (18:30) is in the future.');
    expect(api.changeEntry).not.toHaveBeenCalled();
  });

  it('adds start + end with no system, then the day’s figures reload', async () => {
    const api = fakeApi();
    api.changeEntry.mockImplementationOnce(async () => {
      api.state.rollupMinutes = 125;
      return { ok: true };
    });
    await show(api);
    expect(container.querySelector('.key-figure-value')?.textContent).toBe('1 h 35 min');
    const form = addForm();
    await type('Start time', '14:00', form);
    await type('End time', '14:30', form);
    await choose('Task', 'non_ehr', form);
    await press('Add time', form);
    expect(api.changeEntry).toHaveBeenCalledWith({ kind: 'add', start: at(14, 0), end: at(14, 30), category: 'non_ehr' });
    expect(status()).toBe('Time added to Friday 14 March 2025.');
    // The summary at the top of the page follows the change.
    expect(container.querySelector('.key-figure-value')?.textContent).toBe('2 h 05 min');
    // Cleared for the next one; the date stays.
    expect(field('Start time', form).value).toBe('');
    expect(field('Date', form).value).toBe(DATE);
  });

  it('adds start + duration on another date, under a desktop system, with a private note', async () => {
    const api = fakeApi();
    await show(api);
    const form = addForm();
    await type('Date', '2025-03-13', form);
    await act(async () => field('Start time and how long it took', form).click());
    await type('Start time', '16:45', form);
    await type('How long (minutes)', '50', form);
    await choose('Task', 'documentation', form);
    await choose('System (optional)', 'emis-web', form);
    await type('Private note (optional)', 'Discharge letters', form);
    expect(form.textContent).toContain('Stays on this device and is never exported.');
    await press('Add time', form);
    expect(api.changeEntry).toHaveBeenCalledWith({
      kind: 'add',
      start: Date.UTC(2025, 2, 13, 16, 45),
      end: Date.UTC(2025, 2, 13, 17, 35),
      category: 'documentation',
      systemId: 'emis-web',
      note: 'Discharge letters',
    });
  });

  it('offers web systems, desktop systems and no system', async () => {
    await show(fakeApi());
    const select = field<HTMLSelectElement>('System (optional)', addForm());
    expect([...select.querySelectorAll('option')].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'No system'],
      ['ers', 'e-RS'],
      ['emis-web', 'EMIS Web'],
    ]);
    expect([...select.querySelectorAll('optgroup')].map((g) => g.getAttribute('label'))).toEqual(['Clinical web systems', 'Desktop systems']);
  });
});

describe('Day timeline: undo', () => {
  it('undoes the last change and reloads', async () => {
    const api = fakeApi(day(ENTRIES, { label: 'relabel' }));
    api.undoLastChange.mockImplementationOnce(async () => {
      api.state.day = day(ENTRIES, null);
      return { ok: true };
    });
    await show(api);
    await press('Undo relabel');
    expect(api.undoLastChange).toHaveBeenCalledTimes(1);
    expect(api.getDayEntries).toHaveBeenCalledTimes(2);
    expect(api.readRollups).toHaveBeenCalledTimes(2);
    expect(status()).toBe('Undone: relabel.');
    expect(hasButton('Undo relabel')).toBe(false);
    expect(document.activeElement).toBe(section().querySelector('h2'));
  });

  it('shows why an undo failed', async () => {
    const api = fakeApi(day(ENTRIES, { label: 'delete' }));
    api.undoLastChange.mockResolvedValueOnce({ ok: false, error: 'There is nothing to undo.' });
    await show(api);
    await press('Undo delete');
    expect(alertBox()?.textContent).toContain('There is nothing to undo.');
    expect(api.getDayEntries).toHaveBeenCalledTimes(1);
  });

  it('is not offered when there is nothing to undo', async () => {
    await show(fakeApi());
    expect([...section().querySelectorAll('button')].some((b) => b.textContent?.startsWith('Undo'))).toBe(false);
  });
});

describe('Day timeline messages', () => {
  const messages = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../../extension/_locales/en_GB/messages.json'), 'utf8')) as MessageCatalog;

  it('has every key the timeline builds at run time', () => {
    const keys = [
      ...['auto', 'manual', 'timer'].map((s) => `day_source_${s}`),
      ...['start', 'end', 'split'].map((w) => `day_error_${w}Time`),
      ...['end', 'duration'].map((m) => `day_mode_${m}`),
    ];
    expect(keys.filter((k) => !Object.hasOwn(messages, k))).toEqual([]);
  });
});
