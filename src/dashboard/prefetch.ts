import type { LocalDateKey } from '../core/localDate.js';
import type { DashboardApi } from './dashboardApi.js';
import { periodOf, type PeriodKind } from './periods.js';
import { viewFromHash } from './viewHash.js';

/**
 * The dashboard's data for the view in the address, asked for as the page
 * starts, before anything renders: the settings and, for a period view, that
 * period's rollups, in parallel. Each prefetched answer serves the first
 * matching request only, so nothing later is ever served stale.
 */
export function withPrefetch(api: DashboardApi, hash: string): DashboardApi {
  const view = viewFromHash(hash) ?? 'week';
  let settings: ReturnType<DashboardApi['load']> | undefined = api.load();
  let rollups: { from: LocalDateKey; to: LocalDateKey; read: ReturnType<DashboardApi['readRollups']> } | undefined;
  if (view !== 'share' && view !== 'settings') {
    const { from, to } = periodOf(view as PeriodKind, api.today());
    rollups = { from, to, read: api.readRollups(from, to) };
  }
  // A prefetch nobody asks for (the view changed) must not surface as an unhandled rejection.
  settings.catch(() => undefined);
  rollups?.read.catch(() => undefined);
  return {
    ...api,
    load: () => {
      const ready = settings;
      settings = undefined;
      return ready ?? api.load();
    },
    readRollups: (from, to) => {
      const ready = rollups && rollups.from === from && rollups.to === to ? rollups.read : undefined;
      rollups = undefined;
      return ready ?? api.readRollups(from, to);
    },
  };
}
