import { describe, expect, it } from 'vitest';
import { unionRuns, type Runs } from '../core/runs.js';
import type { TaskCategory } from '../core/taskCategory.js';
import { ActivitySensor, FLUSH_MS, INPUT_EVENTS, inputListener, TICK_MS } from './activitySensor.js';

/** A page with an injected wall clock, monotonic clock, focus and route, and a timer we drive by hand. */
function page(startMs = Date.parse('2026-05-12T08:00:00Z')) {
  const env = {
    wall: startMs,
    mono: 1_000,
    attended: true,
    category: 'documentation' as TaskCategory,
    ticking: false,
    nextTickAt: Infinity,
    sent: [] as Array<{ category: TaskCategory; input: Runs; attended: Runs }>,
  };
  const sensor = new ActivitySensor({
    now: () => env.wall,
    monotonic: () => env.mono,
    attendedNow: () => env.attended,
    category: () => env.category,
    send: (r) => env.sent.push(r),
    startTicking: () => {
      env.ticking = true;
      env.nextTickAt = env.mono + TICK_MS;
    },
    stopTicking: () => {
      env.ticking = false;
      env.nextTickAt = Infinity;
    },
  });
  const advance = (ms: number) => {
    // Time passes; the interval timer fires every TICK_MS while running.
    const target = env.mono + ms;
    while (env.nextTickAt <= target) {
      env.wall += env.nextTickAt - env.mono;
      env.mono = env.nextTickAt;
      env.nextTickAt += TICK_MS;
      sensor.tick();
    }
    env.wall += target - env.mono;
    env.mono = target;
  };
  const base = Math.floor(startMs / 1000);
  const rel = (runs: Runs) => runs.map((s) => s - base);
  return { env, sensor, advance, rel };
}

describe('ActivitySensor', () => {
  it('counts text that arrives with no key or pointer event (dictation, input methods) as input, trusted only', () => {
    for (const type of ['beforeinput', 'input', 'compositionstart', 'compositionupdate', 'compositionend']) expect(INPUT_EVENTS).toContain(type);
    for (const type of ['keydown', 'pointerdown', 'wheel', 'scroll', 'pointermove']) expect(INPUT_EVENTS).toContain(type);
    const { env, sensor, advance, rel } = page();
    const listener = inputListener(sensor);
    // Ten seconds of dictation: an input event every 300 ms, and a page script's forged ones between.
    for (let ms = 0; ms < 10_000; ms += 300) {
      listener({ isTrusted: true });
      listener({ isTrusted: false });
      advance(300);
    }
    sensor.flush();
    const input = env.sent.map((r) => rel(r.input)).reduce((all, runs) => unionRuns(all, runs), []);
    expect(input).toEqual([0, 10]);
  });

  it('ignores untrusted text events', () => {
    const { env, sensor } = page();
    const listener = inputListener(sensor);
    for (let i = 0; i < 50; i++) listener({ isTrusted: false });
    sensor.flush();
    expect(env.sent).toEqual([]);
  });

  it('records each second with input once, however many events', () => {
    const { env, sensor, rel } = page();
    for (let i = 0; i < 100; i++) sensor.onInput();
    sensor.flush();
    expect(env.sent).toHaveLength(1);
    expect(rel(env.sent[0]!.input)).toEqual([0, 1]);
  });

  it('reports at most once per 10 s from ticks during continuous activity (≤ 6 a minute)', () => {
    const { env, sensor, advance } = page();
    for (let ms = 0; ms < 60_000; ms += 250) {
      sensor.onInput();
      advance(250);
    }
    expect(env.sent.length).toBeLessThanOrEqual(60_000 / FLUSH_MS);
    expect(env.sent.length).toBeGreaterThanOrEqual(5);
  });

  it('marks attended seconds while reading, and stops sensing 300 s after the last input', () => {
    const { env, sensor, advance, rel } = page();
    sensor.onInput();
    advance(400_000);
    expect(env.ticking).toBe(false);
    const attended = env.sent.flatMap((r) => rel(r.attended));
    expect(attended[0]).toBe(0);
    expect(Math.max(...attended)).toBeLessThanOrEqual(301);
    expect(Math.max(...attended)).toBeGreaterThanOrEqual(295);
  });

  it('keeps attention continuous across a report boundary (no holes after typing stops)', () => {
    // Ticks fall mid-second, as they do in a real page.
    const { env, sensor, advance, rel } = page(Date.parse('2026-05-12T08:00:00.700Z'));
    // The last keystroke lands just after a report went: the next tick must still join up.
    for (let ms = 0; ms < 15_750; ms += 250) {
      sensor.onInput();
      advance(250);
    }
    advance(35_000);
    sensor.flush();
    const attended = env.sent.reduce<number[]>((all, r) => all.concat(rel(r.attended)), []);
    // Merge the reports' runs: they must tile [0, ~51) without a hole.
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < attended.length; i += 2) pairs.push([attended[i]!, attended[i + 1]!]);
    pairs.sort((a, b) => a[0] - b[0]);
    let end = pairs[0]![1];
    for (const [s, e] of pairs.slice(1)) {
      expect(s).toBeLessThanOrEqual(end);
      end = Math.max(end, e);
    }
    expect(end).toBeGreaterThanOrEqual(50);
  });

  it('does not mark attention across sleep (the clocks disagree) or a wall-clock jump', () => {
    const { env, sensor, advance, rel } = page();
    sensor.onInput();
    advance(TICK_MS);
    // Laptop sleeps for an hour: the wall clock moves, the timer did not fire.
    env.wall += 3_600_000;
    sensor.tick();
    sensor.flush();
    const attended = env.sent.flatMap((r) => rel(r.attended));
    expect(Math.max(...attended)).toBeLessThanOrEqual(6);
  });

  it('marks nothing while the page is not attended and reports at once when attention is lost', () => {
    const { env, sensor, advance, rel } = page();
    sensor.onInput();
    advance(3_000);
    env.attended = false;
    sensor.onAttentionLost();
    expect(env.sent).toHaveLength(1);
    expect(env.ticking).toBe(false);
    advance(60_000);
    expect(env.sent).toHaveLength(1);
    expect(rel(env.sent[0]!.attended)).toEqual([0, 4]);
  });

  it('reports evidence under the category it happened in when the route changes', () => {
    const { env, sensor, advance } = page();
    sensor.onInput();
    advance(2_000);
    env.category = 'results_review';
    sensor.onRouteMaybeChanged();
    sensor.onInput();
    sensor.flush();
    expect(env.sent.map((r) => r.category)).toEqual(['documentation', 'results_review']);
  });

  it('ignores attention gained while the page is not actually attended', () => {
    const { env, sensor } = page();
    env.attended = false;
    sensor.onAttentionGained();
    sensor.flush();
    expect(env.sent).toHaveLength(0);
  });
});
