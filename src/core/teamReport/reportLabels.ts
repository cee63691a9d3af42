/**
 * The team report's words come from the extension's messages file
 * (extension/_locales/en_GB/messages.json), like every other string the
 * clinician sees. Core stays pure: the caller passes the lookup. The dashboard
 * passes `t` from src/ui/i18n.ts; the team-report command reads the same
 * messages file from disk (scripts/team-report.mjs).
 *
 * The report and its case for change hold codes and numbers; these turn the
 * codes into words, one message per code, for every writer and the dashboard.
 */
import type { BurdenId } from '../annualBurden.js';
import type { TaskCategory } from '../taskCategory.js';
import type { MeasureId, RejectionCode, ReportNote, RoleGroup, RolesWithheld } from './contract.js';

/** The message for `key` with its $1…$9 substitutions, as the extension i18n API's getMessage gives it. */
export type MessageLookup = (key: string, ...substitutions: Array<string | number>) => string;

export function categoryLabel(t: MessageLookup, category: TaskCategory): string {
  return t(`category_${category}`);
}

export function roleLabel(t: MessageLookup, role: RoleGroup): string {
  return t(`teamReport_role_${role}`);
}

export function measureLabel(t: MessageLookup, measure: MeasureId): string {
  return t(`teamReport_measure_${measure}`);
}

/** The measure's unit in words (the CSV keeps its identifier, `TEAM_MEASURES[].unit`). */
export function measureUnitText(t: MessageLookup, measure: MeasureId): string {
  return t(`teamReport_measureUnit_${measure}`);
}

/** The same words the Share view lists a refused file with. */
export function rejectionLabel(t: MessageLookup, code: RejectionCode): string {
  return t(`share_reject_${code}`);
}

export function noteText(t: MessageLookup, note: ReportNote, minContributors: number): string {
  return t(`teamReport_note_${note}`, minContributors);
}

export function rolesWithheldText(t: MessageLookup, reason: RolesWithheld, minContributors: number): string {
  return t(`teamReport_rolesWithheld_${reason}`, minContributors);
}

export function burdenLabel(t: MessageLookup, burden: BurdenId): string {
  return t(`teamReport_burden_${burden}`);
}

/** The tasks each burden's words name, by their own labels, so the two always agree. */
const BURDEN_TASKS: Record<BurdenId, readonly TaskCategory[]> = {
  login: ['login_auth'],
  waiting: ['waiting_for_system'],
  afterHours: [],
  inboxAdmin: ['inbox_messaging', 'admin_other'],
};

/** What the burden is made of, in words. */
export function burdenSource(t: MessageLookup, burden: BurdenId): string {
  return t(`teamReport_burdenSource_${burden}`, ...BURDEN_TASKS[burden].map((c) => categoryLabel(t, c)));
}
