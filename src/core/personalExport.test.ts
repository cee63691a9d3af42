/**
 * buildPersonalExport against the hand-made fortnight in
 * test/support/personalExportFixtures.ts: rounding, the rows and totals,
 * the contributor id and the exported system ids.
 */
import { describe, expect, it } from 'vitest';
import {
  FIXED_RANDOM_BYTES,
  MIN,
  ROLLUPS,
  dayRollup,
  goldenInput,
} from '../../test/support/personalExportFixtures.js';
import { datesInRange } from './dateRange.js';
import { personalExportToJson } from './exportWriters.js';
import {
  buildPersonalExport,
  contributorIdForExport,
  exportSystemId,
  msToRoundedHours,
  newContributorId,
  roundHalfUpTenth,
} from './personalExport.js';

describe('rounding', () => {
  it('rounds half up to 0.1', () => {
    expect(msToRoundedHours(3 * MIN)).toBe(0.1); // exactly 0.05 h
    expect(msToRoundedHours(3 * MIN - 1)).toBe(0);
    expect(msToRoundedHours(9 * MIN)).toBe(0.2); // exactly 0.15 h
    expect(msToRoundedHours(123 * MIN)).toBe(2.1); // exactly 2.05 h
    expect(msToRoundedHours(0)).toBe(0);
    expect(roundHalfUpTenth(0.25)).toBe(0.3);
    expect(roundHalfUpTenth(1.04)).toBe(1);
    expect(roundHalfUpTenth(8 * 4.325 / 21)).toBe(1.6);
  });
});

describe('buildPersonalExport: the hand-made fortnight', () => {
  const weekly = buildPersonalExport(goldenInput());

  it('labels the export and normalises the team code', () => {
    expect(weekly.format).toBe('timeback-personal-export');
    expect(weekly.schemaVersion).toBe(1);
    expect(weekly.teamCode).toBe('WARD-7A');
    expect(weekly.period).toEqual({ from: '2026-05-11', to: '2026-05-24', granularity: 'week' });
    expect(weekly.definition).toEqual({ inactivityThresholdSec: 60, readingAllowanceSec: 60 });
  });

  it('has one row per week × category × system with active time, sorted, hours rounded half up', () => {
    expect(weekly.rows).toEqual([
      // W20: ehr documentation 90 + 40 = 130 min = 2.17 h; "" and "EMIS Web" become "none" (9 min = 0.15 h → 0.2).
      { period: '2026-W20', category: 'documentation', systemId: 'ehr', hours: 2.2 },
      { period: '2026-W20', category: 'documentation', systemId: 'none', hours: 0.2 },
      { period: '2026-W20', category: 'results_review', systemId: 'ehr', hours: 0.8 },
      { period: '2026-W20', category: 'inbox_messaging', systemId: 'ehr', hours: 0.4 },
      { period: '2026-W20', category: 'referrals', systemId: 'ers', hours: 0.3 },
      { period: '2026-W20', category: 'non_ehr', systemId: 'none', hours: 0.5 },
      // W21: 123 min = 2.05 h → 2.1; 3 min = 0.05 h → 0.1; 1.5 min keeps its row at 0.
      { period: '2026-W21', category: 'documentation', systemId: 'ehr', hours: 2.1 },
      { period: '2026-W21', category: 'documentation', systemId: 'emis-web', hours: 1 },
      { period: '2026-W21', category: 'chart_review', systemId: 'ehr', hours: 0.1 },
      { period: '2026-W21', category: 'login_auth', systemId: 'ehr', hours: 0 },
      { period: '2026-W21', category: 'waiting_for_system', systemId: 'ehr', hours: 0.1 },
    ]);
  });

  it('computes the measures per week with computePeriodMetrics, rounded', () => {
    expect(weekly.measures).toEqual([
      {
        period: '2026-W20',
        activeHours: 4.3, // 259.5 min
        scheduledHours: 21, // Mon, Tue, Thu × 7 h
        ehrTime8: 1.6, // 8 × 4.325 / 21
        wow8: 0.7, // Tue evening 65 min + Saturday 39 min = 1.73 h; 8 × 1.73 / 21
        noteTime8: 0.9, // 139 min
        prescTime8: 0,
        ibTime8: 0.2,
        afterHoursHours: 1.7, // the same 104 min
        logins: 3,
        medianLoginSec: 12, // 9, 12, 30 s
        waitingHours: 0,
        pageLoadP50Sec: 1.2, // nearest rank of 0.8, 1.2, 4.0 s
        pageLoadP95Sec: 4,
      },
      {
        period: '2026-W21',
        activeHours: 3.2, // 194.5 min
        scheduledHours: 14, // Thursday is leave
        ehrTime8: 1.9,
        wow8: 0, // 4.5 min on leave: 8 × 0.075 / 14 = 0.04
        noteTime8: 1.7,
        prescTime8: 0,
        ibTime8: 0,
        afterHoursHours: 0,
        logins: 0,
        medianLoginSec: null,
        waitingHours: 0.1,
        pageLoadP50Sec: 2.5, // all systems: 0.6, 2.5, 15 s
        pageLoadP95Sec: 15,
      },
    ]);
  });

  it('without systems, rows are per category and carry no systemId', () => {
    const e = buildPersonalExport(goldenInput({ includeSystems: false }));
    expect(e.includesSystems).toBe(false);
    expect(e.rows.every((r) => !('systemId' in r))).toBe(true);
    expect(e.rows.filter((r) => r.period === '2026-W20')).toEqual([
      { period: '2026-W20', category: 'documentation', hours: 2.3 }, // 139 min
      { period: '2026-W20', category: 'results_review', hours: 0.8 },
      { period: '2026-W20', category: 'inbox_messaging', hours: 0.4 },
      { period: '2026-W20', category: 'referrals', hours: 0.3 },
      { period: '2026-W20', category: 'non_ehr', hours: 0.5 },
    ]);
  });

  it('by day lists every day in the measures and only active days in the rows', () => {
    const e = buildPersonalExport(goldenInput({ granularity: 'day', includeSystems: false }));
    expect(e.measures.map((m) => m.period)).toEqual(datesInRange('2026-05-11', '2026-05-24'));
    expect([...new Set(e.rows.map((r) => r.period))]).toEqual(['2026-05-11', '2026-05-12', '2026-05-16', '2026-05-19', '2026-05-21']);
    const monday = e.measures[0]!;
    expect(monday).toMatchObject({ activeHours: 2.6, scheduledHours: 7, ehrTime8: 3, wow8: 0, logins: 2, medianLoginSec: 10.5 });
    // Wednesday: no schedule, no activity: per-8-hour measures are null, not 0.
    expect(e.measures[2]).toMatchObject({ period: '2026-05-13', activeHours: 0, scheduledHours: 0, ehrTime8: null, medianLoginSec: null, pageLoadP50Sec: null });
  });

  it('ignores rollups outside the period and adds two rollups of one date', () => {
    const doubled = buildPersonalExport(goldenInput({ rollups: [...ROLLUPS, ROLLUPS[0]!], includeSystems: false }));
    expect(doubled.rows[0]).toEqual({ period: '2026-W20', category: 'documentation', hours: 3.8 }); // 139 + 90 min
    expect(doubled.measures[0]!.logins).toBe(5);
    const none = buildPersonalExport(goldenInput({ rollups: [ROLLUPS[5]!] }));
    expect(none.rows).toEqual([]);
    expect(none.measures.map((m) => m.activeHours)).toEqual([0, 0]);
  });

  it('maps an unknown category to admin_other so rows still add up', () => {
    const odd = dayRollup('2026-05-13', '09:00', { ehr: { documentation: 30 * MIN } });
    (odd.cells.ehr as Record<string, unknown>).future_category = { activeMs: 30 * MIN, byThresholdMs: {} };
    const e = buildPersonalExport(goldenInput({ rollups: [odd], includeSystems: false }));
    expect(e.rows).toEqual([
      { period: '2026-W20', category: 'documentation', hours: 0.5 },
      { period: '2026-W20', category: 'admin_other', hours: 0.5 },
    ]);
    expect(e.measures[0]!.activeHours).toBe(1);
  });

  it('refuses impossible requests with a clear message', () => {
    expect(() => buildPersonalExport(goldenInput({ from: '2026-05-12' }))).toThrow(/Monday to a Sunday/);
    expect(() => buildPersonalExport(goldenInput({ from: '2026-05-25' }))).toThrow(/before it starts/);
    expect(() => buildPersonalExport(goldenInput({ from: '2026-02-30' }))).toThrow(/two dates/);
    expect(() => buildPersonalExport(goldenInput({ granularity: 'day', from: '2025-01-01', to: '2026-01-31' }))).toThrow(/at most 371 days/);
    expect(() => buildPersonalExport(goldenInput({ teamCode: 'Ward 7 (Smith)' }))).toThrow(/letters A–Z, digits and dashes/);
    expect(() => buildPersonalExport(goldenInput({ contributorId: 'c-jane' }))).toThrow(/newContributorId/);
    expect(() => buildPersonalExport(goldenInput({ role: 'surgeon' as never }))).toThrow(/Unknown role/);
    const negative = dayRollup('2026-05-13', '09:00', { ehr: { documentation: -5 } });
    expect(() => buildPersonalExport(goldenInput({ rollups: [negative] }))).toThrow(/2026-05-13 holds invalid active time/);
    const impossible = dayRollup('2026-05-13', '00:00', { ehr: { documentation: 26 * 60 * MIN } });
    expect(() => buildPersonalExport(goldenInput({ rollups: [impossible], granularity: 'day', from: '2026-05-13', to: '2026-05-13' }))).toThrow(/at most 25 hours/);
  });

  it('never carries a timestamp finer than a day, a URL or free text', () => {
    const text = personalExportToJson(weekly);
    expect(text).not.toMatch(/T\d{2}:\d{2}|\d{2}:\d{2}|https?:|\/\//);
    const strings = new Set<string>();
    JSON.parse(text, (_k, v: unknown) => (typeof v === 'string' && strings.add(v), v));
    const allowed = /^(timeback-personal-export|0\.1\.0|c-[0-9a-f]{32}|WARD-7A|resident_doctor|week|20\d\d-\d\d-\d\d|20\d\d-W\d\d|[a-z_]+|[a-z0-9-]+)$/;
    for (const s of strings) expect(s).toMatch(allowed);
  });
});

describe('contributor id', () => {
  it('is c- and 32 hex digits from the first 16 bytes', () => {
    expect(newContributorId(FIXED_RANDOM_BYTES)).toBe('c-0102030405060708090a0b0c0d0e0f10');
    expect(newContributorId(Uint8Array.from({ length: 32 }, () => 255))).toBe(`c-${'ff'.repeat(16)}`);
  });

  it('refuses too few bytes and bytes never filled', () => {
    expect(() => newContributorId(new Uint8Array(15))).toThrow(/16 random bytes/);
    expect(() => newContributorId(new Uint8Array(16))).toThrow(/all zero/);
  });

  it('rotates unless the clinician chose to keep it', () => {
    const stored = 'c-0102030405060708090a0b0c0d0e0f10';
    const fresh = Uint8Array.from({ length: 16 }, (_, i) => 200 + i);
    expect(contributorIdForExport({ stored, keep: true, randomBytes: fresh })).toEqual({ contributorId: stored, reused: true });
    expect(contributorIdForExport({ stored, keep: false, randomBytes: fresh })).toEqual({ contributorId: newContributorId(fresh), reused: false });
    expect(contributorIdForExport({ stored: null, keep: true, randomBytes: fresh }).reused).toBe(false);
    expect(contributorIdForExport({ stored: 'jane.doe', keep: true, randomBytes: fresh })).toEqual({ contributorId: newContributorId(fresh), reused: false });
  });
});

describe('exportSystemId', () => {
  it.each([
    ['ehr', 'ehr'],
    ['emis-web', 'emis-web'],
    ['a'.repeat(40), 'a'.repeat(40)],
    ['', 'none'],
    ['EMIS Web', 'none'],
    ['a'.repeat(41), 'none'],
    ['ers/notes', 'none'],
  ])('%j → %j', (id, out) => {
    expect(exportSystemId(id)).toBe(out);
  });
});
