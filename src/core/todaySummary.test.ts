import { describe, expect, it } from 'vitest';
import { buildTodaySummary } from './todaySummary.js';
import { DEFAULT_ACTIVE_TIME } from './activeTimeParams.js';
import { emptyRollup } from './dayRollup.js';

describe('buildTodaySummary', () => {
  it('totals by system and category, naming removed systems by id', () => {
    const rollup = {
      ...emptyRollup('2026-05-12', DEFAULT_ACTIVE_TIME),
      cells: {
        ehr: { documentation: { activeMs: 60_000, byThresholdMs: {} }, results_review: { activeMs: 30_000, byThresholdMs: {} } },
        gone: { documentation: { activeMs: 10_000, byThresholdMs: {} } },
      },
    };
    const s = buildTodaySummary({
      date: '2026-05-12',
      rollup,
      systems: [{ id: 'ehr', name: 'EHR', matches: ['https://ehr.example.nhs.uk/*'], rules: [], useGenericRules: true, signInPatterns: [] }],
      nowTracking: { systemId: 'ehr', category: 'documentation' },
      paused: false,
      params: DEFAULT_ACTIVE_TIME,
    });
    expect(s.totalMs).toBe(100_000);
    expect(s.bySystem).toEqual([
      { systemId: 'ehr', name: 'EHR', ms: 90_000 },
      { systemId: 'gone', name: 'gone', ms: 10_000 },
    ]);
    expect(s.byCategory).toEqual([
      { category: 'documentation', ms: 70_000 },
      { category: 'results_review', ms: 30_000 },
    ]);
    expect(s.nowTracking).toEqual({ systemId: 'ehr', name: 'EHR', category: 'documentation' });
  });
});
