// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { emptyRollup, type DayRollup } from '../../../../src/core/dayRollup.js';
import type { ChangeResult, DayEntries, EntryChange } from '../../../../src/core/entries.js';
import type { PersonalExport, Role } from '../../../../src/core/exportFormat.js';
import { validatePersonalExport } from '../../../../src/core/exportValidation.js';
import { personalExportToJson } from '../../../../src/core/exportWriters.js';
import { buildPersonalExport, newContributorId } from '../../../../src/core/personalExport.js';
import { EMPTY_SCHEDULE } from '../../../../src/core/schedule.js';
import { DEFAULT_SETTINGS, parseSettings, type Settings as SettingsValue } from '../../../../src/core/settings.js';
import type { TaskCategory } from '../../../../src/core/taskCategory.js';
import { Dashboard } from '../../../../src/dashboard/Dashboard.js';
import type { DashboardApi } from '../../../../src/dashboard/dashboardApi.js';
import { parseCsv } from '../../../../src/dashboard/share/csvText.js';
import { lastPeriods, rangeDates, startsOffered } from '../../../../src/dashboard/share/exportRange.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';
import { domQueries } from '../../../support/domQueries.js';

const MIN = 60_000;
const PARAMS = { inactivityThresholdSec: 60, readingAllowanceSec: 60 };
const CONTRIBUTOR_ID = /^c-[0-9a-f]{32}$/;
const KEPT_ID = `c-${'ab'.repeat(16)}`;

function stored(): SettingsValue {
  const parsed = parseSettings({
    ...DEFAULT_SETTINGS,
    systems: [
      { id: 'ers', name: 'e-RS', matches: ['https://*.ers.nhs.uk/*'] },
      { id: 'emis', name: 'EMIS Web', matches: ['https://emis.example.nhs.uk/*'] },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.settings;
}

/** A day's rollup: each entry's minutes go to its system and task. */
function rollup(date: string, entries: Array<{ system: string; category: TaskCategory; min: number }>): DayRollup {
  const r = emptyRollup(date, PARAMS);
  for (const e of entries) {
    const ms = e.min * MIN;
    (r.cells[e.system] ??= {})[e.category] = { activeMs: ms, byThresholdMs: { 5: ms, 30: ms, 60: ms, 300: ms } };
    r.slots[String(10 * 12)] = (r.slots[String(10 * 12)] ?? 0) + ms;
  }
  return r;
}

const ROLLUPS: DayRollup[] = [
  rollup('2025-02-20', [{ system: 'ers', category: 'referrals', min: 42 }]),
  rollup('2025-03-10', [
    { system: 'ers', category: 'documentation', min: 30 },
    { system: 'emis', category: 'referrals', min: 15 },
  ]),
  rollup('2025-03-12', [{ system: 'emis', category: 'documentation', min: 60 }]),
];

function fakeApi(kept: string | null = null) {
  const storage = { contributorId: kept };
  return {
    storage,
    load: vi.fn(async (): Promise<unknown> => stored()),
    save: vi.fn(async (_settings: SettingsValue) => {}),
    requestOrigins: vi.fn(async (_origins: string[]) => true),
    removeOrigins: vi.fn(async (_origins: string[]) => {}),
    readRollups: vi.fn(async (from: string, to: string) => ROLLUPS.filter((r) => r.date >= from && r.date <= to)),
    today: () => '2025-03-14',
    getDayEntries: vi.fn(async (date: string): Promise<DayEntries> => ({ date, entries: [], totalMs: 0, correctedMs: 0, undo: null })),
    changeEntry: vi.fn(async (_change: EntryChange): Promise<ChangeResult> => ({ ok: true })),
    undoLastChange: vi.fn(async (): Promise<ChangeResult> => ({ ok: true })),
    extensionVersion: () => '0.1.0',
    readContributorId: vi.fn(async (): Promise<string | null> => storage.contributorId),
    writeContributorId: vi.fn(async (id: string | null) => {
      storage.contributorId = id;
    }),
  } satisfies DashboardApi & Record<string, unknown>;
}

let container: HTMLElement;
const { settle, openDataTables, text, hasButton, press, field, type, choose } = domQueries(() => container);
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
  vi.restoreAllMocks();
});

async function openShare(api: DashboardApi) {
  await act(async () => {
    render(<Dashboard api={api} />, container);
  });
  await settle();
  await settle();
  await press('Share');
}

async function click(label: string) {
  await act(async () => field(label).click());
  await settle();
}
function table(caption: string): string[][] {
  openDataTables();
  const t = [...container.querySelectorAll('table')].find((el) => el.querySelector('caption')?.textContent === caption);
  if (!t) throw new Error(`no table "${caption}"`);
  return [...t.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));
}
const previewText = () => container.querySelector('pre.share-json')?.textContent ?? null;
const previewed = () => JSON.parse(previewText()!) as PersonalExport;

/** Captures what the download buttons hand to the browser. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:timeback/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  const names: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names, create };
}

describe('Share: the view', () => {
  it('sits in the navigation between Year and Settings, and says what the file is', async () => {
    await openShare(fakeApi());
    expect([...container.querySelectorAll('.view-nav-item')].map((b) => b.textContent)).toEqual(['Day', 'Week', 'Month', 'Year', 'Share', 'Settings']);
    expect(container.querySelector('[aria-current="page"]')?.textContent).toBe('Share');
    expect(container.querySelector('h1')?.textContent).toBe('Share your figures');
    expect(document.title).toBe('Share your figures – Timeback');
    // The least that can be shared, until the clinician chooses more.
    expect(field('Include the clinical systems').checked).toBe(false);
    expect(field('Keep the same contributor id for my next export').checked).toBe(false);
    expect(field('By week').checked).toBe(true);
    expect(field('Include the clinical systems').getAttribute('aria-describedby')).toBe('share-include-systems-hint');
    expect(text()).toContain('The system names are the ones you typed in Settings.');
    expect(hasButton('Download JSON')).toBe(false);
  });
});

describe('Share: export your figures', () => {
  it('previews this week by default, by week, without systems, team code or role', async () => {
    const api = fakeApi();
    await openShare(api);
    await press('Preview the export');
    expect(api.readRollups).toHaveBeenLastCalledWith('2025-03-10', '2025-03-16');
    expect(text()).toContain('This file is personal data about you. It holds no patient information, no web addresses, no page titles and no notes.');
    const exp = previewed();
    expect(validatePersonalExport(exp).ok).toBe(true);
    expect(exp.period).toEqual({ from: '2025-03-10', to: '2025-03-16', granularity: 'week' });
    expect(exp.includesSystems).toBe(false);
    expect(exp.teamCode).toBeNull();
    expect(exp.role).toBeNull();
    expect(exp.contributorId).toMatch(CONTRIBUTOR_ID);
    expect(exp.extensionVersion).toBe('0.1.0');
    expect(exp.rows).toEqual([
      { period: '2025-W11', category: 'documentation', hours: 1.5 },
      { period: '2025-W11', category: 'referrals', hours: 0.3 },
    ]);
    // The CSV text, as a table: header, the notice, and the same rows.
    const csv = table('The CSV file, row by row');
    expect(csv[0]).toEqual(['kind', 'period', 'category', 'systemId', 'measure', 'value']);
    expect(csv).toContainEqual(['hours', '2025-W11', 'documentation', '', 'hours', '1.5']);
    expect(csv).toContainEqual(['meta', '', '', '', 'contributorId', exp.contributorId]);
    expect(csv.flat().join(' ')).not.toMatch(/e-RS|EMIS Web|\bers\b|\bemis\b/);
    expect(document.activeElement?.id).toBe('share-preview-heading');
  });

  it('follows every choice: period, by day, systems, team code and role', async () => {
    const api = fakeApi();
    await openShare(api);
    await press('Last 4 weeks');
    await click('By day');
    await click('Include the clinical systems');
    await type('Team code (optional)', ' ward-7a ');
    await choose('Your role (optional)', 'nurse');
    await press('Preview the export');
    const exp = previewed();
    expect(exp.period).toEqual({ from: '2025-02-17', to: '2025-03-16', granularity: 'day' });
    expect(exp.measures).toHaveLength(28);
    expect(exp.includesSystems).toBe(true);
    expect(exp.teamCode).toBe('WARD-7A');
    expect(exp.role).toBe('nurse');
    expect(exp.rows).toEqual([
      { period: '2025-02-20', category: 'referrals', systemId: 'ers', hours: 0.7 },
      { period: '2025-03-10', category: 'documentation', systemId: 'ers', hours: 0.5 },
      { period: '2025-03-10', category: 'referrals', systemId: 'emis', hours: 0.3 },
      { period: '2025-03-12', category: 'documentation', systemId: 'emis', hours: 1 },
    ]);
    expect(table('The CSV file, row by row')).toContainEqual(['hours', '2025-03-12', 'documentation', 'emis', 'hours', '1']);

    // Any change takes the old preview away: it would no longer be what is shared.
    await press('Last 3 months');
    expect(previewText()).toBeNull();
    expect(field('By day').checked).toBe(true);
    await press('Preview the export');
    expect(previewed().period).toEqual({ from: '2025-01-01', to: '2025-03-31', granularity: 'day' });
  });

  it('chooses weeks from the pickers, and refuses a backwards period or months by week', async () => {
    const api = fakeApi();
    await openShare(api);
    await choose('First week', '2025-02-24');
    await press('Preview the export');
    expect(previewed().period).toEqual({ from: '2025-02-24', to: '2025-03-16', granularity: 'week' });

    await choose('Last week', '2025-02-17');
    await press('Preview the export');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('The first week or month must not be after the last one.');
    expect(previewText()).toBeNull();

    await click('Calendar months');
    await click('By week');
    await press('Preview the export');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Figures by week need whole weeks');
  });

  it('refuses an invalid team code: an error, and nothing to download', async () => {
    const { create } = captureDownloads();
    const api = fakeApi();
    await openShare(api);
    await press('Preview the export');
    expect(hasButton('Download JSON')).toBe(true);

    await type('Team code (optional)', 'Ward 7 / Mrs Smith');
    // The earlier preview is gone with the change, so it cannot be downloaded under the new choices.
    expect(hasButton('Download JSON')).toBe(false);
    await press('Preview the export');
    const alert = container.querySelector<HTMLElement>('[role="alert"]');
    expect(alert?.textContent).toContain('There is a problem');
    expect(alert?.textContent).toContain('The team code can only hold letters A–Z, digits and dashes');
    expect(document.activeElement).toBe(alert);
    const input = field('Team code (optional)');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('share-team-code-error');
    expect(previewText()).toBeNull();
    expect(hasButton('Download JSON')).toBe(false);
    expect(hasButton('Download CSV')).toBe(false);
    expect(create).not.toHaveBeenCalled();
    expect(api.writeContributorId).not.toHaveBeenCalled();

    // An NHS number is refused too, even in a valid-looking code.
    await type('Team code (optional)', '9434765919');
    await press('Preview the export');
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/team code .*(NHS number|patient)/);
    expect(create).not.toHaveBeenCalled();
  });

  it('keeps the stored id when asked, and makes a new one (and forgets the kept one) when not', async () => {
    captureDownloads();
    const api = fakeApi(KEPT_ID);
    await openShare(api);
    // The box says what this device holds: an id was kept last time.
    expect(field('Keep the same contributor id for my next export').checked).toBe(true);
    await press('Preview the export');
    expect(previewed().contributorId).toBe(KEPT_ID);
    await press('Download JSON');
    expect(api.writeContributorId).toHaveBeenLastCalledWith(KEPT_ID);

    await click('Keep the same contributor id for my next export');
    await press('Preview the export');
    const fresh = previewed().contributorId;
    expect(fresh).toMatch(CONTRIBUTOR_ID);
    expect(fresh).not.toBe(KEPT_ID);
    await press('Download CSV');
    expect(api.writeContributorId).toHaveBeenLastCalledWith(null);
    expect(api.storage.contributorId).toBeNull();
  });

  it('without a kept id, every export gets a fresh id; ticking the box keeps the one downloaded', async () => {
    captureDownloads();
    const api = fakeApi();
    await openShare(api);
    await press('Preview the export');
    const first = previewed().contributorId;
    await press('Last 4 weeks');
    await press('This week');
    await press('Preview the export');
    const second = previewed().contributorId;
    expect(first).toMatch(CONTRIBUTOR_ID);
    expect(second).toMatch(CONTRIBUTOR_ID);
    expect(second).not.toBe(first);

    await click('Keep the same contributor id for my next export');
    await press('Preview the export');
    const kept = previewed().contributorId;
    await press('Download JSON');
    expect(api.storage.contributorId).toBe(kept);
    await press('Last 4 weeks');
    await press('Preview the export');
    expect(previewed().contributorId).toBe(kept);
  });

  it('downloads a Blob of exactly the text shown, under a file name with the period', async () => {
    const { blobs, names } = captureDownloads();
    const api = fakeApi();
    await openShare(api);
    await press('Preview the export');
    const shown = previewText()!;
    await press('Download JSON');
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.type).toBe('application/json');
    expect(await blobs[0]!.text()).toBe(shown);
    expect(names).toEqual(['timeback-personal-data-2025-03-10-to-2025-03-16.json']);
    expect(text()).toContain('Saved timeback-personal-data-2025-03-10-to-2025-03-16.json to your downloads.');

    await press('Download CSV');
    expect(names[1]).toBe('timeback-personal-data-2025-03-10-to-2025-03-16.csv');
    expect(blobs[1]!.type).toContain('text/csv');
    const csv = await blobs[1]!.text();
    const exp = previewed();
    expect(csv).toContain(`meta,,,,contributorId,${exp.contributorId}`);
    // The same lines the table shows.
    expect(csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)).toHaveLength(table('The CSV file, row by row').length);
  });

  it('says plainly when the recorded time cannot be read', async () => {
    const api = fakeApi();
    await openShare(api);
    api.readRollups.mockRejectedValueOnce(new Error('IndexedDB blocked'));
    await press('Preview the export');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Timeback could not read your recorded time.');
    expect(previewText()).toBeNull();
  });
});

// ---------------------------------------------------------------------------
// Team report

const WEEK = { from: '2025-03-10', to: '2025-03-16' };

/** One clinician's export of the week: realistic hours that differ from person to person. */
function teamExport(i: number, period = WEEK): string {
  const days = ['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14'].map((date, d) =>
    rollup(date, [
      { system: 'ehr', category: 'documentation', min: 60 + 7 * i + 3 * d },
      { system: 'ehr', category: 'results_review', min: 25 + 4 * i },
      { system: 'ehr', category: 'inbox_messaging', min: 20 + ((i * 5 + d) % 13) },
    ]),
  );
  const bytes = new Uint8Array(16).fill(i + 1);
  const exp = buildPersonalExport({
    rollups: days,
    ...period,
    granularity: 'week',
    includeSystems: false,
    teamCode: 'WARD-7A',
    role: null,
    contributorId: newContributorId(bytes),
    extensionVersion: '0.1.0',
    schedule: EMPTY_SCHEDULE,
    params: PARAMS,
  });
  return personalExportToJson(exp);
}

async function chooseFiles(files: Array<{ name: string; text: string }>) {
  const input = field('Choose your team\'s export files');
  Object.defineProperty(input, 'files', { value: files.map((f) => new File([f.text], f.name, { type: 'application/json' })), configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
  await settle();
}

const categoryRow = (category: string) => table('Hours per person in the period, by task').find((r) => r[0] === category)!;

describe('Share: team report', () => {
  it('from a few good files and one bad one: names the rejection, and hides every figure of fewer than 8 people', async () => {
    await openShare(fakeApi());
    const input = field("Choose your team's export files");
    expect(input.type).toBe('file');
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain('.json');
    await chooseFiles([
      ...[1, 2, 3, 4, 5].map((i) => ({ name: `export-${i}.json`, text: teamExport(i) })),
      { name: 'notes.json', text: '{"patient": "not an export"' },
    ]);
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Some files were not used');
    expect(alert?.textContent).toContain('notes.json: Not a readable JSON file');
    expect(text()).toContain('Files used: 5');
    expect(container.querySelector('#team-contributors')?.textContent).toBe('*');
    expect(categoryRow('Documentation')).toEqual(['Documentation', '*', '*', '*', '*', '*']);
    expect(text()).toContain('* means hidden, because the figure was built from fewer than 8 people.');
    expect(table('Measures per person').find((r) => r[0]!.startsWith('Active time per week'))).toEqual(['Active time per week (hours)', '*', '*', '*', '*']);
  });

  it('with 9 people: counts to the nearest 5, shows the medians, hides them again at the stricter threshold, and downloads all three', async () => {
    const { blobs, names } = captureDownloads();
    await openShare(fakeApi());
    await chooseFiles([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => ({ name: `export-${i}.json`, text: teamExport(i) })));
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(container.querySelector('#team-contributors')?.textContent).toBe('10');
    const documentation = categoryRow('Documentation');
    expect(documentation[1]).toBe('10');
    expect(Number(documentation[2])).toBeGreaterThan(5);
    // No one had time in it: 0 people, 0 hours (zeros are not hidden).
    expect(categoryRow('Referrals')).toEqual(['Referrals', '0', '0.0', '0.0', '0.0', '0.0']);

    await click('Use a stricter threshold (11)');
    expect(container.querySelector('#team-contributors')?.textContent).toBe('*');
    expect(categoryRow('Documentation')[2]).toBe('*');
    await click('Use a stricter threshold (11)');

    await press('Download HTML report');
    await press('Download CSV report');
    await press('Download JSON report');
    expect(names).toEqual([
      'timeback-team-report-2025-03-10-to-2025-03-16.html',
      'timeback-team-report-2025-03-10-to-2025-03-16.csv',
      'timeback-team-report-2025-03-10-to-2025-03-16.json',
    ]);
    const json = JSON.parse(await blobs[2]!.text());
    expect(json.contributors).toBe(10);
    const html = await blobs[0]!.text();
    expect(html).not.toMatch(/<script/i);
    // The shared files never name the files they came from.
    for (const blob of blobs) expect(await blob.text()).not.toContain('export-1.json');
  });

  it('takes files dropped on the box as well as chosen ones, and says when the report is ready', async () => {
    // Browsers have ondragover/ondrop on every element and Preact reads the event's casing from them; happy-dom lacks them.
    const shimmed = ['ondragover', 'ondragleave', 'ondrop'].filter((p) => !(p in HTMLElement.prototype));
    for (const p of shimmed) Object.defineProperty(HTMLElement.prototype, p, { value: null, writable: true, configurable: true });
    onTestFinished(() => {
      for (const p of shimmed) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[p];
    });
    await openShare(fakeApi());
    const files = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => new File([teamExport(i)], `dropped-${i}.json`, { type: 'application/json' }));
    const zone = container.querySelector<HTMLElement>('.drop-zone')!;
    expect(zone.contains(field("Choose your team's export files"))).toBe(true);
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files } });
    await act(async () => {
      zone.dispatchEvent(drop);
    });
    await settle();
    await settle();
    // Handled, so the browser does not open the file instead.
    expect(drop.defaultPrevented).toBe(true);
    expect(text()).toContain('Files used: 8');
    expect(container.querySelector('#team-contributors')?.textContent).toBe('10');
    expect([...container.querySelectorAll('[role="status"]')].map((s) => s.textContent)).toContain('Team report ready: 8 files used, 0 not used.');
  });

  it('refuses a duplicate and a file of another period, saying why', async () => {
    await openShare(fakeApi());
    const other = teamExport(3, { from: '2025-03-03', to: '2025-03-09' });
    await chooseFiles([
      { name: 'a.json', text: teamExport(1) },
      { name: 'a-again.json', text: teamExport(1) },
      { name: 'last-week.json', text: other },
    ]);
    const alert = container.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('a-again.json: Second export from the same contributor');
    expect(alert).toContain('last-week.json');
  });
});

describe('Share: period and CSV helpers', () => {
  it('offers a year of whole weeks or months, newest first, and quick choices across a year end', () => {
    const weeks = startsOffered('week', '2025-01-02');
    expect(weeks[0]).toBe('2024-12-30');
    expect(weeks).toHaveLength(52);
    expect(startsOffered('month', '2025-01-02').slice(0, 2)).toEqual(['2025-01-01', '2024-12-01']);
    expect(rangeDates(lastPeriods('week', '2025-01-02', 4))).toEqual({ from: '2024-12-09', to: '2025-01-05' });
    expect(rangeDates(lastPeriods('month', '2025-01-02', 3))).toEqual({ from: '2024-11-01', to: '2025-01-31' });
    expect(rangeDates({ unit: 'month', fromStart: '2025-02-01', toStart: '2025-02-01' })).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(rangeDates({ unit: 'week', fromStart: '2025-03-10', toStart: '2025-03-03' })).toBeNull();
  });

  it('reads CSV with quoted commas, doubled quotes, line breaks in a cell and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', ''],
    ]);
    expect(parseCsv('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

describe('Share: the organisation\'s sharing policy', () => {
  const withPolicy = (sharing: { exportEnabled: boolean; teamReportThreshold: 8 | 11; teamCode: string | null; role: Role | null }) => ({
    ...fakeApi(),
    policy: vi.fn(async () => ({ locked: [], warnings: [], fromPolicy: { systems: [], desktopSystems: [] }, systems: [], desktopSystems: [], values: { ...DEFAULT_SETTINGS }, sharing })),
  });

  it('shows no export form when the organisation has turned exports off; the team report stays', async () => {
    await openShare(withPolicy({ exportEnabled: false, teamReportThreshold: 8, teamCode: null, role: null }));
    expect(text()).toContain('Your organisation has turned off exports on this device.');
    expect(() => field('Include the clinical systems')).toThrow();
    expect(text()).toContain('Team report');
  });

  it('starts with the team code and role the organisation set', async () => {
    await openShare(withPolicy({ exportEnabled: true, teamReportThreshold: 8, teamCode: 'RHM-ED', role: 'nurse' }));
    expect(field('Team code (optional)').value).toBe('RHM-ED');
    expect(field<HTMLSelectElement>('Your role (optional)').value).toBe('nurse');
  });

  it('applies the stricter threshold the organisation requires', async () => {
    await openShare(withPolicy({ exportEnabled: true, teamReportThreshold: 11, teamCode: null, role: null }));
    expect(field('Use a stricter threshold (11)').checked).toBe(true);
    expect(field('Use a stricter threshold (11)').disabled).toBe(true);
    expect(text()).toContain('Set by your organisation.');
  });
});

describe('Share: the case for change', () => {
  it('shows the team a year, a chosen what-if with its source and formula, and downloads the one-page board report', async () => {
    const { blobs, names } = captureDownloads();
    await openShare(fakeApi());
    await chooseFiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => ({ name: `export-${i}.json`, text: teamExport(i) })));
    const board = () => container.querySelector('.board-report')!;
    expect(board().textContent).toContain('The case for change');
    expect(board().textContent).toContain('Inbox and admin');
    expect(board().textContent).toContain('hours a year;');
    // No what-if yet.
    expect(board().textContent).toContain('No what-if was chosen.');
    await click('Inbox triage');
    const minutes = field('Minutes a day removed');
    await act(async () => {
      minutes.value = '6';
      minutes.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // 6 min × 5 days × 45 weeks = 22.5 h each, under everyone's inbox time; 10 people: 225 h, 0.13 FTE (225 ÷ 1,687.5).
    const rows = table('Inbox triage: hours given back a year');
    expect(rows[1]).toEqual(['10', '225', '0.13', '23', '23', '23']);
    expect(board().textContent).toContain('Formula: per contributor: 6 min ÷ 60 × 5 days × 45 working weeks a year');
    expect(board().textContent).toContain('τ = 60 s');
    expect(board().querySelectorAll('svg.board-spread')).toHaveLength(4);

    // An unsound assumption: a clear error, the report stays, no year figures until it is fixed.
    const weeks = field('Working weeks a year');
    await act(async () => {
      weeks.value = '60';
      weeks.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Working weeks a year must be a number from 1 to 52 (got 60).');
    expect(container.querySelector('.board-report')).toBeNull();
    expect(container.querySelector('#team-contributors')?.textContent).toBe('10');
    await act(async () => {
      weeks.value = '45';
      weeks.dispatchEvent(new Event('input', { bubbles: true }));
    });

    await press('Download the one-page board report');
    expect(names).toEqual(['timeback-board-report-2025-03-10-to-2025-03-16.html']);
    const html = await blobs[0]!.text();
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('Inbox triage');
    expect(html).not.toMatch(/<script|https?:/i);
    expect(html).not.toContain('export-1.json');
  });
});
