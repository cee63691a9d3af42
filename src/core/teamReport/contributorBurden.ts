/**
 * One contributor's burdens a year, from their personal export (held in
 * memory only while the report is built; never an output).
 *
 * The export carries scheduled hours per week or day, not the job plan
 * itself, so J (the job plan's full week) is taken as the most scheduled
 * hours in any complete ISO week of the period: leave and bank holidays only
 * ever take scheduled time away. See docs/metrics.md#burden-in-a-year.
 */
import { annualHours, BURDENS, workingWeeksInPeriod, type AnnualAssumptions, type BurdenId, type WorkingWeeks } from '../annualBurden.js';
import type { PersonalExport } from '../exportFormat.js';
import { isoWeekKey } from '../isoWeek.js';
import { middleValue as median } from '../numbers.js';

export interface ContributorBurden {
  id: string;
  workingWeeks: WorkingWeeks;
  periodHours: Record<BurdenId, number>;
  /** Hours a year per burden; null when the period held less than one working week. */
  hoursAYear: Record<BurdenId, number | null>;
  /** Inbox alone (the inbox-triage what-if cannot give back more than this). */
  inboxHoursAYear: number | null;
  loginsAYear: number | null;
  /** Median of the export's per-period medians; null without logins. */
  medianLoginSec: number | null;
  pageLoadP50Sec: number | null;
  pageLoadP95Sec: number | null;
}

/** J estimated from the export: the most scheduled hours in a complete ISO week of the period (null when none has any). */
export function estimatedJobPlanWeek(e: PersonalExport): number | null {
  const byWeek = new Map<string, { hours: number; days: number }>();
  if (e.period.granularity === 'week') {
    for (const m of e.measures) byWeek.set(m.period, { hours: m.scheduledHours, days: 7 });
  } else {
    for (const m of e.measures) {
      const w = isoWeekKey(m.period);
      const cur = byWeek.get(w) ?? { hours: 0, days: 0 };
      byWeek.set(w, { hours: cur.hours + m.scheduledHours, days: cur.days + 1 });
    }
  }
  let best = 0;
  for (const w of byWeek.values()) if (w.days === 7 && w.hours > best) best = w.hours;
  return best > 0 ? best : null;
}

/** Calendar days from `from` to `to` inclusive, counted rather than listed (a year is 365 dates per file otherwise). */
function calendarDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function contributorBurden(e: PersonalExport, a: AnnualAssumptions): ContributorBurden {
  const cat = (c: string) => e.rows.reduce((h, r) => (r.category === c ? h + r.hours : h), 0);
  const total = (pick: (m: PersonalExport['measures'][number]) => number) => e.measures.reduce((h, m) => h + pick(m), 0);
  const periodHours: Record<BurdenId, number> = {
    login: cat('login_auth'),
    waiting: total((m) => m.waitingHours),
    afterHours: total((m) => m.afterHoursHours),
    inboxAdmin: cat('inbox_messaging') + cat('admin_other'),
  };
  const scheduledHours = total((m) => m.scheduledHours);
  const workingWeeks = workingWeeksInPeriod(
    { scheduledHours, jobPlanWeeklyHours: estimatedJobPlanWeek(e), calendarDays: calendarDays(e.period.from, e.period.to) },
    a,
  );
  const year = (h: number) => annualHours(h, workingWeeks, a);
  const hoursAYear = Object.fromEntries(BURDENS.map((b) => [b, year(periodHours[b])])) as Record<BurdenId, number | null>;
  const nonNull = (pick: (m: PersonalExport['measures'][number]) => number | null) =>
    e.measures.map(pick).filter((v): v is number => v !== null);
  const logins = total((m) => m.logins);
  return {
    id: e.contributorId,
    workingWeeks,
    periodHours,
    hoursAYear,
    inboxHoursAYear: year(cat('inbox_messaging')),
    loginsAYear: year(logins),
    medianLoginSec: median(nonNull((m) => m.medianLoginSec)),
    pageLoadP50Sec: median(nonNull((m) => m.pageLoadP50Sec)),
    pageLoadP95Sec: median(nonNull((m) => m.pageLoadP95Sec)),
  };
}
