import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { parseSettings } from '../core/settings.js';
import { t } from '../ui/i18n.js';
import type { DashboardApi } from './dashboardApi.js';
import type { DashboardView } from './dashboardViews.js';
import { FirstRunGuide, GUIDE_HASH } from './settings/FirstRunGuide.js';
import { periodTitle } from './common/format.js';
import { PeriodPage } from './period/PeriodPage.js';
import { periodOf } from './common/periods.js';
import { Settings } from './settings/Settings.js';
import { ShareView } from './share/ShareView.js';
import { openingView, viewFromHash, writeViewHash } from './viewHash.js';
import { ViewNav } from './ViewNav.js';

/**
 * The dashboard page: Day / Week / Month / Year views of the clinician's time,
 * Share (the clinician's own export, and a team lead's report), and Settings.
 * It opens on the view named in the address (dashboard.html#year), else on
 * this week; but on Settings until a clinical system is set up (a period has
 * nothing to show before that). The address follows the clinician's choice
 * of view, so a reload keeps it.
 */
export function Dashboard({ api }: { api: DashboardApi }) {
  const [view, setView] = useState<DashboardView | null>(null);
  const [anchor, setAnchor] = useState(() => api.today());
  const focusSettingsTab = useRef(false);
  // Set when the clinician followed "add your job plan": Settings opens at the job plan.
  const [toSchedule, setToSchedule] = useState(false);
  // dashboard.html#guide (after install, or the popup's "How Timeback works"): Settings, with the first-run guide above it.
  const [guide, setGuide] = useState(() => location.hash === GUIDE_HASH);

  // Layout effects start loading before the first frame is painted, not a frame later.
  useLayoutEffect(() => {
    let live = true;
    // The hash is read once the settings are in, so one changed meanwhile still counts.
    const open = (hasSystems: boolean) => live && setView(location.hash === GUIDE_HASH ? 'settings' : openingView(viewFromHash(location.hash), hasSystems));
    api.load().then(
      (raw) => {
        const parsed = raw === undefined ? null : parseSettings(raw);
        // Unusable settings open on Settings too, where the problem is explained.
        open(parsed?.ok === true && parsed.settings.systems.length > 0);
      },
      () => open(false),
    );
    return () => {
      live = false;
    };
  }, [api]);

  // An address edited by hand, or a link to another view: shown as if its tab were pressed. Unknown hashes change nothing.
  useEffect(() => {
    const onHashChange = () => {
      if (location.hash === GUIDE_HASH) {
        setGuide(true);
        setView((current) => (current === null ? null : 'settings'));
        return;
      }
      const next = viewFromHash(location.hash);
      if (!next) return;
      setToSchedule(false);
      // Still loading: the opening view, read from the hash, is chosen when the settings arrive.
      setView((current) => (current === null ? null : next));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

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
    writeViewHash('settings');
  }

  function selectView(next: DashboardView) {
    setToSchedule(false);
    setGuide(false);
    setView(next);
    writeViewHash(next);
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
        <Settings
          api={api}
          focusSchedule={toSchedule}
          guide={
            guide && (
              <FirstRunGuide
                onClose={() => {
                  setGuide(false);
                  writeViewHash('settings');
                  document.getElementById('view-settings')?.focus();
                }}
              />
            )
          }
        />
      ) : view === 'share' ? (
        <ShareView api={api} />
      ) : (
        <PeriodPage api={api} kind={view} anchor={anchor} onAnchor={setAnchor} onOpenSettings={openSettings} />
      )}
    </>
  );
}
