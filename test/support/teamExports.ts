/**
 * Synthetic personal exports for the team-report tests: valid PersonalExport
 * objects with figures drawn from a seeded generator, so every run (and the
 * golden files) see the same numbers.
 */
import type { PersonalExport, PersonalExportMeasures, PersonalExportRow, Role } from '../../src/core/exportFormat.js';
import { datesInRange } from '../../src/core/dateRange.js';
import { TASK_CATEGORIES, type TaskCategory } from '../../src/core/taskCategory.js';
import { seededRandom } from '../../bench/syntheticHistory.js';

/** Monday 4 May 2026 to Sunday 31 May 2026: ISO weeks 2026-W19 … 2026-W22. */
export const PERIOD = { from: '2026-05-04', to: '2026-05-31' } as const;
export const WEEKS = ['2026-W19', '2026-W20', '2026-W21', '2026-W22'] as const;

const r1 = (x: number): number => Math.round(x * 10) / 10;

/** A contributor id of the export's form: "c-" and 32 lowercase hex digits. */
export function contributorId(n: number): string {
  return `c-${n.toString(16).padStart(32, '0')}`;
}

export interface ExportSpec {
  /** Seeds the figures and the contributor id. */
  seed: number;
  role?: Role | null;
  teamCode?: string | null;
  period?: { from: string; to: string };
  weeks?: readonly string[];
  inactivityThresholdSec?: number;
  readingAllowanceSec?: number;
  /** Hours per week per category; missing categories are drawn at random among the usual ones. */
  categoryHours?: Partial<Record<TaskCategory, number>>;
  /** Categories to leave out entirely. */
  omit?: readonly TaskCategory[];
  /** Leave the schedule out: per-8-hour measures become null. */
  noSchedule?: boolean;
  /** "day": one row set and one measures entry per date, with a fifth of the weekly figures. */
  granularity?: 'week' | 'day';
}

const USUAL: TaskCategory[] = ['documentation', 'results_review', 'chart_review', 'orders_prescribing', 'inbox_messaging', 'login_auth', 'waiting_for_system'];

export function makeExport(spec: ExportSpec): PersonalExport {
  const rand = seededRandom(spec.seed);
  const daily = spec.granularity === 'day';
  const scale = daily ? 0.2 : 1;
  const weeks = daily ? datesInRange(spec.period?.from ?? PERIOD.from, spec.period?.to ?? PERIOD.to) : (spec.weeks ?? WEEKS);
  const rows: PersonalExportRow[] = [];
  const measures: PersonalExportMeasures[] = [];
  for (const week of weeks) {
    const hoursBy = new Map<TaskCategory, number>();
    for (const category of USUAL) {
      if (spec.omit?.includes(category)) continue;
      const drawn = category === 'waiting_for_system' ? 0.1 + rand() * 0.8 : category === 'login_auth' ? 0.2 + rand() : 0.5 + rand() * 4;
      const hours = r1((spec.categoryHours?.[category] ?? drawn) * scale);
      if (hours > 0) hoursBy.set(category, hours);
    }
    for (const [category, hours] of Object.entries(spec.categoryHours ?? {}) as Array<[TaskCategory, number]>) {
      if (!USUAL.includes(category) && hours > 0 && !spec.omit?.includes(category)) hoursBy.set(category, r1(hours * scale));
    }
    // Rows in the validator's order: period, then category in the order of TASK_CATEGORIES.
    let active = 0;
    for (const category of TASK_CATEGORIES) {
      const hours = hoursBy.get(category);
      if (hours === undefined) continue;
      rows.push({ period: week, category, hours });
      active += hours;
    }
    active = r1(active);
    const docs = hoursBy.get('documentation') ?? 0;
    const presc = hoursBy.get('orders_prescribing') ?? 0;
    const inbox = hoursBy.get('inbox_messaging') ?? 0;
    const scheduled = spec.noSchedule ? 0 : r1((24 + Math.floor(rand() * 4) * 4) * scale);
    const per8 = (h: number): number | null => (scheduled > 0 ? r1((8 * h) / scheduled) : null);
    const after = r1(active * (0.05 + rand() * 0.2));
    const p50 = r1(0.5 + rand());
    measures.push({
      period: week,
      activeHours: active,
      scheduledHours: scheduled,
      ehrTime8: per8(active),
      wow8: per8(after),
      noteTime8: per8(docs),
      prescTime8: per8(presc),
      ibTime8: per8(inbox),
      afterHoursHours: after,
      logins: 10 + Math.floor(rand() * 30),
      medianLoginSec: 8 + Math.floor(rand() * 60),
      waitingHours: hoursBy.get('waiting_for_system') ?? 0,
      pageLoadP50Sec: p50,
      pageLoadP95Sec: r1(p50 + 1 + rand() * 4),
    });
  }
  return {
    format: 'timeback-personal-export',
    schemaVersion: 1,
    extensionVersion: '0.1.0',
    contributorId: contributorId(spec.seed),
    teamCode: spec.teamCode === undefined ? 'RESP-MED' : spec.teamCode,
    role: spec.role === undefined ? 'consultant' : spec.role,
    period: { from: spec.period?.from ?? PERIOD.from, to: spec.period?.to ?? PERIOD.to, granularity: daily ? 'day' : 'week' },
    definition: { inactivityThresholdSec: spec.inactivityThresholdSec ?? 60, readingAllowanceSec: spec.readingAllowanceSec ?? 60 },
    includesSystems: false,
    rows,
    measures,
  };
}

/** A team of `n` valid exports as report inputs (file names contributor-01.json …). */
export function makeTeam(n: number, firstSeed = 1, spec: Omit<ExportSpec, 'seed'> = {}): Array<{ name: string; text: string }> {
  return Array.from({ length: n }, (_, i) => {
    const e = makeExport({ ...spec, seed: firstSeed + i });
    return { name: `contributor-${String(firstSeed + i).padStart(2, '0')}.json`, text: JSON.stringify(e, null, 2) };
  });
}
