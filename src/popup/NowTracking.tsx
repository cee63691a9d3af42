import type { TodaySummary } from '../core/todaySummary.js';
import { categoryLabel } from '../ui/categoryLabel.js';
import { t } from '../ui/i18n.js';

/** One line saying what is being counted at this moment, if anything. */
export function NowTracking({ summary }: { summary: TodaySummary }) {
  if (summary.paused) return <p class="now-tracking now-tracking-paused">{t('popup_paused')}</p>;
  // The timer panel says what the timer counts; here, only why nothing else is.
  if (summary.timer) return <p class="now-tracking now-tracking-paused">{t('popup_timerSuspended')}</p>;
  const now = summary.nowTracking;
  if (!now) return <p class="now-tracking">{t('popup_notTracking')}</p>;
  return (
    <p class="now-tracking now-tracking-on">
      <span class="dot" aria-hidden="true" />
      {t('popup_nowTracking', now.name, categoryLabel(now.category))}
    </p>
  );
}
