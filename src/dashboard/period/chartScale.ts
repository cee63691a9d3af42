/** Axis scales shared by the hand-drawn charts. */
import { t } from '../../ui/i18n.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Round tick steps a reader can add up at a glance. */
const STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720];
const MAX_TICKS = 5;

/** The axis top (a whole number of steps, never 0) and the tick values from 0 up to it. */
export function durationTicks(maxMs: number): { top: number; ticks: number[] } {
  const stepMs = (STEPS_MIN.find((m) => maxMs <= m * MINUTE_MS * MAX_TICKS) ?? STEPS_MIN[STEPS_MIN.length - 1]!) * MINUTE_MS;
  const count = Math.max(1, Math.ceil(maxMs / stepMs));
  return { top: count * stepMs, ticks: Array.from({ length: count + 1 }, (_, i) => i * stepMs) };
}

/** A tick label: "0", "30 min", "2 h". */
export function durationTickLabel(ms: number): string {
  if (ms === 0) return '0';
  if (ms % HOUR_MS === 0) return t('dash_axisHours', ms / HOUR_MS);
  return t('dash_axisMinutes', Math.round(ms / MINUTE_MS));
}
