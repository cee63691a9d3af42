import { formatDuration } from '../../ui/duration.js';
import { t } from '../../ui/i18n.js';

/** What the day's records count, and how much of it was put right by hand (so hand corrections are never hidden). */
export function DayTotals({ totalMs, correctedMs }: { totalMs: number; correctedMs: number }) {
  return (
    <dl class="key-figures day-totals">
      <div class="key-figure">
        <dt>{t('day_countedTotal')}</dt>
        <dd class="key-figure-value">{formatDuration(totalMs)}</dd>
      </div>
      <div class="key-figure">
        <dt>{t('day_correctedTotal')}</dt>
        <dd class="key-figure-value">{formatDuration(correctedMs)}</dd>
      </div>
    </dl>
  );
}
