import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TodaySummary } from '../core/todaySummary.js';
import { formatDuration } from '../ui/duration.js';
import { categoryLabel } from '../ui/categoryLabel.js';
import { t } from '../ui/i18n.js';
import { markPainted } from '../ui/paintMark.js';
import type { IdleReviewAction } from '../core/entries.js';
import type { TaskCategory } from '../core/taskCategory.js';
import type { PopupApi } from './api.js';
import { Breakdown } from './Breakdown.js';
import { EmptyState } from './EmptyState.js';
import { IdleReviewPanel } from './IdleReviewPanel.js';
import { NowTracking } from './NowTracking.js';
import { SiteSection } from './SiteSection.js';
import { TimerPanel } from './TimerPanel.js';

/** How often the open popup asks the worker for fresh numbers. */
export const REFRESH_MS = 5_000;

/**
 * `initial` is today's summary when it was already answered as the popup
 * opened (start.tsx): it is shown at once, and the next refresh is the regular one.
 */
export function Popup({ api, initial }: { api: PopupApi; initial?: TodaySummary }) {
  const [summary, setSummary] = useState<TodaySummary | null>(initial ?? null);
  const [failed, setFailed] = useState(false);
  const [actionFailed, setActionFailed] = useState(false);
  // Responses can arrive out of order (a refresh started before a pause);
  // only the newest request may set what is shown.
  const requested = useRef(0);
  const shown = useRef(0);
  const busy = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const [storageFull, setStorageFull] = useState(false);

  useEffect(() => {
    void api.storageWarning?.().then(setStorageFull, () => undefined);
  }, [api]);

  /** Resolves true when the request succeeded (whether or not a newer answer was already shown). */
  function track(request: () => Promise<TodaySummary>, onError?: () => void): Promise<boolean> {
    const n = ++requested.current;
    return request().then(
      (s) => {
        if (n < shown.current) return true;
        shown.current = n;
        setSummary(s);
        setFailed(false);
        return true;
      },
      () => {
        if (onError) onError();
        else if (n >= shown.current) setFailed(true);
        return false;
      },
    );
  }

  /** Something the clinician asked for. One at a time, so a double click does not start two timers. */
  function run(request: () => Promise<TodaySummary>): Promise<boolean> {
    if (busy.current) return Promise.resolve(false);
    busy.current = true;
    setActionFailed(false);
    return track(request, () => setActionFailed(true)).finally(() => {
      busy.current = false;
    });
  }

  // A layout effect: the request leaves before the first (empty) frame is painted, not after it.
  useLayoutEffect(() => {
    let open = true;
    const refresh = () => {
      if (open) void track(() => api.getToday());
    };
    if (!initial) refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      open = false;
      clearInterval(timer);
    };
  }, [api]);

  // For the performance benchmark (bench/): today's summary first painted. A layout effect, so the frame awaited is the one showing it.
  const hasSummary = summary !== null;
  useLayoutEffect(() => {
    if (hasSummary) markPainted('timeback:popup-painted');
  }, [hasSummary]);

  function togglePause() {
    if (!summary) return;
    const paused = !summary.paused;
    void run(() => api.setPaused(paused));
  }

  const startTimer = (category: TaskCategory, systemId?: string) => run(() => api.startTimer(category, systemId));
  const stopTimer = () => run(() => api.stopTimer());

  function resolveIdleReview(action: IdleReviewAction) {
    void run(() => api.resolveIdleReview(action)).then((ok) => {
      // The question disappears with the button that answered it; focus goes back to the top.
      if (ok) heading.current?.focus();
    });
  }

  const settingsButton = (
    <button type="button" class="button button-secondary" onClick={() => api.openDashboard()}>
      {t('popup_openDashboard')}
    </button>
  );

  if (!summary) {
    return (
      <main class="popup">
        <h1 class="visually-hidden">{t('extName')}</h1>
        <p role="status">{failed ? t('popup_loadFailed') : t('popup_loading')}</p>
        {settingsButton}
      </main>
    );
  }

  // Shown first, before the heading, like an error summary: it needs an answer.
  const review = summary.idleReview && (
    <IdleReviewPanel review={summary.idleReview} systems={summary.timerSystems} onResolve={resolveIdleReview} />
  );
  const actionError = actionFailed && (
    <p class="error-message" role="alert">
      {t('popup_actionFailed')}
    </p>
  );
  // Tracking a site (or no longer) changes today's summary: the number of systems, what is tracked now.
  const site = <SiteSection api={api} refreshed={summary} onChanged={() => void track(() => api.getToday())} />;
  const guideButton = api.openGuide && (
    <button type="button" class="button button-secondary" onClick={() => api.openGuide!()}>
      {t('popup_openGuide')}
    </button>
  );
  // Manual timers need no web system, so they are offered even before one is added.
  const timerPanel = <TimerPanel summary={summary} onStart={startTimer} onStop={stopTimer} />;

  if (summary.systemsConfigured === 0) {
    return (
      <main class="popup">
        {review}
        <EmptyState headingRef={heading}>
          {site}
          <div class="button-group">
            {settingsButton}
            {guideButton}
          </div>
        </EmptyState>
        {actionError}
        {timerPanel}
      </main>
    );
  }

  return (
    <main class="popup">
      {review}
      <h1 class="popup-heading" ref={heading} tabIndex={-1}>
        {t('popup_heading')}
      </h1>
      <p class="total">{formatDuration(summary.totalMs)}</p>
      <NowTracking summary={summary} />
      {site}
      {failed && <p class="warning-text">{t('popup_refreshFailed')}</p>}
      {actionError}
      {storageFull && (
        <p class="warning-text" role="alert">
          {t('popup_storageWarning')}
        </p>
      )}
      {timerPanel}
      {summary.totalMs === 0 ? (
        <p class="hint">{t('popup_noTimeYet')}</p>
      ) : (
        <>
          <Breakdown
            heading={t('popup_bySystem')}
            totalMs={summary.totalMs}
            rows={summary.bySystem.map((s) => ({ key: s.systemId, label: s.name, ms: s.ms }))}
          />
          <Breakdown
            heading={t('popup_byCategory')}
            totalMs={summary.totalMs}
            rows={summary.byCategory.map((c) => ({ key: c.category, label: categoryLabel(c.category), ms: c.ms }))}
          />
        </>
      )}
      <div class="button-group">
        <button type="button" class="button" onClick={togglePause}>
          {summary.paused ? t('popup_resume') : t('popup_pause')}
        </button>
        {settingsButton}
        {guideButton}
      </div>
      <p class="small-print">
        {t('popup_definition', summary.params.inactivityThresholdSec, summary.params.readingAllowanceSec)}
      </p>
    </main>
  );
}
