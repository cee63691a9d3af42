import { useEffect, useRef, useState } from 'preact/hooks';
import { parseSettings } from '../core/settings.js';
import { t } from '../ui/i18n.js';
import type { DashboardApi } from './dashboardApi.js';
import { periodTitle } from './format.js';
import { PeriodPage } from './PeriodPage.js';
import { periodOf, type PeriodKind } from './periods.js';
import { Settings } from './Settings.js';
import { ShareView } from './ShareView.js';
import { ViewNav } from './ViewNav.js';

export type DashboardView = PeriodKind | 'share' | 'settings';

/**
 * The dashboard page: Day / Week / Month views of the clinician's time,
 * Share (the clinician's own export, and a team lead's report), and Settings. It opens on Settings until a clinical system is set up (there is
 * nothing to show before that), otherwise on this week.
 */
export function Dashboard({ api }: { api: DashboardApi }) {
  const [view, setView] = useState<DashboardView | null>(null);
  const [anchor, setAnchor] = useState(() => api.today());
  const focusSettingsTab = useRef(false);
  // Set when the clinician followed "add your job plan": Settings opens at the job plan.
  const [toSchedule, setToSchedule] = useState(false);

  useEffect(() => {
    let live = true;
    api.load().then(
      (raw) => {
        const parsed = raw === undefined ? null : parseSettings(raw);
        // Unusable settings open on Settings too, where the problem is explained.
        if (live) setView(parsed?.ok && parsed.settings.systems.length > 0 ? 'week' : 'settings');
      },
      () => live && setView('settings'),
    );
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    if (view)
      document.title =
        view === 'settings' ? t('settings_pageTitle') : view === 'share' ? t('share_pageTitle') : t('dash_pageTitle', periodTitle(periodOf(view, anchor)));
    // The button that sent us to Settings is gone; land on the Settings tab, which says where we are.
    if (view === 'settings' && focusSettingsTab.current) {
      focusSettingsTab.current = false;
      document.getElementById('view-settings')?.focus();
    }
  }, [view, anchor]);

  if (!view) return <p role="status">{t('dash_loading')}</p>;

  function openSettings(target?: 'schedule') {
    focusSettingsTab.current = target !== 'schedule';
    setToSchedule(target === 'schedule');
    setView('settings');
  }

  function selectView(next: DashboardView) {
    setToSchedule(false);
    setView(next);
  }

  return (
    <>
      <header class="dash-header">
        <div class="dash-header-inner">
          <p class="dash-brand">{t('extName')}</p>
          <ViewNav current={view} onSelect={selectView} />
        </div>
      </header>
      {view === 'settings' ? (
        <Settings api={api} focusSchedule={toSchedule} />
      ) : view === 'share' ? (
        <ShareView api={api} />
      ) : (
        <PeriodPage api={api} kind={view} anchor={anchor} onAnchor={setAnchor} onOpenSettings={openSettings} />
      )}
    </>
  );
}
