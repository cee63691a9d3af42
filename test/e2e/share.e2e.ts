import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { emptyRollup, type DayRollup } from '../../src/core/dayRollup.js';
import type { PersonalExport } from '../../src/core/exportFormat.js';
import { validatePersonalExport } from '../../src/core/exportValidation.js';
import { personalExportToJson } from '../../src/core/exportWriters.js';
import { buildPersonalExport, newContributorId } from '../../src/core/personalExport.js';
import { addDays } from '../../src/core/dateKeys.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { boardReportModel, boardReportToHtml, buildTeamReportAndCase, DEFAULT_WHAT_IFS } from '../../src/core/teamReport/index.js';
import { EN_GB } from '../support/reportMessages.js';
import type { TaskCategory } from '../../src/core/taskCategory.js';
import { CANARY_STRINGS, canaryUrl } from '../fixtures/demo/canary.mjs';
import { demoSystem } from '../fixtures/demo/preset.mjs';
import { startDemoServer, type DemoServer } from '../fixtures/demo/server.mjs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import { launchExtension, sleep, type TimebackBrowser } from './support/extension.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.2 AA violations on the page (injected through CDP, which the page's CSP does not govern). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const results = (await page.evaluate(
    () => (window as unknown as { axe: { run: (d: Document, o: object) => Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  )) as AxeResults;
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/**
 * Share, end to end in real Chromium: a short session on the demo system
 * (whose pages carry the canary patient in titles, URLs and text), the
 * clinician's export of this week from the dashboard, then a team lead's
 * report from that export and nine synthetic colleagues. No file may carry
 * the canary; the report counts 10 people as "10" and shows the medians.
 */
const PARAMS = { inactivityThresholdSec: DEFAULT_SETTINGS.inactivityThresholdSec, readingAllowanceSec: DEFAULT_SETTINGS.readingAllowanceSec };
const SLOT_MS = 5 * 60_000;
const MIN = 60_000;

/** A colleague's working day: minutes per task, laid into 5-minute slots from 09:00, with the last `lateMin` after 18:00. */
function colleagueDay(date: string, minutes: Partial<Record<TaskCategory, number>>, lateMin: number): DayRollup {
  const r = emptyRollup(date, PARAMS);
  let total = 0;
  for (const [category, min] of Object.entries(minutes) as Array<[TaskCategory, number]>) {
    const ms = min * MIN;
    (r.cells['trust-ehr'] ??= {})[category] = { activeMs: ms, byThresholdMs: { 5: ms * 0.7, 30: ms * 0.9, 60: ms, 300: ms * 1.1 } };
    total += ms;
  }
  const late = Math.min(lateMin * MIN, total);
  const fill = (fromSlot: number, ms: number) => {
    for (let slot = fromSlot; ms > 0; slot++) {
      const v = Math.min(SLOT_MS, ms);
      r.slots[String(slot)] = v;
      ms -= v;
    }
  };
  fill(9 * 12, total - late);
  fill(18 * 12, late);
  r.logins['trust-ehr'] = [18_000 + 1_000 * (date.charCodeAt(9) % 7), 24_000];
  r.pageLoads['trust-ehr'] = [600, 850, 1_200, 2_900];
  r.switches = 40;
  return r;
}

/** A synthetic colleague's export of the same week: realistic, different for each person, valid. */
function colleagueExport(i: number, period: { from: string; to: string }): PersonalExport {
  const rollups = [0, 1, 2, 3, 4].map((d) =>
    colleagueDay(
      addDays(period.from, d),
      {
        documentation: 70 + 9 * i + 4 * d,
        results_review: 25 + 3 * i,
        chart_review: 20 + ((i * 7 + d) % 15),
        inbox_messaging: 25 + ((i * 5 + d * 3) % 20),
        orders_prescribing: 10 + (i % 4) * 5,
        login_auth: 4 + (i % 3),
        waiting_for_system: 2 + (d % 3),
      },
      10 + 5 * (i % 4),
    ),
  );
  return buildPersonalExport({
    rollups,
    from: period.from,
    to: period.to,
    granularity: 'week',
    includeSystems: false,
    teamCode: 'WARD-7A',
    role: i % 2 === 0 ? 'resident_doctor' : 'consultant',
    contributorId: newContributorId(new Uint8Array(randomBytes(16))),
    extensionVersion: '0.1.0',
    schedule: {
      sessions: [1, 2, 3, 4, 5].flatMap((weekday) => [
        { weekday, start: '09:00', end: '13:00' },
        { weekday, start: '13:30', end: '17:30' },
      ]),
      nonWorkingDates: [],
      leave: [],
    },
    params: PARAMS,
  });
}

describe('Share in real Chromium: the personal export and the team report', () => {
  let server: DemoServer;
  let tb: TimebackBrowser;
  let dash: Page;
  let dir: string;
  const files: Record<string, string> = {};
  let personal: PersonalExport;

  /** Click `name` and return the text of the file it downloads. */
  async function download(name: string, key: string): Promise<string> {
    const [file] = await Promise.all([dash.waitForEvent('download'), dash.getByRole('button', { name, exact: true }).click()]);
    const text = readFileSync((await file.path())!, 'utf8');
    files[key] = text;
    files[`${key}:name`] = file.suggestedFilename();
    return text;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'timeback-share-'));
    server = await startDemoServer();
    tb = await launchExtension();
    await tb.configure({ ...DEFAULT_SETTINGS, systems: [demoSystem(server.url)] });
    const page = await tb.context.newPage();
    await page.bringToFront();

    // A short session: sign in, write a note and read results for the canary patient.
    await page.goto(`${server.url}/login`);
    await page.focus('#username');
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('KeyU');
      await sleep(250);
    }
    await page.fill('#password', 'demo-password');
    await Promise.all([page.waitForURL(/\/home/), page.click('#sign-in')]);
    await page.goto(canaryUrl(server.url, 'notes'));
    await page.focus('#notes-editor');
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('KeyE');
      await sleep(250);
    }
    await page.goto(canaryUrl(server.url, 'results'));
    for (let i = 0; i < 12; i++) {
      await page.mouse.wheel(0, 120);
      await sleep(250);
    }
    // Leave the system, then wait until today's rollup holds the session.
    const blank = await tb.context.newPage();
    await blank.bringToFront();
    for (let i = 0; i < 40; i++) {
      const dump = JSON.parse(await tb.dumpAllStorage()) as Record<string, { values: DayRollup[] } | undefined>;
      const docs = dump['timeback/rollups']?.values.some((r) => (r.cells['demo-ehr']?.documentation?.activeMs ?? 0) > 0 && (r.cells['demo-ehr']?.results_review?.activeMs ?? 0) > 0);
      if (docs) break;
      await sleep(500);
    }

    // The clinician's export of this week.
    dash = await tb.context.newPage();
    await dash.goto(tb.url('dashboard.html'));
    await dash.getByRole('button', { name: 'Share', exact: true }).click();
    await dash.getByLabel('Team code (optional)').fill('ward-7a');
    await dash.getByLabel('Your role (optional)').selectOption('consultant');
    await dash.getByRole('button', { name: 'Preview the export' }).click();
    await dash.locator('pre.share-json').waitFor();
    const shown = await dash.locator('pre.share-json').textContent();
    const text = await download('Download JSON', 'personal');
    expect(text).toBe(shown);
    personal = JSON.parse(text) as PersonalExport;
    writeFileSync(path.join(dir, 'mine.json'), text);

    // Nine colleagues, same week and definition, each with their own random id.
    const paths = [path.join(dir, 'mine.json')];
    for (let i = 1; i <= 9; i++) {
      const p = path.join(dir, `colleague-${i}.json`);
      writeFileSync(p, personalExportToJson(colleagueExport(i, personal.period)));
      paths.push(p);
    }
    await dash.setInputFiles('#team-files', paths);
    await dash.locator('#team-contributors').waitFor();
    // The case for change: the team lead picks single sign-on at 10 s.
    await dash.getByLabel('Single sign-on', { exact: true }).check();
    await dash.locator('#board-whatif-0').waitFor();
    await download('Download the one-page board report', 'board');
    await download('Download HTML report', 'html');
    await download('Download CSV report', 'csv');
    await download('Download JSON report', 'json');
  }, 120_000);

  afterAll(async () => {
    await tb?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exports this week as a valid personal export, under the period file name', () => {
    const checked = validatePersonalExport(personal);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    expect(personal.period.granularity).toBe('week');
    expect(personal.teamCode).toBe('WARD-7A');
    expect(personal.role).toBe('consultant');
    expect(personal.includesSystems).toBe(false);
    expect(files['personal:name']).toBe(`timeback-personal-data-${personal.period.from}-to-${personal.period.to}.json`);
    const categories = new Set(personal.rows.map((r) => r.category));
    expect(categories.has('documentation')).toBe(true);
    expect(categories.has('results_review')).toBe(true);
  });

  it('leaves no trace of the canary patient, and no web address, in any file', () => {
    const needles = [...CANARY_STRINGS, 'p-canary', 'nhs=', server.url, '127.0.0.1'];
    for (const key of ['personal', 'html', 'csv', 'json', 'board']) for (const needle of needles) expect(files[key], `${key}: ${needle}`).not.toContain(needle);
  });

  it('shows 10 contributors as "10" and the medians of each category used by 8 or more', async () => {
    expect((await dash.locator('#team-contributors').textContent())?.trim()).toBe('10');
    expect(await dash.locator('[role="alert"]').count()).toBe(0);
    const row = (label: string) => dash.locator('table', { hasText: 'Hours per person in the period, by task' }).locator('tr', { has: dash.locator('th', { hasText: label }) });
    for (const label of ['Documentation', 'Results review', 'Inbox and messages']) {
      const cells = (await row(label).first().locator('td').allTextContents()).map((c) => c.trim());
      expect(cells[0], label).toBe('10');
      expect(Number(cells[1]), `${label} median`).toBeGreaterThan(0);
    }
    await dash.screenshot({ path: 'test-results/dashboard-share.png', fullPage: true });
  });

  it('writes the same figures to the JSON and CSV reports', () => {
    const json = JSON.parse(files.json!) as { contributors: unknown; perCategory: Array<{ category: string; medianHours: unknown }> };
    expect(json.contributors).toBe(10);
    expect(typeof json.perCategory.find((c) => c.category === 'documentation')?.medianHours).toBe('number');
    expect(files.csv).toContain('report,contributors,count,10,people');
    expect(files['html:name']).toBe(`timeback-team-report-${personal.period.from}-to-${personal.period.to}.html`);
  });

  it('writes an HTML report with no script and no external address', () => {
    const html = files.html!;
    expect(html).toMatch(/<html/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('http:');
    expect(html).not.toContain('https:');
    expect(html).not.toContain('//');
  });

  it('shows the team a year, its full-time equivalents and the chosen what-if, as the JSON has them', async () => {
    const json = JSON.parse(files.json!) as {
      caseForChange: { burdens: Array<{ burden: string; contributors: unknown; totalHoursAYear: unknown; totalFte: unknown }>; whatIfs: Array<{ id: string; totalHoursAYear: unknown; totalFte: unknown }> };
    };
    const cells = async (id: string) => (await dash.locator(`#${id} tbody td`).allTextContents()).map((c) => c.trim());
    for (const b of json.caseForChange.burdens) {
      expect(typeof b.totalHoursAYear, b.burden).toBe('number');
      expect(typeof b.totalFte, b.burden).toBe('number');
      const shown = await cells(`board-${b.burden}`);
      expect(shown[0], b.burden).toBe(String(b.contributors));
      expect(shown[1], b.burden).toBe((b.totalHoursAYear as number).toLocaleString('en-GB'));
      expect(shown[2], b.burden).toBe((b.totalFte as number).toFixed(2));
    }
    const sso = json.caseForChange.whatIfs[0]!;
    expect(sso.id).toBe('sso');
    expect(sso.totalHoursAYear as number).toBeGreaterThan(0);
    const shown = await cells('board-whatif-0');
    expect(shown[1]).toBe((sso.totalHoursAYear as number).toLocaleString('en-GB'));
    expect(shown[2]).toBe((sso.totalFte as number).toFixed(2));
    const headline = (await dash.locator('#board-headline').textContent()) ?? '';
    expect(headline).toContain('What-if: Single sign-on');
    const login = json.caseForChange.burdens.find((b) => b.burden === 'login')!;
    expect(headline).toContain(`Logging in${(login.totalHoursAYear as number).toLocaleString('en-GB')}hours a year; ${(login.totalFte as number).toFixed(2)} full-time equivalents`);
    expect(files.board).toContain('Department of Health and Social Care (January 2020)');
    expect(files['board:name']).toBe(`timeback-board-report-${personal.period.from}-to-${personal.period.to}.html`);
    await dash.locator('.board-report').screenshot({ path: 'test-results/dashboard-board-report.png' });
  });

  it("prints the board report on one A4 page (Chromium's PDF), loading nothing from anywhere", async () => {
    const page = await tb.context.newPage();
    let requests = 0;
    await page.route('**/*', (route) => {
      requests++;
      return route.abort();
    });
    await page.setContent(files.board!, { waitUntil: 'load' });
    const pdf = Buffer.from(await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?![s\w])/g)).toHaveLength(1);
    expect(requests).toBe(0);
    // The fullest page: the same ten files with all three what-ifs, and a suppressed burden's note, still fit on one page.
    const inputs = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
    const full = buildTeamReportAndCase(inputs, {}, { whatIfs: Object.values(DEFAULT_WHAT_IFS) });
    expect(full.report.accepted).toHaveLength(10);
    await page.setContent(boardReportToHtml(boardReportModel(full.report, full.teamCase, EN_GB), EN_GB), { waitUntil: 'load' });
    const fullPdf = Buffer.from(await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect(fullPdf.match(/\/Type\s*\/Page(?![s\w])/g)).toHaveLength(1);
    await page.setContent(files.board!, { waitUntil: 'load' });
    expect(await page.locator('svg.spread').count()).toBe(4);
    await page.screenshot({ path: 'test-results/board-report.png', fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('passes axe in light and dark with the case for change shown', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await dash.emulateMedia({ colorScheme });
      expect(await axeViolations(dash), colorScheme).toEqual([]);
    }
    await dash.emulateMedia({ colorScheme: 'light' });
  });
});
