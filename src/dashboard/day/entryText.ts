/** How the day timeline writes one record: its times, system, source and a name for labels. */
import type { ActivitySource } from '../../core/activitySpan.js';
import type { DayEntry } from '../../core/entries.js';
import { categoryLabel } from '../../ui/categoryLabel.js';
import { t } from '../../ui/i18n.js';
import { clockTime } from './localTime.js';

/** "09:00–09:30", in the clinician's zone. */
export function timeRange(entry: Pick<DayEntry, 'start' | 'end'>): string {
  return t('day_timeRange', clockTime(entry.start), clockTime(entry.end));
}

/** Tracked, Manual or Timer. */
export function sourceLabel(source: ActivitySource): string {
  return t(`day_source_${source}`);
}

/** The system's name, or "No system" for a manual entry that names none. */
export function systemText(entry: Pick<DayEntry, 'systemId' | 'systemName'>): string {
  return entry.systemId === '' ? t('system_none') : entry.systemName || entry.systemId;
}

/** "09:00–09:30, Documentation": tells apart the action buttons of different records for screen readers. */
export function entryName(entry: DayEntry): string {
  return t('day_entryName', timeRange(entry), categoryLabel(entry.category));
}

/** Only records made by hand have times a person chose, so only they can have their times edited. */
export function hasEditableTimes(entry: DayEntry): boolean {
  return entry.source === 'manual' || entry.source === 'timer';
}
