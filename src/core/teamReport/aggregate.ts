/**
 * Merging the checked files into the team report: each contributor's figures,
 * then per task, per measure, per week and per role, every figure passed
 * through the disclosure control. Sorted by contributor id so that nothing
 * depends on the order of the files.
 */
import { ROLES, type PersonalExport } from '../exportFormat.js';
import { isoWeekKey, isoWeekKeysInRange } from '../isoWeek.js';
import type { LocalDateKey } from '../localDate.js';
import { median as medianOf, quantile, roundTo, sortedSum as sum } from '../numbers.js';
import { isLocalDateKey } from '../dateKeys.js';
import { datesInRange } from '../dateRange.js';
import { TASK_CATEGORIES, type TaskCategory } from '../taskCategory.js';
import { checkTeamReportFile, refuse, type FileCheck } from './checkFile.js';
import {
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MIN_CONTRIBUTORS,
  TEAM_MEASURES,
  type CategoryCell,
  type Cell,
  type Disclosed,
  type MeasureCell,
  type MeasureId,
  type Rejection,
  type ReportNote,
  type RoleBreakdown,
  type RoleGroup,
  type TeamReport,
  type TeamReportInput,
  type TeamReportOptions,
  type TeamTotals,
  type WeekCell,
} from './contract.js';
import { checkThreshold, discloseCount, discloseStatistic, disclosureBasis, isSuppressed, shownValue, SUPPRESSED } from './disclosure.js';

// ---------------------------------------------------------------------------
// One contributor's figures

interface ContributorFigures {
  id: string;
  role: RoleGroup;
  teamCode: string | null;
  categoryHours: Map<TaskCategory, number>;
  /** ISO week → active hours, for weeks with a measures row. */
  weekActiveHours: Map<string, number>;
  activeHours: number;
  scheduledHours: number;
  afterHoursHours: number;
  waitingHours: number;
  logins: number;
  measures: Record<MeasureId, number | null>;
}

function weightedBySchedule(rows: PersonalExport['measures'], pick: (m: PersonalExport['measures'][number]) => number | null): number | null {
  let weighted = 0;
  let weights = 0;
  for (const m of rows) {
    const v = pick(m);
    if (v === null || !(m.scheduledHours > 0)) continue;
    weighted += v * m.scheduledHours;
    weights += m.scheduledHours;
  }
  return weights > 0 ? weighted / weights : null;
}

function figuresOf(e: PersonalExport, weeksInPeriod: number): ContributorFigures {
  const categoryHours = new Map<TaskCategory, number>();
  for (const row of e.rows) categoryHours.set(row.category, (categoryHours.get(row.category) ?? 0) + row.hours);
  const weekActiveHours = new Map<string, number>();
  for (const m of e.measures) {
    const week = e.period.granularity === 'week' ? m.period : isoWeekKey(m.period);
    weekActiveHours.set(week, (weekActiveHours.get(week) ?? 0) + m.activeHours);
  }
  const total = (pick: (m: PersonalExport['measures'][number]) => number): number => sum(e.measures.map(pick));
  const activeHours = total((m) => m.activeHours);
  const afterHoursHours = total((m) => m.afterHoursHours);
  const waitingHours = total((m) => m.waitingHours);
  const logins = total((m) => m.logins);
  const nonNull = (pick: (m: PersonalExport['measures'][number]) => number | null): number[] =>
    e.measures.map(pick).filter((v): v is number => v !== null);
  return {
    id: e.contributorId,
    role: e.role ?? 'not_stated',
    teamCode: e.teamCode,
    categoryHours,
    weekActiveHours,
    activeHours,
    scheduledHours: total((m) => m.scheduledHours),
    afterHoursHours,
    waitingHours,
    logins,
    measures: {
      activeHours: activeHours / weeksInPeriod,
      ehrTime8: weightedBySchedule(e.measures, (m) => m.ehrTime8),
      wow8: weightedBySchedule(e.measures, (m) => m.wow8),
      noteTime8: weightedBySchedule(e.measures, (m) => m.noteTime8),
      prescTime8: weightedBySchedule(e.measures, (m) => m.prescTime8),
      ibTime8: weightedBySchedule(e.measures, (m) => m.ibTime8),
      afterHoursShare: activeHours > 0 ? (100 * afterHoursHours) / activeHours : null,
      loginsPerWeek: logins / weeksInPeriod,
      medianLoginSec: medianOf(nonNull((m) => m.medianLoginSec)),
      waitingHours: waitingHours / weeksInPeriod,
      pageLoadP95Sec: medianOf(nonNull((m) => m.pageLoadP95Sec)),
    },
  };
}

// ---------------------------------------------------------------------------
// The report

function sameDefinition(a: PersonalExport['definition'], b: PersonalExport['definition']): boolean {
  return a.inactivityThresholdSec === b.inactivityThresholdSec && a.readingAllowanceSec === b.readingAllowanceSec;
}

function checkExpectedPeriod(p: { from: LocalDateKey; to: LocalDateKey } | undefined): void {
  if (p === undefined) return;
  if (!isLocalDateKey(p.from) || !isLocalDateKey(p.to) || p.to < p.from) throw new RangeError('expectedPeriod must be two valid dates YYYY-MM-DD, from on or before to');
}

export function buildTeamReport(inputs: ReadonlyArray<TeamReportInput>, options: TeamReportOptions = {}): TeamReport {
  const merged = mergeTeamFiles(inputs, options);
  return summarise(merged.exports, merged);
}

/** The files checked and merged: the accepted exports stay in memory (never an output), for figures built on top of the report. */
export type MergedTeamFiles = ReturnType<typeof mergeTeamFiles>;
export function mergeTeamFiles(inputs: ReadonlyArray<TeamReportInput>, options: TeamReportOptions = {}) {
  const min = options.minContributors ?? DEFAULT_MIN_CONTRIBUTORS;
  checkThreshold(min);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!(maxFileBytes > 0)) throw new RangeError('maxFileBytes must be positive');
  checkExpectedPeriod(options.expectedPeriod);

  const accepted: string[] = [];
  const rejected: Rejection[] = [];
  const exports: PersonalExport[] = [];
  const seen = new Set<string>();
  let period = options.expectedPeriod ? { from: options.expectedPeriod.from, to: options.expectedPeriod.to } : null;
  let definition: PersonalExport['definition'] | null = null;

  for (const input of inputs) {
    const name = input !== null && typeof input === 'object' && typeof input.name === 'string' ? input.name : '(unnamed)';
    let check: FileCheck;
    try {
      check = input !== null && typeof input === 'object' ? checkTeamReportFile(input, maxFileBytes) : refuse('not_json', 'could not be read as text');
    } catch {
      check = refuse('invalid', 'could not be checked');
    }
    if (!check.ok) {
      rejected.push({ name, code: check.code, reason: check.reason });
      continue;
    }
    const e = check.value;
    if (period !== null && (e.period.from !== period.from || e.period.to !== period.to)) {
      const against = options.expectedPeriod ? 'the report period' : 'the first merged file';
      rejected.push({ name, code: 'period_mismatch', reason: `covers ${e.period.from} to ${e.period.to}, but ${against} covers ${period.from} to ${period.to}` });
      continue;
    }
    if (definition !== null && !sameDefinition(e.definition, definition)) {
      rejected.push({
        name,
        code: 'definition_mismatch',
        reason:
          `measures active time with an inactivity threshold of ${e.definition.inactivityThresholdSec} s and a reading allowance of ${e.definition.readingAllowanceSec} s, ` +
          `but the merged files use ${definition.inactivityThresholdSec} s and ${definition.readingAllowanceSec} s; the figures would not be comparable`,
      });
      continue;
    }
    if (seen.has(e.contributorId)) {
      rejected.push({ name, code: 'duplicate_contributor', reason: 'has the same contributor id as a file already merged for this period; only the first is kept' });
      continue;
    }
    seen.add(e.contributorId);
    period ??= { from: e.period.from, to: e.period.to };
    definition ??= { inactivityThresholdSec: e.definition.inactivityThresholdSec, readingAllowanceSec: e.definition.readingAllowanceSec };
    accepted.push(name);
    exports.push(e);
  }

  return { accepted, rejected, exports, period, definition, min };
}

export function summarise(
  exports: PersonalExport[],
  ctx: {
    accepted: string[];
    rejected: Rejection[];
    period: { from: LocalDateKey; to: LocalDateKey } | null;
    definition: PersonalExport['definition'] | null;
    min: number;
  },
): TeamReport {
  const { min } = ctx;
  const weeksInPeriod = ctx.period ? datesInRange(ctx.period.from, ctx.period.to).length / 7 : 1;
  // Sorted by contributor id so that nothing depends on the order of the files.
  const people = exports.map((e) => figuresOf(e, weeksInPeriod)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = people.length;
  /** The whole team is below the threshold: every figure about it is suppressed, including zeros. */
  const teamTooSmall = n > 0 && n < min;
  const count = (k: number): Disclosed => (teamTooSmall ? SUPPRESSED : discloseCount(k, min));
  const stat = (value: number | null, k: number, decimals = 1): Cell => (teamTooSmall ? SUPPRESSED : discloseStatistic(value, k, min, decimals));

  // Per category: every contributor counts (0 when they have no time in it).
  const perCategory: CategoryCell[] = TASK_CATEGORIES.map((category) => {
    const values = people.map((p) => p.categoryHours.get(category) ?? 0);
    const k = disclosureBasis(values);
    return {
      category,
      contributors: count(values.filter((v) => v > 0).length),
      median: stat(medianOf(values), k),
      q1: stat(quantile(values, 0.25), k),
      q3: stat(quantile(values, 0.75), k),
      totalHours: stat(n === 0 ? null : sum(values), k),
    };
  });

  const total = (pick: (p: ContributorFigures) => number, decimals = 1): Cell => {
    const values = people.map(pick);
    return stat(n === 0 ? null : sum(values), disclosureBasis(values), decimals);
  };
  const totals: TeamTotals = {
    activeHours: total((p) => p.activeHours),
    scheduledHours: total((p) => p.scheduledHours),
    afterHoursHours: total((p) => p.afterHoursHours),
    waitingHours: total((p) => p.waitingHours),
    logins: total((p) => p.logins, 0),
  };

  applySecondarySuppression(perCategory, totals);

  const perMeasure: MeasureCell[] = TEAM_MEASURES.map((def) => {
    const values = people.map((p) => p.measures[def.id]).filter((v): v is number => v !== null);
    const k = disclosureBasis(values);
    return {
      measure: def.id,
      contributors: count(values.length),
      median: stat(medianOf(values), k, def.decimals),
      q1: stat(quantile(values, 0.25), k, def.decimals),
      q3: stat(quantile(values, 0.75), k, def.decimals),
    };
  });

  const trendByWeek: WeekCell[] = ctx.period
    ? isoWeekKeysInRange(ctx.period.from, ctx.period.to).map((week) => {
        const values = people.flatMap((p) => (p.weekActiveHours.has(week) ? [p.weekActiveHours.get(week)!] : []));
        return { week, contributors: count(values.length), medianActiveHours: stat(medianOf(values), disclosureBasis(values)) };
      })
    : [];

  const after = shownValue(totals.afterHoursHours);
  const active = shownValue(totals.activeHours);
  const afterHoursShare: Cell =
    isSuppressed(totals.afterHoursHours) || isSuppressed(totals.activeHours)
      ? SUPPRESSED
      : after === null || active === null || active === 0
        ? null
        : { value: roundTo((100 * after) / active, 1) };

  const roles = roleBreakdown(people, min);
  const teamCodes = [...new Set(people.map((p) => p.teamCode).filter((c): c is string => typeof c === 'string' && c !== ''))].sort();

  const notes: ReportNote[] = [];
  if (n === 0) notes.push('no_files');
  if (teamTooSmall) notes.push('too_few_contributors');
  if (teamCodes.length > 1) notes.push('several_team_codes');
  if (people.some((p) => p.teamCode === null) && teamCodes.length > 0) notes.push('some_without_team_code');

  return {
    accepted: ctx.accepted,
    rejected: ctx.rejected,
    period: ctx.period,
    definition: ctx.definition,
    minContributors: min,
    contributors: count(n),
    perCategory,
    perMeasure,
    totals,
    afterHoursShare,
    trendByWeek,
    roles,
    teamCodes,
    notes,
  };
}

/**
 * Category totals add up to (about) the team's active hours, so a single
 * suppressed category total could be worked out from the others. When exactly
 * one category is suppressed, the shown category with the smallest positive
 * total is suppressed too (its whole row), leaving out "waiting for the
 * system", whose total is also the team's waiting total; if there is none,
 * the team's active hours are suppressed instead.
 */
function applySecondarySuppression(perCategory: CategoryCell[], totals: TeamTotals): void {
  const suppressed = perCategory.filter((c) => isSuppressed(c.totalHours));
  if (suppressed.length !== 1 || perCategory.every((c) => isSuppressed(c.totalHours))) return;
  let pick: CategoryCell | null = null;
  for (const c of perCategory) {
    const v = shownValue(c.totalHours);
    // Waiting for the system is also the team's waiting total, shown in the totals: hiding it would protect nothing.
    if (v === null || v <= 0 || c.category === 'waiting_for_system') continue;
    if (pick === null || v < shownValue(pick.totalHours)!) pick = c;
  }
  if (pick) {
    pick.median = SUPPRESSED;
    pick.q1 = SUPPRESSED;
    pick.q3 = SUPPRESSED;
    pick.totalHours = SUPPRESSED;
  } else {
    totals.activeHours = SUPPRESSED;
  }
}

/**
 * Contributors by role, shown only when every role group present (including
 * "not stated") has at least `min` contributors: otherwise a small group could
 * be told apart, so the whole breakdown is withheld. Percentages are computed
 * from the rounded counts and the rounded team count.
 */
function roleBreakdown(people: ContributorFigures[], min: number): RoleBreakdown {
  if (people.length === 0) return { shown: false, reason: 'no_contributors' };
  const groups = new Map<RoleGroup, number>();
  for (const p of people) groups.set(p.role, (groups.get(p.role) ?? 0) + 1);
  if ([...groups.values()].some((k) => k < min)) {
    return { shown: false, reason: 'small_group' };
  }
  const team = discloseCount(people.length, min);
  const teamRounded = shownValue(team)!;
  const order: RoleGroup[] = [...ROLES, 'not_stated'];
  return {
    shown: true,
    groups: order
      .filter((r) => groups.has(r))
      .map((role) => {
        const c = discloseCount(groups.get(role)!, min);
        return { role, contributors: c, percent: { value: roundTo((100 * shownValue(c)!) / teamRounded, 1) } };
      }),
  };
}
