// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BENCHMARKS } from '../../../src/core/benchmarks.js';
import { ROLES } from '../../../src/core/exportFormat.js';
import { REJECTION_CODES, TEAM_MEASURES } from '../../../src/core/teamReport/contract.js';
import { emptyRollup, type DayRollup } from '../../../src/core/dayRollup.js';
import type { ChangeResult, DayEntries, EntryChange } from '../../../src/core/entries.js';
import type { Schedule } from '../../../src/core/schedule.js';
import { DEFAULT_SETTINGS, parseSettings, type Settings as SettingsValue } from '../../../src/core/settings.js';
import type { TaskCategory } from '../../../src/core/taskCategory.js';
import { Dashboard } from '../../../src/dashboard/Dashboard.js';
import type { DashboardApi } from '../../../src/dashboard/dashboardApi.js';
import { DASHBOARD_VIEWS } from '../../../src/dashboard/dashboardViews.js';
import { PER8_MEASURES } from '../../../src/dashboard/period/SinskySection.js';
import { installEnGbMessages } from '../../../src/ui/enGbMessages.js';
import type { MessageCatalog } from '../../../src/ui/i18n.js';
import { domQueries } from '../../support/domQueries.js';

const MIN = 60_000;
const PARAMS = { inactivityThresholdSec: 60, readingAllowanceSec: 60 };

/** Two systems, as parseSettings shapes them (so the fixture follows the settings format, whatever its optional fields). */
function stored(extra: Partial<SettingsValue> = {}): SettingsValue {
  const parsed = parseSettings({
    ...DEFAULT_SETTINGS,
    systems: [
      { id: 'ers', name: 'e-RS', matches: ['https://*.ers.nhs.uk/*'] },
      { id: 'emis', name: 'EMIS Web', matches: ['https://emis.example.nhs.uk/*'] },
    ],
    ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.settings;
}

/** A day's rollup: each entry's minutes go to its system and task, and to the 5-minute slot at `at` (local HH:MM). */
function rollup(date: string, entries: Array<{ system: string; category: TaskCategory; min: number; at: string }>): DayRollup {
  const r = emptyRollup(date, PARAMS);
  for (const e of entries) {
    const ms = e.min * MIN;
    const bySystem = (r.cells[e.system] ??= {});
    // Sensitivity: shorter thresholds count less, as they would.
    bySystem[e.category] = { activeMs: ms, byThresholdMs: { 5: ms * 0.5, 30: ms * 0.8, 60: ms * 0.9, 300: ms * 1.2 } };
    const [h, m] = e.at.split(':').map(Number);
    const slot = String(h! * 12 + Math.floor(m! / 5));
    r.slots[slot] = (r.slots[slot] ?? 0) + ms;
    for (const t of ['5', '30', '60', '300']) (r.slotsByThreshold[t] ??= {})[slot] = ms;
  }
  return r;
}

const ROLLUPS: DayRollup[] = [
  rollup('2025-03-10', [
    { system: 'ers', category: 'documentation', min: 30, at: '10:00' },
    { system: 'emis', category: 'referrals', min: 15, at: '19:00' },
  ]),
  rollup('2025-03-12', [{ system: 'emis', category: 'documentation', min: 60, at: '09:00' }]),
  // Next week: must not show in this week's figures.
  rollup('2025-03-17', [{ system: 'ers', category: 'inbox_messaging', min: 120, at: '11:00' }]),
];

function fakeApi(initial: unknown = stored(), rollups: DayRollup[] = ROLLUPS) {
  const store = { value: initial };
  return {
    store,
    load: vi.fn(async (): Promise<unknown> => store.value),
    save: vi.fn(async (settings: SettingsValue) => {
      store.value = settings;
    }),
    requestOrigins: vi.fn(async (_origins: string[]) => true),
    removeOrigins: vi.fn(async (_origins: string[]) => {}),
    readRollups: vi.fn(async (from: string, to: string) => rollups.filter((r) => r.date >= from && r.date <= to)),
    today: () => '2025-03-14',
    // The day timeline's records (test/unit/dashboard/day/dayTimeline.test.tsx covers them): none here.
    getDayEntries: vi.fn(async (date: string): Promise<DayEntries> => ({ date, entries: [], totalMs: 0, correctedMs: 0, undo: null })),
    changeEntry: vi.fn(async (_change: EntryChange): Promise<ChangeResult> => ({ ok: true })),
    undoLastChange: vi.fn(async (): Promise<ChangeResult> => ({ ok: true })),
    // The Share view's needs (test/unit/dashboard/share/share.test.tsx covers them).
    extensionVersion: () => '0.1.0',
    readContributorId: vi.fn(async (): Promise<string | null> => null),
    writeContributorId: vi.fn(async (_id: string | null) => {}),
  } satisfies DashboardApi & Record<string, unknown>;
}

let container: HTMLElement;
const { settle, settleFrame, openDataTables, text, spoken, button, press, field, type, choose } = domQueries(() => container);
beforeAll(() => installEnGbMessages());
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  // Views write their name into the address; the next test starts from a plain one.
  history.replaceState(null, '', location.pathname + location.search);
});


async function show(api: DashboardApi) {
  await act(async () => {
    render(<Dashboard api={api} />, container);
  });
  await settle();
  await settle();
  // The sections below the first screen follow the first painted frame.
  await settleFrame();
}

const heading = () => container.querySelector('h1')?.textContent;
/** The rows of the table captioned `caption`, as arrays of cell text. */
function table(caption: string): string[][] {
  openDataTables();
  const t = [...container.querySelectorAll('table')].find((el) => el.querySelector('caption')?.textContent === caption);
  if (!t) throw new Error(`no table "${caption}"`);
  return [...t.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));
}
/** The Sinsky table cell for a measure's own figure. */
function yourFigure(measure: string): string {
  const row = table('Your measures beside published figures').find((r) => r[0]!.startsWith(measure));
  if (!row) throw new Error(`no row ${measure}`);
  return row[1]!;
}

describe('Dashboard: the week view', () => {
  it('opens on this week (ISO, Monday to Sunday) and reads only its rollups', async () => {
    const api = fakeApi();
    await show(api);
    expect(heading()).toBe('Week 11: 10 March to 16 March 2025');
    expect(api.readRollups).toHaveBeenCalledTimes(1);
    expect(api.readRollups).toHaveBeenCalledWith('2025-03-10', '2025-03-16');
    expect(container.querySelector('[aria-current="page"]')?.textContent).toBe('Week');
  });

  it('shows the right totals by day and task in the data table', async () => {
    await show(fakeApi());
    const rows = table('Active time by task for each day');
    expect(rows[0]).toEqual(['Date', 'Documentation', 'Referrals', 'Total']);
    expect(rows[1]).toEqual(['Mon 10 March', '30 min', '15 min', '45 min']);
    expect(rows[2]).toEqual(['Tue 11 March', '0 s', '0 s', '0 s']);
    expect(rows[3]).toEqual(['Wed 12 March', '1 h 00 min', '0 s', '1 h 00 min']);
    expect(rows).toHaveLength(9); // header, 7 days, total
    expect(rows[8]).toEqual(['Total', '1 h 30 min', '15 min', '1 h 45 min']);
  });

  it('shows time by system, after hours and the sensitivity spread', async () => {
    await show(fakeApi());
    expect(table('Active time by clinical system').slice(1)).toEqual([
      ['EMIS Web', '1 h 15 min', '71%'],
      ['e-RS', '30 min', '29%'],
    ]);
    // Only the 19:00 session on Monday falls after 17:30.
    expect(table('After-hours time for each day')[1]).toEqual(['Mon 10 March', '15 min']);
    const sensitivity = table('Active time and EHR-Time8 under each counting rule');
    expect(sensitivity.map((r) => r[0])).toEqual([
      'Counting rule',
      'Your rule: pauses up to 60 s, reading allowance 60 s',
      'Pauses up to 5 s, no reading allowance',
      'Pauses up to 30 s, no reading allowance',
      'Pauses up to 60 s, no reading allowance',
      'Pauses up to 300 s, no reading allowance',
    ]);
    expect(sensitivity[1]![1]).toBe('1 h 45 min');
    expect(sensitivity[2]![1]).toBe('52 min'); // half of 105 min; formatDuration shows whole minutes
  });

  it('gives every chart an image role, a summary and a captioned data table', async () => {
    await show(fakeApi());
    const charts = [...container.querySelectorAll('svg')];
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const svg of charts) {
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')?.length).toBeGreaterThan(20);
    }
    expect(container.querySelector('svg')?.getAttribute('aria-label')).toContain('the busiest day was Wed 12 March, 1 h 00 min');
    for (const details of container.querySelectorAll('details.data-table')) {
      expect(details.querySelector('summary')?.textContent).toBe('Show data table');
      expect(details.querySelector('table caption')?.textContent).not.toBe('');
    }
  });
});

describe('Dashboard: moving between views and periods', () => {
  it('switches view and steps through periods, reading each period once', async () => {
    const api = fakeApi();
    await show(api);

    await press('Day');
    expect(heading()).toBe('Friday 14 March 2025');
    expect(api.readRollups).toHaveBeenLastCalledWith('2025-03-14', '2025-03-14');
    await press('Previous day');
    expect(heading()).toBe('Thursday 13 March 2025');

    await press('Month');
    expect(heading()).toBe('March 2025');
    expect(api.readRollups).toHaveBeenLastCalledWith('2025-03-01', '2025-03-31');
    expect(table('Active time by task for each day')).toHaveLength(33); // header, 31 days, total
    await press('Next month');
    expect(heading()).toBe('April 2025');
    expect(api.readRollups).toHaveBeenLastCalledWith('2025-04-01', '2025-04-30');

    await press('Today');
    await press('Week');
    expect(heading()).toBe('Week 11: 10 March to 16 March 2025');
    await press('Next week');
    expect(heading()).toBe('Week 12: 17 March to 23 March 2025');
    expect(api.readRollups).toHaveBeenLastCalledWith('2025-03-17', '2025-03-23');
    expect(table('Active time by task for each day')[1]).toEqual(['Mon 17 March', '2 h 00 min', '2 h 00 min']);
    // Each read was for the visible period only.
    for (const [from, to] of api.readRollups.mock.calls) expect(to >= from && Number(to.slice(8)) - Number(from.slice(8)) <= 30).toBe(true);
  });

  it('shows a one-day task breakdown in the day view', async () => {
    await show(fakeApi());
    await press('Day');
    await press('Previous day');
    await press('Previous day');
    expect(heading()).toBe('Wednesday 12 March 2025');
    expect(table('Active time by task').slice(1)).toEqual([
      ['Documentation', '1 h 00 min', '100%'],
      ['Total', '1 h 00 min', '100%'],
    ]);
  });

  it('says plainly when a period has no data', async () => {
    await show(fakeApi());
    await press('Previous week');
    expect(heading()).toBe('Week 10: 3 March to 9 March 2025');
    expect(text()).toContain('No time recorded for this period');
    expect(container.querySelector('svg')).toBeNull();
  });

  it('opens on Settings until a clinical system is set up', async () => {
    await show(fakeApi({ ...DEFAULT_SETTINGS }, []));
    expect(heading()).toBe('Timeback settings');
    expect(text()).toContain('You have not added any clinical systems yet');
    await press('Week');
    expect(text()).toContain('You have not added any clinical systems yet, so there is nothing to show.');
    await press('Go to Settings');
    expect(heading()).toBe('Timeback settings');
    expect(document.activeElement?.textContent).toBe('Settings');
  });

  it('reports a failed read and can try again', async () => {
    const api = fakeApi();
    api.readRollups.mockRejectedValueOnce(new Error('IndexedDB blocked'));
    await show(api);
    expect(text()).toContain('Timeback could not read your recorded time.');
    await press('Try again');
    expect(table('Active time by task for each day')).toHaveLength(9);
    expect(document.activeElement).toBe(container.querySelector('h1'));
  });
});

describe('Dashboard: the year view', () => {
  const YEAR_ROLLUPS = [
    ...ROLLUPS,
    rollup('2025-11-03', [{ system: 'ers', category: 'documentation', min: 20, at: '18:00' }]),
    // Last year: must not show in this year's figures.
    rollup('2024-12-31', [{ system: 'ers', category: 'documentation', min: 50, at: '10:00' }]),
  ];

  it('shows the calendar year month by month, in the chart and its data table', async () => {
    const api = fakeApi(stored(), YEAR_ROLLUPS);
    await show(api);
    await press('Year');
    await settleFrame();
    expect(heading()).toBe('2025');
    expect(document.title).toBe('2025 – Timeback');
    expect(container.querySelector('[aria-current="page"]')?.textContent).toBe('Year');
    expect(api.readRollups).toHaveBeenLastCalledWith('2025-01-01', '2025-12-31');

    const rows = table('Active time by task for each month');
    expect(rows).toHaveLength(14); // header, 12 months, total
    expect(rows[0]).toEqual(['Month', 'Documentation', 'Inbox and messages', 'Referrals', 'Total']);
    expect(rows[1]).toEqual(['January 2025', '0 s', '0 s', '0 s', '0 s']);
    expect(rows[3]).toEqual(['March 2025', '1 h 30 min', '2 h 00 min', '15 min', '3 h 45 min']);
    expect(rows[11]).toEqual(['November 2025', '20 min', '0 s', '0 s', '20 min']);
    expect(rows[13]).toEqual(['Total', '1 h 50 min', '2 h 00 min', '15 min', '4 h 05 min']);

    const chart = container.querySelector('svg')!;
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')).toBe(
      'Stacked bar chart of active time by task for each month. Total 4 h 05 min; the busiest month was March 2025, 3 h 45 min.',
    );
    const axis = [...chart.querySelectorAll('.chart-axis-label')].map((l) => l.textContent);
    expect(axis).toHaveLength(12);
    expect(axis.slice(0, 3)).toEqual(['Jan', 'Feb', 'Mar']);
    expect(chart.querySelector('title')?.textContent).toContain('March 2025');

    // After hours: 19:00 on Mon 10 March and 18:00 on Mon 3 November.
    const afterHours = table('After-hours time for each month');
    expect(afterHours).toHaveLength(14);
    expect(afterHours[3]).toEqual(['March 2025', '15 min']);
    expect(afterHours[11]).toEqual(['November 2025', '20 min']);
    expect(afterHours[13]).toEqual(['Total', '35 min']);
    expect(container.querySelector('#after-hours-heading')?.parentElement?.querySelector('svg')?.getAttribute('aria-label')).toBe(
      'Bar chart of after-hours time for each month (weekdays 17:30 to 07:00, and weekends): 35 min in total, on 2 of 365 days.',
    );
  });

  it('steps a year at a time, and back to this year', async () => {
    const api = fakeApi(stored(), YEAR_ROLLUPS);
    await show(api);
    await press('Year');
    await settleFrame();
    await press('Previous year');
    expect(heading()).toBe('2024');
    expect(api.readRollups).toHaveBeenLastCalledWith('2024-01-01', '2024-12-31');
    expect(table('Active time by task for each month')[12]).toEqual(['December 2024', '50 min', '50 min']);
    await press('Next year');
    await press('Next year');
    expect(heading()).toBe('2026');
    expect(text()).toContain('No time recorded for this period');
    await press('Today');
    expect(heading()).toBe('2025');
    // Back to a week from the year keeps the day: this week.
    await press('Week');
    expect(heading()).toBe('Week 11: 10 March to 16 March 2025');
  });

  it('draws a year of daily figures as 12 bars and 12 table rows, not 365', async () => {
    const categories: TaskCategory[] = ['documentation', 'referrals', 'inbox_messaging'];
    const everyDay = Array.from({ length: 365 }, (_, i) => {
      const date = new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
      return rollup(date, [{ system: 'emis', category: categories[i % 3]!, min: 30 + (i % 60), at: i % 2 ? '10:00' : '19:00' }]);
    });
    await show(fakeApi(stored(), everyDay));
    await press('Year');
    await settleFrame();
    const chart = container.querySelector('svg')!;
    // One path per task, and one hover area per month with time.
    expect(chart.querySelectorAll('.chart-seg')).toHaveLength(categories.length);
    expect(chart.querySelectorAll('.chart-hit')).toHaveLength(12);
    expect(table('Active time by task for each month')).toHaveLength(14);
    expect(table('After-hours time for each month')).toHaveLength(14);
    // Every row of every table on the page: the year's size must not show in the DOM.
    expect(container.querySelectorAll('tr').length).toBeLessThan(100);
  });
});

describe('Dashboard: the view in the address', () => {
  const openAt = async (hash: string, api: DashboardApi = fakeApi()) => {
    history.replaceState(null, '', hash);
    // happy-dom (unlike browsers) sends a late hashchange for replaceState: let it pass before the page opens.
    await settle();
    await show(api);
  };
  const currentTab = () => container.querySelector('[aria-current="page"]')?.textContent;

  it.each([
    ['#day', 'Day', 'Friday 14 March 2025'],
    ['#week', 'Week', 'Week 11: 10 March to 16 March 2025'],
    ['#month', 'Month', 'March 2025'],
    ['#year', 'Year', '2025'],
    ['#share', 'Share', 'Share your figures'],
    ['#settings', 'Settings', 'Timeback settings'],
  ])('opens %s directly', async (hash, tab, title) => {
    await openAt(hash);
    expect(currentTab()).toBe(tab);
    expect(heading()).toBe(title);
  });

  it('opens this week for an address with an unknown view', async () => {
    for (const hash of ['#nonsense', '#Year', '#__proto__']) {
      await openAt(hash);
      expect(heading(), hash).toBe('Week 11: 10 March to 16 March 2025');
      render(null, container);
    }
  });

  it('without a clinical system, opens Settings for a period, but Share and Settings as asked', async () => {
    const none = () => fakeApi({ ...DEFAULT_SETTINGS }, []);
    await openAt('#year', none());
    expect(currentTab()).toBe('Settings');
    render(null, container);
    await openAt('#share', none());
    expect(currentTab()).toBe('Share');
    render(null, container);
    await openAt('#settings', none());
    expect(currentTab()).toBe('Settings');
  });

  it('writes the chosen view into the address, without a new history entry, so a reload keeps it', async () => {
    await show(fakeApi());
    const entries = history.length;
    await press('Year');
    await settleFrame();
    expect(location.hash).toBe('#year');
    await press('Month');
    expect(location.hash).toBe('#month');
    expect(history.length).toBe(entries);
    // Reload: the same view again.
    render(null, container);
    await show(fakeApi());
    expect(currentTab()).toBe('Month');
    expect(heading()).toBe('March 2025');
  });

  it('writes Settings into the address when a button leads there', async () => {
    await show(fakeApi());
    await press('Add your job plan in Settings');
    expect(location.hash).toBe('#settings');
  });

  it('follows the address when it changes, and ignores unknown views', async () => {
    await show(fakeApi());
    const go = async (hash: string) => {
      history.replaceState(null, '', hash);
      await act(async () => {
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      });
      await settle();
      await settle();
    };
    await go('#year');
    expect(currentTab()).toBe('Year');
    expect(heading()).toBe('2025');
    await go('#nonsense');
    expect(currentTab()).toBe('Year');
    await go('#day');
    expect(heading()).toBe('Friday 14 March 2025');
  });
});

describe('Dashboard: paint marks for the performance benchmark', () => {
  const marks = (name: string) => performance.getEntriesByName(name, 'mark');
  /** Long enough for an animation frame and the task after it. */
  const afterPaint = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
  // A frame first, so no mark still pending from an earlier test lands in this one.
  beforeEach(async () => {
    await afterPaint();
    performance.clearMarks();
  });
  afterEach(() => performance.clearMarks());

  it('marks a period painted once its figures are shown, not while they load', async () => {
    const api = fakeApi();
    let release: (rollups: DayRollup[]) => void = () => {};
    api.readRollups.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    await show(api);
    await afterPaint();
    expect(text()).toContain('Loading your figures');
    expect(marks('timeback:week-painted')).toHaveLength(0);
    await act(async () => release(ROLLUPS.slice(0, 2)));
    await settle();
    await afterPaint();
    expect(marks('timeback:week-painted')).toHaveLength(1);
    // Once per page load per view: another week does not mark again; a first year does.
    await press('Next week');
    await press('Year');
    await settleFrame();
    await afterPaint();
    expect(marks('timeback:week-painted')).toHaveLength(1);
    expect(marks('timeback:year-painted')).toHaveLength(1);
    expect(marks('timeback:month-painted')).toHaveLength(0);
  });

  it('paints the first screen first, then the sections below it, and marks each', async () => {
    const api = fakeApi();
    let release: (rollups: DayRollup[]) => void = () => {};
    api.readRollups.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    await show(api);
    await act(async () => release(ROLLUPS.slice(0, 2)));
    await settle();
    // The period is shown (summary, time by task and system); the rest waits for that frame.
    expect(container.querySelector('#by-task-heading')).not.toBeNull();
    expect(container.querySelector('#after-hours-heading')).toBeNull();
    await settleFrame();
    await afterPaint();
    expect(container.querySelector('#after-hours-heading')).not.toBeNull();
    expect(container.querySelector('#published-heading')).not.toBeNull();
    expect(marks('timeback:week-painted')).toHaveLength(1);
    expect(marks('timeback:week-complete')).toHaveLength(1);
    expect(marks('timeback:week-complete')[0]!.startTime).toBeGreaterThanOrEqual(marks('timeback:week-painted')[0]!.startTime);
  });

  it('does not mark a period whose figures could not be read', async () => {
    const api = fakeApi();
    api.readRollups.mockRejectedValueOnce(new Error('IndexedDB blocked'));
    await show(api);
    await afterPaint();
    expect(text()).toContain('Timeback could not read your recorded time.');
    expect(marks('timeback:week-painted')).toHaveLength(0);
  });

  it('marks an empty period too: its figures (none) are what is painted', async () => {
    history.replaceState(null, '', '#month');
    await settle();
    await show(fakeApi(stored(), []));
    await afterPaint();
    expect(text()).toContain('No time recorded for this period');
    expect(marks('timeback:month-painted')).toHaveLength(1);
  });
});

describe('Dashboard: Sinsky measures and the schedule', () => {
  it('with no schedule, says so for every per-8-hour measure and never divides by zero', async () => {
    await show(fakeApi());
    for (const m of ['EHR-Time8', 'WOW8', 'Note-Time8', 'Presc-Time8', 'IB-Time8', 'Undivided attention'])
      expect(yourFigure(m)).toBe('No schedule set — add your job plan in Settings');
    expect(text()).not.toMatch(/NaN|Infinity/);
    await press('Add your job plan in Settings');
    expect(heading()).toBe('Timeback settings');
    // Straight to the job plan, not the top of Settings.
    expect(document.activeElement?.textContent).toBe('Your job plan');
  });

  it('with a schedule, gives each measure per 8 scheduled hours beside the published figures', async () => {
    const schedule: Schedule = { sessions: [{ weekday: 1, start: '09:00', end: '13:00' }], nonWorkingDates: [], leave: [] };
    await show(fakeApi(stored({ schedule })));
    expect(text()).toContain('Scheduled time in this period: 4.0 h.');
    // 105 min active over 4 scheduled hours: 8 × 1.75 / 4.
    expect(yourFigure('EHR-Time8')).toBe('3.5 h per 8 h');
    expect(yourFigure('Note-Time8')).toBe('3.0 h per 8 h');
    expect(yourFigure('IB-Time8')).toBe('0.0 h per 8 h');
    const ehr = table('Your measures beside published figures').find((r) => r[0]!.startsWith('EHR-Time8'))!;
    expect(ehr[2]).toContain('5.8 h per 8 h scheduled (mean)');
    expect(ehr[2]).toContain('Sinsky et al., J Gen Intern Med 2024');
    expect(ehr[2]).toContain('5.23 h per 8 h scheduled (median)');
  });

  it('on a week of leave, says there were no scheduled sessions rather than dividing by zero', async () => {
    const schedule: Schedule = { sessions: [{ weekday: 1, start: '09:00', end: '13:00' }], nonWorkingDates: [], leave: [{ from: '2025-03-10', to: '2025-03-16' }] };
    await show(fakeApi(stored({ schedule })));
    expect(yourFigure('EHR-Time8')).toBe('No scheduled sessions in this period');
    expect(text()).not.toMatch(/NaN|Infinity/);
  });
});

describe('Settings: the job plan editor', () => {
  async function openSettings(api: DashboardApi) {
    await show(api);
    await press('Settings');
  }

  it('refuses overlapping sessions, shows why, and saves nothing', async () => {
    const api = fakeApi();
    await openSettings(api);
    await press('Add a session');
    expect(document.activeElement?.id).toBe(field('Day, session 1').id);
    await type('Start, session 1', '09:00');
    await type('End, session 1', '13:00');
    await press('Add a session');
    await type('Start, session 2', '12:00');
    await type('End, session 2', '17:00');
    await press('Save job plan');
    const alert = container.querySelector<HTMLElement>('[role="alert"]');
    expect(alert?.textContent).toContain('Two sessions overlap on the same day (09:00–13:00 and 12:00–17:00).');
    expect(document.activeElement).toBe(alert);
    expect(api.save).not.toHaveBeenCalled();
  });

  it('refuses a session that ends before it starts, and a blank one', async () => {
    const api = fakeApi();
    await openSettings(api);
    await press('Add a session');
    await type('Start, session 1', '14:00');
    await type('End, session 1', '13:00');
    await press('Add a session');
    await press('Save job plan');
    const alert = container.querySelector('[role="alert"]')?.textContent;
    expect(alert).toContain('Session 1: the end (13:00) must be after the start (14:00)');
    expect(alert).toContain('Session 2: give start and end times as HH:MM (24-hour).');
    expect(api.save).not.toHaveBeenCalled();
  });

  it('saves a valid job plan with the rest of the settings unchanged', async () => {
    const api = fakeApi();
    await openSettings(api);
    await press('Add a session');
    await type('Start, session 1', '09:00');
    await type('End, session 1', '13:00');
    await press('Add a session');
    await type('Start, session 2', '13:30');
    await type('End, session 2', '17:30');
    await press('Add a session');
    await choose('Day, session 3', '3');
    await type('Start, session 3', '08:30');
    await type('End, session 3', '12:30');
    await press('Add a non-working day');
    await type('Non-working day 1', '2025-05-05');
    await press('Add a non-working day'); // left blank: dropped
    await press('Add leave');
    await type('From, leave 1', '2025-08-04');
    await type('To, leave 1', '2025-08-15');
    await press('Save job plan');

    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(api.save).toHaveBeenCalledTimes(1);
    expect(api.save).toHaveBeenCalledWith({
      ...stored(),
      schedule: {
        sessions: [
          { weekday: 1, start: '09:00', end: '13:00' },
          { weekday: 1, start: '13:30', end: '17:30' },
          { weekday: 3, start: '08:30', end: '12:30' },
        ],
        nonWorkingDates: ['2025-05-05'],
        leave: [{ from: '2025-08-04', to: '2025-08-15' }],
      },
    });
    expect(text()).toContain('Job plan saved.');

    // The week view now divides by the scheduled hours (Mon 8 h + Wed 4 h).
    await press('Week');
    await settleFrame();
    expect(text()).toContain('Scheduled time in this period: 12.0 h.');
    expect(yourFigure('EHR-Time8')).toBe('1.2 h per 8 h');
  });

  it('removes a row and returns focus to its Add button', async () => {
    const schedule: Schedule = { sessions: [{ weekday: 2, start: '09:00', end: '13:00' }], nonWorkingDates: [], leave: [] };
    const api = fakeApi(stored({ schedule }));
    await openSettings(api);
    expect(field<HTMLSelectElement>('Day, session 1').value).toBe('2');
    await press('Remove session 1');
    expect(document.activeElement?.textContent).toBe('Add a session');
    await press('Save job plan');
    expect(api.save.mock.calls[0]![0].schedule.sessions).toEqual([]);
  });
});

describe('Dashboard messages', () => {
  const messages = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../../extension/_locales/en_GB/messages.json'), 'utf8'),
  ) as MessageCatalog;

  it('has every key the dashboard builds at run time', () => {
    const keys = [
      ...[0, 1, 2, 3, 4, 5, 6].map((d) => `weekday_${d}`),
      ...DASHBOARD_VIEWS.map((v) => `dash_view_${v}`),
      ...ROLES.map((r) => `share_role_${r}`),
      ...REJECTION_CODES.map((code) => `share_reject_${code}`),
      ...TEAM_MEASURES.map((m) => `share_teamMeasure_${m.id}`),
      ...['day', 'week', 'month', 'year'].flatMap((k) => [`dash_previous_${k}`, `dash_next_${k}`]),
      ...PER8_MEASURES.flatMap((m) => [`dash_measureName_${m}`, `dash_measure_${m}`]),
      ...BENCHMARKS.flatMap((b) => [`dash_unit_${b.unit}`, `dash_statistic_${b.statistic}`]),
    ];
    expect(keys.filter((k) => !Object.hasOwn(messages, k))).toEqual([]);
  });
});
