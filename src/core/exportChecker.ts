/**
 * The checks the personal-export validator is built from: a collector of
 * errors with paths, and the field checks (numbers to one decimal place,
 * patterns, dates, period keys) whose messages the clinician sees.
 */
import { isLocalDateKey } from './dateKeys.js';
import type { Granularity } from './exportFormat.js';
import { EXPORT_PATTERNS } from './exportSchema.js';
import { parseIsoWeekKey } from './isoWeek.js';
import { isPlainObject } from './plainObject.js';

/** A number given to one decimal place (a multiple of 0.1, up to binary rounding). */
export function isTenths(n: number): boolean {
  return Math.abs(n * 10 - Math.round(n * 10)) < 1e-6;
}

/** The value in whole tenths (for exact sums of rounded figures). */
export function tenths(n: number): number {
  return Math.round(n * 10);
}

/** A value as an error message names it: short strings quoted, lists and objects by kind. */
export function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object' && v !== null) return 'an object';
  return String(v);
}

/** Collects every problem with its path, so a file is refused with all its faults at once. */
export class Checker {
  readonly errors: string[] = [];

  fail(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }

  /** Exactly these keys: the missing ones and the unknown ones are reported. */
  keys(path: string, obj: Record<string, unknown>, required: readonly string[], optional: readonly string[] = []): void {
    for (const k of required) if (!Object.prototype.hasOwnProperty.call(obj, k)) this.fail(path, `"${k}" is missing.`);
    const known = new Set([...required, ...optional]);
    for (const k of Object.keys(obj)) if (!known.has(k)) this.fail(path, `unknown field "${k}" (exports hold only the fields in docs/export-format.md).`);
  }

  pattern(path: string, v: unknown, re: RegExp, what: string): v is string {
    if (typeof v === 'string' && re.test(v)) return true;
    this.fail(path, `must be ${what} (got ${show(v)}).`);
    return false;
  }

  number(path: string, v: unknown, max: number, opts: { integer?: boolean; nullable?: boolean }): v is number {
    if (v === null && opts.nullable) return false;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.fail(path, `must be a number${opts.nullable ? ' or null' : ''} (got ${show(v)}).`);
      return false;
    }
    if (v < 0) this.fail(path, `must not be negative (got ${v}).`);
    else if (v > max) this.fail(path, `must be at most ${max} (got ${v}).`);
    else if (opts.integer && !Number.isInteger(v)) this.fail(path, `must be a whole number (got ${v}).`);
    else if (!opts.integer && !isTenths(v)) this.fail(path, `must be rounded to one decimal place (a multiple of 0.1; got ${v}).`);
    else return true;
    return false;
  }

  /**
   * A list of at most `max` objects. Each object goes through `check`; those
   * it finds no fault with go on to `accept`. True when the list is sound: a
   * list, within bounds, and every item an object that passed `check`.
   */
  objects(
    path: string,
    list: unknown,
    max: number,
    noun: string,
    check: (item: Record<string, unknown>, itemPath: string, i: number) => void,
    accept: (item: Record<string, unknown>, itemPath: string, i: number) => void,
  ): boolean {
    if (!Array.isArray(list)) {
      this.fail(path, `must be a list (got ${show(list)}).`);
      return false;
    }
    if (list.length > max) {
      this.fail(path, `holds ${list.length} ${noun}; at most ${max} are allowed.`);
      return false;
    }
    let sound = true;
    list.forEach((raw: unknown, i: number) => {
      const itemPath = `${path}[${i}]`;
      if (!isPlainObject(raw)) {
        this.fail(itemPath, `must be an object (got ${show(raw)}).`);
        sound = false;
        return;
      }
      const errorsBefore = this.errors.length;
      check(raw, itemPath, i);
      if (this.errors.length > errorsBefore) sound = false;
      else accept(raw, itemPath, i);
    });
    return sound;
  }
}

/** A date key of 2000–2099 that exists in the calendar. */
export function checkDate(c: Checker, path: string, v: unknown): v is string {
  if (!c.pattern(path, v, EXPORT_PATTERNS.date, 'a date YYYY-MM-DD of 2000–2099')) return false;
  if (!isLocalDateKey(v)) {
    c.fail(path, `${v} is not a calendar date.`);
    return false;
  }
  return true;
}

/** A period key of the granularity (either kind when the granularity is unknown). */
export function periodKeyOk(c: Checker, path: string, v: unknown, granularity: Granularity | undefined): v is string {
  if (granularity === 'week') {
    if (!c.pattern(path, v, EXPORT_PATTERNS.isoWeek, 'an ISO week YYYY-Www, as the granularity is "week"')) return false;
    if (!parseIsoWeekKey(v)) {
      c.fail(path, `${v} does not exist: ${v.slice(0, 4)} has no week ${v.slice(6)}.`);
      return false;
    }
    return true;
  }
  if (granularity === 'day') return checkDate(c, path, v);
  if (typeof v === 'string' && (EXPORT_PATTERNS.isoWeek.test(v) || EXPORT_PATTERNS.date.test(v))) return true;
  c.fail(path, `must be an ISO week (YYYY-Www) or a date (YYYY-MM-DD) (got ${show(v)}).`);
  return false;
}
