import { useEffect, useRef, useState } from 'preact/hooks';
import type { TimerView } from '../core/entries.js';
import { t } from '../ui/i18n.js';
import { elapsedText } from './timeText.js';

/** How often the elapsed time is redrawn. Only the popup ticks; the worker never does. */
export const TICK_MS = 1_000;

/** The running timer's elapsed time and its Stop button. */
export function RunningTimer({ timer, onStop, focusOnMount }: { timer: TimerView; onStop: () => void; focusOnMount: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  const stopButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(tick);
  }, []);

  useEffect(() => {
    if (focusOnMount) stopButton.current?.focus();
  }, []);

  // The timer counts nothing past its limit, so neither does the display.
  const elapsed = Math.min(now, timer.limitAt) - timer.startedAt;
  return (
    <>
      <p class="timer-elapsed">
        <span class="visually-hidden">{t('popup_timerElapsed')} </span>
        {/* role="timer" is not announced as it changes: a screen reader
            reading out every second would drown everything else. */}
        <span role="timer">{elapsedText(elapsed)}</span>
      </p>
      <button type="button" class="button" ref={stopButton} onClick={onStop}>
        {t('popup_timerStop')}
      </button>
    </>
  );
}
