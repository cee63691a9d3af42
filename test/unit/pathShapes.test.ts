import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/background/worker.js';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/core/settings.js';
import { CANARY_ID, CANARY_STRINGS, canaryUrl } from '../fixtures/demo/canary.mjs';
import { dumpEverything, EXTENSION_ID, EXTENSION_ORIGIN, fakePorts } from '../support/fakePorts.js';

const BASE = 'http://127.0.0.1:4321';
const popup = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}dashboard.html` };
const page = (url: string) => ({ id: EXTENSION_ID, url, tab: { id: 5 }, frameId: 0 });
const system = (rules: unknown[]) => ({ id: 'demo', name: 'Demo', matches: ['http://127.0.0.1/*'], rules, useGenericRules: true, signInPatterns: [] });

describe('suggested rules: path shapes in the worker', () => {
  let f: ReturnType<typeof fakePorts>;
  beforeEach(() => {
    f = fakePorts(Date.parse('2026-05-12T08:00:00Z'));
    f.reset();
  });
  afterEach(() => f.reset());

  async function visit(w: ReturnType<typeof createWorker>) {
    for (const p of ['notes', 'notes', 'results', 'record', 'search'] as const) await w.handleMessage({ type: 'contentConfig', body: {} }, page(canaryUrl(BASE, p)) as never);
  }

  it('tallies masked shapes for a system with no rules, shows no canary detail, and stores nothing', async () => {
    await f.storage.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, systems: [system([])] } });
    const w = createWorker(f.ports);
    await w.onStart();
    const before = await dumpEverything(f.ports);
    await visit(w);
    const answer = await w.handleMessage({ type: 'getPathShapes', body: { systemId: 'demo' } }, popup as never);
    expect(answer).toEqual({
      shapes: [
        { shape: '/patients/*/notes', visits: 2 },
        { shape: '/patients/*/record', visits: 1 },
        { shape: '/patients/*/results', visits: 1 },
        { shape: '/patients/search', visits: 1 },
      ],
    });
    for (const s of [...CANARY_STRINGS, CANARY_ID, '4321']) expect(JSON.stringify(answer)).not.toContain(s);
    // Memory only: the store and storage.local are exactly as before.
    expect(await dumpEverything(f.ports)).toBe(before);
    // A fresh worker (the old one killed) knows none.
    expect(await createWorker(f.ports).handleMessage({ type: 'getPathShapes', body: { systemId: 'demo' } }, popup as never)).toEqual({ shapes: [] });
  });

  it('keeps none for a system with rules of its own, and answers only extension pages', async () => {
    await f.storage.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, systems: [system([{ path: '/inbox*', category: 'inbox_messaging', priority: 0 }])] } });
    const w = createWorker(f.ports);
    await w.onStart();
    await visit(w);
    expect(await w.handleMessage({ type: 'getPathShapes', body: { systemId: 'demo' } }, popup as never)).toEqual({ shapes: [] });
    expect(await w.handleMessage({ type: 'getPathShapes', body: { systemId: 'demo' } }, page(canaryUrl(BASE, 'notes')) as never)).toBeUndefined();
    expect(await w.handleMessage({ type: 'getPathShapes', body: { systemId: 'nope' } }, popup as never)).toEqual({ shapes: [] });
  });
});
