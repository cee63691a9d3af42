/**
 * What-ifs: hours a year a change would give back, each with its source and
 * its formula (docs/metrics.md#what-ifs). The team lead picks them and
 * enters the assumptions; every figure is per contributor first, from their
 * own measurements, and then summed and disclosed like any other figure.
 */
import type { AnnualAssumptions } from '../annualBurden.js';
import type { ContributorBurden } from './contributorBurden.js';
import type { MessageLookup } from './reportLabels.js';

export type WhatIfChoice =
  /** Single sign-on: every login takes `targetLoginSec` instead of the contributor's own median. */
  | { id: 'sso'; targetLoginSec: number }
  /** Page loads at the system's own p50 instead of its p95: all waiting scaled by p50 ÷ p95. */
  | { id: 'pageLoadsAtP50' }
  /** An inbox triage change removing `minutesPerDay` on each of `daysPerWeek` working days. */
  | { id: 'inboxTriage'; minutesPerDay: number; daysPerWeek: number };

export type WhatIfId = WhatIfChoice['id'];
export const WHAT_IF_IDS: readonly WhatIfId[] = ['sso', 'pageLoadsAtP50', 'inboxTriage'];

export const DEFAULT_WHAT_IFS: Record<WhatIfId, WhatIfChoice> = {
  sso: { id: 'sso', targetLoginSec: 10 },
  pageLoadsAtP50: { id: 'pageLoadsAtP50' },
  inboxTriage: { id: 'inboxTriage', minutesPerDay: 10, daysPerWeek: 5 },
};

export const WHAT_IF_LIMITS = {
  targetLoginSec: { min: 0, max: 600 },
  minutesPerDay: { min: 0, max: 240 },
  daysPerWeek: { min: 1, max: 7 },
} as const;

export interface WhatIfText {
  title: string;
  /** The change, with the assumptions filled in. */
  change: string;
  source: string;
  /** How the hours given back are worked out, per contributor then for the team. */
  formula: string;
}

/** A chosen what-if in words from the messages file (its name is the Share view's checkbox label); the numbers are the team lead's assumptions. */
export function whatIfText(t: MessageLookup, choice: WhatIfChoice, a: AnnualAssumptions): WhatIfText {
  const weeks = a.workingWeeksPerYear;
  switch (choice.id) {
    case 'sso':
      return {
        title: t('whatIf_ssoLabel'),
        change: t('whatIf_ssoChange', choice.targetLoginSec),
        source: t('whatIf_ssoSource'),
        formula: t('whatIf_ssoFormula', weeks, choice.targetLoginSec),
      };
    case 'pageLoadsAtP50':
      return { title: t('whatIf_loadsLabel'), change: t('whatIf_loadsChange'), source: t('whatIf_loadsSource'), formula: t('whatIf_loadsFormula') };
    case 'inboxTriage':
      return {
        title: t('whatIf_inboxLabel'),
        change: t('whatIf_inboxChange', choice.minutesPerDay, choice.daysPerWeek),
        source: t('whatIf_inboxSource'),
        formula: t('whatIf_inboxFormula', choice.minutesPerDay, choice.daysPerWeek, weeks),
      };
  }
}

/** Every problem with a what-if's assumptions; empty when they are sound. */
export function checkWhatIf(choice: WhatIfChoice): string[] {
  const errors: string[] = [];
  const inRange = (label: string, v: unknown, { min, max }: { min: number; max: number }) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) errors.push(`${label} must be a number from ${min} to ${max} (got ${String(v)}).`);
  };
  if (choice.id === 'sso') inRange('The login time with single sign-on (seconds)', choice.targetLoginSec, WHAT_IF_LIMITS.targetLoginSec);
  else if (choice.id === 'inboxTriage') {
    inRange('Minutes a day removed by inbox triage', choice.minutesPerDay, WHAT_IF_LIMITS.minutesPerDay);
    inRange('Working days a week for inbox triage', choice.daysPerWeek, WHAT_IF_LIMITS.daysPerWeek);
  } else if (choice.id !== 'pageLoadsAtP50') errors.push(`Unknown what-if ${JSON.stringify((choice as { id: unknown }).id)}.`);
  return errors;
}

/**
 * Hours a year the change gives back to one contributor; null when they
 * have nothing it can act on (no logins, no page loads, or too few working
 * weeks to annualise). The burden figures this builds on are listed by
 * `whatIfBurden`, so it is suppressed whenever they are.
 */
export function hoursGivenBack(c: ContributorBurden, choice: WhatIfChoice, a: AnnualAssumptions): number | null {
  switch (choice.id) {
    case 'sso':
      if (c.loginsAYear === null || c.medianLoginSec === null) return null;
      return (c.loginsAYear * Math.max(0, c.medianLoginSec - choice.targetLoginSec)) / 3600;
    case 'pageLoadsAtP50': {
      const waiting = c.hoursAYear.waiting;
      if (waiting === null || c.pageLoadP50Sec === null || c.pageLoadP95Sec === null || !(c.pageLoadP95Sec > 0)) return null;
      return waiting * (1 - c.pageLoadP50Sec / c.pageLoadP95Sec);
    }
    case 'inboxTriage':
      if (c.inboxHoursAYear === null) return null;
      return Math.min((choice.minutesPerDay / 60) * choice.daysPerWeek * a.workingWeeksPerYear, c.inboxHoursAYear);
  }
}

/** The burden each what-if gives time back from: a what-if is never shown when its burden is suppressed. */
export const WHAT_IF_BURDEN = { sso: 'login', pageLoadsAtP50: 'waiting', inboxTriage: 'inboxAdmin' } as const;
