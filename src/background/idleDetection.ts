/** OS idle is reported after this long without input anywhere: the largest threshold, so no τ is cut short. */
export const IDLE_DETECTION_SEC = 300;
