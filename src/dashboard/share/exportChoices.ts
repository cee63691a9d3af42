/**
 * What the clinician chose on the Share page for their export, and the checks
 * that run before anything is read or built. Pure, so the rules are tested
 * without a page.
 */
import type { Granularity, Role } from '../../core/exportFormat.js';
import type { LocalDateKey } from '../../core/localDate.js';
import { validateTeamCode } from '../../core/teamCode.js';
import { t } from '../../ui/i18n.js';
import { currentPeriod, rangeDates, type RangeChoice } from './exportRange.js';

export interface ExportChoices {
  range: RangeChoice;
  granularity: Granularity;
  includeSystems: boolean;
  /** As typed; validateTeamCode trims it and makes it capitals. */
  teamCode: string;
  role: Role | '';
  keepId: boolean;
}

/** This week, by week, no systems, no team code or role, a fresh id: the least that can be shared. */
export function defaultChoices(today: LocalDateKey): ExportChoices {
  return { range: currentPeriod('week', today), granularity: 'week', includeSystems: false, teamCode: '', role: '', keepId: false };
}

export type ChoiceField = 'range' | 'granularity' | 'teamCode';

export type CheckedChoices =
  | { ok: true; from: LocalDateKey; to: LocalDateKey; teamCode: string | null }
  | { ok: false; errors: Array<{ field: ChoiceField; message: string }> };

export function checkChoices(choices: ExportChoices): CheckedChoices {
  const errors: Array<{ field: ChoiceField; message: string }> = [];
  const dates = rangeDates(choices.range);
  if (!dates) errors.push({ field: 'range', message: t('share_errorRange') });
  // A weekly export runs Monday to Sunday; calendar months rarely do.
  if (choices.granularity === 'week' && choices.range.unit === 'month') errors.push({ field: 'granularity', message: t('share_errorWeeksNeedWeeks') });
  const team = validateTeamCode(choices.teamCode);
  if (!team.ok) errors.push({ field: 'teamCode', message: team.error });
  if (errors.length > 0 || !dates || !team.ok) return { ok: false, errors };
  return { ok: true, from: dates.from, to: dates.to, teamCode: team.teamCode };
}
