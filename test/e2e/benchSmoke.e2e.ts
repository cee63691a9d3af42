import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../bench/measurement.js';

/**
 * `npm run bench -- --smoke`: the benchmark at tiny sizes, so it cannot rot.
 * Timings at these sizes on a shared CI machine say little, so budgets are
 * not asserted here (npm run bench does that); every measure must produce a
 * figure, and the correctness checks taken alongside must hold.
 */
const EXPECTED = [
  'contentBundleGzip',
  'popupBundleGzip',
  'teamReport500',
  'popupPaintYearMs',
  'popupPaintEmptyMs',
  'popupYearVsEmpty',
  'extensionPageFloorMs',
  'popupOverFloorMs',
  'dashboardMonthMs',
  'dashboardYearMs',
  'exportYearMs',
  'storedBytesPerActiveHour',
  'inputEventCostUs',
  'frameInputEventCostUs',
  'idbWriteTxPerMinute',
  'contentMessagesPerMinute',
  'idbWriteTxPerMinuteFrame',
  'contentMessagesPerMinuteFrame',
  'burstMs',
  ...['active', 'reading', 'tabSwitch', 'hidden'].map((p) => `accuracy_${p}_errorSec`),
  ...['active', 'reading', 'tabSwitch', 'hidden', 'locked'].map((p) => `simulatedAccuracy_${p}_errorSec`),
];

describe('npm run bench -- --smoke', () => {
  it('produces every measure, writes the JSON, and its correctness checks hold', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'timeback-bench-smoke-'));
    try {
      const out = path.join(dir, 'results.json');
      const run = spawnSync(process.execPath, ['bench/run.mjs', '--smoke', '--no-build', '--out', out], { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8', timeout: 400_000 });
      expect(run.stdout).toContain('Timeback bench (smoke');
      const results = JSON.parse(readFileSync(out, 'utf8')) as { measurements: Measurement[]; baseline: Array<{ ratio: number }> };
      const byId = new Map(results.measurements.map((m) => [m.id, m]));
      for (const id of EXPECTED) {
        expect(byId.has(id), id).toBe(true);
        expect(Number.isFinite(byId.get(id)!.median), id).toBe(true);
      }
      // Nothing lost in the burst, and the deterministic accuracy scenario exact to ±1 s.
      expect(byId.get('burstMs')!.verified).toBe(true);
      for (const m of results.measurements.filter((x) => x.id.startsWith('simulatedAccuracy_'))) expect(m.pass, m.note).toBe(true);
      expect(results.baseline.length).toBeGreaterThan(0);
      for (const b of results.baseline) expect(Number.isFinite(b.ratio)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 420_000);
});
