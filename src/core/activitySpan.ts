import type { LocalDateKey } from './localDate.js';
import type { Runs } from './runs.js';
import type { TaskCategory } from './taskCategory.js';

/** Where a record came from: automatic tracking, an entry typed by the clinician, or a manual timer. */
export type ActivitySource = 'auto' | 'manual' | 'timer';

/** A record that no correction has replaced or deleted. */
export function isLive(span: ActivitySpan): boolean {
  return span.supersededBy === undefined;
}

/**
 * The stored unit of tracking: one system and task category during
 * one stretch of attention to one tab. It holds evidence, not conclusions —
 * the seconds with input and the seconds the tab was seen attended — so active
 * time can be recomputed for any threshold. It never holds a URL, title,
 * query, page text or tab id.
 */
export interface ActivitySpan {
  id: string;
  systemId: string;
  category: TaskCategory;
  source: ActivitySource;
  /** Epoch ms of the first evidence second. */
  start: number;
  /** Epoch ms just after the last evidence second. */
  end: number;
  /** Local date of `start` (the counted time is split per day in rollups). */
  date: LocalDateKey;
  /** Seconds with input, as runs relative to `start / 1000`. */
  input: Runs;
  /** Changed by hand (relabelled, split, times edited): derived from `originalId`, which is kept. */
  edited?: boolean;
  /** The record this one was derived from by a correction (the first original, never a chain). */
  originalId?: string;
  /** Set when a correction replaced or deleted this record: it no longer counts, but is kept. */
  supersededBy?: string;
  /** A timer stopped at its limit, or time from an idle review: worth a look. */
  flaggedForReview?: boolean;
  /** A private note on a manual entry: stays on this device, never exported. */
  note?: string;
  /** True when this span began within 5 minutes of a span of another system or category (fragmentation). */
  switched?: boolean;
  /** Seconds the tab was seen attended (focused, visible; with or without input), relative to `start / 1000`. A superset of `input`. */
  attended: Runs;
  /**
   * Milliseconds at the start of the first evidence second and at the end of
   * the last that are not this span's, because a page load measured to the
   * millisecond began or ended inside that second (loadEdges.ts). They are not
   * counted. Absent when both are 0.
   */
  loadEdgeMs?: [number, number];
}

/** The fields that make two reports continue the same span. Volatile fields (a title, a URL, a tab id) stay out: a key that changed with them would split one stretch of work into many spans. */
export function spanKey(systemId: string, category: TaskCategory): string {
  return `${systemId}\u0000${category}`;
}
