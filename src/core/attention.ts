/**
 * The attention ledger: which tab had the clinician's attention, and when.
 * A tab is attended while it is the active tab of the focused window, the
 * screen is unlocked and not idle, and tracking is not paused. Evidence from a
 * tab only counts for seconds inside one of its attention periods, so two
 * tabs can never both count the same second.
 */
export interface AttentionPeriod {
  tabId: number;
  /** Epoch seconds, inclusive. */
  from: number;
  /** Epoch seconds, exclusive; null while the period is open. */
  to: number | null;
  /** The span this period's latest evidence went to, and that span's key. */
  spanId?: string;
  spanKey?: string;
  /** The span before that one in this period (the view left by a route change), for an in-app wait measured after the fact. */
  prevSpanId?: string;
  /** The end (epoch ms) of the page load this period's evidence last went to: the page arriving shares that second (loadEdges.ts). */
  loadEndMs?: number;
}

export type OsState = 'active' | 'idle' | 'locked';

export interface AttentionInputs {
  paused: boolean;
  os: OsState;
  /** The active tab of the focused browser window, or null when no browser window has focus. */
  focusedTabId: number | null;
}

export function attendedTab({ paused, os, focusedTabId }: AttentionInputs): number | null {
  if (paused || os !== 'active') return null;
  return focusedTabId;
}

/** Periods ended longer ago than this can receive no more evidence and are dropped. */
export const LEDGER_MEMORY_SEC = 3600;
const LEDGER_MAX_PERIODS = 32;

export function currentPeriod(periods: readonly AttentionPeriod[]): AttentionPeriod | undefined {
  const last = periods[periods.length - 1];
  return last && last.to === null ? last : undefined;
}

/** Move attention to `tabId` (or to nothing) at `nowSec`. Returns a new ledger. */
export function moveAttention(periods: readonly AttentionPeriod[], tabId: number | null, nowSec: number): AttentionPeriod[] {
  const open = currentPeriod(periods);
  if (open && open.tabId === tabId) return [...periods];
  const next = periods.map((p) => (p === open ? { ...p, to: Math.max(p.from, nowSec) } : p));
  if (tabId !== null) next.push({ tabId, from: nowSec, to: null });
  return next.filter((p) => p.to === null || p.to > nowSec - LEDGER_MEMORY_SEC).slice(-LEDGER_MAX_PERIODS);
}
