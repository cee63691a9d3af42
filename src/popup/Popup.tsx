import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDuration, type TodaySummary } from '../core/todaySummary.js';
import { categoryLabel } from '../ui/categoryLabel.js';
import { t } from '../ui/i18n.js';
import type { PopupApi } from './api.js';
import { Breakdown } from './Breakdown.js';
import { EmptyState } from './EmptyState.js';
import { NowTracking } from './NowTracking.js';

/** How often the open popup asks the worker for fresh numbers. */
export const REFRESH_MS = 5_000;

export function Popup({ api }: { api: PopupApi }) {
  const [summary, setSummary] = useState<TodaySummary | null>(null);
  const [failed, setFailed] = useState(false);
  // Responses can arrive out of order (a refresh started before a pause);
  // only the newest request may set what is shown.
  const requested = useRef(0);
  const shown = useRef(0);
  const busy = useRef(false);

  function track(request: () => Promise<TodaySummary>): Promise<void> {
    const n = ++requested.current;
    return request().then(
      (s) => {
        if (n < shown.current) return;
        shown.current = n;
        setSummary(s);
        setFailed(false);
      },
      () => {
        if (n >= shown.current) setFailed(true);
      },
    );
  }

  useEffect(() => {
    let open = true;
    const refresh = () => {
      if (open) void track(() => api.getToday());
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      open = false;
      clearInterval(timer);
    };
  }, [api]);

  function togglePause() {
    if (!summary || busy.current) return;
    busy.current = true;
    void track(() => api.setPaused(!summary.paused)).finally(() => {
      busy.current = false;
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

  if (summary.systemsConfigured === 0) {
    return (
      <main class="popup">
        <EmptyState>{settingsButton}</EmptyState>
      </main>
    );
  }

  return (
    <main class="popup">
      <h1 class="popup-heading">{t('popup_heading')}</h1>
      <p class="total">{formatDuration(summary.totalMs)}</p>
      <NowTracking summary={summary} />
      {failed && <p class="warning-text">{t('popup_refreshFailed')}</p>}
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
      </div>
      <p class="small-print">
        {t('popup_definition', summary.params.inactivityThresholdSec, summary.params.readingAllowanceSec)}
      </p>
    </main>
  );
}
