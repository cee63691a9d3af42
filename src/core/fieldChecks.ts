/**
 * Field checks shared by the settings, the policy and the export validators:
 * one rule and one wording wherever a system id, a system's name or a whole
 * number in a range is checked, so a clinician and a trust's IT read the
 * same words for the same mistake.
 */

/** A system id: lowercase letters, digits and dashes, not starting with a dash; what records store. */
export const SYSTEM_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** What SYSTEM_ID asks for, for error messages: "the id must be …". */
export const SYSTEM_ID_RULE = '1–40 lowercase letters, digits or dashes';

export function isSystemId(value: unknown): value is string {
  return typeof value === 'string' && SYSTEM_ID.test(value);
}

/** A system's display name as given: trimmed text, or '' when it is not text. */
export function systemName(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A display name of 1–60 characters (after trimming). */
export function isSystemNameOk(name: string): boolean {
  return name.length > 0 && name.length <= 60;
}

/** What isSystemNameOk asks for, for error messages. */
export const SYSTEM_NAME_RULE = 'give it a name of 1–60 characters';

/** A whole number from `min` to `max` inclusive. */
export function intInRange(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** What intInRange asks for, for error messages: "a whole number of seconds from 5 to 300". */
export function wholeNumberRule(unit: 'seconds' | 'days', min: number, max: number): string {
  return `a whole number of ${unit} from ${min} to ${max}`;
}
