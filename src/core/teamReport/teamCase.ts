/**
 * The case for change: the team's burdens in hours a year and full-time
 * equivalents, and the hours chosen what-ifs would give back, under the
 * same disclosure control as the rest of the team report
 * (docs/team-report.md#the-case-for-change):
 *
 * - each figure is built from the contributors with a non-zero value for it
 *   (`disclosureBasis`) and suppressed below the threshold;
 * - a burden is suppressed whenever a report cell it is made of is
 *   suppressed (its task categories, complementary suppression included, or
 *   its team total), so the year figures cannot undo the report's suppression;
 * - a what-if is suppressed whenever its burden is;
 * - a team below the threshold shows nothing.
 */
import {
  BURDENS,
  checkAnnualAssumptions,
  DEFAULT_ANNUAL_ASSUMPTIONS,
  fullTimeEquivalents,
  type AnnualAssumptions,
  type BurdenId,
} from '../annualBurden.js';
import type { TaskCategory } from '../taskCategory.js';
import { quantile } from '../numbers.js';
import { mergeTeamFiles, summarise, type MergedTeamFiles } from './aggregate.js';
import type { Cell, Disclosed, TeamReport, TeamReportInput, TeamReportOptions } from './contract.js';
import { discloseCount, discloseStatistic, disclosureBasis, isSuppressed } from './disclosure.js';
import { contributorBurden, type ContributorBurden } from './contributorBurden.js';
import { checkWhatIf, hoursGivenBack, WHAT_IF_BURDEN, type WhatIfChoice } from './whatIfs.js';

/** Hours a year are given to the hour, full-time equivalents to two decimals: ranges, not false precision. */
export const HOURS_DECIMALS = 0;
export const FTE_DECIMALS = 2;

export interface YearFigures {
  /** Contributors with a non-zero value, disclosed by the count rule. */
  contributors: Disclosed;
  totalHours: Cell;
  totalFte: Cell;
  /** Per contributor: median and quartiles (type 7), hours a year. */
  median: Cell;
  q1: Cell;
  q3: Cell;
}

export interface TeamBurdenCell extends YearFigures {
  burden: BurdenId;
}

/** A chosen what-if and its figures; the writers put it in words (`whatIfText`). */
export interface TeamWhatIfCell extends YearFigures {
  choice: WhatIfChoice;
}

export interface TeamCase {
  assumptions: AnnualAssumptions;
  /** How contributors' periods were annualised, as counts of people. */
  annualisedBy: { jobPlan: Disclosed; calendar: Disclosed; tooFewWeeks: Disclosed };
  burdens: TeamBurdenCell[];
  whatIfs: TeamWhatIfCell[];
}

export interface TeamCaseOptions {
  assumptions?: AnnualAssumptions;
  whatIfs?: readonly WhatIfChoice[];
}

/** The report cells each burden is made of. */
function sourceCells(report: TeamReport, burden: BurdenId): Cell[] {
  const cat = (c: TaskCategory): Cell => report.perCategory.find((x) => x.category === c)?.totalHours ?? null;
  switch (burden) {
    case 'login':
      return [cat('login_auth')];
    case 'waiting':
      return [cat('waiting_for_system'), report.totals.waitingHours];
    case 'afterHours':
      return [report.totals.afterHoursHours];
    case 'inboxAdmin':
      return [cat('inbox_messaging'), cat('admin_other')];
  }
}

const SUPPRESSED: { suppressed: true } = { suppressed: true };

function yearFigures(values: readonly (number | null)[], a: AnnualAssumptions, min: number, teamTooSmall: boolean, forced: boolean): YearFigures {
  const known = values.filter((v): v is number => v !== null);
  const k = disclosureBasis(known);
  const nonZero = known.filter((v) => v !== 0).length;
  const hidden = teamTooSmall || forced;
  const stat = (v: number | null, decimals: number): Cell => (hidden && known.length > 0 ? SUPPRESSED : discloseStatistic(v, k, min, decimals));
  const total = known.length === 0 ? null : [...known].sort((x, y) => x - y).reduce((s, v) => s + v, 0);
  return {
    contributors: teamTooSmall ? SUPPRESSED : discloseCount(nonZero, min),
    totalHours: stat(total, HOURS_DECIMALS),
    totalFte: stat(total === null ? null : fullTimeEquivalents(total, a), FTE_DECIMALS),
    median: stat(quantile(known, 0.5), HOURS_DECIMALS),
    q1: stat(quantile(known, 0.25), HOURS_DECIMALS),
    q3: stat(quantile(known, 0.75), HOURS_DECIMALS),
  };
}

/** Throws a RangeError naming every problem with the assumptions or the what-ifs. */
export function checkTeamCaseOptions(options: TeamCaseOptions): void {
  const errors = [...checkAnnualAssumptions(options.assumptions ?? DEFAULT_ANNUAL_ASSUMPTIONS), ...(options.whatIfs ?? []).flatMap(checkWhatIf)];
  const ids = (options.whatIfs ?? []).map((w) => w.id);
  if (new Set(ids).size !== ids.length) errors.push('Each what-if can be chosen once.');
  if (errors.length > 0) throw new RangeError(errors.join(' '));
}

/** The case for change from the merged files and the report built from them. */
export function buildTeamCase(merged: MergedTeamFiles, report: TeamReport, options: TeamCaseOptions = {}): TeamCase {
  checkTeamCaseOptions(options);
  const a = options.assumptions ?? DEFAULT_ANNUAL_ASSUMPTIONS;
  const min = report.minContributors;
  const people: ContributorBurden[] = merged.exports.map((e) => contributorBurden(e, a));
  const teamTooSmall = people.length > 0 && people.length < min;
  const count = (n: number): Disclosed => (teamTooSmall ? SUPPRESSED : discloseCount(n, min));
  const burdenHidden = (b: BurdenId) => sourceCells(report, b).some(isSuppressed);

  const burdens = BURDENS.map((burden) => ({
    burden,
    ...yearFigures(
      people.map((p) => p.hoursAYear[burden]),
      a,
      min,
      teamTooSmall,
      burdenHidden(burden),
    ),
  }));
  const whatIfs = (options.whatIfs ?? []).map((choice) => ({
    choice,
    ...yearFigures(
      people.map((p) => hoursGivenBack(p, choice, a)),
      a,
      min,
      teamTooSmall,
      burdenHidden(WHAT_IF_BURDEN[choice.id]),
    ),
  }));
  const tooFew = people.filter((p) => p.hoursAYear.login === null).length;
  return {
    assumptions: a,
    annualisedBy: {
      jobPlan: count(people.filter((p) => p.workingWeeks.basis === 'job-plan' && p.hoursAYear.login !== null).length),
      calendar: count(people.filter((p) => p.workingWeeks.basis === 'calendar' && p.hoursAYear.login !== null).length),
      tooFewWeeks: count(tooFew),
    },
    burdens,
    whatIfs,
  };
}

/** The team report and its case for change, from the files, in one go (the CLI and the dashboard). */
export function buildTeamReportAndCase(
  inputs: ReadonlyArray<TeamReportInput>,
  options: TeamReportOptions = {},
  caseOptions: TeamCaseOptions = {},
): { report: TeamReport; teamCase: TeamCase } {
  checkTeamCaseOptions(caseOptions);
  const merged = mergeTeamFiles(inputs, options);
  const report = summarise(merged.exports, merged);
  return { report, teamCase: buildTeamCase(merged, report, caseOptions) };
}
