import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DayRollup } from '../../core/dayRollup.js';
import type { LocalDateKey } from '../../core/localDate.js';
import { computePeriodMetrics } from '../../core/metrics.js';
import type { PeriodMetrics } from '../../core/periodMetrics.js';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../core/settings.js';
import { t } from '../../ui/i18n.js';
import { afterNextPaint, markPainted } from '../../ui/paintMark.js';
import { ActiveTimeSection } from './ActiveTimeSection.js';
import { AfterHoursSection } from './AfterHoursSection.js';
import type { DashboardApi } from '../dashboardApi.js';
import { DayTimeline } from '../day/DayTimeline.js';
import { EmptyPeriod } from './EmptyPeriod.js';
import { periodTitle } from '../common/format.js';
import { LoginSection } from './LoginSection.js';
import { PeriodNav } from './PeriodNav.js';
import { periodOf, shiftAnchor, type PeriodKind } from '../common/periods.js';
import { PeriodSummary } from './PeriodSummary.js';
import { PublishedFiguresSection } from './PublishedFiguresSection.js';
import { SensitivitySection } from './SensitivitySection.js';
import { SinskySection } from './SinskySection.js';
import { SystemSection } from './SystemSection.js';
import { WaitingSection } from './WaitingSection.js';
import { WorkPatternSection } from './WorkPatternSection.js';
import { YearSection } from './YearSection.js';

interface Loaded {
  /** The period these rollups belong to ("from/to"): older answers are never shown for a newer period. */
  key: string;
  settings: Settings;
  settingsUnusable: boolean;
  rollups: DayRollup[];
}

function isEmpty(m: PeriodMetrics): boolean {
  return m.activeMs === 0 && m.login.count === 0 && Object.keys(m.waiting.bySystem).length === 0 && Object.keys(m.waiting.inAppBySystem).length === 0;
}

/**
 * One day, week, month or year. Reads the rollups of exactly that period (never
 * raw spans or other days), and the settings for the schedule, the system
 * names and the active-time parameters.
 */
export function PeriodPage({
  api,
  kind,
  anchor,
  onAnchor,
  onOpenSettings,
}: {
  api: DashboardApi;
  kind: PeriodKind;
  anchor: LocalDateKey;
  onAnchor: (anchor: LocalDateKey) => void;
  onOpenSettings: (target?: 'schedule') => void;
}) {
  const period = periodOf(kind, anchor);
  const key = `${period.from}/${period.to}`;
  const title = periodTitle(period);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failedKey, setFailedKey] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  // "Try again" disappears once it works; put focus on the heading instead of losing it.
  const focusAfterRetry = useRef(false);

  // A layout effect: the period's rollups are asked for before the loading frame is painted.
  useLayoutEffect(() => {
    let live = true;
    const settings = api.load().then(
      (raw) => (raw === undefined ? { ok: true as const, settings: DEFAULT_SETTINGS } : parseSettings(raw)),
      () => ({ ok: false as const, errors: [] }),
    );
    Promise.all([settings, api.readRollups(period.from, period.to)]).then(
      ([parsed, rollups]) => {
        if (!live) return;
        setFailedKey(null);
        setLoaded({ key, settings: parsed.ok ? parsed.settings : DEFAULT_SETTINGS, settingsUnusable: !parsed.ok, rollups });
      },
      () => live && setFailedKey(key),
    );
    return () => {
      live = false;
    };
  }, [api, key, reloads]);

  // Fresh figures when the tab is shown again (today keeps growing) and when settings change elsewhere.
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && setReloads((n) => n + 1);
    document.addEventListener('visibilitychange', onVisible);
    const unwatch = api.watch?.(() => setReloads((n) => n + 1));
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      unwatch?.();
    };
  }, [api]);

  const current = loaded?.key === key ? loaded : null;
  useEffect(() => {
    if (current && focusAfterRetry.current) {
      focusAfterRetry.current = false;
      heading.current?.focus();
    }
  }, [current]);
  const metrics = useMemo(
    () =>
      current &&
      computePeriodMetrics({
        from: period.from,
        to: period.to,
        rollups: current.rollups,
        schedule: current.settings.schedule,
        params: { inactivityThresholdSec: current.settings.inactivityThresholdSec, readingAllowanceSec: current.settings.readingAllowanceSec },
      }),
    [current],
  );

  const failed = failedKey === key;
  const showsFigures = !failed && metrics !== null;
  // The sections below the first screen are rendered once the first screen
  // (heading, summary, time by task and system) has been painted: the
  // clinician sees the period at once, and the rest follows a frame later.
  const [restKey, setRestKey] = useState<string | null>(null);
  const showsRest = showsFigures && restKey === key;
  useEffect(() => {
    if (!showsFigures || restKey === key) return;
    let live = true;
    afterNextPaint(() => live && setRestKey(key));
    return () => {
      live = false;
    };
  }, [showsFigures, key, restKey]);
  // For the performance benchmark (bench/): the first period of this kind painted with its
  // first screen, then with every section. Layout effects, so the frame awaited is this one.
  useLayoutEffect(() => {
    if (showsFigures) markPainted(`timeback:${kind}-painted`);
  }, [showsFigures, kind]);
  useLayoutEffect(() => {
    if (showsRest) markPainted(`timeback:${kind}-complete`);
  }, [showsRest, kind]);
  const settings = current?.settings;
  const hasSchedule = (settings?.schedule.sessions.length ?? 0) > 0;
  const names = new Map([...(settings?.systems ?? []), ...(settings?.desktopSystems ?? [])].map((s) => [s.id, s.name]));
  // A removed system's time still counts; it is shown by its id. Time filed under no system has the id ''.
  const nameOf = (id: string) => (id === '' ? t('system_none') : (names.get(id) ?? id));

  return (
    <main class="page page-wide" id="main">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <PeriodNav kind={kind} onStep={(steps) => onAnchor(shiftAnchor(kind, anchor, steps))} onToday={() => onAnchor(api.today())} />
      {/* Announces each new period once its figures are in. */}
      <p role="status" class="visually-hidden">
        {failed ? '' : metrics ? t('dash_showingPeriod', title) : t('dash_loading')}
      </p>
      {failed ? (
        <div class="warning">
          <p>{t('dash_loadFailed')}</p>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => {
              focusAfterRetry.current = true;
              setReloads((n) => n + 1);
            }}
          >
            {t('dash_tryAgain')}
          </button>
        </div>
      ) : !metrics || !current ? (
        <p aria-hidden="true">{t('dash_loading')}</p>
      ) : (
        <>
          {current.settingsUnusable && (
            <div class="warning">
              <p>{t('dash_settingsUnusable')}</p>
            </div>
          )}
          {isEmpty(metrics) ? (
            <EmptyPeriod hasSystems={current.settings.systems.length > 0} onOpenSettings={() => onOpenSettings()} />
          ) : (
            <>
              <PeriodSummary metrics={metrics} hasSchedule={hasSchedule} />
              <ActiveTimeSection metrics={metrics} period={period} />
              <SystemSection metrics={metrics} nameOf={nameOf} />
            </>
          )}
          {/* Shown on an empty day too: that is when time done elsewhere most needs adding. */}
          {kind === 'day' && (
            <DayTimeline api={api} date={period.from} settings={current.settings} refreshKey={reloads} onChanged={() => setReloads((n) => n + 1)} />
          )}
          {!isEmpty(metrics) && showsRest && (
            <>
              <AfterHoursSection metrics={metrics} period={period} hasSchedule={hasSchedule} />
              {/* A single day is never a year's worth of working weeks: the section starts at a week. */}
              {period.kind !== 'day' && <YearSection metrics={metrics} schedule={current.settings.schedule} />}
              <SinskySection metrics={metrics} hasSchedule={hasSchedule} onAddSchedule={() => onOpenSettings('schedule')} />
              <SensitivitySection metrics={metrics} hasSchedule={hasSchedule} />
              <LoginSection metrics={metrics} />
              <WaitingSection metrics={metrics} nameOf={nameOf} />
              <WorkPatternSection metrics={metrics} />
              <PublishedFiguresSection metrics={metrics} />
            </>
          )}
        </>
      )}
    </main>
  );
}
