/**
 * Hand-made day rollups and a schedule for the personal-export tests and
 * the golden files in test/fixtures/exports/. Every figure is chosen so the
 * expected export can be worked out by hand (see personalExport.test.ts and exportWriters.test.ts).
 */
import { DEFAULT_ACTIVE_TIME } from '../../src/core/activeTimeParams.js';
import { SLOT_SEC, type DayRollup } from '../../src/core/dayRollup.js';
import type { PersonalExportInput } from '../../src/core/personalExport.js';
import type { Schedule } from '../../src/core/schedule.js';
import type { TaskCategory } from '../../src/core/taskCategory.js';

export const MIN = 60_000;
const SLOT_MS = SLOT_SEC * 1000;

/**
 * A rollup whose active time fills consecutive 5-minute slots from `startHHMM`
 * (so after-hours and outside-schedule time are easy to work out).
 */
export function dayRollup(
  date: string,
  startHHMM: string,
  cells: Record<string, Partial<Record<TaskCategory, number>>>,
  extra: { logins?: Record<string, number[]>; pageLoads?: Record<string, number[]> } = {},
): DayRollup {
  const out: DayRollup = {
    date,
    params: { ...DEFAULT_ACTIVE_TIME },
    cells: {},
    slots: {},
    slotsByThreshold: {},
    bouts: {},
    switches: 0,
    logins: extra.logins ?? {},
    pageLoads: extra.pageLoads ?? {},
    correctedMs: 0,
  };
  let total = 0;
  for (const [systemId, byCategory] of Object.entries(cells)) {
    const target: DayRollup['cells'][string] = (out.cells[systemId] = {});
    for (const [category, ms] of Object.entries(byCategory) as Array<[TaskCategory, number]>) {
      target[category] = { activeMs: ms, byThresholdMs: { '5': ms, '30': ms, '60': ms, '300': ms } };
      total += ms;
    }
  }
  const [h, m] = startHHMM.split(':').map(Number) as [number, number];
  let slot = (h * 60 + m) / 5;
  for (let left = total; left > 0; slot++) {
    const ms = Math.min(SLOT_MS, left);
    out.slots[String(slot)] = ms;
    left -= ms;
  }
  return out;
}

/** Clinic Monday, Tuesday and Thursday, 09:00–12:30 and 13:30–17:00 (7 h a day); leave on Thursday 21 May 2026. */
export const SCHEDULE: Schedule = {
  sessions: [1, 2, 4].flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:30' },
    { weekday, start: '13:30', end: '17:00' },
  ]),
  nonWorkingDates: ['2026-05-25'],
  leave: [{ from: '2026-05-21', to: '2026-05-21' }],
};

/** Two ISO weeks, 2026-W20 (11–17 May) and 2026-W21 (18–24 May), plus a day just outside. */
export const ROLLUPS: DayRollup[] = [
  // Mon 11 May, in clinic from 09:00: 90 + 45.5 + 20 = 155.5 min, all inside the morning session and after.
  dayRollup(
    '2026-05-11',
    '09:00',
    { ehr: { documentation: 90 * MIN, results_review: 45.5 * MIN }, ers: { referrals: 20 * MIN } },
    { logins: { ehr: [12_000, 9_000] }, pageLoads: { ehr: [800, 1_200, 4_000] } },
  ),
  // Tue 12 May, evening from 19:00: 65 min, all after hours and outside the schedule.
  dayRollup('2026-05-12', '19:00', { ehr: { documentation: 40 * MIN, inbox_messaging: 25 * MIN } }, { logins: { ehr: [30_000] } }),
  // Sat 16 May: time with no system id (""), and under an id that is not of the exported form: both become "none".
  dayRollup('2026-05-16', '10:00', { '': { non_ehr: 30 * MIN }, 'EMIS Web': { documentation: 9 * MIN } }),
  // Tue 19 May: waiting, and a desktop system.
  dayRollup(
    '2026-05-19',
    '09:00',
    { ehr: { waiting_for_system: 7 * MIN, documentation: 123 * MIN }, 'emis-web': { documentation: 60 * MIN } },
    { pageLoads: { ehr: [2_500, 15_000], ers: [600] } },
  ),
  // Thu 21 May (leave): 1.5 min rounds to 0.0 h but keeps its row; 3 min is exactly 0.05 h and rounds up.
  dayRollup('2026-05-21', '11:00', { ehr: { login_auth: 1.5 * MIN, chart_review: 3 * MIN } }),
  // Mon 25 May: outside the period, ignored.
  dayRollup('2026-05-25', '09:00', { ehr: { documentation: 600 * MIN } }),
];

/** The bytes 0x01..0x10: a fixed stand-in for crypto.getRandomValues in golden files. */
export const FIXED_RANDOM_BYTES = Uint8Array.from({ length: 16 }, (_, i) => i + 1);

export function goldenInput(overrides: Partial<PersonalExportInput> = {}): PersonalExportInput {
  return {
    rollups: ROLLUPS,
    from: '2026-05-11',
    to: '2026-05-24',
    granularity: 'week',
    includeSystems: true,
    teamCode: 'ward-7a',
    role: 'resident_doctor',
    contributorId: 'c-0102030405060708090a0b0c0d0e0f10',
    extensionVersion: '0.1.0',
    schedule: SCHEDULE,
    params: { ...DEFAULT_ACTIVE_TIME },
    ...overrides,
  };
}
