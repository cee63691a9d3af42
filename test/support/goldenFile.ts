/** Golden files: an output compared byte for byte with its copy in test/fixtures/team-report/. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

const GOLDEN_DIR = path.resolve(import.meta.dirname, '../fixtures/team-report');

/** Compares `text` with the golden file `name` byte for byte; writes it when missing or when UPDATE_GOLDEN=1. */
export function expectGolden(name: string, text: string): void {
  const actual = Buffer.from(text, 'utf8');
  const target = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(target)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(target, actual);
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`${name} did not exist: written; check it and run again`);
  }
  expect(actual.equals(readFileSync(target))).toBe(true);
}
