/**
 * Properties of personal exports built from random rollups, schedules and
 * requests (fast-check): they validate, pass the PHI guard and add up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayRollup, goldenInput } from '../../test/support/personalExportFixtures.js';
import { SENSITIVITY_THRESHOLDS_SEC } from './activeTimeParams.js';
import { addDays } from './dateKeys.js';
import { datesInRange } from './dateRange.js';
import type { DayRollup } from './dayRollup.js';
import { ROLES } from './exportFormat.js';
import { validatePersonalExport } from './exportValidation.js';
import { personalExportToCsv, personalExportToJson } from './exportWriters.js';
import { alignToIsoWeeks, isoWeekKey } from './isoWeek.js';
import { buildPersonalExport, newContributorId } from './personalExport.js';
import { findIdentifiers } from './phiGuard.js';
import type { Schedule } from './schedule.js';
import { TASK_CATEGORIES, type TaskCategory } from './taskCategory.js';

const SYSTEM_IDS = ['ehr', 'ers', 'emis-web', 'nhsmail', '', 'EMIS Web', 'x'.repeat(41)];
const SESSION_CHOICES = [
  { start: '09:00', end: '12:30' },
  { start: '13:30', end: '17:00' },
  { start: '18:07', end: '18:13' }, // off the 5-minute grid
  { start: '22:00', end: '24:00' },
];

const scheduleArb: fc.Arbitrary<Schedule> = fc
  .record({
    days: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.subarray([0, 1, 2, 3])), { maxLength: 7 }),
    off: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 4 }),
  })
  .map(({ days, off }) => {
    const seen = new Set<number>();
    const sessions = days
      .filter(([d]) => !seen.has(d) && seen.add(d))
      .flatMap(([weekday, picks]) => picks.map((p) => ({ weekday, ...SESSION_CHOICES[p]! })));
    return { sessions, nonWorkingDates: off.map((n) => addDays('2026-01-01', n)), leave: [] };
  });

/** Rollups for some of the dates, at most one per date: ≤ 8 cells of ≤ 3 h each (≤ 24 h a day), a few slots, samples. */
function rollupsArb(dates: string[]): fc.Arbitrary<DayRollup[]> {
  const cell = fc.record({
    systemId: fc.oneof(fc.constantFrom(...SYSTEM_IDS), fc.stringMatching(/^[a-z-]{1,12}$/)),
    category: fc.constantFrom<TaskCategory>(...TASK_CATEGORIES),
    ms: fc.oneof(fc.integer({ min: 0, max: 3 * 3_600_000 }), fc.integer({ min: 0, max: 200 }).map((n) => n * 18_000)),
  });
  const day = fc.record({
    date: fc.constantFrom(...dates),
    cells: fc.array(cell, { maxLength: 8 }),
    slots: fc.dictionary(fc.integer({ min: 0, max: 287 }).map(String), fc.integer({ min: 0, max: 300_000 }), { maxKeys: 30 }),
    logins: fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 4 }),
    pageLoads: fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 6 }),
  });
  // One rollup per date, as the store keeps them (two for one date could hold more than a day).
  return fc.uniqueArray(day, { maxLength: 20, selector: (d) => d.date }).map((days) =>
    days.map((d) => {
      const r = dayRollup(d.date, '00:00', {});
      for (const c of d.cells) {
        const bySystem = (r.cells[c.systemId] ??= {});
        const existing = bySystem[c.category];
        const ms = (existing?.activeMs ?? 0) + c.ms;
        bySystem[c.category] = { activeMs: ms, byThresholdMs: Object.fromEntries(SENSITIVITY_THRESHOLDS_SEC.map((t) => [String(t), ms])) };
      }
      r.slots = d.slots;
      if (d.logins.length > 0) r.logins = { ehr: d.logins };
      if (d.pageLoads.length > 0) r.pageLoads = { ehr: d.pageLoads.slice(0, 3), ers: d.pageLoads.slice(3) };
      return r;
    }),
  );
}

const requestArb = fc
  .record({
    start: fc.integer({ min: 0, max: 3 * 365 }),
    days: fc.integer({ min: 1, max: 70 }),
    granularity: fc.constantFrom<'week' | 'day'>('week', 'day'),
    includeSystems: fc.boolean(),
    teamCode: fc.option(fc.stringMatching(/^[A-Z]{1,4}(-[A-Z]{1,6})?$/), { nil: null }),
    role: fc.option(fc.constantFrom(...ROLES), { nil: null }),
    bytes: fc.uint8Array({ minLength: 16, maxLength: 16 }).filter((b) => b.some((x) => x !== 0)),
    params: fc.record({ inactivityThresholdSec: fc.integer({ min: 5, max: 300 }), readingAllowanceSec: fc.integer({ min: 0, max: 300 }) }),
    schedule: scheduleArb,
  })
  .chain((req) => {
    let from = addDays('2025-01-01', req.start);
    let to = addDays(from, req.days - 1);
    if (req.granularity === 'week') ({ from, to } = alignToIsoWeeks(from, to));
    return rollupsArb(datesInRange(addDays(from, -3), addDays(to, 3))).map((rollups) => ({ ...req, from, to, rollups }));
  });

describe('properties (fast-check)', () => {
  it('every export built from random rollups validates, passes the PHI guard, and its rows add up within rounding', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const exp = buildPersonalExport({
          rollups: req.rollups,
          from: req.from,
          to: req.to,
          granularity: req.granularity,
          includeSystems: req.includeSystems,
          teamCode: req.teamCode,
          role: req.role,
          contributorId: newContributorId(req.bytes),
          extensionVersion: '0.1.0',
          schedule: req.schedule,
          params: req.params,
        });
        const checked = validatePersonalExport(exp);
        expect(checked.ok ? [] : checked.errors).toEqual([]);
        expect(findIdentifiers(personalExportToJson(exp))).toEqual([]);
        expect(findIdentifiers(personalExportToCsv(exp))).toEqual([]);
        for (const m of exp.measures) {
          const rows = exp.rows.filter((r) => r.period === m.period);
          const sum = rows.reduce((s, r) => s + r.hours, 0);
          expect(Math.abs(sum - m.activeHours)).toBeLessThanOrEqual(0.05 * rows.length + 1e-9);
          for (const r of rows) expect(Math.abs(r.hours * 10 - Math.round(r.hours * 10))).toBeLessThan(1e-9);
        }
        // Rows match an independent sum of the rollups, rounded half up.
        if (!req.includeSystems) {
          const inPeriod = new Set(datesInRange(req.from, req.to));
          const expected = new Map<string, number>();
          for (const r of req.rollups) {
            if (!inPeriod.has(r.date)) continue;
            const key = req.granularity === 'week' ? isoWeekKey(r.date) : r.date;
            for (const bySystem of Object.values(r.cells))
              for (const [category, cell] of Object.entries(bySystem)) if (cell && cell.activeMs > 0) expected.set(`${key} ${category}`, (expected.get(`${key} ${category}`) ?? 0) + cell.activeMs);
          }
          expect(new Map(exp.rows.map((r) => [`${r.period} ${r.category}`, r.hours]))).toEqual(new Map([...expected].map(([k, ms]) => [k, Math.floor(ms / 360_000 + 0.5) / 10])));
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('the same rollups give the same text (deterministic)', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const input = { ...goldenInput(), rollups: req.rollups, from: req.from, to: req.to, granularity: req.granularity, schedule: req.schedule };
        const a = personalExportToCsv(buildPersonalExport(input));
        const b = personalExportToCsv(buildPersonalExport({ ...input, rollups: [...req.rollups].reverse() }));
        expect(b).toBe(a);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

});
