/**
 * The report a content script sends on the activity port (the `activity`
 * message of src/protocol.ts), once the worker has validated it: evidence in
 * whole epoch seconds, never a URL, title or page text. Defined in core so
 * the tracker can fold it into spans; the protocol re-exports it.
 */
import type { Runs } from './runs.js';
import type { TaskCategory } from './taskCategory.js';

/** What a content script reports: seconds (epoch, runs) with input and seconds it saw itself attended. */
export interface ActivityReport {
  systemId: string;
  category: TaskCategory;
  input: Runs;
  attended: Runs;
  /** Navigation Timing of the page load this report's waiting seconds belong to (start → loadEventEnd), ms. */
  pageLoadMs?: number;
  /** When that load started (epoch ms, to the millisecond): with pageLoadMs, its waiting is booked to the millisecond (loadEdges.ts). */
  loadStartMs?: number;
  /** The wait is a single-page app's route change (a soft navigation), not a document load: docs/metrics.md. */
  soft?: true;
  /**
   * Set by the worker (never by the page) for evidence from a subframe of the
   * tab: its category is ignored and the top page's (TabView) is used.
   */
  fromFrame?: true;
}
