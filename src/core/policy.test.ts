import { describe, expect, it } from 'vitest';
import { applyPolicy, parsePolicy, policyView, type Policy } from './policy.js';
import { DEFAULT_SETTINGS, parseSettings, type ClinicalSystem, type Settings } from './settings.js';
import { EMPTY_SCHEDULE } from './schedule.js';

const ERS: ClinicalSystem = { id: 'ers', name: 'e-RS', matches: ['https://*.ers.nhs.uk/*'], rules: [], useGenericRules: true, signInPatterns: [] };
const EHR: ClinicalSystem = { id: 'trust-ehr', name: 'Trust EHR', matches: ['https://ehr.trust.nhs.uk/*'], rules: [], useGenericRules: false, signInPatterns: [] };
const OWN: ClinicalSystem = { id: 'own', name: 'My system', matches: ['https://own.nhs.uk/*'], rules: [], useGenericRules: true, signInPatterns: [] };
const SCHEDULE = { sessions: [{ weekday: 1, start: '09:00', end: '17:00' }], nonWorkingDates: [], leave: [] };

describe('parsePolicy: valid values', () => {
  it.each<[string, unknown, Policy]>([
    ['nothing (no managed storage)', undefined, {}],
    ['an empty object', {}, {}],
    ['clinical systems (defaults filled in)', { clinicalSystems: [{ id: 'ers', name: 'e-RS', matches: ['https://*.ers.nhs.uk/*'] }] }, { systems: [ERS] }],
    ['desktop systems', { desktopSystems: [{ id: 'emis-web', name: ' EMIS Web ' }] }, { desktopSystems: [{ id: 'emis-web', name: 'EMIS Web' }] }],
    ['a schedule', { schedule: SCHEDULE }, { schedule: SCHEDULE }],
    ['τ and R', { inactivityThresholdSec: 30, readingAllowanceSec: 0 }, { inactivityThresholdSec: 30, readingAllowanceSec: 0 }],
    ['a team code (normalised)', { teamCode: ' ward-7a ' }, { teamCode: 'WARD-7A' }],
    ['a role', { role: 'gp' }, { role: 'gp' }],
    ['retention', { retentionDays: 365 }, { retentionDays: 365 }],
    ['exports off', { exportEnabled: false }, { exportEnabled: false }],
    ['threshold 11', { teamReportThreshold: 11 }, { teamReportThreshold: 11 }],
    ['threshold 8', { teamReportThreshold: 8 }, { teamReportThreshold: 8 }],
    ['locked settings (deduplicated)', { lockedSettings: ['systems', 'schedule', 'systems'] }, { lockedSettings: ['systems', 'schedule'] }],
  ])('%s', (_name, raw, expected) => {
    expect(parsePolicy(raw)).toEqual({ policy: expected, warnings: [] });
  });
});

describe('parsePolicy: invalid values are ignored field by field, with a warning each', () => {
  // Each case also carries a valid τ, which must survive.
  it.each<[string, Record<string, unknown>, RegExp, Policy]>([
    ['a non-list of systems', { clinicalSystems: 'ers' }, /"clinicalSystems": must be a list/, {}],
    ['a system with <all_urls>', { clinicalSystems: [{ id: 'bad', name: 'Bad', matches: ['<all_urls>'] }, ERS] }, /item 1.*system ignored/, { systems: [ERS] }],
    ['a system with a bad id', { clinicalSystems: [{ id: 'Bad Id', name: 'Bad', matches: ['https://a.nhs.uk/*'] }] }, /id must be/, { systems: [] }],
    ['a duplicate system id', { clinicalSystems: [ERS, { ...ERS, name: 'Again' }] }, /"ers" is used twice/, { systems: [ERS] }],
    ['a desktop system reusing a web id', { clinicalSystems: [ERS], desktopSystems: [{ id: 'ers', name: 'Desk' }] }, /already used/, { systems: [ERS], desktopSystems: [] }],
    ['a desktop system without a name', { desktopSystems: [{ id: 'emis' }] }, /name of 1–60/, { desktopSystems: [] }],
    ['a non-list of desktop systems', { desktopSystems: {} }, /"desktopSystems": must be a list/, {}],
    ['an overlapping schedule', { schedule: { ...SCHEDULE, sessions: [...SCHEDULE.sessions, { weekday: 1, start: '12:00', end: '13:00' }] } }, /"schedule":.*overlap/, {}],
    ['a schedule that is not an object', { schedule: 'mon 9-5' }, /"schedule"/, {}],
    ['τ out of range', { inactivityThresholdSec: 3 }, /"inactivityThresholdSec".*got 3/, {}],
    ['R as text', { readingAllowanceSec: '60' }, /"readingAllowanceSec".*got "60"/, {}],
    ['a team code with a space', { teamCode: 'WARD 7' }, /"teamCode":.*spaces/, {}],
    ['a team code holding an NHS number', { teamCode: '9434765919' }, /"teamCode":.*patient details/, {}],
    ['a blank team code', { teamCode: '  ' }, /"teamCode": is blank/, {}],
    ['an unknown role', { role: 'surgeon' }, /"role": must be one of/, {}],
    ['retention of 0 days', { retentionDays: 0 }, /"retentionDays"/, {}],
    ['exportEnabled as text', { exportEnabled: 'yes' }, /"exportEnabled": must be true or false/, {}],
    ['threshold 5', { teamReportThreshold: 5 }, /"teamReportThreshold": must be 8 or 11/, {}],
    ['threshold as text', { teamReportThreshold: '11' }, /"teamReportThreshold"/, {}],
    ['locked settings not a list', { lockedSettings: 'systems' }, /"lockedSettings": must be a list/, {}],
    ['locking an unknown setting', { lockedSettings: ['colour', 'schedule'] }, /"colour" is not one of/, { lockedSettings: ['schedule'] }],
    ['locking pause', { lockedSettings: ['paused'] }, /"paused" cannot be locked/, { lockedSettings: [] }],
    ['an unknown key', { trackEverything: true }, /"trackEverything": not a Timeback policy key/, {}],
  ])('%s', (_name, raw, warning, expected) => {
    const { policy, warnings } = parsePolicy({ ...raw, inactivityThresholdSec: raw.inactivityThresholdSec ?? 45 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(warning);
    const keptTau = raw.inactivityThresholdSec === undefined ? { inactivityThresholdSec: 45 } : {};
    expect(policy).toEqual({ ...expected, ...keptTau });
  });

  it.each([null, 'text', 42, [], true])('ignores a whole value that is not an object (%j), never throwing', (raw) => {
    const { policy, warnings } = parsePolicy(raw);
    expect(policy).toEqual({});
    expect(warnings.length).toBeLessThanOrEqual(1);
    if (raw !== null) expect(warnings[0]).toMatch(/must be an object/);
  });
});

describe('applyPolicy', () => {
  const own: Settings = { ...DEFAULT_SETTINGS, systems: [OWN, { ...ERS, name: 'My e-RS' }], desktopSystems: [{ id: 'trust-ehr', name: 'Clash' }, { id: 'desk', name: 'Desk' }], inactivityThresholdSec: 90, readingAllowanceSec: 30, paused: true };

  it('changes nothing without a policy', () => {
    const r = applyPolicy(own, {});
    expect(r.effective).toEqual(own);
    expect([...r.locked]).toEqual([]);
    expect(r.fromPolicy).toEqual({ systems: [], desktopSystems: [] });
  });

  it('puts policy systems first, replacing the clinician’s of the same id (web or desktop)', () => {
    const r = applyPolicy(own, { systems: [ERS, EHR] });
    expect(r.effective.systems.map((s) => [s.id, s.name])).toEqual([['ers', 'e-RS'], ['trust-ehr', 'Trust EHR'], ['own', 'My system']]);
    expect(r.effective.desktopSystems).toEqual([{ id: 'desk', name: 'Desk' }]);
    expect(r.fromPolicy.systems).toEqual(['ers', 'trust-ehr']);
    expect(r.locked.has('systems')).toBe(false);
    expect(parseSettings(r.effective).ok).toBe(true);
  });

  it('keeps only the policy systems when "systems" is locked', () => {
    const r = applyPolicy(own, { systems: [ERS], lockedSettings: ['systems', 'desktopSystems'] });
    expect(r.effective.systems).toEqual([ERS]);
    expect(r.effective.desktopSystems).toEqual([]);
    expect([...r.locked].sort()).toEqual(['desktopSystems', 'systems']);
  });

  it.each<[string, Policy, Partial<Settings>, string[]]>([
    ['policy τ wins and counts as locked', { inactivityThresholdSec: 20 }, { inactivityThresholdSec: 20, readingAllowanceSec: 30 }, ['inactivityThresholdSec']],
    ['policy R wins', { readingAllowanceSec: 120 }, { inactivityThresholdSec: 90, readingAllowanceSec: 120 }, ['readingAllowanceSec']],
    ['locked τ without a value takes the default', { lockedSettings: ['inactivityThresholdSec'] }, { inactivityThresholdSec: 60 }, ['inactivityThresholdSec']],
    ['policy retention wins', { retentionDays: 90 }, { retentionDays: 90 }, ['retentionDays']],
    ['the policy schedule is a default while the clinician has none', { schedule: SCHEDULE }, { schedule: SCHEDULE }, []],
    ['a locked empty schedule replaces the clinician’s', { lockedSettings: ['schedule'] }, { schedule: EMPTY_SCHEDULE }, ['schedule']],
  ])('%s', (_name, policy, expected, locked) => {
    const r = applyPolicy(own, policy);
    expect(r.effective).toMatchObject(expected);
    expect([...r.locked]).toEqual(locked);
    expect(r.effective.paused).toBe(true);
  });

  it('keeps the clinician’s own schedule over the policy default unless locked', () => {
    const mine = { sessions: [{ weekday: 2, start: '08:00', end: '12:00' }], nonWorkingDates: [], leave: [] };
    expect(applyPolicy({ ...own, schedule: mine }, { schedule: SCHEDULE }).effective.schedule).toEqual(mine);
    expect(applyPolicy({ ...own, schedule: mine }, { schedule: SCHEDULE, lockedSettings: ['schedule'] }).effective.schedule).toEqual(SCHEDULE);
  });

  it('never lets the clinician’s systems push the total past 50', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ...OWN, id: `own-${i}` }));
    const r = applyPolicy({ ...own, systems: many }, { systems: [ERS] });
    expect(r.effective.systems).toHaveLength(50);
    expect(r.effective.systems[0]).toEqual(ERS);
  });
});

describe('policyView', () => {
  it('reports locked settings, policy systems, values in force and warnings', () => {
    const v = policyView(DEFAULT_SETTINGS, { clinicalSystems: [ERS], inactivityThresholdSec: 30, lockedSettings: ['systems', 'paused'] });
    expect(v.locked).toEqual(['systems', 'inactivityThresholdSec']);
    expect(v.fromPolicy.systems).toEqual(['ers']);
    expect(v.systems).toEqual([ERS]);
    expect(v.values.inactivityThresholdSec).toBe(30);
    expect(v.warnings).toHaveLength(1);
  });
});
