import type { LocalDateKey } from '../core/localDate.js';
import type { DashboardApi } from './dashboardApi.js';
import { periodOf, type PeriodKind } from './common/periods.js';
import { viewFromHash } from './viewHash.js';

/**
 * The opening asks for the settings twice: the Dashboard, to choose the
 * view, and then that view, for its figures. One read serves both.
 */
export const OPENING_SETTINGS_REQUESTS = 2;

/**
 * The dashboard's data for the view in the address, asked for as the page
 * starts, before anything renders: the settings and, for a period view, that
 * period's rollups, in parallel. The settings read serves the opening's two
 * requests, the rollups the first matching request; a settings change
 * reported meanwhile drops what is left, so nothing is ever served stale.
 */
export function withPrefetch(api: DashboardApi, hash: string): DashboardApi {
  const view = viewFromHash(hash) ?? 'week';
  let settings: ReturnType<DashboardApi['load']> | undefined = api.load();
  let settingsServed = 0;
  let rollups: { from: LocalDateKey; to: LocalDateKey; read: ReturnType<DashboardApi['readRollups']> } | undefined;
  if (view !== 'share' && view !== 'settings') {
    const { from, to } = periodOf(view as PeriodKind, api.today());
    rollups = { from, to, read: api.readRollups(from, to) };
  }
  // A prefetch nobody asks for (the view changed) must not surface as an unhandled rejection.
  settings.catch(() => undefined);
  rollups?.read.catch(() => undefined);
  const unwatch = api.watch?.(() => {
    settings = undefined;
    unwatch?.();
  });
  return {
    ...api,
    load: () => {
      const ready = settings;
      if (++settingsServed >= OPENING_SETTINGS_REQUESTS) {
        settings = undefined;
        unwatch?.();
      }
      return ready ?? api.load();
    },
    readRollups: (from, to) => {
      const ready = rollups && rollups.from === from && rollups.to === to ? rollups.read : undefined;
      rollups = undefined;
      return ready ?? api.readRollups(from, to);
    },
  };
}
