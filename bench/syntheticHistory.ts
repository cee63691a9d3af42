/**
 * A synthetic history for the benchmark: a busy clinician's year of working
 * days across four clinical web systems and a desktop system. Deterministic
 * (seeded), in the clinician's time zone (DST days included), and shaped like
 * real use: sessions with bouts of typing, reading pauses inside the
 * inactivity threshold, longer stalls, page loads, a login per system per
 * session, after-hours work on some evenings, and a few manual entries.
 *
 * It produces what the content script would report (evidence runs per bout);
 * writeHistory.ts writes it through the extension's own store code.
 */
import { localDateKey, localParts, type LocalDateKey } from '../src/core/localDate.js';
import { appendRange, type Runs } from '../src/core/runs.js';
import { addDays, isWeekend } from '../src/core/dateKeys.js';
import type { Schedule } from '../src/core/schedule.js';
import type { TaskCategory } from '../src/core/taskCategory.js';

/** One stretch in one tab of one system and category, as the content script would report it. */
export interface SyntheticBout {
  tabId: number;
  systemId: string;
  category: TaskCategory;
  /** Epoch seconds, absolute. */
  input: Runs;
  attended: Runs;
  /** A page load that started this bout (the bout is then waiting_for_system). */
  pageLoadMs?: number;
}

export interface SyntheticManualEntry {
  source: 'manual' | 'timer';
  category: TaskCategory;
  systemId?: string;
  /** Epoch ms. */
  start: number;
  end: number;
}

export interface SyntheticDay {
  date: LocalDateKey;
  bouts: SyntheticBout[];
  manual: SyntheticManualEntry[];
}

export interface HistoryOptions {
  /** The last day of the history (inclusive). */
  lastDate: LocalDateKey;
  /** Calendar days, ending at lastDate. */
  days: number;
  timeZone: string;
  seed?: number;
  /** Evidence after this instant (epoch ms) is left out: "today" ends now. */
  notAfterMs?: number;
}

/** The four web systems and the desktop system of the synthetic clinician. */
export const SYNTHETIC_SYSTEMS = [
  { id: 'epr', name: 'Trust EPR', weight: 0.45, categories: weighted<TaskCategory>([['documentation', 4], ['chart_review', 3], ['orders_prescribing', 2], ['patient_search', 1]]) },
  { id: 'ice', name: 'ICE results', weight: 0.25, categories: weighted<TaskCategory>([['results_review', 6], ['orders_prescribing', 2], ['patient_search', 1]]) },
  { id: 'mail', name: 'NHSmail', weight: 0.2, categories: weighted<TaskCategory>([['inbox_messaging', 8], ['scheduling', 1]]) },
  { id: 'ers', name: 'e-RS', weight: 0.1, categories: weighted<TaskCategory>([['referrals', 6], ['admin_other', 1]]) },
] as const;
export const SYNTHETIC_DESKTOP_SYSTEM = { id: 'emis-web', name: 'EMIS Web' };

/** The job plan the synthetic clinician works to: Monday–Friday 08:30–12:30, 13:30–17:30. */
export const SYNTHETIC_SCHEDULE: Schedule = {
  sessions: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '08:30', end: '12:30' },
    { weekday, start: '13:30', end: '17:30' },
  ]),
  nonWorkingDates: [],
  leave: [],
};

function weighted<T>(pairs: Array<[T, number]>): Array<[T, number]> {
  return pairs;
}

/** mulberry32: small, fast, good enough for synthetic data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, pairs: ReadonlyArray<readonly [T, number]>): T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of pairs) if ((r -= w) < 0) return value;
  return pairs[pairs.length - 1]![0];
}

const between = (random: () => number, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

/** Epoch ms of a local wall-clock time on a date (DST-safe: corrected by the zone's actual offset). */
export function localTimeMs(date: LocalDateKey, hour: number, minute: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wanted = Date.UTC(y, m - 1, d, hour, minute);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const p = localParts(guess, timeZone);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    if (seen === wanted) break;
    guess += wanted - seen;
  }
  return guess;
}

/**
 * Evidence for one bout of `seconds` starting at `startSec`: typing bursts,
 * reading pauses shorter than the default threshold, and now and then a
 * stall longer than it (attended, no input), as the sensor would see them.
 */
function boutEvidence(random: () => number, startSec: number, seconds: number): { input: Runs; attended: Runs; endSec: number } {
  const input: Runs = [];
  const attended: Runs = [];
  let t = startSec;
  const end = startSec + seconds;
  while (t < end) {
    const burst = between(random, 4, 40);
    for (let s = t; s < Math.min(t + burst, end); s++) if (random() < 0.75) appendRange(input, s, s + 1);
    t += burst;
    if (t >= end) break;
    // Reading (inside the 60 s threshold), or occasionally a stall (outside it).
    t += random() < 0.9 ? between(random, 2, 45) : between(random, 70, 150);
  }
  if (input.length === 0) appendRange(input, startSec, startSec + 1);
  const endSec = Math.max(input[input.length - 1]!, Math.min(end, input[input.length - 1]! + 30));
  appendRange(attended, startSec, endSec);
  return { input, attended, endSec };
}

/** Generate the history, oldest day first. */
export function syntheticHistory(options: HistoryOptions): SyntheticDay[] {
  const random = seededRandom(options.seed ?? 20261126);
  const firstDate = addDays(options.lastDate, -(options.days - 1));
  const out: SyntheticDay[] = [];
  let tabCounter = 0;
  const tabOf = new Map<string, number>();
  for (let i = 0; i < options.days; i++) {
    const date = addDays(firstDate, i);
    const day: SyntheticDay = { date, bouts: [], manual: [] };
    out.push(day);
    // Weekends off, and about 30 days of leave or non-clinical days a year.
    if (isWeekend(date) || random() < 0.12) continue;
    // A fresh browser each morning: new tab ids.
    tabOf.clear();
    const tab = (systemId: string) => {
      let id = tabOf.get(systemId);
      if (id === undefined) tabOf.set(systemId, (id = ++tabCounter));
      return id;
    };
    const sessions: Array<[number, number, number, number]> = [
      [8, between(random, 0, 25), 12, between(random, 30, 55)],
      [13, between(random, 10, 30), 17, between(random, 45, 59)],
    ];
    // After-hours catch-up on about two evenings in five.
    if (random() < 0.4) sessions.push([19, between(random, 30, 59), 20, between(random, 30, 59)]);
    for (const [h1, m1, h2, m2] of sessions) {
      let t = Math.floor(localTimeMs(date, h1, m1, options.timeZone) / 1000);
      const sessionEnd = Math.floor(localTimeMs(date, h2, m2, options.timeZone) / 1000);
      const signedIn = new Set<string>();
      let manualDone = false;
      while (t < sessionEnd - 60) {
        const system = pick(random, SYNTHETIC_SYSTEMS.map((s) => [s, s.weight] as const));
        const tabId = tab(system.id);
        if (!signedIn.has(system.id)) {
          // Each session starts with a sign-in to each system used.
          signedIn.add(system.id);
          const ev = boutEvidence(random, t, between(random, 8, 35));
          day.bouts.push({ tabId, systemId: system.id, category: 'login_auth', input: ev.input, attended: ev.attended });
          t = ev.endSec + 1;
        }
        if (random() < 0.3) {
          // A page load: the seconds strictly inside it are waiting.
          const loadMs = Math.round(300 + random() * random() * 8000);
          const whole = Math.floor(loadMs / 1000);
          const runs: Runs = whole > 1 ? [t + 1, t + whole] : [];
          day.bouts.push({ tabId, systemId: system.id, category: 'waiting_for_system', input: runs, attended: runs, pageLoadMs: loadMs });
          t += whole + 1;
        }
        const seconds = Math.round(Math.exp(Math.log(30) + random() * Math.log(900 / 30)));
        const ev = boutEvidence(random, t, Math.min(seconds, sessionEnd - t));
        day.bouts.push({ tabId, systemId: system.id, category: pick(random, system.categories), input: ev.input, attended: ev.attended });
        t = ev.endSec + 1;
        // Away from the screen now and then (seeing a patient): sometimes logged by hand afterwards.
        if (random() < 0.12) {
          const awaySec = between(random, 120, 1200);
          if (!manualDone && random() < 0.5 && t + awaySec < sessionEnd) {
            manualDone = true;
            const useTimer = random() < 0.5;
            day.manual.push({
              source: useTimer ? 'timer' : 'manual',
              category: random() < 0.6 ? 'direct_care' : 'documentation',
              ...(random() < 0.5 ? { systemId: SYNTHETIC_DESKTOP_SYSTEM.id } : {}),
              start: (t + 30) * 1000,
              end: (t + awaySec - 30) * 1000,
            });
          }
          t += awaySec;
        } else {
          t += between(random, 1, 20);
        }
      }
    }
    if (options.notAfterMs !== undefined) {
      const limit = Math.floor(options.notAfterMs / 1000);
      day.bouts = day.bouts.filter((b) => (b.attended[b.attended.length - 1] ?? 0) <= limit);
      day.manual = day.manual.filter((m) => m.end <= options.notAfterMs!);
    }
  }
  return out;
}

/** Sanity figures for a generated history (the bench prints them with the table). */
export function historyShape(days: readonly SyntheticDay[], timeZone: string): { workingDays: number; bouts: number; manualEntries: number; attendedHoursPerWorkingDay: number; firstDate: string; lastDate: string } {
  let attendedSec = 0;
  let bouts = 0;
  let manual = 0;
  let working = 0;
  for (const d of days) {
    if (d.bouts.length > 0) working++;
    bouts += d.bouts.length;
    manual += d.manual.length;
    for (const b of d.bouts) for (let i = 0; i < b.attended.length; i += 2) attendedSec += b.attended[i + 1]! - b.attended[i]!;
    // Every bout starts on its own date.
    for (const b of d.bouts) if (b.attended.length > 0 && localDateKey(b.attended[0]! * 1000, timeZone) !== d.date) throw new Error(`bout outside ${d.date}`);
  }
  return { workingDays: working, bouts, manualEntries: manual, attendedHoursPerWorkingDay: working ? attendedSec / 3600 / working : 0, firstDate: days[0]?.date ?? '', lastDate: days[days.length - 1]?.date ?? '' };
}
