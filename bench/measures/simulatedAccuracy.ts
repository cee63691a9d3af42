/**
 * The ground-truth scenario on a simulated clock, with the real content-script
 * sensor (src/content/activitySensor.ts) and the real service-worker logic
 * (createWorker) over fake-indexeddb. It covers what headless Chromium cannot
 * produce — a locked screen — and checks every phase to the second, with the
 * page unaware of the lock (its sensor keeps seeing itself attended).
 */
import '../../test/support/fakePorts.js';
import { fakePorts } from '../../test/support/fakePorts.js';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createWorker } from '../../src/background/worker.js';
import { readAllRecords } from '../../src/store/dataStore.js';
import { ActivitySensor, TICK_MS } from '../../src/content/activitySensor.js';
import { countedSeconds } from '../../src/core/activeTime.js';
import { clipRuns, runsTotal } from '../../src/core/runs.js';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/core/settings.js';
import type { TaskCategory } from '../../src/core/taskCategory.js';
import { measurement, type BenchOptions, type Measurement } from '../measurement.js';

const SYSTEM = { id: 'demo-ehr', name: 'Demo EHR', matches: ['http://127.0.0.1/*'], rules: [], useGenericRules: false, signInPatterns: [] };

export async function measureSimulatedAccuracy(_opts: BenchOptions): Promise<Measurement[]> {
  fakeBrowser.reset();
  const { ports, world } = fakePorts(Date.parse('2026-06-10T09:00:00Z'));
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, systems: [SYSTEM] } });
  const worker = createWorker(ports);
  const pending: Promise<unknown>[] = [];
  const ticking = new Set<ActivitySensor>();

  /** One tracked page: the real sensor, sending to the worker as its tab. */
  function page(tabId: number, category: TaskCategory, attended: { now: boolean }) {
    world.tabs.set(tabId, { url: `http://127.0.0.1/patients/p-0001/${category}` });
    const sensor: ActivitySensor = new ActivitySensor({
      now: () => world.nowMs,
      monotonic: () => world.nowMs,
      attendedNow: () => attended.now,
      category: () => category,
      send: (report) => {
        const sender = { id: ports.extensionId, url: world.tabs.get(tabId)!.url, tab: { id: tabId }, frameId: 0 };
        pending.push(worker.handleMessage({ type: 'activity', body: { systemId: SYSTEM.id, ...report } }, sender as never));
      },
      startTicking: () => ticking.add(sensor),
      stopTicking: () => ticking.delete(sensor),
    });
    return sensor;
  }
  const settle = async () => {
    while (pending.length) await pending.shift();
  };
  /** Live `seconds` whole seconds from now; `input` marks input in that sensor at the start of each. */
  async function run(seconds: number, input?: ActivitySensor) {
    for (let s = 0; s < seconds; s++) {
      input?.onInput();
      if ((world.nowMs / 1000) % (TICK_MS / 1000) === 0) for (const t of [...ticking]) t.tick();
      await settle();
      world.nowMs += 1000;
    }
  }
  async function focus(tabId: number | null) {
    world.focusedTabId = tabId;
    await worker.refreshAttention();
  }

  await worker.onStart();
  const notesSeen = { now: true };
  const resultsSeen = { now: false };
  const notes = page(7, 'documentation', notesSeen);
  const results = page(8, 'results_review', resultsSeen);
  // Each phase covers the whole seconds [start, end): changes happen on second boundaries.
  const sec = () => world.nowMs / 1000;
  const windows: Record<string, [number, number, number]> = {};

  await focus(7);
  let t = sec();
  await run(60, notes);
  windows.active = [t, sec(), 60];
  t = sec();
  await run(40); // reading, inside R = 60 s
  windows.reading = [t, sec(), 40];
  // Tab switch: the notes page is left, the results page gains attention and is typed in.
  t = sec();
  notesSeen.now = false;
  notes.onAttentionLost();
  await focus(8);
  resultsSeen.now = true;
  results.onAttentionGained();
  await run(30, results);
  windows.tabSwitch = [t, sec(), 30];
  // Hidden: a non-clinical tab in front; keys still reach the hidden results page.
  t = sec();
  resultsSeen.now = false;
  results.onAttentionLost();
  await focus(9);
  await run(20, results);
  windows.hidden = [t, sec(), 0];
  // Back, typing, then the screen locks; the page cannot tell and keeps seeing itself attended.
  await focus(8);
  resultsSeen.now = true;
  results.onAttentionGained();
  await run(10, results);
  t = sec();
  world.idle = 'locked';
  await worker.onIdleStateChanged('locked');
  await run(90);
  windows.locked = [t, sec(), 0];
  world.idle = 'active';
  await worker.onIdleStateChanged('active');
  await run(70);
  await settle();

  const db = await ports.db();
  const params = { inactivityThresholdSec: DEFAULT_SETTINGS.inactivityThresholdSec, readingAllowanceSec: DEFAULT_SETTINGS.readingAllowanceSec };
  // Summed per record, as the day totals are: a second booked to two tabs counts twice here too.
  const counted = (await readAllRecords(db)).spans.map((span) => countedSeconds(span, params));
  return Object.entries(windows).map(([phase, [from, to, truth]]) => {
    const measured = counted.reduce((total, runs) => total + runsTotal(clipRuns(runs, from, to)), 0);
    return measurement({
      id: `simulatedAccuracy_${phase}_errorSec`,
      label: `accuracy, simulated clock: ${phase === 'tabSwitch' ? 'tab switch' : phase} phase, |measured − truth|`,
      unit: 's',
      budget: 1,
      runs: [Math.abs(measured - truth)],
      note: `truth ${truth} s, measured ${measured} s (real sensor + worker code, fake clock and idle)`,
    });
  });
}
