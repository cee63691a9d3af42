import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANARY_STRINGS } from '../../../test/fixtures/demo/canary.mjs';
import { makeExport, PERIOD } from '../../../test/support/teamExports.js';
import { WEEKS_PER_YEAR } from '../annualBurden.js';
import type { PersonalExport } from '../exportFormat.js';
import { teamReportToHtml, type TeamReport, type TeamReportInput } from './index.js';
import { boardReportModel, boardReportToHtml } from './boardReport.js';
import { teamReportAndCaseToCsv, teamReportAndCaseToJson } from './caseOutputs.js';
import { contributorBurden, estimatedJobPlanWeek } from './contributorBurden.js';
import { buildTeamReportAndCase, type TeamCase } from './teamCase.js';
import { DEFAULT_WHAT_IFS, hoursGivenBack, whatIfText, type WhatIfChoice } from './whatIfs.js';
import { EN_GB } from '../../../test/support/reportMessages.js';

const A = { workingWeeksPerYear: 45, contractedHoursPerWeek: 37.5 };
const file = (name: string, e: PersonalExport): TeamReportInput => ({ name, text: JSON.stringify(e) });

/**
 * One weekly export of 2026-W19 … W22 by hand: a 32-hour job plan, a week of
 * leave (W20: nothing scheduled), a bank holiday (W22: 25.6 h scheduled).
 */
function handExport(): PersonalExport {
  const e = makeExport({ seed: 1, categoryHours: { login_auth: 1.4, inbox_messaging: 2, admin_other: 0.5, waiting_for_system: 0.7 } });
  const scheduled = [32, 0, 32, 25.6];
  e.measures.forEach((m, i) => {
    m.scheduledHours = scheduled[i]!;
    m.afterHoursHours = 3;
    m.logins = 20;
    m.medianLoginSec = 40;
    m.pageLoadP50Sec = 1;
    m.pageLoadP95Sec = 4;
  });
  return e;
}

describe('a contributor a year (hand-computed)', () => {
  it('annualises across leave and a bank holiday from the job plan', () => {
    const e = handExport();
    // J = the most scheduled in a complete week = 32 h; S = 89.6 h; w = 2.8 working weeks.
    expect(estimatedJobPlanWeek(e)).toBe(32);
    const c = contributorBurden(e, A);
    expect(c.workingWeeks.basis).toBe('job-plan');
    expect(c.workingWeeks.weeks).toBeCloseTo(2.8, 12);
    // Logging in: 4 × 1.4 = 5.6 h ÷ 2.8 × 45 = 90 h a year.
    expect(c.hoursAYear.login).toBeCloseTo(90, 9);
    // Inbox and admin: 4 × 2.5 = 10 h ÷ 2.8 × 45 = 160.71 h.
    expect(c.hoursAYear.inboxAdmin).toBeCloseTo((10 / 2.8) * 45, 9);
    // Waiting: 4 × 0.7 = 2.8 h ÷ 2.8 × 45 = 45 h.
    expect(c.hoursAYear.waiting).toBeCloseTo(45, 9);
    // After hours: 4 × 3 = 12 h ÷ 2.8 × 45 = 192.86 h.
    expect(c.hoursAYear.afterHours).toBeCloseTo((12 / 2.8) * 45, 9);
    // Logins: 80 ÷ 2.8 × 45 = 1,285.7 a year; single sign-on at 10 s saves 30 s each: 10.71 h.
    expect(hoursGivenBack(c, DEFAULT_WHAT_IFS.sso, A)).toBeCloseTo(((80 / 2.8) * 45 * 30) / 3600, 9);
    // Loads at p50: 45 h × (1 − 1/4) = 33.75 h.
    expect(hoursGivenBack(c, DEFAULT_WHAT_IFS.pageLoadsAtP50, A)).toBeCloseTo(33.75, 9);
    // Inbox triage of 10 min a day, 5 days: 10/60 × 5 × 45 = 37.5 h (below the 2 × 4 ÷ 2.8 × 45 = 128.6 h of inbox).
    expect(hoursGivenBack(c, DEFAULT_WHAT_IFS.inboxTriage, A)).toBeCloseTo(37.5, 9);
    // … and never more than the inbox hours themselves.
    expect(hoursGivenBack(c, { id: 'inboxTriage', minutesPerDay: 120, daysPerWeek: 5 }, A)).toBeCloseTo((8 / 2.8) * 45, 9);
    // A login already faster than the target gives nothing back.
    expect(hoursGivenBack(c, { id: 'sso', targetLoginSec: 60 }, A)).toBe(0);
  });

  it('annualises by the calendar without a job plan', () => {
    const c = contributorBurden(makeExport({ seed: 2, noSchedule: true, categoryHours: { login_auth: 1 } }), A);
    expect(c.workingWeeks.basis).toBe('calendar');
    // 4 h over 4 calendar weeks = 1 h a calendar week = 52.18 h a year.
    expect(c.hoursAYear.login).toBeCloseTo(WEEKS_PER_YEAR, 9);
  });
});

/** A team of 8 without schedules, contributor i with i hours of logging in a week. */
function ladder(n = 8): TeamReportInput[] {
  return Array.from({ length: n }, (_, i) => file(`c${i}.json`, makeExport({ seed: 100 + i, noSchedule: true, categoryHours: { login_auth: i + 1 } })));
}

describe('the team a year', () => {
  it('gives totals, quartiles, FTE and contributors (hand-computed)', () => {
    const { teamCase } = buildTeamReportAndCase(ladder(), {}, { whatIfs: [DEFAULT_WHAT_IFS.sso] });
    const login = teamCase.burdens.find((b) => b.burden === 'login')!;
    // Each person: x h a week × 52.18; x = 1 … 8.
    expect(login.contributors).toEqual({ value: 10 }); // 8, rounded to the nearest 5
    expect(login.totalHours).toEqual({ value: Math.round(36 * WEEKS_PER_YEAR) }); // 1,878
    expect(login.median).toEqual({ value: Math.round(4.5 * WEEKS_PER_YEAR) }); // 235
    expect(login.q1).toEqual({ value: Math.round(2.75 * WEEKS_PER_YEAR) }); // 143 (type 7: h = 1.75)
    expect(login.q3).toEqual({ value: Math.round(6.25 * WEEKS_PER_YEAR) }); // 326
    expect(login.totalFte).toEqual({ value: Math.round(((36 * WEEKS_PER_YEAR) / 1687.5) * 100) / 100 }); // 1.11
    expect(teamCase.annualisedBy.calendar).toEqual({ value: 10 });
    expect(teamCase.annualisedBy.jobPlan).toEqual({ value: 0 });
    expect(whatIfText(EN_GB, teamCase.whatIfs[0]!.choice, teamCase.assumptions).source).toMatch(/1 min 45 s to 10 s/);
  });

  it('suppresses everything for a team below the threshold', () => {
    const { teamCase } = buildTeamReportAndCase(ladder(7), {}, { whatIfs: [DEFAULT_WHAT_IFS.sso] });
    for (const f of [...teamCase.burdens, ...teamCase.whatIfs]) {
      for (const cell of [f.contributors, f.totalHours, f.totalFte, f.median, f.q1, f.q3]) expect(cell).toEqual({ suppressed: true });
    }
  });

  it('suppresses a burden whose category is suppressed, and the burden of its complement too', () => {
    // 10 people; admin by 3 (suppressed), logging in the smallest shown category (so the complement).
    const team = Array.from({ length: 10 }, (_, i) =>
      file(`c${i}.json`, makeExport({ seed: 200 + i, categoryHours: { login_auth: 0.1, documentation: 5, results_review: 4, chart_review: 4, orders_prescribing: 3, inbox_messaging: 2, waiting_for_system: 0.5, ...(i < 3 ? { admin_other: 1 } : {}) } })),
    );
    const { report, teamCase } = buildTeamReportAndCase(team, {}, { whatIfs: Object.values(DEFAULT_WHAT_IFS) });
    const cat = (c: string) => report.perCategory.find((x) => x.category === c)!.totalHours;
    expect(cat('admin_other')).toEqual({ suppressed: true });
    expect(cat('login_auth')).toEqual({ suppressed: true }); // the report's complementary suppression
    const burden = (b: string) => teamCase.burdens.find((x) => x.burden === b)!;
    const whatIf = (w: string) => teamCase.whatIfs.find((x) => x.choice.id === w)!;
    expect(burden('inboxAdmin').totalHours).toEqual({ suppressed: true });
    expect(burden('login').totalHours).toEqual({ suppressed: true });
    expect(burden('login').median).toEqual({ suppressed: true });
    expect(whatIf('sso').totalHours).toEqual({ suppressed: true });
    expect(whatIf('inboxTriage').totalFte).toEqual({ suppressed: true });
    // The others are shown.
    expect('value' in burden('waiting').totalHours!).toBe(true);
    expect('value' in whatIf('pageLoadsAtP50').totalHours!).toBe(true);
    const json = JSON.parse(teamReportAndCaseToJson(report, teamCase, EN_GB));
    expect(json.caseForChange.burdens.find((b: { burden: string }) => b.burden === 'login').totalHoursAYear).toBe('*');
  });

  it('refuses unsound assumptions before reading anything', () => {
    expect(() => buildTeamReportAndCase(ladder(), {}, { assumptions: { workingWeeksPerYear: 0, contractedHoursPerWeek: 37.5 } })).toThrow(/Working weeks a year/);
    expect(() => buildTeamReportAndCase(ladder(), {}, { whatIfs: [{ id: 'inboxTriage', minutesPerDay: -1, daysPerWeek: 5 }] })).toThrow(/Minutes a day/);
    expect(() => buildTeamReportAndCase(ladder(), {}, { whatIfs: [DEFAULT_WHAT_IFS.sso, DEFAULT_WHAT_IFS.sso] })).toThrow(/once/);
  });
});

// ---------------------------------------------------------------------------
// No figure from fewer contributors than the threshold, whatever the what-ifs

type Uses = { login: boolean; inbox: boolean; admin: boolean; waiting: boolean; logins: boolean; loads: boolean };

function exportFor(seed: number, u: Uses): PersonalExport {
  const e = makeExport({
    seed,
    omit: [...(u.login ? [] : (['login_auth'] as const)), ...(u.inbox ? [] : (['inbox_messaging'] as const)), ...(u.waiting ? [] : (['waiting_for_system'] as const))],
    categoryHours: u.admin ? { admin_other: 0.5 } : {},
  });
  for (const m of e.measures) {
    m.afterHoursHours = 0;
    if (!u.logins) {
      m.logins = 0;
      m.medianLoginSec = null;
    }
    if (!u.loads) {
      m.pageLoadP50Sec = null;
      m.pageLoadP95Sec = null;
    }
  }
  return e;
}

const FIGURE_STATISTICS = ['total', 'total fte', 'median', 'q1', 'q3'];

/** Every shown (non-"*", non-null) number of a year figure in the JSON. */
function shownNumbers(f: Record<string, unknown>): number[] {
  return ['totalHoursAYear', 'totalFte', 'medianHoursAYear', 'q1HoursAYear', 'q3HoursAYear'].map((k) => f[k]).filter((v): v is number => typeof v === 'number');
}

describe('disclosure of the case for change (property)', () => {
  it('no figure in the JSON, CSV, HTML or board report comes from fewer contributors than the threshold', () => {
    const uses = fc.record({ login: fc.boolean(), inbox: fc.boolean(), admin: fc.boolean(), waiting: fc.boolean(), logins: fc.boolean(), loads: fc.boolean() });
    const choices = fc.subarray<WhatIfChoice>([
      { id: 'sso', targetLoginSec: 10 },
      { id: 'pageLoadsAtP50' },
      { id: 'inboxTriage', minutesPerDay: 15, daysPerWeek: 4 },
    ]);
    const choiceValues = fc.record({ target: fc.integer({ min: 0, max: 120 }), minutes: fc.integer({ min: 0, max: 60 }), days: fc.integer({ min: 1, max: 7 }) });
    fc.assert(
      fc.property(fc.array(uses, { minLength: 1, maxLength: 14 }), fc.constantFrom(8, 9, 11), choices, choiceValues, (team, min, picked, v) => {
        const whatIfs = picked.map((c): WhatIfChoice => (c.id === 'sso' ? { id: 'sso', targetLoginSec: v.target } : c.id === 'inboxTriage' ? { id: 'inboxTriage', minutesPerDay: v.minutes, daysPerWeek: v.days } : c));
        const files = team.map((u, i) => file(`c${i}.json`, exportFor(1000 + i, u)));
        const { report, teamCase } = buildTeamReportAndCase(files, { minContributors: min }, { whatIfs });
        // How many people each figure can be built from: those with the inputs it needs.
        const n = (pred: (u: Uses) => boolean) => team.filter(pred).length;
        const basis: Record<string, number> = {
          login: n((u) => u.login),
          waiting: n((u) => u.waiting),
          afterHours: 0,
          inboxAdmin: n((u) => u.inbox || u.admin),
          sso: n((u) => u.logins),
          pageLoadsAtP50: n((u) => u.loads && u.waiting),
          inboxTriage: n((u) => u.inbox),
        };
        const json = JSON.parse(teamReportAndCaseToJson(report, teamCase, EN_GB)).caseForChange;
        // From 1 … min−1 people: nothing shown. From nobody: at most the 0 that everyone has, for a team at the threshold.
        const hidden = (k: number, numbers: number[]) => (k === 0 && team.length >= min ? numbers.every((x) => x === 0) : numbers.length === 0);
        for (const b of json.burdens) if (basis[b.burden]! < min) expect(hidden(basis[b.burden]!, shownNumbers(b)), b.burden).toBe(true);
        for (const w of json.whatIfs) if (basis[w.id]! < min) expect(hidden(basis[w.id]!, shownNumbers(w)), w.id).toBe(true);
        const csv = teamReportAndCaseToCsv(report, teamCase, EN_GB);
        for (const line of csv.split('\r\n')) {
          const [section, item, statistic, value] = line.split(',');
          if ((section === 'year' || section === 'what-if') && item! in basis && basis[item!]! > 0 && basis[item!]! < min && FIGURE_STATISTICS.includes(statistic!))
            expect(['*', '']).toContain(value);
        }
        assertHtmlHidden(report, teamCase, basis, min);
      }),
      { numRuns: 100 },
    );
    // About 1 s alone; the 2 shared cores can make it several times that.
  }, 30_000);
});

/** In the board report (and the dashboard, which renders the same model), a figure from too few contributors shows only "*" or "no data". */
function assertHtmlHidden(report: TeamReport, teamCase: TeamCase, basis: Record<string, number>, min: number): void {
  const model = boardReportModel(report, teamCase, EN_GB);
  const html = boardReportToHtml(model, EN_GB);
  for (const b of model.burdens) {
    if (basis[b.id]! >= min || basis[b.id] === 0) continue;
    expect(b.spread).toBeNull();
    for (const v of [b.row.total, b.row.fte, b.row.median, b.row.q1, b.row.q3]) expect(['*', 'no data']).toContain(v);
    expect(html).not.toContain(`aria-labelledby="chart-${b.id}-t chart-${b.id}-d"><title id="chart-${b.id}-t">${b.label}: hours a year per contributor</title><desc id="chart-${b.id}-d">Middle half`);
  }
  model.whatIfs.forEach((w, i) => {
    const id = teamCase.whatIfs[i]!.choice.id;
    if (basis[id]! >= min || basis[id] === 0) return;
    for (const v of [w.row.total, w.row.fte, w.row.median, w.row.q1, w.row.q3]) expect(['*', 'no data']).toContain(v);
  });
  for (const b of teamCase.burdens) {
    if (basis[b.burden]! >= min || basis[b.burden] === 0) continue;
    for (const cell of [b.totalHours, b.totalFte, b.median, b.q1, b.q3]) expect(cell === null || 'suppressed' in cell).toBe(true);
  }
  for (const w of teamCase.whatIfs) {
    if (basis[w.choice.id]! >= min || basis[w.choice.id] === 0) continue;
    for (const cell of [w.totalHours, w.totalFte, w.median, w.q1, w.q3]) expect(cell === null || 'suppressed' in cell).toBe(true);
  }
}

describe('board report', () => {
  function tenTeam() {
    return buildTeamReportAndCase(
      Array.from({ length: 10 }, (_, i) => file(`c${i}.json`, makeExport({ seed: 300 + i }))),
      { expectedPeriod: PERIOD },
      { whatIfs: [DEFAULT_WHAT_IFS.sso, DEFAULT_WHAT_IFS.inboxTriage] },
    );
  }

  it('is one self-contained page: no script, no external address, a chart and a data table per burden', () => {
    const { report, teamCase } = tenTeam();
    const html = boardReportToHtml(boardReportModel(report, teamCase, EN_GB), EN_GB);
    expect(html).not.toMatch(/<script|https?:|\/\/[a-z]|src=|href=|url\(/i);
    expect(html).toContain('@page { size: A4;');
    expect(html.match(/<svg class="spread"/g)).toHaveLength(4);
    expect(html.match(/<table>/g)).toHaveLength(4);
    expect(html).toContain('τ = 60 s');
    expect(html).toContain('R = 60 s');
    expect(html).toContain('Single sign-on');
    expect(html).toMatch(/Department of Health and Social Care \(January 2020\)/);
    expect(html).toMatch(/Any figure built from 1 to 7 people is \*/);
    for (const canary of CANARY_STRINGS) expect(html).not.toContain(canary);
  });

  it('shows the same headline as the JSON', () => {
    const { report, teamCase } = tenTeam();
    const model = boardReportModel(report, teamCase, EN_GB);
    const json = JSON.parse(teamReportAndCaseToJson(report, teamCase, EN_GB)).caseForChange;
    const login = json.burdens.find((b: { burden: string }) => b.burden === 'login');
    expect(model.headline[0]!.value).toBe(login.totalHoursAYear.toLocaleString('en-GB'));
    expect(model.headline[0]!.detail).toBe(`hours a year; ${login.totalFte.toFixed(2)} full-time equivalents`);
    // The team report page itself is unchanged by the case.
    expect(teamReportToHtml(report, EN_GB)).not.toContain('case for change');
  });
});
