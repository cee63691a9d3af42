import { useRef, useState } from 'preact/hooks';
import type { TodaySummary } from '../core/todaySummary.js';
import type { TaskCategory } from '../core/taskCategory.js';
import { categoryLabel } from '../ui/categoryLabel.js';
import { t } from '../ui/i18n.js';
import { RunningTimer } from './RunningTimer.js';
import { StartTimerForm } from './StartTimerForm.js';
import { clockTime } from './timeText.js';

/**
 * The manual timer: for work no web page shows, such as a desktop system,
 * a phone call or paper. Start it here or with the keyboard shortcut.
 */
export function TimerPanel({
  summary,
  onStart,
  onStop,
}: {
  summary: TodaySummary;
  onStart: (category: TaskCategory, systemId?: string) => Promise<boolean>;
  onStop: () => Promise<boolean>;
}) {
  // Set when the clinician starts or stops a timer here: the button they used
  // disappears, so focus moves to the one that replaces it. Set before the
  // request, because the new summary may render before the request settles.
  const moveFocus = useRef(false);
  const [stopped, setStopped] = useState(false);
  const timer = summary.timer;
  const systemName = timer?.systemId ? (timer.systemName ?? timer.systemId) : undefined;

  return (
    <section class="timer-panel" aria-labelledby="timer-heading">
      <h2 id="timer-heading">{t('popup_timerHeading')}</h2>
      {/* Present before anything changes, so starting and stopping are announced. */}
      <div class="timer-status" aria-live="polite">
        {timer ? (
          <>
            <p class="now-tracking now-tracking-on">
              <span class="dot" aria-hidden="true" />
              {systemName
                ? t('popup_timerRunningWithSystem', categoryLabel(timer.category), systemName)
                : t('popup_timerRunning', categoryLabel(timer.category))}
            </p>
            <p class="hint">{t('popup_timerLimit', clockTime(timer.limitAt))}</p>
          </>
        ) : (
          stopped && <p class="notice-text">{t('popup_timerStopped')}</p>
        )}
      </div>
      {timer ? (
        <RunningTimer
          timer={timer}
          focusOnMount={moveFocus.current}
          onStop={() => {
            moveFocus.current = true;
            void onStop().then((ok) => setStopped(ok));
          }}
        />
      ) : (
        <StartTimerForm
          summary={summary}
          focusOnMount={moveFocus.current}
          onStart={(category, systemId) => {
            moveFocus.current = true;
            setStopped(false);
            void onStart(category, systemId);
          }}
        />
      )}
      <p class="small-print">{t('popup_timerShortcut')}</p>
    </section>
  );
}
