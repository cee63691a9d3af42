/**
 * The team report's words come from the extension's messages file
 * (extension/_locales/en_GB/messages.json), like every other string the
 * clinician sees. Core stays pure: the caller passes the lookup. The dashboard
 * passes `t` from src/ui/i18n.ts; the team-report command reads the same
 * messages file from disk (scripts/team-report.mjs).
 */
import type { TaskCategory } from '../taskCategory.js';
import type { RoleGroup } from './contract.js';

/** The message for `key` with its $1…$9 substitutions, as the extension i18n API's getMessage gives it. */
export type MessageLookup = (key: string, ...substitutions: Array<string | number>) => string;

export function categoryLabel(t: MessageLookup, category: TaskCategory): string {
  return t(`category_${category}`);
}

export function roleLabel(t: MessageLookup, role: RoleGroup): string {
  return t(`teamReport_role_${role}`);
}
