/**
 * Write a synthetic history through the extension's own store code, as the
 * worker would have over the year: attention moves to the bout's tab
 * (recordAttention), the bout's evidence arrives as a content-script report
 * (recordReport, with the clock at the bout's end), and manual entries go
 * through applyPlan like the dashboard's "add time".
 */
import type { ActiveTimeParams } from '../src/core/activeTimeParams.js';
import { newRecordId } from '../src/background/recordId.js';
import { manualSpan } from '../src/core/corrections.js';
import type { TimebackDb } from '../src/store/db.js';
import { applyPlan } from '../src/store/entriesStore.js';
import { recordAttention, recordReport } from '../src/store/trackingStore.js';
import type { SyntheticDay } from './syntheticHistory.js';

export interface WriteStats {
  reports: number;
  attentionChanges: number;
  manualEntries: number;
}

export async function writeHistory(
  db: TimebackDb,
  days: readonly SyntheticDay[],
  ctx: { timeZone: string; params: ActiveTimeParams },
): Promise<WriteStats> {
  // The worker's own id generator, so stored bytes are those of real records.
  const newId = newRecordId;
  const stats: WriteStats = { reports: 0, attentionChanges: 0, manualEntries: 0 };
  let focused: number | null = null;
  for (const day of days) {
    for (const bout of day.bouts) {
      const first = bout.attended[0];
      const last = bout.attended[bout.attended.length - 1];
      if (first === undefined || last === undefined) continue;
      if (focused !== bout.tabId) {
        await recordAttention(db, { paused: false, os: 'active', focusedTabId: bout.tabId }, first * 1000, ctx);
        focused = bout.tabId;
        stats.attentionChanges++;
      }
      const report = { systemId: bout.systemId, category: bout.category, input: bout.input, attended: bout.attended, ...(bout.pageLoadMs !== undefined ? { pageLoadMs: bout.pageLoadMs } : {}) };
      await recordReport(db, bout.tabId, report, { nowMs: (last + 1) * 1000, timeZone: ctx.timeZone, params: ctx.params, newId });
      stats.reports++;
    }
    for (const m of day.manual) {
      const span = manualSpan({ id: newId(), source: m.source, start: m.start, end: m.end, category: m.category, systemId: m.systemId, timeZone: ctx.timeZone });
      await applyPlan(db, { put: [span], remove: [], journal: null }, { nowMs: m.end, timeZone: ctx.timeZone, params: ctx.params, newId });
      stats.manualEntries++;
    }
  }
  // The clinician's browser is where it is now; the worker re-derives attention on its next event.
  await recordAttention(db, { paused: false, os: 'active', focusedTabId: null }, Date.now(), ctx);
  return stats;
}
