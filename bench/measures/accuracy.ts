/**
 * Accuracy against ground truth in real Chromium: a scripted scenario whose
 * phases each book to their own task category of the demo system, so each
 * phase's measured seconds are read off today's summary. Truth is the stated
 * definition (docs/active-time.md) applied to the script's own clock: whole
 * seconds from the first input second to the moment attention moved on.
 */
import type { Page } from 'playwright-core';
import type { TodaySummary } from '../../src/core/todaySummary.js';
import { sleep, type TimebackBrowser } from '../../test/e2e/support/extension.js';
import type { DemoServer } from '../../test/fixtures/demo/server.mjs';
import { measurement, type BenchOptions, type Measurement } from '../measurement.js';

const sec = (ms: number) => Math.floor(ms / 1000);
const categorySec = (s: TodaySummary, category: string) => (s.byCategory.find((c) => c.category === category)?.ms ?? 0) / 1000;

/** Press a key every `everyMs` for `ms`; the times (ms) of the first and last press. */
async function typeInto(page: Page, ms: number, everyMs = 200): Promise<{ first: number; last: number }> {
  const start = Date.now();
  let first = 0;
  let last = 0;
  while (Date.now() - start < ms) {
    const before = Date.now();
    await page.keyboard.press('KeyA');
    if (!first) first = before;
    last = before;
    await sleep(everyMs);
  }
  return { first, last };
}

export async function measureAccuracy(tb: TimebackBrowser, server: DemoServer, opts: BenchOptions): Promise<Measurement[]> {
  const scale = opts.smoke ? 0.3 : 1;
  const patient = `${server.url}/patients/p-0002`;
  const open = async (url: string) => {
    const p = await tb.context.newPage();
    await p.goto(url);
    return p;
  };
  const notes = await open(`${patient}/notes`);
  const results = await open(`${patient}/results`);
  const prescribing = await open(`${patient}/prescribing`);
  const inbox = await open(`${server.url}/inbox`);
  const blank = await tb.context.newPage();
  await blank.bringToFront();
  await sleep(3000);
  const start = await tb.today();

  // 1. Active: typing a note in the focused tab.
  await notes.bringToFront();
  await notes.focus('#notes-editor');
  const typing = await typeInto(notes, 20_000 * scale);
  // 2. Reading: one key on the results page, then reading it without input (inside R).
  await results.bringToFront();
  const readFrom = Date.now();
  await results.keyboard.press('KeyA');
  await sleep(30_000 * scale);
  // 3. Tab switch: to the prescribing tab, typing there.
  const switchAt = Date.now();
  await prescribing.bringToFront();
  const prescribingTyping = await typeInto(prescribing, 15_000 * scale);
  // 4. Hidden: a non-clinical tab in front; keys still reach the hidden inbox tab.
  const hiddenAt = Date.now();
  await blank.bringToFront();
  await typeInto(inbox, 10_000 * scale);
  // Pages that never saw themselves lose attention report on their next flush (≤ 10 s, then a 5-s tick).
  await sleep(16_000);
  const end = await tb.today();

  const delta = (category: string) => categorySec(end, category) - categorySec(start, category);
  const notesEnd = readFrom; // attention moved to the results tab
  const phases = [
    // Typing, then ~0.2 s until the switch: the definition counts from the first input second to the switch.
    { id: 'active', category: 'documentation', truth: sec(notesEnd) - sec(typing.first) },
    { id: 'reading', category: 'results_review', truth: sec(switchAt) - sec(readFrom) },
    { id: 'tabSwitch', category: 'orders_prescribing', truth: sec(hiddenAt) - sec(prescribingTyping.first) },
    { id: 'hidden', category: 'inbox_messaging', truth: 0 },
  ];
  for (const p of [notes, results, prescribing, inbox, blank]) await p.close();
  return phases.map((p) => {
    const measured = delta(p.category);
    return measurement({
      id: `accuracy_${p.id}_errorSec`,
      label: `accuracy: ${p.id === 'tabSwitch' ? 'tab switch' : p.id} phase, |measured − truth|`,
      unit: 's',
      budget: 1,
      runs: [Math.abs(measured - p.truth)],
      note: `truth ${p.truth} s, measured ${measured} s (${p.category}, real Chromium)`,
    });
  });
}
