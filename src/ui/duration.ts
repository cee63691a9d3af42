import { t } from './i18n.js';

/** "2 h 05 min", "14 min", "3 min 20 s", "40 s": durations for people; seconds only where they matter. */
export function formatDuration(ms: number): string {
  const totalSec = Math.round(ms / 1000);
  if (totalSec < 60) return t('duration_seconds', totalSec);
  const totalMin = Math.floor(totalSec / 60);
  if (totalMin < 10 && totalSec % 60 !== 0) return t('duration_minutesSeconds', totalMin, totalSec % 60);
  if (totalMin < 60) return t('duration_minutes', totalMin);
  return t('duration_hoursMinutes', Math.floor(totalMin / 60), String(totalMin % 60).padStart(2, '0'));
}
