import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeExport, PERIOD, WEEKS } from '../../../test/support/teamExports.js';
import type { PersonalExport, Role } from '../exportFormat.js';
import { TASK_CATEGORIES, type TaskCategory } from '../taskCategory.js';
import { buildTeamReport, quantile, roundTo, teamReportToCsv, teamReportToHtml, teamReportToJson, TEAM_MEASURES } from './index.js';
import { EN_GB } from '../../../test/support/reportMessages.js';
import { file, htmlTable, parseCsv } from '../../../test/support/teamReportTeams.js';

const isCountText = (v: unknown): boolean =>
  v === '*' || v === 0 || v === '0' || (typeof v === 'number' && v % 5 === 0 && v > 0) || (typeof v === 'string' && /^\d+$/.test(v.replace(/,/g, '')) && Number(v.replace(/,/g, '')) % 5 === 0);

// ---------------------------------------------------------------------------
// Property-based tests

interface Truth {
  n: number;
  category: Record<TaskCategory, number>;
  measure: Record<string, number>;
  week: Record<string, number>;
  totals: Record<string, number>;
}

/** Contributors a figure is built from: those with a non-zero value, or all when every value is 0. */
function basis(values: readonly number[]): number {
  const nonZero = values.filter((v) => v !== 0).length;
  return nonZero > 0 ? nonZero : values.length;
}

/** What each figure is built from, worked out directly from the exports. */
function truthOf(exports: PersonalExport[]): Truth {
  type M = PersonalExport['measures'][number];
  const n = exports.length;
  const total = (e: PersonalExport, f: (m: M) => number): number => e.measures.reduce((s, m) => s + f(m), 0);
  const weighted = (e: PersonalExport, f: (m: M) => number | null): number | null => {
    let w = 0;
    let s = 0;
    for (const m of e.measures) {
      const v = f(m);
      if (v !== null && m.scheduledHours > 0) {
        w += v * m.scheduledHours;
        s += m.scheduledHours;
      }
    }
    return s > 0 ? w / s : null;
  };
  const medianOfNonNull = (e: PersonalExport, f: (m: M) => number | null): number | null => quantile(e.measures.map(f).filter((v): v is number => v !== null), 0.5);
  const present = (xs: Array<number | null>): number[] => xs.filter((x): x is number => x !== null);
  const category = Object.fromEntries(
    TASK_CATEGORIES.map((c) => [c, basis(exports.map((e) => e.rows.filter((r) => r.category === c).reduce((s, r) => s + r.hours, 0)))]),
  ) as Record<TaskCategory, number>;
  const measure: Record<string, number> = {
    activeHours: basis(exports.map((e) => total(e, (m) => m.activeHours))),
    ehrTime8: basis(present(exports.map((e) => weighted(e, (m) => m.ehrTime8)))),
    wow8: basis(present(exports.map((e) => weighted(e, (m) => m.wow8)))),
    noteTime8: basis(present(exports.map((e) => weighted(e, (m) => m.noteTime8)))),
    prescTime8: basis(present(exports.map((e) => weighted(e, (m) => m.prescTime8)))),
    ibTime8: basis(present(exports.map((e) => weighted(e, (m) => m.ibTime8)))),
    afterHoursShare: basis(present(exports.map((e) => (total(e, (m) => m.activeHours) > 0 ? total(e, (m) => m.afterHoursHours) : null)))),
    loginsPerWeek: basis(exports.map((e) => total(e, (m) => m.logins))),
    medianLoginSec: basis(present(exports.map((e) => medianOfNonNull(e, (m) => m.medianLoginSec)))),
    waitingHours: basis(exports.map((e) => total(e, (m) => m.waitingHours))),
    pageLoadP95Sec: basis(present(exports.map((e) => medianOfNonNull(e, (m) => m.pageLoadP95Sec)))),
  };
  const week = Object.fromEntries(
    WEEKS.map((w) => [w, basis(exports.flatMap((e) => e.measures.filter((m) => m.period === w).map((m) => m.activeHours)))]),
  );
  const totals: Record<string, number> = {
    activeHours: measure.activeHours!,
    scheduledHours: basis(exports.map((e) => total(e, (m) => m.scheduledHours))),
    afterHoursHours: basis(exports.map((e) => total(e, (m) => m.afterHoursHours))),
    waitingHours: measure.waitingHours!,
    logins: measure.loginsPerWeek!,
  };
  return { n, category, measure, week, totals };
}

/** True when a figure built from `k` contributors must not be visible. */
const hidden = (k: number, t: Truth, min: number): boolean => (t.n > 0 && t.n < min) || (k > 0 && k < min);

const contributorArb = fc.record({
  role: fc.constantFrom<Role | null>('consultant', 'nurse', 'gp', null),
  omit: fc.subarray(['documentation', 'results_review', 'chart_review', 'orders_prescribing', 'inbox_messaging'] as TaskCategory[]),
  referrals: fc.boolean(),
  directCare: fc.boolean(),
  noSchedule: fc.boolean(),
});

const teamArb = fc.record({
  people: fc.array(contributorArb, { minLength: 0, maxLength: 30, size: 'max' }),
  min: fc.constantFrom(8, 8, 11, 15),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

type TeamCase = typeof teamArb extends fc.Arbitrary<infer T> ? T : never;

function buildFromArb(t: TeamCase) {
  const exports = t.people.map((p, i) =>
    makeExport({
      seed: t.seed + i,
      role: p.role,
      omit: p.omit,
      noSchedule: p.noSchedule,
      categoryHours: { ...(p.referrals ? { referrals: 1.5 } : {}), ...(p.directCare ? { direct_care: 3 } : {}) },
    }),
  );
  const report = buildTeamReport(
    exports.map((e, i) => file(`f${i}.json`, e)),
    { minContributors: t.min, expectedPeriod: PERIOD },
  );
  expect(report.accepted).toHaveLength(exports.length);
  return { exports, report };
}

describe('properties (fast-check)', () => {
  it('no figure from fewer than the threshold is visible in JSON, CSV or HTML; counts are 0, * or multiples of 5', () => {
    fc.assert(
      fc.property(teamArb, (t) => {
        const { exports, report } = buildFromArb(t);
        const truth = truthOf(exports);
        const min = t.min;

        // JSON
        const json = JSON.parse(teamReportToJson(report, EN_GB));
        expect(isCountText(json.contributors)).toBe(true);
        if (truth.n > 0 && truth.n < min) expect(json.contributors).toBe('*');
        for (const c of json.perCategory) {
          expect(isCountText(c.contributors)).toBe(true);
          if (hidden(truth.category[c.category as TaskCategory], truth, min)) {
            for (const k of ['medianHours', 'q1Hours', 'q3Hours', 'totalHours']) expect(c[k], `${c.category}.${k}`).toBe('*');
          }
        }
        for (const m of json.perMeasure) {
          expect(isCountText(m.contributors)).toBe(true);
          if (hidden(truth.measure[m.measure]!, truth, min)) for (const k of ['median', 'q1', 'q3']) expect(m[k]).toBe('*');
        }
        for (const w of json.trendByWeek) {
          expect(isCountText(w.contributors)).toBe(true);
          if (hidden(truth.week[w.week]!, truth, min)) expect(w.medianActiveHours).toBe('*');
        }
        for (const [key, value] of Object.entries(json.totals)) if (hidden(truth.totals[key]!, truth, min)) expect(value, `totals.${key}`).toBe('*');
        if (truth.n > 0 && truth.n < min) {
          expect(Object.values(json.totals).every((v) => v === '*')).toBe(true);
          expect(json.afterHoursSharePercent).toBe('*');
          expect(json.roles.shown).toBe(false);
        }
        // Secondary suppression: one hidden category total is never alone.
        const hiddenTotals = json.perCategory.filter((c: { totalHours: unknown }) => c.totalHours === '*').length;
        if (hiddenTotals === 1) expect(json.totals.activeHours).toBe('*');
        // Percentages from the rounded figures.
        if (typeof json.totals.activeHours === 'number' && typeof json.totals.afterHoursHours === 'number' && json.totals.activeHours > 0) {
          expect(json.afterHoursSharePercent).toBe(roundTo((100 * json.totals.afterHoursHours) / json.totals.activeHours, 1));
        }
        if (json.roles.shown) {
          for (const g of json.roles.groups) {
            expect(isCountText(g.contributors)).toBe(true);
            expect(g.percent).toBe(roundTo((100 * g.contributors) / json.contributors, 1));
          }
          const byRole = new Map<string, number>();
          for (const e of exports) byRole.set(e.role ?? 'not_stated', (byRole.get(e.role ?? 'not_stated') ?? 0) + 1);
          expect([...byRole.values()].every((k) => k >= min)).toBe(true);
        }

        // CSV
        const rows = parseCsv(teamReportToCsv(report, EN_GB));
        for (const [section, item, statistic, value] of rows) {
          if (statistic === 'contributors' || (section === 'report' && item === 'contributors')) expect(isCountText(value === '' ? 0 : Number.isNaN(Number(value)) ? value : Number(value))).toBe(true);
          const isCount = statistic === 'contributors';
          if (section === 'category' && !isCount && hidden(truth.category[item as TaskCategory], truth, min)) expect(value, `${item} ${statistic}`).toBe('*');
          if (section === 'measure' && !isCount && hidden(truth.measure[item!]!, truth, min)) expect(value).toBe('*');
          if (section === 'week' && !isCount && hidden(truth.week[item!]!, truth, min)) expect(value).toBe('*');
          if (section === 'totals' && truth.n > 0 && truth.n < min) expect(value).toBe('*');
        }

        // HTML
        const html = teamReportToHtml(report, EN_GB);
        const cats = htmlTable(html, 't-categories');
        expect(cats).toHaveLength(TASK_CATEGORIES.length);
        cats.forEach((row, i) => {
          expect(isCountText(row[1])).toBe(true);
          if (hidden(truth.category[TASK_CATEGORIES[i]!], truth, min)) expect(row.slice(2)).toEqual(['*', '*', '*', '*']);
        });
        htmlTable(html, 't-measures').forEach((row, i) => {
          expect(isCountText(row[2])).toBe(true);
          if (hidden(truth.measure[TEAM_MEASURES[i]!.id]!, truth, min)) expect(row.slice(3)).toEqual(['*', '*', '*']);
        });
        htmlTable(html, 't-weeks').forEach((row) => {
          expect(isCountText(row[1])).toBe(true);
          if (hidden(truth.week[row[0]!]!, truth, min)) expect(row[2]).toBe('*');
        });
        htmlTable(html, 't-roles').forEach((row) => expect(isCountText(row[1])).toBe(true));
      }),
      { numRuns: 150 },
    );
  });
});
