import { DEFAULT_ACTIVE_TIME, MAX_THRESHOLD_SEC, MIN_THRESHOLD_SEC } from './activeTimeParams.js';
import { parseCatalogueEntry, type CatalogueEntry } from './catalogue.js';
import { ROLES, isRole, type Role } from './exportFormat.js';
import { SYSTEM_ID_RULE, SYSTEM_NAME_RULE, intInRange, isSystemId, isSystemNameOk, systemName, wholeNumberRule } from './fieldChecks.js';
import { EMPTY_SCHEDULE, parseSchedule, type Schedule } from './schedule.js';
import { DEFAULT_RETENTION_DAYS, MAX_RETENTION_DAYS, MAX_SYSTEMS, MIN_RETENTION_DAYS, parseSystem, type ClinicalSystem, type DesktopSystem, type Settings } from './settings.js';
import { validateTeamCode } from './teamCode.js';

/**
 * Enterprise policy: what an NHS trust's IT sets for every clinician through
 * the browser's managed storage (`storage.managed`, declared by
 * schemas/managed-storage.schema.json). See docs/deployment.md.
 *
 * Every field is optional: a policy sets only what it names.
 */
export interface Policy {
  /** Web systems the organisation tracks for everyone (policy key `clinicalSystems`). */
  systems?: ClinicalSystem[];
  desktopSystems?: DesktopSystem[];
  /** A default job plan: used while the clinician has none of their own, or always when locked. */
  schedule?: Schedule;
  inactivityThresholdSec?: number;
  readingAllowanceSec?: number;
  /** How many days raw records are kept (replaces the clinician's retention period). */
  retentionDays?: number;
  /** The team code the Share view's personal export starts filled in with (PolicyView.sharing). */
  teamCode?: string;
  role?: Role;
  exportEnabled?: boolean;
  teamReportThreshold?: 8 | 11;
  /** Settings the clinician cannot change. */
  lockedSettings?: LockableSetting[];
  /** The organisation's own catalogue entries, offered beside the bundled ones (policy key `catalogue`). */
  catalogue?: CatalogueEntry[];
}

/**
 * The settings a policy can lock. `paused` is deliberately not one of them:
 * Timeback is clinician-owned and opt-in, so a clinician can always pause it
 * (ICO, Employment practices: monitoring workers).
 */
export const LOCKABLE_SETTINGS = ['systems', 'desktopSystems', 'schedule', 'inactivityThresholdSec', 'readingAllowanceSec', 'retentionDays'] as const;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

/** The policy keys, as they appear in managed storage. */
export const POLICY_KEYS = [
  'clinicalSystems',
  'desktopSystems',
  'schedule',
  'inactivityThresholdSec',
  'readingAllowanceSec',
  'teamCode',
  'role',
  'retentionDays',
  'exportEnabled',
  'teamReportThreshold',
  'lockedSettings',
  'catalogue',
] as const;

export const TEAM_REPORT_THRESHOLDS = [8, 11] as const;

export interface ParsedPolicy {
  policy: Policy;
  /** One per ignored value, naming the policy key. Shown on the settings page. */
  warnings: string[];
}

const show = (v: unknown) => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

/**
 * Read a managed-storage value. Never throws: every invalid value is ignored
 * on its own (a whole field, or one system of a list) with a warning, and the
 * rest of the policy still applies.
 */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const warnings: string[] = [];
  const policy: Policy = {};
  if (raw === undefined || raw === null) return { policy, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { policy, warnings: ['Policy: the managed configuration must be an object; it was ignored.'] };
  const r = raw as Record<string, unknown>;
  const ids = new Set<string>();

  for (const key of Object.keys(r))
    if (!(POLICY_KEYS as readonly string[]).includes(key)) warnings.push(`Policy "${key}": not a Timeback policy key; ignored.`);

  if (r.clinicalSystems !== undefined) {
    if (!Array.isArray(r.clinicalSystems)) warnings.push('Policy "clinicalSystems": must be a list of systems; ignored.');
    else {
      const systems: ClinicalSystem[] = [];
      r.clinicalSystems.forEach((s: unknown, i: number) => {
        const where = `Policy "clinicalSystems" item ${i + 1}`;
        if (systems.length >= MAX_SYSTEMS) return warnings.push(`${where}: at most ${MAX_SYSTEMS} systems; ignored.`);
        const parsed = parseSystem(s, where);
        if (!parsed.ok) return warnings.push(...parsed.errors.map((e) => `${where}: ${e.startsWith(`${where}: `) ? e.slice(where.length + 2) : e} (system ignored)`));
        if (ids.has(parsed.system.id)) return warnings.push(`${where}: the id "${parsed.system.id}" is used twice; ignored.`);
        ids.add(parsed.system.id);
        systems.push(parsed.system);
      });
      policy.systems = systems;
    }
  }

  if (r.desktopSystems !== undefined) {
    if (!Array.isArray(r.desktopSystems)) warnings.push('Policy "desktopSystems": must be a list of systems; ignored.');
    else {
      const desktop: DesktopSystem[] = [];
      r.desktopSystems.forEach((d: unknown, i: number) => {
        const where = `Policy "desktopSystems" item ${i + 1}`;
        const v = (typeof d === 'object' && d !== null ? d : {}) as Record<string, unknown>;
        const name = systemName(v.name);
        if (desktop.length >= MAX_SYSTEMS) return warnings.push(`${where}: at most ${MAX_SYSTEMS} systems; ignored.`);
        if (!isSystemId(v.id)) return warnings.push(`${where}: the id must be ${SYSTEM_ID_RULE}; ignored.`);
        if (!isSystemNameOk(name)) return warnings.push(`${where}: ${SYSTEM_NAME_RULE}; ignored.`);
        if (ids.has(v.id)) return warnings.push(`${where}: the id "${v.id}" is already used by another policy system; ignored.`);
        ids.add(v.id);
        desktop.push({ id: v.id, name });
      });
      policy.desktopSystems = desktop;
    }
  }

  if (r.schedule !== undefined) {
    const parsed = parseSchedule(r.schedule);
    if (parsed.ok) policy.schedule = parsed.schedule;
    else warnings.push(`Policy "schedule": ${parsed.errors.join(' ')} Ignored.`);
  }

  if (r.inactivityThresholdSec !== undefined) {
    if (intInRange(r.inactivityThresholdSec, MIN_THRESHOLD_SEC, MAX_THRESHOLD_SEC)) policy.inactivityThresholdSec = r.inactivityThresholdSec;
    else warnings.push(`Policy "inactivityThresholdSec": must be ${wholeNumberRule('seconds', MIN_THRESHOLD_SEC, MAX_THRESHOLD_SEC)} (got ${show(r.inactivityThresholdSec)}); ignored.`);
  }
  if (r.readingAllowanceSec !== undefined) {
    if (intInRange(r.readingAllowanceSec, 0, MAX_THRESHOLD_SEC)) policy.readingAllowanceSec = r.readingAllowanceSec;
    else warnings.push(`Policy "readingAllowanceSec": must be ${wholeNumberRule('seconds', 0, MAX_THRESHOLD_SEC)} (got ${show(r.readingAllowanceSec)}); ignored.`);
  }

  if (r.teamCode !== undefined) {
    const team = typeof r.teamCode === 'string' ? validateTeamCode(r.teamCode) : ({ ok: false, error: 'The team code must be text.' } as const);
    if (team.ok && team.teamCode !== null) policy.teamCode = team.teamCode;
    else warnings.push(`Policy "teamCode": ${team.ok ? 'is blank' : team.error}; ignored.`);
  }
  if (r.role !== undefined) {
    if (isRole(r.role)) policy.role = r.role;
    else warnings.push(`Policy "role": must be one of ${ROLES.join(', ')} (got ${show(r.role)}); ignored.`);
  }
  if (r.retentionDays !== undefined) {
    if (intInRange(r.retentionDays, MIN_RETENTION_DAYS, MAX_RETENTION_DAYS)) policy.retentionDays = r.retentionDays;
    else warnings.push(`Policy "retentionDays": must be ${wholeNumberRule('days', MIN_RETENTION_DAYS, MAX_RETENTION_DAYS)} (got ${show(r.retentionDays)}); ignored.`);
  }
  if (r.exportEnabled !== undefined) {
    if (typeof r.exportEnabled === 'boolean') policy.exportEnabled = r.exportEnabled;
    else warnings.push(`Policy "exportEnabled": must be true or false (got ${show(r.exportEnabled)}); ignored.`);
  }
  if (r.teamReportThreshold !== undefined) {
    if ((TEAM_REPORT_THRESHOLDS as readonly unknown[]).includes(r.teamReportThreshold)) policy.teamReportThreshold = r.teamReportThreshold as 8 | 11;
    else warnings.push(`Policy "teamReportThreshold": must be 8 or 11 (got ${show(r.teamReportThreshold)}); ignored.`);
  }

  if (r.lockedSettings !== undefined) {
    if (!Array.isArray(r.lockedSettings)) warnings.push('Policy "lockedSettings": must be a list of setting names; ignored.');
    else {
      const locked = new Set<LockableSetting>();
      for (const name of r.lockedSettings) {
        if (name === 'paused') warnings.push('Policy "lockedSettings": "paused" cannot be locked: a clinician can always pause Timeback; ignored.');
        else if (typeof name === 'string' && (LOCKABLE_SETTINGS as readonly string[]).includes(name)) locked.add(name as LockableSetting);
        else warnings.push(`Policy "lockedSettings": ${show(name)} is not one of ${LOCKABLE_SETTINGS.join(', ')}; ignored.`);
      }
      policy.lockedSettings = [...locked];
    }
  }
  if (r.catalogue !== undefined) policy.catalogue = parsePolicyCatalogue(r.catalogue, warnings);
  return { policy, warnings };
}

/** At most this many catalogue entries from a policy. */
export const MAX_POLICY_CATALOGUE = 200;

/** Each invalid entry is ignored on its own, with a warning; ids must be unique. */
function parsePolicyCatalogue(raw: unknown, warnings: string[]): CatalogueEntry[] {
  if (!Array.isArray(raw)) {
    warnings.push('Policy "catalogue": must be a list of catalogue entries; ignored.');
    return [];
  }
  const entries: CatalogueEntry[] = [];
  const ids = new Set<string>();
  raw.forEach((e: unknown, i: number) => {
    const where = `Policy "catalogue" item ${i + 1}`;
    if (entries.length >= MAX_POLICY_CATALOGUE) return warnings.push(`${where}: at most ${MAX_POLICY_CATALOGUE} entries; ignored.`);
    const parsed = parseCatalogueEntry(e, where, 'policy');
    if (!parsed.ok) return warnings.push(...parsed.errors.map((m) => `${m} (entry ignored)`));
    if (ids.has(parsed.entry.id)) return warnings.push(`${where}: the id "${parsed.entry.id}" is used twice; ignored.`);
    ids.add(parsed.entry.id);
    entries.push(parsed.entry);
  });
  return entries;
}

export interface AppliedPolicy {
  /** What the worker tracks with: the clinician's settings with the policy applied. */
  effective: Settings;
  /** Settings the clinician cannot change here (locked, or set by the policy so a change would have no effect). */
  locked: Set<LockableSetting>;
  /** Ids of the systems that come from the policy (they cannot be edited or removed). */
  fromPolicy: { systems: string[]; desktopSystems: string[] };
}

function scheduleIsEmpty(s: Schedule): boolean {
  return s.sessions.length === 0 && s.nonWorkingDates.length === 0 && s.leave.length === 0;
}

/**
 * The effective settings. Policy values win over the clinician's:
 * - policy systems come first (so their patterns win overlaps), and replace a
 *   clinician's system (web or desktop: one id space) of the same id;
 *   a locked list keeps the policy's systems only;
 * - τ, R and the retention period from the policy replace the clinician's (and so count as locked);
 * - the policy schedule is a default: it applies while the clinician has no
 *   schedule of their own, or always when "schedule" is locked;
 * - a locked setting the policy gives no value for takes the default (no
 *   systems of the clinician's own, τ = R = 60 s, an empty schedule, the
 *   default retention period).
 * `paused` always stays the clinician's.
 */
export function applyPolicy(settings: Settings, policy: Policy): AppliedPolicy {
  const locked = new Set<LockableSetting>(policy.lockedSettings ?? []);
  const policySystems = policy.systems ?? [];
  const policyDesktop = policy.desktopSystems ?? [];
  const policyIds = new Set([...policySystems, ...policyDesktop].map((s) => s.id));
  const ownSystems = locked.has('systems') ? [] : settings.systems.filter((s) => !policyIds.has(s.id));
  const ownDesktop = locked.has('desktopSystems') ? [] : settings.desktopSystems.filter((s) => !policyIds.has(s.id));
  const systems = [...policySystems, ...ownSystems].slice(0, MAX_SYSTEMS);
  const webIds = new Set(systems.map((s) => s.id));
  const desktopSystems = [...policyDesktop, ...ownDesktop.filter((d) => !webIds.has(d.id))].slice(0, MAX_SYSTEMS);

  const effective: Settings = { ...settings, systems, desktopSystems };
  if (policy.inactivityThresholdSec !== undefined) locked.add('inactivityThresholdSec');
  if (policy.readingAllowanceSec !== undefined) locked.add('readingAllowanceSec');
  if (locked.has('inactivityThresholdSec')) effective.inactivityThresholdSec = policy.inactivityThresholdSec ?? DEFAULT_ACTIVE_TIME.inactivityThresholdSec;
  if (locked.has('readingAllowanceSec')) effective.readingAllowanceSec = policy.readingAllowanceSec ?? DEFAULT_ACTIVE_TIME.readingAllowanceSec;
  if (policy.retentionDays !== undefined) locked.add('retentionDays');
  if (locked.has('retentionDays')) effective.retentionDays = policy.retentionDays ?? DEFAULT_RETENTION_DAYS;
  if (locked.has('schedule')) effective.schedule = policy.schedule ?? EMPTY_SCHEDULE;
  else if (policy.schedule !== undefined && scheduleIsEmpty(settings.schedule)) effective.schedule = policy.schedule;
  return {
    effective,
    locked,
    fromPolicy: { systems: policySystems.map((s) => s.id), desktopSystems: policyDesktop.map((s) => s.id) },
  };
}

/** What the settings page needs to know about the policy (the `getPolicy` message). */
export interface PolicyView {
  /** Settings the clinician cannot change: their controls are disabled, "Set by your organisation". */
  locked: LockableSetting[];
  /** Why parts of the policy were ignored (for the organisation's IT; shown on the settings page). */
  warnings: string[];
  fromPolicy: { systems: string[]; desktopSystems: string[] };
  /** The policy's own systems, listed read-only. */
  systems: ClinicalSystem[];
  desktopSystems: DesktopSystem[];
  /** The values in force for the settings the policy sets or locks. */
  values: Pick<Settings, 'inactivityThresholdSec' | 'readingAllowanceSec' | 'schedule' | 'retentionDays'>;
  /** Sharing as the organisation set it: exports allowed, the team-report threshold, and a team code and role to use. */
  sharing: { exportEnabled: boolean; teamReportThreshold: 8 | 11; teamCode: string | null; role: Role | null };
  /** The organisation's own catalogue entries (none when the policy gives none). */
  catalogue?: CatalogueEntry[];
}

/** The view of a raw managed-storage value over the clinician's settings. */
export function policyView(settings: Settings, raw: unknown): PolicyView {
  const { policy, warnings } = parsePolicy(raw);
  const applied = applyPolicy(settings, policy);
  return {
    locked: LOCKABLE_SETTINGS.filter((s) => applied.locked.has(s)),
    warnings,
    fromPolicy: applied.fromPolicy,
    systems: policy.systems ?? [],
    desktopSystems: policy.desktopSystems ?? [],
    values: { inactivityThresholdSec: applied.effective.inactivityThresholdSec, readingAllowanceSec: applied.effective.readingAllowanceSec, schedule: applied.effective.schedule, retentionDays: applied.effective.retentionDays },
    sharing: { exportEnabled: policy.exportEnabled ?? true, teamReportThreshold: policy.teamReportThreshold ?? 8, teamCode: policy.teamCode ?? null, role: policy.role ?? null },
    catalogue: policy.catalogue ?? [],
  };
}
