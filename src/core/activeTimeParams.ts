/**
 * The parameters of the active-time definition (docs/active-time.md).
 *
 * A second counts as active when the clinical tab was attended (the focused
 * window's active tab, visible, screen unlocked, tracking not paused) and
 * either input happened in it, or it lies in a gap between two inputs no
 * longer than τ with the tab attended throughout, or it lies within the
 * reading allowance R after an input while the tab stayed attended.
 */
export interface ActiveTimeParams {
  /** τ, inactivity threshold in seconds: gaps between inputs up to τ are bridged. */
  inactivityThresholdSec: number;
  /** R, reading allowance in seconds: after an input, up to R seconds of attended reading count. */
  readingAllowanceSec: number;
}

export const DEFAULT_ACTIVE_TIME: ActiveTimeParams = {
  inactivityThresholdSec: 60,
  readingAllowanceSec: 60,
};

/** The thresholds every day rollup also keeps (input-gap rule, no reading allowance), for sensitivity. */
export const SENSITIVITY_THRESHOLDS_SEC = [5, 30, 60, 300] as const;
export type SensitivityThreshold = (typeof SENSITIVITY_THRESHOLDS_SEC)[number];

/** Evidence is kept this long after the last input so that every τ ≤ 300 s can be recomputed. */
export const MAX_THRESHOLD_SEC = 300;

/** The smallest threshold anyone can ask for: input gaps this short are always bridged, so spans may merge them. */
export const MIN_THRESHOLD_SEC = 5;
