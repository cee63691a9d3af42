/**
 * A synthetic history as the worker would have met it, step by step:
 * attention moves to a bout's tab at the bout's first second, the bout's
 * evidence arrives as one content-script report with the clock at its end,
 * and each manual entry is added as the clinician would add it. writeHistory
 * runs these steps through the store, recordsFromHistory through the pure
 * tracker core, so the two cannot drift apart.
 */
import type { ActivityReport } from '../src/core/activityReport.js';
import type { SyntheticDay, SyntheticManualEntry } from './syntheticHistory.js';

export type HistoryStep =
  | { kind: 'attention'; tabId: number; /** Epoch seconds. */ atSec: number }
  | { kind: 'report'; tabId: number; report: ActivityReport; /** Epoch seconds. */ nowSec: number }
  | { kind: 'manual'; entry: SyntheticManualEntry };

export function* historySteps(days: readonly SyntheticDay[]): Generator<HistoryStep> {
  let focused: number | null = null;
  for (const day of days) {
    for (const bout of day.bouts) {
      const first = bout.attended[0];
      const last = bout.attended[bout.attended.length - 1];
      if (first === undefined || last === undefined) continue;
      if (focused !== bout.tabId) {
        yield { kind: 'attention', tabId: bout.tabId, atSec: first };
        focused = bout.tabId;
      }
      const report: ActivityReport = { systemId: bout.systemId, category: bout.category, input: bout.input, attended: bout.attended, ...(bout.pageLoadMs !== undefined ? { pageLoadMs: bout.pageLoadMs } : {}) };
      yield { kind: 'report', tabId: bout.tabId, report, nowSec: last + 1 };
    }
    for (const entry of day.manual) yield { kind: 'manual', entry };
  }
}
