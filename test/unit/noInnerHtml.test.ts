import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs build script without types
import { stripPreactInnerHtml } from '../../scripts/build.mjs';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

/**
 * The build replaces Preact's dangerouslySetInnerHTML assignment with a throw
 * (scripts/build.mjs, stripPreactInnerHtml) so `web-ext lint` has no
 * UNSAFE_VAR_ASSIGNMENT warning. That is only sound while no source uses the prop.
 */
describe('no HTML injection in extension code', () => {
  it('no src file uses dangerouslySetInnerHTML', () => {
    const offenders = sourceFiles(path.join(root, 'src'))
      .filter((f) => readFileSync(f, 'utf8').includes('dangerouslySetInnerHTML'))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('no bundled src file writes HTML strings into the DOM (tests may, to build fixtures)', () => {
    const offenders = sourceFiles(path.join(root, 'src'))
      .filter((f) => !/\.test\.tsx?$/.test(f))
      .filter((f) => /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });

  it("the build transform finds exactly one innerHTML assignment in the Preact the build bundles, and removes it", () => {
    const require = createRequire(import.meta.url);
    const file = path.join(path.dirname(require.resolve('preact/package.json')), 'dist', 'preact.module.js');
    const out: string = stripPreactInnerHtml(readFileSync(file, 'utf8'));
    expect(out).not.toMatch(/\.innerHTML=(?!"")/);
    expect(out).toContain('Timeback does not support dangerouslySetInnerHTML');
  });

  it('the build transform refuses a Preact it does not recognise', () => {
    expect(() => stripPreactInnerHtml('function f(){}')).toThrow(/found 0/);
  });
});
