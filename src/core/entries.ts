import type { ActivitySource } from './activitySpan.js';
import type { LocalDateKey } from './localDate.js';
import type { TaskCategory } from './taskCategory.js';

/**
 * The day timeline as the dashboard shows and corrects it: every stored
 * record of one local day, automatic or manual, with what it counts.
 */
export interface DayEntry {
  id: string;
  /** '' when a manual entry names no system. */
  systemId: string;
  systemName: string;
  category: TaskCategory;
  source: ActivitySource;
  start: number;
  end: number;
  /** What the entry counts on this day under the headline definition, after the overlap rule. */
  activeMs: number;
  /** Changed by hand (relabelled, split, times edited); the original is kept. */
  edited: boolean;
  /** A timer stopped at its limit, or time assigned in an idle review: worth a look. */
  flaggedForReview: boolean;
  /** A private note: stays on this device, never exported. */
  note?: string;
}

export interface DayEntries {
  date: LocalDateKey;
  entries: DayEntry[];
  totalMs: number;
  /** Active ms from manual entries, timers and hand-edited records: how much was corrected by hand. */
  correctedMs: number;
  /** What "Undo" would undo, if anything. */
  undo: { label: string } | null;
}

/** A change to the record, from the dashboard. Every change keeps the originals and can be undone. */
export type EntryChange =
  | { kind: 'add'; start: number; end: number; category: TaskCategory; systemId?: string; note?: string }
  | { kind: 'edit'; id: string; start?: number; end?: number; category?: TaskCategory; systemId?: string; note?: string }
  | { kind: 'split'; id: string; at: number }
  | { kind: 'delete'; id: string };

export type ChangeResult = { ok: true } | { ok: false; error: string };

/** A running manual timer as the popup shows it. */
export interface TimerView {
  category: TaskCategory;
  systemId?: string;
  systemName?: string;
  startedAt: number;
  limitAt: number;
}

/**
 * After an idle stretch longer than the threshold while a timer ran or a
 * clinical tab was focused, the clinician decides what it was.
 */
export interface IdleReview {
  from: number;
  to: number;
  /** What was going on: a timer running, or a clinical tab focused. */
  during: 'timer' | 'tab';
  category: TaskCategory;
  systemId?: string;
}

export type IdleReviewAction = { action: 'keep' } | { action: 'discard' } | { action: 'assign'; category: TaskCategory; systemId?: string };
