import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * docs/architecture.md's "Source layout" block must match the tree: every
 * path it names exists, and every folder under src/ is in it. A newcomer
 * reads that block first, so it must not drift.
 */
const root = path.resolve(import.meta.dirname, '../..');

/** The paths a layout block names: the first word of each line, nested by its indentation (two spaces a level). */
export function layoutPaths(block: string): string[] {
  const out: string[] = [];
  const stack: Array<{ indent: number; dir: string }> = [];
  for (const line of block.split('\n')) {
    const m = /^( *)(\S+)/.exec(line);
    if (!m) continue;
    const indent = m[1]!.length;
    // Continuation lines of a description are indented past the names' column.
    if (indent >= 16) continue;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack.length > 0 ? stack[stack.length - 1]!.dir : '';
    const name = m[2]!.replace(/\/$/, '');
    const full = parent ? `${parent}/${name}` : name;
    out.push(full);
    if (m[2]!.endsWith('/')) stack.push({ indent, dir: full });
  }
  return out;
}

function layoutBlock(doc: string): string {
  const section = doc.split('## Source layout')[1]!;
  return /```\n([\s\S]*?)```/.exec(section)![1]!;
}

function foldersBelow(dir: string): string[] {
  return (readdirSync(path.join(root, dir), { recursive: true }) as string[])
    .filter((f) => statSync(path.join(root, dir, f)).isDirectory())
    .map((f) => `${dir}/${f.split(path.sep).join('/')}`);
}

/** What is wrong with a layout block against a tree: paths that do not exist, folders not named. */
export function layoutProblems(paths: readonly string[], exists: (p: string) => boolean, folders: readonly string[]): string[] {
  return [...paths.filter((p) => !exists(p)).map((p) => `names ${p}, which does not exist`), ...folders.filter((f) => !paths.includes(f)).map((f) => `does not name the folder ${f}`)];
}

describe('the source layout in docs/architecture.md', () => {
  const paths = layoutPaths(layoutBlock(readFileSync(path.join(root, 'docs/architecture.md'), 'utf8')));

  it('names real paths, and every folder under src/', () => {
    expect(paths.length).toBeGreaterThan(20);
    expect(layoutProblems(paths, (p) => existsSync(path.join(root, p)), foldersBelow('src'))).toEqual([]);
  });

  it('catches a planted stale path and an unnamed folder', () => {
    const planted = layoutPaths('src/\n  core/          pure\n    gone.ts      removed\n  popup/         popup\n');
    expect(planted).toEqual(['src', 'src/core', 'src/core/gone.ts', 'src/popup']);
    const exists = (p: string) => p !== 'src/core/gone.ts';
    expect(layoutProblems(planted, exists, ['src/core', 'src/popup', 'src/dashboard'])).toEqual(['names src/core/gone.ts, which does not exist', 'does not name the folder src/dashboard']);
  });
});
