import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_LONGEST_FIRST, MACHINE_WIDE } from '../../vitest.config.js';

/*
 * The browser tests run three files at a time (vitest.config.ts). Two lists
 * keep that safe and quick, and must not drift from the files: the files that
 * change the machine for every browser run alone, and the longest files,
 * named to start first, exist.
 */
const root = path.resolve(import.meta.dirname, '../..');
const e2eFiles = readdirSync(path.join(root, 'test/e2e'))
  .filter((name) => name.endsWith('.e2e.ts'))
  .map((name) => ({ file: `test/e2e/${name}`, text: readFileSync(path.join(root, 'test/e2e', name), 'utf8') }));

/** Where Chromium and Firefox read settings for every profile on the machine: a file that writes there must not share the machine. */
const MACHINE_WIDE_PATHS = ['/etc/chromium', '/etc/firefox', '/usr/lib/firefox-esr/distribution'];

/** Files that touch a machine-wide browser path but would run beside the others. */
export function unisolatedMachineWideFiles(files: readonly { file: string; text: string }[], isolated: readonly string[]): string[] {
  return files.filter((f) => MACHINE_WIDE_PATHS.some((p) => f.text.includes(p)) && !isolated.includes(f.file)).map((f) => f.file);
}

/** Names in the longest-first list with no end-to-end file of that name. */
export function unknownLongestFirst(names: readonly string[], files: readonly { file: string }[]): string[] {
  return names.filter((name) => !files.some((f) => f.file === `test/e2e/${name}.e2e.ts`));
}

describe('the browser tests’ lanes', () => {
  it('runs every file that writes machine-wide browser settings alone', () => {
    expect(MACHINE_WIDE).toContain('test/e2e/policy.e2e.ts');
    expect(unisolatedMachineWideFiles(e2eFiles, MACHINE_WIDE)).toEqual([]);
  });

  it('catches a planted file that writes Chromium policy but runs in the lanes', () => {
    const planted = [...e2eFiles, { file: 'test/e2e/newPolicy.e2e.ts', text: "const DIR = '/etc/chromium/policies/managed';" }];
    expect(unisolatedMachineWideFiles(planted, MACHINE_WIDE)).toEqual(['test/e2e/newPolicy.e2e.ts']);
  });

  it('names only files that exist among the longest, and catches a renamed one', () => {
    expect(unknownLongestFirst(E2E_LONGEST_FIRST, e2eFiles)).toEqual([]);
    expect(unknownLongestFirst([...E2E_LONGEST_FIRST, 'realSystems'], e2eFiles)).toEqual(['realSystems']);
  });
});
