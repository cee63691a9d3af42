/**
 * Builds the personal export (docs/export-format.md) from day rollups:
 * aggregates only, per ISO week or day × task category (× system when the
 * clinician asks), hours rounded half up to 0.1, no timestamps finer than a
 * day, no free text except the validated team code. The result always passes
 * validatePersonalExport.
 */
import type { ActiveTimeParams } from './activeTimeParams.js';
import type { DayRollup } from './dayRollup.js';
import {
  PERSONAL_EXPORT_FORMAT,
  PERSONAL_EXPORT_SCHEMA_VERSION,
  isRole,
  type Granularity,
  type PersonalExport,
  type PersonalExportMeasures,
  type PersonalExportRow,
  type Role,
} from './exportFormat.js';
import { isLocalDateKey } from './dateKeys.js';
import { datesInRange } from './dateRange.js';
import { EXPORT_LIMITS, EXPORT_PATTERNS } from './exportSchema.js';
import { validatePersonalExport } from './exportValidation.js';
import { isoWeekKeysInRange, isMonday, isSunday } from './isoWeek.js';
import type { LocalDateKey } from './localDate.js';
import { computePeriodMetrics } from './metrics.js';
import { nearestRankPercentile } from './numbers.js';
import { periodKeyOf, periodKeyRange } from './periodKeys.js';
import type { Schedule } from './schedule.js';
import { DEFAULT_CATEGORY, TASK_CATEGORIES, isTaskCategory, type TaskCategory } from './taskCategory.js';
import { validateTeamCode } from './teamCode.js';

const MS_PER_TENTH_HOUR = 360_000;

/**
 * Round half up to one decimal place: 0.05 → 0.1, 0.149… → 0.1, 0.15 → 0.2.
 * Applied to the value as computed (binary floating point); hours are
 * computed from whole milliseconds as ms / 360 000 tenths, so a duration
 * exactly halfway (e.g. 3 min = 0.05 h) always rounds up.
 */
export function roundHalfUpTenth(x: number): number {
  return Math.floor(x * 10 + 0.5) / 10;
}

/** Milliseconds → hours rounded half up to 0.1. */
export function msToRoundedHours(ms: number): number {
  return Math.floor(ms / MS_PER_TENTH_HOUR + 0.5) / 10;
}

/** Milliseconds → seconds rounded half up to 0.1. */
function msToRoundedSeconds(ms: number): number {
  return Math.floor(ms / 100 + 0.5) / 10;
}

// ---------------------------------------------------------------------------
// Contributor id
// ---------------------------------------------------------------------------

export const CONTRIBUTOR_ID_BYTES = 16;

/**
 * A new contributor id: "c-" and 32 lowercase hex digits from the first 16
 * of `randomBytes`. The caller supplies bytes from a cryptographic random
 * source (crypto.getRandomValues); core never makes randomness itself. The id
 * is never derived from a name, email or staff number (a hash of those could
 * be reversed by trying every staff member). Refuses fewer than 16 bytes, and
 * 16 zero bytes (an array that was never filled).
 */
export function newContributorId(randomBytes: Uint8Array): string {
  if (!(randomBytes instanceof Uint8Array) || randomBytes.length < CONTRIBUTOR_ID_BYTES)
    throw new RangeError(`A contributor id needs ${CONTRIBUTOR_ID_BYTES} random bytes.`);
  const bytes = randomBytes.subarray(0, CONTRIBUTOR_ID_BYTES);
  if (bytes.every((b) => b === 0)) throw new RangeError('The random bytes are all zero: fill them with crypto.getRandomValues first.');
  return `c-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function isContributorId(value: unknown): value is string {
  return typeof value === 'string' && EXPORT_PATTERNS.contributorId.test(value);
}

/**
 * The rotation rule: every export gets a new random id, unless the clinician
 * opted to keep theirs, in which case the stored id is reused (when it is a
 * well-formed id; otherwise a new one is made). The caller stores the id it
 * used, so that "keep" can find it next time.
 */
export function contributorIdForExport(input: { stored: string | null | undefined; keep: boolean; randomBytes: Uint8Array }): { contributorId: string; reused: boolean } {
  if (input.keep && isContributorId(input.stored)) return { contributorId: input.stored, reused: true };
  return { contributorId: newContributorId(input.randomBytes), reused: false };
}

// ---------------------------------------------------------------------------
// Building the export
// ---------------------------------------------------------------------------

/** The system id as exported: ids of the allowed form are kept; "" and anything else become "none". */
export function exportSystemId(systemId: string): string {
  return EXPORT_PATTERNS.systemId.test(systemId) ? systemId : 'none';
}

export interface PersonalExportInput {
  rollups: readonly DayRollup[];
  /** Inclusive local dates; for granularity "week", a Monday and a Sunday (see alignToIsoWeeks). */
  from: LocalDateKey;
  to: LocalDateKey;
  granularity: Granularity;
  includeSystems: boolean;
  /** As typed; validated and normalised by validateTeamCode. */
  teamCode: string | null;
  role: Role | null;
  /** From contributorIdForExport. */
  contributorId: string;
  extensionVersion: string;
  schedule: Schedule;
  params: ActiveTimeParams;
}

/**
 * Build the personal export. Throws RangeError, with a message for the
 * clinician, when the request is not possible: a malformed or reversed
 * period, a week export not from a Monday to a Sunday, more than 53 weeks,
 * an invalid team code, role or contributor id, negative active time in a
 * rollup, or figures beyond the schema's bounds.
 */
export function buildPersonalExport(input: PersonalExportInput): PersonalExport {
  const { from, to, granularity, includeSystems } = input;
  if (!isLocalDateKey(from) || !isLocalDateKey(to)) throw new RangeError(`The period must run between two dates (YYYY-MM-DD); got ${String(from)} to ${String(to)}.`);
  if (to < from) throw new RangeError(`The period ends (${to}) before it starts (${from}).`);
  if (granularity !== 'week' && granularity !== 'day') throw new RangeError(`The granularity must be "week" or "day" (got ${String(granularity)}).`);
  if (granularity === 'week' && (!isMonday(from) || !isSunday(to))) throw new RangeError(`A weekly export runs from a Monday to a Sunday (got ${from} to ${to}).`);
  const dates = datesInRange(from, to);
  if (dates.length > EXPORT_LIMITS.maxPeriodDays) throw new RangeError(`An export covers at most ${EXPORT_LIMITS.maxPeriodDays} days (53 weeks); this period has ${dates.length}.`);
  const team = validateTeamCode(input.teamCode);
  if (!team.ok) throw new RangeError(team.error);
  if (input.role !== null && !isRole(input.role)) throw new RangeError(`Unknown role ${String(input.role)}.`);
  if (!isContributorId(input.contributorId)) throw new RangeError('The contributor id must come from newContributorId.');

  const inPeriod = new Set(dates);
  const rollups = input.rollups.filter((r) => inPeriod.has(r.date));
  const periodKeys = granularity === 'week' ? isoWeekKeysInRange(from, to) : dates;

  // Rows: active ms per period × category (× system), summed over the period's rollups.
  const cells = new Map<string, { period: string; category: TaskCategory; systemId: string | undefined; ms: number }>();
  for (const r of rollups) {
    const period = periodKeyOf(r.date, granularity);
    for (const [rawSystemId, byCategory] of Object.entries(r.cells ?? {})) {
      for (const [rawCategory, cell] of Object.entries(byCategory ?? {}) as Array<[string, { activeMs: number } | undefined]>) {
        if (!cell) continue;
        if (!Number.isFinite(cell.activeMs) || cell.activeMs < 0) throw new RangeError(`The rollup for ${r.date} holds invalid active time (${cell.activeMs} ms); rebuild the rollups before exporting.`);
        if (cell.activeMs === 0) continue;
        const systemId = includeSystems ? exportSystemId(rawSystemId) : undefined;
        // A category this version does not know (a newer rollup) counts as admin_other, so rows still add up.
        const category = isTaskCategory(rawCategory) ? rawCategory : DEFAULT_CATEGORY;
        const key = `${period}\u0000${category}\u0000${systemId ?? ''}`;
        const entry = cells.get(key);
        if (entry) entry.ms += cell.activeMs;
        else cells.set(key, { period, category, systemId, ms: cell.activeMs });
      }
    }
  }
  const categoryOrder = new Map(TASK_CATEGORIES.map((c, i) => [c, i]));
  const rows: PersonalExportRow[] = [...cells.values()]
    .sort(
      (a, b) =>
        cmp(a.period, b.period) || categoryOrder.get(a.category)! - categoryOrder.get(b.category)! || cmp(a.systemId ?? '', b.systemId ?? ''),
    )
    .map((c) => {
      const hours = msToRoundedHours(c.ms);
      return includeSystems ? { period: c.period, category: c.category, systemId: c.systemId!, hours } : { period: c.period, category: c.category, hours };
    });

  // Measures: computePeriodMetrics for each week or day.
  const measures: PersonalExportMeasures[] = periodKeys.map((key) => {
    const range = periodKeyRange(key, granularity);
    const m = computePeriodMetrics({ from: range.from, to: range.to, rollups, schedule: input.schedule, params: input.params });
    const pageLoads: number[] = [];
    for (const r of rollups) if (r.date >= range.from && r.date <= range.to) for (const samples of Object.values(r.pageLoads ?? {})) pageLoads.push(...samples);
    const p50 = nearestRankPercentile(pageLoads, 50);
    const p95 = nearestRankPercentile(pageLoads, 95);
    const per8 = (v: number | null) => (v === null ? null : roundHalfUpTenth(v));
    return {
      period: key,
      activeHours: msToRoundedHours(m.activeMs),
      scheduledHours: roundHalfUpTenth(m.scheduledHours),
      ehrTime8: per8(m.ehrTime8),
      wow8: per8(m.wow8),
      noteTime8: per8(m.noteTime8),
      prescTime8: per8(m.prescTime8),
      ibTime8: per8(m.ibTime8),
      afterHoursHours: msToRoundedHours(m.afterHoursEpicMs),
      logins: m.login.count,
      medianLoginSec: m.login.medianLoginMs === null ? null : msToRoundedSeconds(m.login.medianLoginMs),
      waitingHours: msToRoundedHours(m.waiting.totalMs),
      pageLoadP50Sec: p50 === null ? null : msToRoundedSeconds(p50),
      pageLoadP95Sec: p95 === null ? null : msToRoundedSeconds(p95),
    };
  });

  const exp: PersonalExport = {
    format: PERSONAL_EXPORT_FORMAT,
    schemaVersion: PERSONAL_EXPORT_SCHEMA_VERSION,
    extensionVersion: input.extensionVersion,
    contributorId: input.contributorId,
    teamCode: team.teamCode,
    role: input.role,
    period: { from, to, granularity },
    definition: { inactivityThresholdSec: input.params.inactivityThresholdSec, readingAllowanceSec: input.params.readingAllowanceSec },
    includesSystems: includeSystems,
    rows,
    measures,
  };
  const checked = validatePersonalExport(exp);
  if (!checked.ok) throw new RangeError(`The export would not be valid, so it was not made: ${checked.errors.join(' ')}`);
  return checked.value;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A file name that says what the file is: "timeback-personal-data-2026-05-11-to-2026-05-17.csv". */
export function personalExportFileName(exp: Pick<PersonalExport, 'period'>, format: 'json' | 'csv'): string {
  return `timeback-personal-data-${exp.period.from}-to-${exp.period.to}.${format}`;
}
