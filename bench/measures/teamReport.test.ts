import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACTIVE_TIME } from '../../src/core/activeTimeParams.js';
import { isWeekend } from '../../src/core/dateKeys.js';
import { openTimebackDb } from '../../src/store/db.js';
import { readRollup } from '../../src/store/trackingStore.js';
import { syntheticHistory } from '../syntheticHistory.js';
import { writeHistory } from '../writeHistory.js';
import { clinicianRollups, dayPool, rollupsFromHistory } from './teamReport.js';

const TZ = 'Europe/London';

describe('team report bench: synthetic clinicians', () => {
  it('the pure path gives the same day rollups as writing the history through the store', async () => {
    // A week across the spring DST change (Sunday 29 March 2026), with manual entries.
    const days = syntheticHistory({ lastDate: '2026-04-02', days: 7, timeZone: TZ, seed: 42 });
    expect(days.some((d) => d.manual.length > 0)).toBe(true);
    const db = await openTimebackDb(`team-report-bench-${Date.now()}`);
    await writeHistory(db, days, { timeZone: TZ, params: DEFAULT_ACTIVE_TIME });
    const pure = rollupsFromHistory(days, { timeZone: TZ, params: DEFAULT_ACTIVE_TIME }).sort((a, b) => a.date.localeCompare(b.date));
    expect(pure.length).toBeGreaterThan(3);
    // Read through the store's own API, whatever its record format.
    const stored = await Promise.all(days.map((d) => readRollup(db, d.date)));
    expect(pure).toEqual(stored.filter((r) => r !== undefined));
    db.close();
  }, 60_000);

  it('a clinician works weekdays only, on days drawn from the pool, and two clinicians differ', () => {
    const pool = dayPool({ seeds: 1, weeks: 2, timeZone: TZ, params: DEFAULT_ACTIVE_TIME });
    const a = clinicianRollups(pool, '2026-05-04', '2026-05-31', 1);
    const b = clinicianRollups(pool, '2026-05-04', '2026-05-31', 2);
    for (const r of [...a, ...b]) expect(isWeekend(r.date)).toBe(false);
    expect(a.length).toBeGreaterThan(10);
    expect(a.map((r) => r.cells)).not.toEqual(b.map((r) => r.cells));
  });
});
