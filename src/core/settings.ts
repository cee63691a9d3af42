import { DEFAULT_ACTIVE_TIME, MAX_THRESHOLD_SEC, MIN_THRESHOLD_SEC, type ActiveTimeParams } from './activeTimeParams.js';
import { MAX_RULES, parseClassificationRules, type ClassificationRule } from './classificationRules.js';
import { SYSTEM_ID_RULE, SYSTEM_NAME_RULE, intInRange, isSystemId, isSystemNameOk, systemName, wholeNumberRule } from './fieldChecks.js';
import { originPattern, parseMatchPattern } from './matchPattern.js';
import { EMPTY_SCHEDULE, parseSchedule, type Schedule } from './schedule.js';

/** The one storage.local key that holds the clinician's settings (docs/settings.md). */
export const SETTINGS_KEY = 'timeback.settings';
export const SETTINGS_VERSION = 2;

/** A clinical web system the clinician asked Timeback to track. */
export interface ClinicalSystem {
  /** Stable id (lowercase letters, digits, dashes); what records store. */
  id: string;
  /** Display name, shown only on this device. */
  name: string;
  /** Match patterns for its pages, e.g. `https://*.ers.nhs.uk/*`. */
  matches: string[];
  /** Classification rules evaluated in the page: highest priority wins, ties in list order (docs/settings.md). */
  rules: ClassificationRule[];
  /** Also classify by the bundled generic rules (src/core/presets.ts), ranked below this system's own. */
  useGenericRules: boolean;
  /**
   * Match patterns of sign-in pages that belong to this system, such as a
   * trust's single-sign-on host. Its content script runs there too, and those
   * pages count as login_auth.
   */
  signInPatterns: string[];
  /**
   * Match patterns of other origins whose pages this system shows in frames:
   * embedded viewers (PACS, ICE, document and results viewers) of the same
   * trust. A frame of one of these origins counts as this system, and only
   * inside this system's pages; a tab showing one on its own counts nothing.
   * Host permission is asked for like the system's own. Absent when empty.
   */
  viewerPatterns?: string[];
}

/** A system with no web pages (EMIS Web, SystmOne, a Citrix session): named for manual timers and entries only. */
export interface DesktopSystem {
  id: string;
  name: string;
}

export interface Settings extends ActiveTimeParams {
  version: typeof SETTINGS_VERSION;
  systems: ClinicalSystem[];
  desktopSystems: DesktopSystem[];
  /** The clinician's job plan, for the schedule-aware measures (docs/metrics.md). */
  schedule: Schedule;
  /** While true, nothing is tracked. */
  paused: boolean;
  /** Raw records (spans, page events) older than this many days are deleted; day rollups are kept. */
  retentionDays: number;
}

export const DEFAULT_RETENTION_DAYS = 400;
export const MIN_RETENTION_DAYS = 30;
export const MAX_RETENTION_DAYS = 3650;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  systems: [],
  desktopSystems: [],
  schedule: EMPTY_SCHEDULE,
  ...DEFAULT_ACTIVE_TIME,
  paused: false,
  retentionDays: DEFAULT_RETENTION_DAYS,
};

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

export const MAX_SYSTEMS = 50;
const MAX_PATTERNS = 20;

/**
 * Migrations from each earlier version to the next, applied in order before
 * validation. A stored value from a newer version is refused rather than
 * guessed at.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // v2 added the schedule (empty: no scheduled hours yet) and classification
  // rules. v1 path rules were first-match-wins, which equal priorities keep;
  // generic rules stay off so migrated systems classify exactly as before.
  1: (old) => ({ ...old, version: 2, desktopSystems: [], schedule: EMPTY_SCHEDULE, systems: Array.isArray(old.systems) ? old.systems.map(migrateSystemV1) : old.systems }),
};

function migrateSystemV1(system: unknown): unknown {
  if (typeof system !== 'object' || system === null || Array.isArray(system)) return system;
  const s = system as Record<string, unknown>;
  const rules = s.rules ?? [];
  return {
    ...s,
    rules: Array.isArray(rules)
      ? rules.map((r: unknown) => (typeof r === 'object' && r !== null && !Array.isArray(r) ? { path: (r as Record<string, unknown>).path, category: (r as Record<string, unknown>).category, priority: 0 } : r))
      : rules,
    useGenericRules: false,
    signInPatterns: [],
  };
}

export function migrateSettings(raw: Record<string, unknown>): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  let value = raw;
  if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 1)
    return { ok: false, error: `Settings have no valid "version" (got ${JSON.stringify(value.version)}).` };
  let version: number = value.version;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, error: `No migration from settings version ${version}.` };
    value = step(value);
    version = value.version as number;
  }
  if (version > SETTINGS_VERSION)
    return { ok: false, error: `Settings version ${version} comes from a newer Timeback; this version understands up to ${SETTINGS_VERSION}.` };
  return { ok: true, value };
}

/** Validate (after migrating) anything read from storage or typed by a person. Never throws. */
export function parseSettings(raw: unknown): SettingsResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, errors: ['Settings must be an object.'] };
  const migrated = migrateSettings(raw as Record<string, unknown>);
  if (!migrated.ok) return { ok: false, errors: [migrated.error] };
  const v = migrated.value;
  const errors: string[] = [];
  if (!intInRange(v.inactivityThresholdSec, MIN_THRESHOLD_SEC, MAX_THRESHOLD_SEC))
    errors.push(`The inactivity threshold must be ${wholeNumberRule('seconds', MIN_THRESHOLD_SEC, MAX_THRESHOLD_SEC)}.`);
  if (!intInRange(v.readingAllowanceSec, 0, MAX_THRESHOLD_SEC))
    errors.push(`The reading allowance must be ${wholeNumberRule('seconds', 0, MAX_THRESHOLD_SEC)}.`);
  if (typeof v.paused !== 'boolean') errors.push('"paused" must be true or false.');
  // Added within v2 (unreleased): a stored v2 value without it takes the default.
  const retentionDays = v.retentionDays ?? DEFAULT_RETENTION_DAYS;
  if (!intInRange(retentionDays, MIN_RETENTION_DAYS, MAX_RETENTION_DAYS))
    errors.push(`The retention period must be ${wholeNumberRule('days', MIN_RETENTION_DAYS, MAX_RETENTION_DAYS)}.`);
  const schedule = parseSchedule(v.schedule);
  if (!schedule.ok) errors.push(...schedule.errors);
  const systems: ClinicalSystem[] = [];
  if (!Array.isArray(v.systems)) errors.push('"systems" must be a list.');
  else if (v.systems.length > MAX_SYSTEMS) errors.push(`At most ${MAX_SYSTEMS} clinical systems can be tracked.`);
  else {
    const ids = new Set<string>();
    v.systems.forEach((s: unknown, i: number) => {
      const result = parseSystem(s, `System ${i + 1}`);
      if (!result.ok) return errors.push(...result.errors);
      if (ids.has(result.system.id)) errors.push(`System ${i + 1}: the id "${result.system.id}" is used twice.`);
      ids.add(result.system.id);
      systems.push(result.system);
    });
  }
  // Desktop systems share the id space with web systems: a record's systemId names one or the other.
  const desktopSystems: DesktopSystem[] = [];
  const desktopRaw = v.desktopSystems ?? [];
  if (!Array.isArray(desktopRaw) || desktopRaw.length > MAX_SYSTEMS) errors.push(`"desktopSystems" must be a list of at most ${MAX_SYSTEMS}.`);
  else {
    const ids = new Set(systems.map((s) => s.id));
    desktopRaw.forEach((d: unknown, i: number) => {
      const r = (d ?? {}) as Record<string, unknown>;
      const name = systemName(r.name);
      if (!isSystemId(r.id)) errors.push(`Desktop system ${i + 1}: the id must be ${SYSTEM_ID_RULE}.`);
      else if (ids.has(r.id)) errors.push(`Desktop system ${i + 1}: the id "${r.id}" is already used by another system.`);
      if (!isSystemNameOk(name)) errors.push(`Desktop system ${i + 1}: ${SYSTEM_NAME_RULE}.`);
      if (typeof r.id === 'string') ids.add(r.id);
      desktopSystems.push({ id: r.id as string, name });
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      version: SETTINGS_VERSION,
      systems,
      desktopSystems,
      schedule: (schedule as { ok: true; schedule: Schedule }).schedule,
      inactivityThresholdSec: v.inactivityThresholdSec as number,
      readingAllowanceSec: v.readingAllowanceSec as number,
      paused: v.paused as boolean,
      retentionDays: retentionDays as number,
    },
  };
}

export function parseSystem(raw: unknown, where: string): { ok: true; system: ClinicalSystem } | { ok: false; errors: string[] } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, errors: [`${where} must be an object.`] };
  const s = raw as Record<string, unknown>;
  const errors: string[] = [];
  if (!isSystemId(s.id)) errors.push(`${where}: the id must be ${SYSTEM_ID_RULE}.`);
  const name = systemName(s.name);
  if (!isSystemNameOk(name)) errors.push(`${where}: ${SYSTEM_NAME_RULE}.`);
  const label = name || where;
  if (!Array.isArray(s.matches) || s.matches.length === 0 || s.matches.length > MAX_PATTERNS)
    errors.push(`${label}: give between 1 and ${MAX_PATTERNS} match patterns.`);
  else errors.push(...patternErrors(s.matches, label));
  const signIn = s.signInPatterns ?? [];
  if (!Array.isArray(signIn) || signIn.length > MAX_PATTERNS) errors.push(`${label}: "signInPatterns" must be a list of at most ${MAX_PATTERNS} match patterns.`);
  else errors.push(...patternErrors(signIn, `${label}, sign-in pages`));
  const viewers = s.viewerPatterns ?? [];
  if (!Array.isArray(viewers) || viewers.length > MAX_PATTERNS) errors.push(`${label}: "viewerPatterns" must be a list of at most ${MAX_PATTERNS} match patterns.`);
  else errors.push(...patternErrors(viewers, `${label}, embedded viewers`));
  const useGenericRules = s.useGenericRules ?? true;
  if (typeof useGenericRules !== 'boolean') errors.push(`${label}: "useGenericRules" must be true or false.`);
  const rules = s.rules ?? [];
  let parsedRules: ClassificationRule[] = [];
  if (!Array.isArray(rules) || rules.length > MAX_RULES) errors.push(`${label}: "rules" must be a list of at most ${MAX_RULES}.`);
  else {
    const parsed = parseClassificationRules(rules, (i) => `${label}, rule ${i + 1}`);
    if (parsed.ok) parsedRules = parsed.rules;
    else errors.push(...parsed.errors);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    system: {
      id: s.id as string,
      name,
      matches: (s.matches as string[]).map((m) => m.trim()),
      rules: parsedRules,
      useGenericRules: useGenericRules as boolean,
      signInPatterns: (signIn as string[]).map((m) => m.trim()),
      ...((viewers as string[]).length > 0 ? { viewerPatterns: (viewers as string[]).map((m) => m.trim()) } : {}),
    },
  };
}

function patternErrors(patterns: unknown[], label: string): string[] {
  const errors: string[] = [];
  for (const m of patterns) {
    if (typeof m !== 'string') errors.push(`${label}: every match pattern must be text.`);
    else {
      const parsed = parseMatchPattern(m);
      if (!parsed.ok) errors.push(`${label}: ${parsed.error}`);
    }
  }
  return errors;
}

/** Every match pattern whose pages run the system's content script: its own pages, its sign-in pages, then its embedded viewers (deduplicated). */
export function systemPatterns(system: Pick<ClinicalSystem, 'matches' | 'signInPatterns' | 'viewerPatterns'>): string[] {
  return [...new Set([...system.matches, ...system.signInPatterns, ...(system.viewerPatterns ?? [])])];
}

/** The host-permission origins a system needs, sign-in pages included (deduplicated). */
export function systemOrigins(system: Pick<ClinicalSystem, 'matches' | 'signInPatterns' | 'viewerPatterns'>): string[] {
  const out = new Set<string>();
  for (const m of systemPatterns(system)) {
    const p = parseMatchPattern(m);
    if (p.ok) out.add(originPattern(p.pattern));
  }
  return [...out];
}

/** Make a readable, unused system id from a name. */
export function systemIdFromName(name: string, taken: ReadonlySet<string>): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32) || 'system';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
