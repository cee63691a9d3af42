import { MAX_THRESHOLD_SEC } from '../core/activeTimeParams.js';
import { appendRange, type Runs } from '../core/runs.js';
import type { TaskCategory } from '../core/taskCategory.js';

/** How often the sensor looks at the page while it matters (after input, within the largest threshold). */
export const TICK_MS = 5_000;
/** At most one report per this interval from ticks: ≤ 6 a minute of continuous activity. */
export const FLUSH_MS = 10_000;

export interface SensorDeps {
  /** Wall clock, epoch ms. */
  now(): number;
  /** Monotonic clock, ms: disagreement with the wall clock means a clock change or sleep. */
  monotonic(): number;
  /** Focused window and visible tab, as the page sees it. */
  attendedNow(): boolean;
  /** The page's task category, classified in the page. */
  category(): TaskCategory;
  send(report: { category: TaskCategory; input: Runs; attended: Runs }): void;
  startTicking(): void;
  stopTicking(): void;
}

/**
 * Turns page events into compact evidence: the seconds with input and the
 * seconds the page was attended. It does no work while the page is hidden,
 * at most a comparison per input event, and reports at a bounded rate.
 */
export class ActivitySensor {
  private input: Runs = [];
  private attended: Runs = [];
  private lastInputSec = -Infinity;
  private ticking = false;
  private tickWall = 0;
  private tickMono = 0;
  private lastFlushMono = -Infinity;
  private currentCategory: TaskCategory;

  constructor(private readonly deps: SensorDeps) {
    this.currentCategory = deps.category();
  }

  /** A trusted input event (key, pointer, wheel, scroll, movement). Hot path: keep it tiny. */
  onInput(): void {
    const sec = Math.floor(this.deps.now() / 1000);
    if (sec === this.lastInputSec) return;
    this.mark(sec);
  }

  /** The page gained attention (loaded focused, focus, visible) — a deliberate act by the clinician. */
  onAttentionGained(): void {
    if (!this.deps.attendedNow()) return;
    this.mark(Math.floor(this.deps.now() / 1000));
  }

  /** The page lost attention (blur, hidden, unload): account up to now and report at once. */
  onAttentionLost(): void {
    if (this.ticking) this.accountAttendedSinceLastTick(true);
    this.flush();
    this.stop();
  }

  /** Re-check the category (SPA route change): evidence so far belongs to the old one. */
  onRouteMaybeChanged(): void {
    const next = this.deps.category();
    if (next === this.currentCategory) return;
    if (this.ticking) this.accountAttendedSinceLastTick(this.deps.attendedNow());
    this.flush();
    this.currentCategory = next;
    this.onAttentionGained();
    // The new category goes at once, with its first second: the tab's frames book under it from now.
    this.announce();
  }

  tick(): void {
    this.accountAttendedSinceLastTick(this.deps.attendedNow());
    this.onRouteMaybeChanged();
    const pending = this.input.length > 0 || this.attended.length > 0;
    if (pending && this.deps.monotonic() - this.lastFlushMono >= FLUSH_MS) this.flush();
    const quietSec = this.deps.now() / 1000 - this.lastInputSec;
    if (quietSec > MAX_THRESHOLD_SEC + TICK_MS / 1000 && this.input.length === 0 && this.attended.length === 0) this.stop();
  }

  /**
   * Report now, even with no evidence: the top page tells the worker its
   * category as it arrives, so evidence from its frames is booked under it.
   */
  announce(): void {
    if (this.input.length > 0 || this.attended.length > 0) return this.flush();
    this.lastFlushMono = this.deps.monotonic();
    this.deps.send({ category: this.currentCategory, input: [], attended: [] });
  }

  flush(): void {
    if (this.input.length === 0 && this.attended.length === 0) return;
    const report = { category: this.currentCategory, input: this.input, attended: this.attended };
    this.input = [];
    this.attended = [];
    this.lastFlushMono = this.deps.monotonic();
    this.deps.send(report);
  }

  private mark(sec: number): void {
    this.lastInputSec = sec;
    appendRange(this.input, sec, sec + 1);
    appendRange(this.attended, sec, sec + 1);
    if (!this.ticking) this.start();
  }

  private start(): void {
    this.ticking = true;
    this.tickWall = this.deps.now();
    this.tickMono = this.deps.monotonic();
    this.deps.startTicking();
  }

  private stop(): void {
    if (!this.ticking) return;
    this.ticking = false;
    this.deps.stopTicking();
  }

  /**
   * The seconds since the last tick were attended if the page is attended now
   * and the two clocks agree (no sleep, no clock change, no throttled gap).
   * Evidence stops MAX_THRESHOLD_SEC after the last input: nothing later can count.
   */
  private accountAttendedSinceLastTick(attendedNow: boolean): void {
    const wall = this.deps.now();
    const mono = this.deps.monotonic();
    const dMono = mono - this.tickMono;
    const trustworthy = Math.abs(wall - this.tickWall - dMono) < 1500 && dMono <= 2 * TICK_MS + 1000;
    if (attendedNow && trustworthy) {
      const from = Math.floor(this.tickWall / 1000);
      const to = Math.min(Math.floor(wall / 1000) + 1, this.lastInputSec + MAX_THRESHOLD_SEC + 1);
      appendRange(this.attended, from, to);
    }
    this.tickWall = wall;
    this.tickMono = mono;
  }
}

/**
 * Every trusted way the clinician's input reaches a page: keys, pointers,
 * wheel and scrolling, and the events that carry text without any key or
 * pointer event — dictation (speech recognition such as Dragon), input methods
 * and pasting arrive only as `beforeinput`/`input` and composition events.
 * All go to the same listener, at the same cost per event.
 */
export const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'scroll', 'pointermove', 'beforeinput', 'input', 'compositionstart', 'compositionupdate', 'compositionend'] as const;

/**
 * The listener on every input event of the page. Synthetic events from page
 * scripts cannot make time; a trusted one costs a clock read and, once a
 * second, a run append. Exported so the benchmark times this exact code.
 */
export function inputListener(sensor: Pick<ActivitySensor, 'onInput'>): (event: Pick<Event, 'isTrusted'>) => void {
  return (event) => {
    if (event.isTrusted) sensor.onInput();
  };
}
