import { describe, expect, it } from 'vitest';
import { pageLoadWait } from './pageLoad.js';

const ORIGIN = Date.parse('2026-05-12T08:00:00.250Z');

describe('pageLoadWait: which document loads are booked as waiting', () => {
  it.each([
    // [case, navigation entry, script started at (ms since timeOrigin), booked]
    ['a load the script saw from document_start (2.5 s)', { startTime: 0, loadEventEnd: 2500 }, 3, { seconds: [1778572800, 1778572803], loadStartMs: ORIGIN, pageLoadMs: 2500 }],
    ['a script injected while the page was still loading', { startTime: 0, loadEventEnd: 1800 }, 900, { seconds: [1778572800, 1778572803], loadStartMs: ORIGIN, pageLoadMs: 1800 }],
    ['a script injected into a tab loaded minutes ago (Track this site)', { startTime: 0, loadEventEnd: 1200 }, 240_000, undefined],
    ['a script injected just after the load ended', { startTime: 0, loadEventEnd: 1200 }, 1200, undefined],
    ['a load that has not finished', { startTime: 0, loadEventEnd: 0 }, 3, undefined],
    ['no navigation entry', undefined, 3, undefined],
  ])('%s', (_case, nav, startedAt, expected) => {
    expect(pageLoadWait(nav, ORIGIN, startedAt)).toEqual(expected);
  });
});
