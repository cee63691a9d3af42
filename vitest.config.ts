import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Three groups, one after the other (docs/architecture.md, "Test layers"):
 * the unit tests on every core; then the end-to-end files three at a time,
 * each in its own Chromium (or Firefox) with its own profile and demo server,
 * since they mostly wait on the clock (typing for 20 s, a report every 10 s);
 * then the files that change the machine for every browser on it. Chromium
 * reads managed policy from /etc/chromium/policies, so the policy file runs
 * alone, where no other browser can read its policy.
 */
export const E2E_LANES = 3;
export const MACHINE_WIDE = ['test/e2e/policy.e2e.ts'];

/**
 * The longest end-to-end files start first (about 4, 2 and 2 minutes for the
 * first three), so the lanes end together. Without it a fresh clone, which has
 * no timings from an earlier run, starts the largest files first, and a long
 * file that starts last keeps the whole run waiting on one lane.
 */
export const E2E_LONGEST_FIRST = ['realSystemsFrames', 'tracking', 'benchSmoke', 'realSystemsWaits', 'accessibility', 'demoSession', 'classification'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const i = E2E_LONGEST_FIRST.findIndex((name) => spec.moduleId.endsWith(`/${name}.e2e.ts`));
      return i === -1 ? E2E_LONGEST_FIRST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

const e2e = {
  environment: 'node',
  testTimeout: 180_000,
  hookTimeout: 120_000,
  env: { TZ: 'Europe/London' },
} as const;

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'bench/**/*.test.ts'],
          environment: 'node',
          // Day boundaries and DST are tested in the clinician's zone.
          env: { TZ: 'Europe/London' },
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          ...e2e,
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          exclude: [...configDefaults.exclude, ...MACHINE_WIDE],
          maxWorkers: E2E_LANES,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          ...e2e,
          name: 'e2e-machine-wide',
          include: MACHINE_WIDE,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
