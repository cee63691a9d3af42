/**
 * Write a synthetic history through the extension's own store code, as the
 * worker would have over the year (historySteps): attention moves with
 * recordAttention, reports are stored with recordReport, and manual entries
 * go through applyPlan like the dashboard's "add time".
 */
import type { ActiveTimeParams } from '../src/core/activeTimeParams.js';
import { newRecordId } from '../src/background/recordId.js';
import { manualSpan } from '../src/core/corrections.js';
import type { TimebackDb } from '../src/store/db.js';
import { applyPlan } from '../src/store/entriesStore.js';
import { recordAttention, recordReport } from '../src/store/trackingStore.js';
import { historySteps } from './historySteps.js';
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
  for (const step of historySteps(days)) {
    if (step.kind === 'attention') {
      await recordAttention(db, { paused: false, os: 'active', focusedTabId: step.tabId }, step.atSec * 1000, ctx);
      stats.attentionChanges++;
    } else if (step.kind === 'report') {
      await recordReport(db, step.tabId, step.report, { nowMs: step.nowSec * 1000, timeZone: ctx.timeZone, params: ctx.params, newId });
      stats.reports++;
    } else {
      const m = step.entry;
      const span = manualSpan({ id: newId(), source: m.source, start: m.start, end: m.end, category: m.category, systemId: m.systemId, timeZone: ctx.timeZone });
      await applyPlan(db, { put: [span], remove: [], journal: null }, { nowMs: m.end, timeZone: ctx.timeZone, params: ctx.params, newId });
      stats.manualEntries++;
    }
  }
  // The clinician's browser is where it is now; the worker re-derives attention on its next event.
  await recordAttention(db, { paused: false, os: 'active', focusedTabId: null }, Date.now(), ctx);
  return stats;
}
