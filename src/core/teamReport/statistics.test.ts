import { describe, expect, it } from 'vitest';
import { contributorId, makeExport, makeTeam, WEEKS } from '../../../test/support/teamExports.js';
import type { Role } from '../exportFormat.js';
import { buildTeamReport, noteText, quantile, roundTo, teamReportToCsv, teamReportToHtml, teamReportToJson, utf8ByteLength } from './index.js';
import { EN_GB } from '../../../test/support/reportMessages.js';
import { file, seeds, team } from '../../../test/support/teamReportTeams.js';

describe('statistics', () => {
  it('quartiles by linear interpolation (type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([4, 3, 2, 1], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([7], 0.25)).toBe(7);
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('rounds half away from zero, even for binary fractions', () => {
    expect(roundTo(0.15, 1)).toBe(0.2);
    expect(roundTo(2.25, 1)).toBe(2.3);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-0.04, 1)).toBe(0);
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('€')).toBe(3);
    expect(utf8ByteLength('😀')).toBe(4);
  });

  it('computes medians, quartiles and totals across contributors from hand-made figures', () => {
    // Contributor i (1…8) spends i hours a week on documentation, 4 weeks: 4, 8, …, 32 hours.
    const specs = seeds(8).map((i) => ({ seed: i, categoryHours: { documentation: i, results_review: 1, waiting_for_system: 0.5 } }));
    const r = buildTeamReport(team(specs));
    const doc = r.perCategory.find((c) => c.category === 'documentation')!;
    expect(doc.median).toEqual({ value: 18 });
    expect(doc.q1).toEqual({ value: 11 }); // h = 1.75: 8 + 0.75 × 4
    expect(doc.q3).toEqual({ value: 25 }); // h = 5.25: 24 + 0.25 × 4
    expect(doc.totalHours).toEqual({ value: 144 });
    expect(doc.contributors).toEqual({ value: 10 });
    const results = r.perCategory.find((c) => c.category === 'results_review')!;
    expect(results.median).toEqual({ value: 4 });
    // Nobody has referrals: 0 is shown as 0, from every contributor.
    const referrals = r.perCategory.find((c) => c.category === 'referrals')!;
    expect(referrals.contributors).toEqual({ value: 0 });
    expect(referrals.totalHours).toEqual({ value: 0 });
    // Waiting for the system: 0.5 h a week each → 0.5 h per week per contributor.
    const waiting = r.perMeasure.find((m) => m.measure === 'waitingHours')!;
    expect(waiting.median).toEqual({ value: 0.5 });
    // Weekly trend: every week, contributor i has about i + 1 + 0.5 + the other drawn categories.
    expect(r.trendByWeek.map((w) => w.week)).toEqual([...WEEKS]);
    expect(r.trendByWeek.every((w) => 'value' in w.contributors && w.contributors.value === 10)).toBe(true);
    // The after-hours share comes from the rounded totals.
    const after = (r.totals.afterHoursHours as { value: number }).value;
    const active = (r.totals.activeHours as { value: number }).value;
    expect(r.afterHoursShare).toEqual({ value: roundTo((100 * after) / active, 1) });
  });

  it('weights the per-8-hour measures by scheduled hours and leaves contributors without a schedule out', () => {
    const specs = [...seeds(8).map((i) => ({ seed: i })), ...seeds(3, 50).map((i) => ({ seed: i, noSchedule: true }))];
    const r = buildTeamReport(team(specs));
    const ehr = r.perMeasure.find((m) => m.measure === 'ehrTime8')!;
    expect(ehr.contributors).toEqual({ value: 10 }); // 8 with a schedule
    const active = r.perMeasure.find((m) => m.measure === 'activeHours')!;
    expect(active.contributors).toEqual({ value: 10 }); // 11 → 10
    // One contributor: EHR-Time8 over the period is 8 × active ÷ scheduled, within the exports' rounding.
    const e = makeExport({ seed: 1 });
    const expected = (8 * e.measures.reduce((s, m) => s + m.activeHours, 0)) / e.measures.reduce((s, m) => s + m.scheduledHours, 0);
    const one = buildTeamReport(team(seeds(8).map(() => ({ seed: 1 }))).map((f, i) => ({ ...f, text: f.text.replace(contributorId(1), contributorId(100 + i)) })));
    const v = (one.perMeasure.find((m) => m.measure === 'ehrTime8')!.median as { value: number }).value;
    expect(Math.abs(v - expected)).toBeLessThanOrEqual(0.1);
  });

  it('suppresses a category used by fewer than the threshold, and one more so that it cannot be worked out', () => {
    const specs = seeds(12).map((i) => ({ seed: i, categoryHours: i <= 3 ? { referrals: 2 } : {} }));
    const r = buildTeamReport(team(specs));
    const referrals = r.perCategory.find((c) => c.category === 'referrals')!;
    expect(referrals.contributors).toEqual({ suppressed: true });
    expect(referrals.median).toEqual({ suppressed: true });
    expect(referrals.totalHours).toEqual({ suppressed: true });
    const suppressedTotals = r.perCategory.filter((c) => c.totalHours !== null && 'suppressed' in c.totalHours);
    expect(suppressedTotals.length).toBe(2);
    // The second one is the smallest shown total, not an empty category, and not waiting for the
    // system, whose total is shown again in the team totals.
    const second = suppressedTotals.find((c) => c.category !== 'referrals')!;
    const shownTotals = r.perCategory
      .filter((c) => c.category !== 'waiting_for_system' && c.totalHours !== null && 'value' in c.totalHours && c.totalHours.value > 0)
      .map((c) => (c.totalHours as { value: number }).value);
    expect(second.category).not.toBe('waiting_for_system');
    expect(Math.min(...shownTotals)).toBeGreaterThan(0);
    expect(second.contributors).toEqual({ value: 10 });
    const secondTotal = buildTeamReport(team(specs.map((s) => ({ ...s, categoryHours: {} })))).perCategory.find((c) => c.category === second.category)!.totalHours;
    expect(secondTotal !== null && 'value' in secondTotal && secondTotal.value <= Math.min(...shownTotals)).toBe(true);
  });

  it('shows the role breakdown only when every role group reaches the threshold; percentages from rounded counts', () => {
    const mixed = buildTeamReport(team(seeds(17).map((i) => ({ seed: i, role: (i <= 9 ? 'consultant' : 'nurse') as Role }))));
    expect(mixed.roles).toEqual({
      shown: true,
      groups: [
        { role: 'consultant', contributors: { value: 10 }, percent: { value: 66.7 } },
        { role: 'nurse', contributors: { value: 10 }, percent: { value: 66.7 } },
      ],
    });
    const small = buildTeamReport(team(seeds(17).map((i) => ({ seed: i, role: (i <= 10 ? 'consultant' : i <= 16 ? 'nurse' : null) as Role | null }))));
    expect(small.roles.shown).toBe(false);
    expect(teamReportToJson(small, EN_GB)).not.toMatch(/"role": "nurse"/);
    expect(teamReportToCsv(small, EN_GB)).not.toMatch(/\r\nrole,nurse/);
    expect(teamReportToHtml(small, EN_GB)).not.toContain('<th scope="row">Nurse</th>');
  });

  it('adds day rows up into ISO weeks, and merges daily and weekly exports of the same period', () => {
    const daily = seeds(8).map((i) => makeExport({ seed: i, granularity: 'day' }));
    expect(daily[0]!.measures).toHaveLength(28);
    const r = buildTeamReport(daily.map((e, i) => file(`d${i}.json`, e)));
    expect(r.accepted).toHaveLength(8);
    expect(r.trendByWeek.map((w) => w.week)).toEqual([...WEEKS]);
    for (const [w, cell] of r.trendByWeek.entries()) {
      const weekly = daily.map((e) => e.measures.slice(7 * w, 7 * w + 7).reduce((s, m) => s + m.activeHours, 0));
      expect(cell.medianActiveHours).toEqual({ value: roundTo(quantile(weekly, 0.5)!, 1) });
    }
    const mixed = buildTeamReport([...team(seeds(4, 20).map((i) => ({ seed: i }))), ...daily.slice(0, 4).map((e, i) => file(`d${i}.json`, e))]);
    expect(mixed.accepted).toHaveLength(8);
    expect(mixed.contributors).toEqual({ value: 10 });
  });

  it('does not depend on the order of the files', () => {
    const files = makeTeam(11);
    const a = buildTeamReport(files);
    const b = buildTeamReport([...files].reverse());
    expect(teamReportToJson(b, EN_GB)).toBe(teamReportToJson(a, EN_GB));
    expect(teamReportToCsv(b, EN_GB)).toBe(teamReportToCsv(a, EN_GB));
  });

  it('lists team codes and notes more than one', () => {
    const r = buildTeamReport(team(seeds(9).map((i) => ({ seed: i, teamCode: i <= 4 ? 'RESP-MED' : i <= 8 ? 'ACUTE-MED' : null }))));
    expect(r.teamCodes).toEqual(['ACUTE-MED', 'RESP-MED']);
    expect(r.notes).toContain('several_team_codes');
    expect(r.notes.map((n) => noteText(EN_GB, n, r.minContributors)).join(' ')).toMatch(/more than one team code/);
  });
});
