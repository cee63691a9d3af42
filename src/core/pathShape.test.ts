import { describe, expect, it } from 'vitest';
import { maskSegment, pathShape, PathShapeTally, urlPathShape, MAX_SHAPES_PER_SYSTEM } from './pathShape.js';
import { globMatches } from './classificationRules.js';

const CANARY_NAME = 'Canary Testpatient-Zzyzx';
const CANARY_NHS = '9434765919';
const CANARY_STRINGS = [CANARY_NAME, 'Testpatient-Zzyzx', 'Zzyzx', CANARY_NHS, '943 476 5919'];

describe('maskSegment', () => {
  it.each([
    ['notes', 'notes'],
    ['patient-search', 'patient-search'],
    ['advice_and_guidance', 'advice_and_guidance'],
    [CANARY_NHS, '*'],
    ['943%20476%205919', '*'],
    ['p-canary', '*'],
    ['pt-smith', '*'],
    ['Canary%20Testpatient-Zzyzx', '*'],
    ['Zzyzx', '*'],
    ['3f2504e0-4f89-11d3-9a0c-0305e82c3301', '*'],
    ['deadbeef-cafe-babe', '*'],
    ['2026-12-02', '*'],
    ['record42', '*'],
    ['index.html', '*'],
    ['x', '*'],
    ['a'.repeat(25), '*'],
  ])('%s → %s', (segment, masked) => {
    expect(maskSegment(segment)).toBe(masked);
  });
});

describe('pathShape', () => {
  it.each([
    ['/', '/'],
    ['/inbox', '/inbox'],
    ['/patients/p-canary/notes', '/patients/*/notes'],
    [`/patients/${CANARY_NHS}/results/3f2504e0-4f89-11d3-9a0c-0305e82c3301`, '/patients/*/results/*'],
    ['/ab/1/2/3/notes', '/ab/*/notes'],
    ['/one/two/three/four/five/six/seven/eight', '/one/two/three/four/five/six/*'],
    ['/patients/', '/patients/'],
  ])('%s → %s', (path, shape) => {
    expect(pathShape(path)).toBe(shape);
  });

  it('reads the path only: never the query, fragment or host', () => {
    expect(urlPathShape(`http://127.0.0.1:4321/patients/p-canary/notes?nhs=${CANARY_NHS}&name=${encodeURIComponent(CANARY_NAME)}#${CANARY_NHS}`)).toBe('/patients/*/notes');
    expect(urlPathShape('chrome://extensions')).toBeNull();
    expect(urlPathShape('not a url')).toBeNull();
  });

  it('a shape used as a rule path matches the pages it came from', () => {
    expect(globMatches(pathShape('/patients/p-canary/notes'), '/patients/p-other/notes')).toBe(true);
    expect(globMatches(pathShape('/patients/p-canary/notes'), '/patients/p-other/results')).toBe(false);
  });
});

describe('PathShapeTally', () => {
  it('counts shapes per system, most visited first, and never holds the canary', () => {
    const tally = new PathShapeTally();
    const base = 'http://127.0.0.1:4321';
    for (const page of ['notes', 'notes', 'results', 'prescribing'])
      tally.add('demo', `${base}/patients/p-canary/${page}?nhs=${CANARY_NHS}&name=${encodeURIComponent(CANARY_NAME)}`);
    tally.add('demo', `${base}/patients/search?q=${CANARY_NHS}`);
    tally.add('other', `${base}/inbox`);
    expect(tally.shapes('demo')).toEqual([
      { shape: '/patients/*/notes', visits: 2 },
      { shape: '/patients/*/prescribing', visits: 1 },
      { shape: '/patients/*/results', visits: 1 },
      { shape: '/patients/search', visits: 1 },
    ]);
    const all = JSON.stringify([tally.shapes('demo'), tally.shapes('other')]);
    for (const s of [...CANARY_STRINGS, 'p-canary', '4321', '127.0.0.1']) expect(all).not.toContain(s);
    tally.forget('demo');
    expect(tally.shapes('demo')).toEqual([]);
  });

  it('keeps at most a bounded number of shapes per system', () => {
    const tally = new PathShapeTally();
    const words = Array.from({ length: MAX_SHAPES_PER_SYSTEM + 10 }, (_, i) => `page${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${'abcdefghijklmnopqrstuvwxyz'[Math.floor(i / 26)]}`);
    for (const w of words) tally.add('s', `https://x.example.nhs.uk/${w}`);
    expect(tally.shapes('s')).toHaveLength(MAX_SHAPES_PER_SYSTEM);
  });
});
