import { isRuns, type Runs } from '../core/runs.js';
import { isTaskCategory } from '../core/taskCategory.js';
import type { ActivityReport } from '../protocol.js';

/** The most runs one report may carry: ten seconds of activity never need more. */
const MAX_REPORT_RUNS = 600;
/** Evidence older than this (or from the future) cannot be genuine for one report. */
const MAX_REPORT_AGE_SEC = 3600;
/** A page that takes longer than this to load is not a measurement we can trust. */
const MAX_PAGE_LOAD_MS = 10 * 60_000;

/**
 * Check a content script's report before it touches the store. The system id
 * must be the one the sender's URL belongs to (for a frame: its tab's top-level
 * page), so a page of one system cannot book time to another.
 */
export function parseActivityReport(body: unknown, expectedSystemId: string, nowSec: number, fromFrame = false): ActivityReport | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  if (b.systemId !== expectedSystemId || !isTaskCategory(b.category)) return undefined;
  if (!isRuns(b.input, MAX_REPORT_RUNS) || !isRuns(b.attended, MAX_REPORT_RUNS)) return undefined;
  const inWindow = (runs: Runs) => runs.length === 0 || (runs[0]! >= nowSec - MAX_REPORT_AGE_SEC && runs[runs.length - 1]! <= nowSec + 5);
  if (!inWindow(b.input) || !inWindow(b.attended)) return undefined;
  // A frame only reports input and attention: the top page measures loads and decides the category.
  if (fromFrame) return b.pageLoadMs === undefined ? { systemId: expectedSystemId, category: b.category, input: b.input, attended: b.attended, fromFrame: true } : undefined;
  if (b.pageLoadMs !== undefined) {
    // Only a waiting report may carry a page load, and only a plausible one.
    if (b.category !== 'waiting_for_system' || typeof b.pageLoadMs !== 'number' || !Number.isFinite(b.pageLoadMs) || b.pageLoadMs < 0 || b.pageLoadMs > MAX_PAGE_LOAD_MS) return undefined;
    const report: ActivityReport = { systemId: expectedSystemId, category: b.category, input: b.input, attended: b.attended, pageLoadMs: Math.round(b.pageLoadMs) };
    if (b.loadStartMs === undefined) return report;
    // When the load started, to the millisecond: inside the report's window, like its evidence.
    if (typeof b.loadStartMs !== 'number' || !Number.isFinite(b.loadStartMs) || b.loadStartMs < (nowSec - MAX_REPORT_AGE_SEC) * 1000 || b.loadStartMs + b.pageLoadMs > (nowSec + 5) * 1000) return undefined;
    if (b.soft !== undefined && b.soft !== true) return undefined;
    return { ...report, loadStartMs: Math.round(b.loadStartMs), ...(b.soft ? { soft: true as const } : {}) };
  }
  return { systemId: expectedSystemId, category: b.category, input: b.input, attended: b.attended };
}
