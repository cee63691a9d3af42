import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/background/worker.js';
import { TIMER_ALARM } from '../../src/background/manualLogging.js';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/core/settings.js';
import { rollupsFromRecords } from '../../src/core/dayRollup.js';
import type { DayEntries } from '../../src/core/entries.js';
import type { TodaySummary } from '../../src/core/todaySummary.js';
import { DEFAULT_ACTIVE_TIME } from '../../src/core/activeTimeParams.js';
import { readAllRecords } from '../../src/store/dataStore.js';
import { EXTENSION_ID, EXTENSION_ORIGIN, fakePorts } from '../support/fakePorts.js';

const T0 = Date.parse('2026-05-12T08:00:00Z'); // 09:00 BST
const T0_SEC = T0 / 1000;
const MIN = 60_000;
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  systems: [{ id: 'demo-ehr', name: 'Demo EHR', matches: ['http://127.0.0.1/*'], rules: [], useGenericRules: false, signInPatterns: [] }],
  desktopSystems: [{ id: 'emis-web', name: 'EMIS Web' }],
};
const page = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html` };
const tab = (tabId: number) => ({ id: EXTENSION_ID, url: 'http://127.0.0.1:4321/inbox', tab: { id: tabId }, frameId: 0 });
const activity = (from: number, to: number, category = 'documentation') => ({
  type: 'activity',
  body: { systemId: 'demo-ehr', category, input: [T0_SEC + from, T0_SEC + to], attended: [T0_SEC + from, T0_SEC + to] },
});

describe('manual logging (fake browser, fake-indexeddb)', () => {
  let f: ReturnType<typeof fakePorts>;
  let w: ReturnType<typeof createWorker>;
  const send = async <T,>(type: string, body: object = {}) => (await w.handleMessage({ type, body }, page)) as T;
  const today = () => send<TodaySummary>('getToday');
  const day = () => send<DayEntries>('getDayEntries', { date: '2026-05-12' });
  const at = (ms: number) => (f.world.nowMs = T0 + ms);

  beforeEach(async () => {
    f = fakePorts(T0);
    f.reset();
    await f.storage.set({ [SETTINGS_KEY]: settings });
    f.world.focusedTabId = 7;
    w = createWorker(f.ports);
    await w.onStart();
  });
  afterEach(() => f.reset());

  it('a timer survives the worker being killed and stops with the right duration', async () => {
    await send('startTimer', { category: 'direct_care', systemId: 'emis-web' });
    expect(f.world.badge.text).not.toBe('');
    expect(f.world.alarms.get(TIMER_ALARM)).toBe(T0 + 4 * 3600_000);
    at(10 * MIN);
    expect((await today()).timer).toMatchObject({ category: 'direct_care', systemName: 'EMIS Web', startedAt: T0 });
    expect((await today()).totalMs).toBe(10 * MIN);
    // The browser kills the worker: a new one has empty globals.
    w = createWorker(f.ports);
    at(25 * MIN);
    const after = await send<TodaySummary>('stopTimer');
    expect(after.timer).toBeNull();
    expect(after.totalMs).toBe(25 * MIN);
    expect(after.byCategory).toEqual([{ category: 'direct_care', ms: 25 * MIN }]);
    expect(f.world.badge.text).toBe('');
    expect(f.world.alarms.has(TIMER_ALARM)).toBe(false);
    expect((await day()).entries.map((e) => [e.source, e.systemName, e.activeMs, e.flaggedForReview])).toEqual([['timer', 'EMIS Web', 25 * MIN, false]]);
  });

  it('a timer left running is stopped at its limit and flagged, on the alarm or on the next start', async () => {
    await send('startTimer', { category: 'non_ehr' });
    at(5 * 3600_000);
    w = createWorker(f.ports);
    await w.onAlarm(TIMER_ALARM);
    const entries = (await day()).entries;
    expect(entries.map((e) => [e.activeMs, e.flaggedForReview])).toEqual([[4 * 3600_000, true]]);
    expect((await today()).timer).toBeNull();
  });

  it('automatic tracking is suspended while a timer runs: the same minutes never count twice', async () => {
    await send('startTimer', { category: 'non_ehr' });
    at(60_000);
    await w.handleMessage(activity(0, 60), tab(7));
    expect((await today()).byCategory).toEqual([{ category: 'non_ehr', ms: 60_000 }]);
  });

  it('a manual entry over tracked time wins: tracked seconds inside it stop counting, and count again when it is deleted', async () => {
    at(600_000);
    await w.handleMessage(activity(0, 600), tab(7)); // 10 min tracked documentation
    expect((await today()).totalMs).toBe(10 * MIN);
    const added = await send<{ ok: boolean }>('changeEntry', { kind: 'add', start: T0 + 2 * MIN, end: T0 + 5 * MIN, category: 'direct_care' });
    expect(added).toEqual({ ok: true });
    const s = await today();
    expect(s.totalMs).toBe(10 * MIN);
    expect(Object.fromEntries(s.byCategory.map((c) => [c.category, c.ms]))).toEqual({ documentation: 7 * MIN, direct_care: 3 * MIN });
    const entries = await day();
    expect(entries.correctedMs).toBe(3 * MIN);
    const manual = entries.entries.find((e) => e.source === 'manual')!;
    await send('changeEntry', { kind: 'delete', id: manual.id });
    expect((await today()).byCategory).toEqual([{ category: 'documentation', ms: 10 * MIN }]);
  });

  it('refuses an entry that overlaps another, in the future, or back to front — and changes nothing', async () => {
    at(60 * MIN);
    await send('changeEntry', { kind: 'add', start: T0, end: T0 + 10 * MIN, category: 'non_ehr' });
    const before = await today();
    for (const [change, message] of [
      [{ kind: 'add', start: T0 + 5 * MIN, end: T0 + 15 * MIN, category: 'non_ehr' }, 'overlaps your entry 09:00–09:10'],
      [{ kind: 'add', start: T0 + 70 * MIN, end: T0 + 80 * MIN, category: 'non_ehr' }, 'future'],
      [{ kind: 'add', start: T0 + 30 * MIN, end: T0 + 20 * MIN, category: 'non_ehr' }, 'after the start'],
      [{ kind: 'add', start: T0 + 30 * MIN, end: T0 + 40 * MIN, category: 'gossip' }, 'Choose a task'],
      [{ kind: 'add', start: T0 + 30 * MIN, end: T0 + 40 * MIN, category: 'non_ehr', systemId: 'unknown' }, 'Choose a system'],
      [{ kind: 'split', id: 'nope', at: T0 }, 'no longer exists'],
    ] as const) {
      const r = await send<{ ok: boolean; error?: string }>('changeEntry', change);
      expect(r.ok).toBe(false);
      expect(r.error).toContain(message);
    }
    expect(await today()).toEqual(before);
  });

  it('relabels a tracked record: the original is kept, the figures say it was corrected, and undo restores it', async () => {
    at(300_000);
    await w.handleMessage(activity(0, 300), tab(7));
    const [tracked] = (await day()).entries;
    expect(await send('changeEntry', { kind: 'edit', id: tracked!.id, category: 'results_review' })).toEqual({ ok: true });
    const relabelled = await day();
    expect(relabelled.entries.map((e) => [e.category, e.edited, e.activeMs])).toEqual([['results_review', true, 5 * MIN]]);
    expect(relabelled.correctedMs).toBe(5 * MIN);
    expect(relabelled.undo).toEqual({ label: 'relabel' });
    const db = await f.ports.db();
    expect(await db.count('spans')).toBe(2); // the original is kept
    expect(await send('undoLastChange')).toEqual({ ok: true });
    const undone = await day();
    expect(undone.entries.map((e) => [e.id, e.category, e.edited])).toEqual([[tracked!.id, 'documentation', false]]);
    expect(undone.undo).toBeNull();
    expect(await send('undoLastChange')).toEqual({ ok: false, error: 'There is nothing to undo.' });
  });

  it('splits a record without changing the day total, and the two halves can be relabelled apart', async () => {
    at(300_000);
    // Typing with short pauses: gaps bridged under τ = 60 s.
    await w.handleMessage({ type: 'activity', body: { systemId: 'demo-ehr', category: 'documentation', input: [T0_SEC, T0_SEC + 100, T0_SEC + 130, T0_SEC + 300], attended: [T0_SEC, T0_SEC + 300] } }, tab(7));
    const before = (await today()).totalMs;
    const [tracked] = (await day()).entries;
    expect(await send('changeEntry', { kind: 'split', id: tracked!.id, at: T0 + 115_000 })).toEqual({ ok: true });
    const halves = (await day()).entries;
    expect(halves).toHaveLength(2);
    expect((await today()).totalMs).toBe(before);
    await send('changeEntry', { kind: 'edit', id: halves[1]!.id, category: 'referrals' });
    expect(Object.fromEntries((await today()).byCategory.map((c) => [c.category, c.ms / 1000]))).toEqual({ documentation: 115, referrals: 185 });
  });

  it('keeps a private note on a manual entry only, and undo restores the note before', async () => {
    at(60 * MIN);
    await send('changeEntry', { kind: 'add', start: T0, end: T0 + 10 * MIN, category: 'non_ehr', note: 'phone call' });
    const [entry] = (await day()).entries;
    expect(entry!.note).toBe('phone call');
    await send('changeEntry', { kind: 'edit', id: entry!.id, note: 'phone call with pharmacy' });
    expect((await day()).entries[0]!.note).toBe('phone call with pharmacy');
    await send('undoLastChange');
    expect((await day()).entries[0]!.note).toBe('phone call');
  });

  it('incremental rollups after corrections equal a rebuild from the records', async () => {
    at(900_000);
    await w.handleMessage(activity(0, 300), tab(7));
    await w.handleMessage(activity(400, 800, 'results_review'), tab(7));
    const entries = (await day()).entries;
    await send('changeEntry', { kind: 'add', start: T0 + 250_000, end: T0 + 450_000, category: 'direct_care' });
    await send('changeEntry', { kind: 'split', id: entries[1]!.id, at: T0 + 600_000 });
    await send('changeEntry', { kind: 'delete', id: entries[0]!.id });
    await send('undoLastChange');
    const db = await f.ports.db();
    const { spans, events } = await readAllRecords(db);
    const rebuilt = rollupsFromRecords(spans, events, DEFAULT_ACTIVE_TIME, 'Europe/London').get('2026-05-12')!;
    expect(await db.get('rollups', '2026-05-12')).toEqual(rebuilt);
  });

  describe('idle review', () => {
    it('away while a timer ran: "don\'t count it" takes the stretch out of the timer', async () => {
      await send('startTimer', { category: 'non_ehr' });
      at(10 * MIN);
      await w.onIdleStateChanged('locked');
      at(40 * MIN);
      await w.onIdleStateChanged('active');
      const review = (await today()).idleReview!;
      expect(review).toMatchObject({ from: T0 + 10 * MIN, to: T0 + 40 * MIN, during: 'timer', category: 'non_ehr' });
      await send('resolveIdleReview', { action: 'discard' });
      at(50 * MIN);
      await send('stopTimer');
      expect((await day()).entries.map((e) => e.activeMs)).toEqual([10 * MIN, 10 * MIN]);
      expect((await today()).idleReview).toBeNull();
    });

    it('away from a clinical tab: "it was…" logs the stretch as the chosen task, flagged for a look', async () => {
      at(60_000);
      await w.handleMessage(activity(0, 60), tab(7));
      await w.onIdleStateChanged('locked');
      at(20 * MIN);
      await w.onIdleStateChanged('active');
      expect((await today()).idleReview).toMatchObject({ during: 'tab', category: 'documentation', systemId: 'demo-ehr' });
      await send('resolveIdleReview', { action: 'assign', category: 'direct_care' });
      const entries = (await day()).entries;
      expect(entries.map((e) => [e.source, e.category, e.activeMs, e.flaggedForReview])).toEqual([
        ['auto', 'documentation', 60_000, false],
        ['manual', 'direct_care', 19 * MIN, true],
      ]);
    });

    it('no review for an absence shorter than the threshold', async () => {
      at(60_000);
      await w.handleMessage(activity(0, 60), tab(7));
      await w.onIdleStateChanged('locked');
      at(90_000);
      await w.onIdleStateChanged('active');
      expect((await today()).idleReview).toBeNull();
    });
  });

  it('the keyboard shortcut stops a running timer and starts the last one again', async () => {
    await send('startTimer', { category: 'direct_care' });
    at(MIN);
    await w.onCommand('toggle-timer');
    expect((await today()).timer).toBeNull();
    at(2 * MIN);
    await w.onCommand('toggle-timer');
    expect((await today()).timer).toMatchObject({ category: 'direct_care', startedAt: T0 + 2 * MIN });
  });
});

describe('private notes never leave the device', () => {
  it('a note naming a patient is in the local record but absent from the personal export built from it', async () => {
    const { buildPersonalExport } = await import('../../src/core/personalExport.js');
    const { personalExportToCsv, personalExportToJson } = await import('../../src/core/exportWriters.js');
    const f = fakePorts(T0);
    f.reset();
    await f.storage.set({ [SETTINGS_KEY]: settings });
    const w = createWorker(f.ports);
    await w.onStart();
    f.world.nowMs = T0 + 60 * MIN;
    const note = 'Rang Canary Testpatient-Zzyzx about 943 476 5919';
    const r = await w.handleMessage({ type: 'changeEntry', body: { kind: 'add', start: T0, end: T0 + 20 * MIN, category: 'direct_care', systemId: 'emis-web', note } }, page);
    expect(r).toEqual({ ok: true });
    const db = await f.ports.db();
    expect(JSON.stringify(await db.getAll('spans'))).toContain(note);
    const exp = buildPersonalExport({
      rollups: await db.getAll('rollups'),
      from: '2026-05-11',
      to: '2026-05-17',
      granularity: 'week',
      includeSystems: true,
      teamCode: null,
      role: null,
      contributorId: `c-${'ab'.repeat(16)}`,
      extensionVersion: '0.1.0',
      schedule: settings.schedule,
      params: DEFAULT_ACTIVE_TIME,
    });
    for (const text of [personalExportToJson(exp), personalExportToCsv(exp)]) {
      expect(text).toContain('direct_care');
      for (const needle of ['Canary', 'Zzyzx', '943 476 5919', '9434765919', 'Rang']) expect(text).not.toContain(needle);
    }
    f.reset();
  });
});
