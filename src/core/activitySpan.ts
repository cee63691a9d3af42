import type { LocalDateKey } from './localDate.js';
import type { Runs } from './runs.js';
import type { TaskCategory } from './taskCategory.js';

/** Where a record came from. Manual entries and timers arrive in a later version. */
export type ActivitySource = 'auto' | 'manual' | 'timer';

/**
 * The stored unit of automatic tracking: one system and task category during
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
  /** True when this span began within 5 minutes of a span of another system or category (fragmentation). */
  switched?: boolean;
  /** Seconds the tab was seen attended (focused, visible; with or without input), relative to `start / 1000`. A superset of `input`. */
  attended: Runs;
}

/** The fields that make two reports continue the same span. Volatile fields stay out (lessons-from-peers 3). */
export function spanKey(systemId: string, category: TaskCategory): string {
  return `${systemId}\u0000${category}`;
}
