import { describe, expect, it } from 'vitest';
import { CHAIN_MS, SoftNavigation, softWaitEnd, WATCH_MS, type RequestTiming } from './softNavigation.js';

const fetchAt = (startTime: number, responseEnd: number, initiatorType = 'fetch'): RequestTiming => ({ initiatorType, startTime, responseEnd });

describe('soft-navigation wait: when the new view is ready', () => {
  it.each([
    ['no request: the route change itself', [], 1_050],
    ['the view\'s data, 2.5 s', [fetchAt(1_010, 3_500)], 3_500],
    ['a chain: a second request started as the first answered', [fetchAt(1_010, 2_000), fetchAt(2_050, 3_200, 'xmlhttprequest')], 3_200],
    ['a request started long after the chain (polling) is not part of it', [fetchAt(1_010, 2_000), fetchAt(4_000, 9_000)], 2_000],
    ['a request started before the action (a poll in flight) is not part of it', [fetchAt(900, 6_000)], 1_050],
    ['images and scripts are not data requests', [fetchAt(1_010, 5_000, 'img')], 1_050],
  ])('%s', (_name, requests, end) => {
    expect(softWaitEnd(1_000, 1_050, requests)).toBe(end);
  });
});

describe('SoftNavigation', () => {
  function world() {
    const env = { now: 0, timers: [] as Array<{ at: number; fn: () => void }>, reports: [] as Array<[number, number]>, requests: [] as RequestTiming[], watching: 0 };
    const soft = new SoftNavigation({
      now: () => env.now,
      watchRequests: () => {
        env.watching++;
        return () => {
          env.watching--;
          return env.requests;
        };
      },
      later: (fn, ms) => env.timers.push({ at: env.now + ms, fn }),
      report: (from, to) => env.reports.push([from, to]),
    });
    const advance = (ms: number) => {
      env.now += ms;
      for (const t of env.timers.filter((x) => x.at <= env.now)) {
        env.timers.splice(env.timers.indexOf(t), 1);
        t.fn();
      }
    };
    return { env, soft, advance };
  }

  it('measures a click followed by a route change, and reports once the requests were watched', () => {
    const { env, soft, advance } = world();
    env.now = 1_000;
    soft.onAction();
    advance(20);
    soft.onRoute();
    env.requests.push(fetchAt(1_030, 3_500));
    advance(WATCH_MS);
    expect(env.reports).toEqual([[1_000, 3_500]]);
    expect(env.watching).toBe(0);
  });

  it('measures nothing without a route change (typing, polling), and stops watching', () => {
    const { env, soft, advance } = world();
    soft.onAction();
    env.requests.push(fetchAt(10, 2_000));
    advance(CHAIN_MS + 1);
    soft.onRoute();
    advance(WATCH_MS);
    expect(env.reports).toEqual([]);
    expect(env.watching).toBe(0);
  });

  it('measures nothing for a route change no action started (a redirect by the app, the back button without a click)', () => {
    const { env, soft, advance } = world();
    soft.onRoute();
    advance(WATCH_MS);
    expect(env.reports).toEqual([]);
  });

  it('a second route change during a wait is the same wait', () => {
    const { env, soft, advance } = world();
    soft.onAction();
    soft.onRoute();
    soft.onAction();
    soft.onRoute();
    advance(WATCH_MS);
    expect(env.reports).toHaveLength(1);
    expect(env.watching).toBe(0);
  });
});
