import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** src/core is plain TypeScript: no browser, DOM or IndexedDB, and it imports nothing browser-facing. */
const coreDir = path.resolve(import.meta.dirname, '../../src/core');
// Every source below src/core, subfolders (the team report) included.
const sources = (readdirSync(coreDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: readFileSync(path.join(coreDir, f), 'utf8') }));

const FORBIDDEN_GLOBALS = /\b(chrome|browser|document|window|indexedDB|navigator|localStorage|sessionStorage|location|self)\s*[.[]/;
const RELATIVE_MODULE = /^\.\.?\/(?:[A-Za-z]+\/|\.\.\/)*[A-Za-z]+\.js$/;
/** A relative import of a module that is itself inside src/core (`file` is relative to src/core). */
function importStaysInCore(file: string, specifier: string): boolean {
  if (!RELATIVE_MODULE.test(specifier)) return false;
  const target = path.resolve(coreDir, path.dirname(file), specifier);
  return target.startsWith(coreDir + path.sep);
}

describe('src/core purity', () => {
  it('has sources to check, in subfolders too', () => {
    expect(sources.length).toBeGreaterThan(5);
    expect(sources.some((s) => s.file.includes(path.sep))).toBe(true);
  });

  it.each(sources)('$file touches no browser global', ({ text }) => {
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(FORBIDDEN_GLOBALS);
    expect(code).not.toMatch(/\bDate\.now\(\)/);
  });

  it.each(sources)('$file imports only other core modules', ({ file, text }) => {
    const specifiers = [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    for (const s of specifiers) expect(importStaysInCore(file, s), `import of ${s}`).toBe(true);
  });
});

describe('the purity checks themselves', () => {
  it.each(['const t = document.title;', 'chrome.storage.local.get()', 'window["x"]', 'indexedDB.open("x")', 'const n = Date.now();'])('flag %s', (line) => {
    const flagged = FORBIDDEN_GLOBALS.test(line) || /\bDate\.now\(\)/.test(line);
    expect(flagged).toBe(true);
  });
  it.each([
    ['numbers.ts', "import { openDB } from 'idb';"],
    ['numbers.ts', "import browser from 'webextension-polyfill';"],
    ['numbers.ts', "import { x } from '../store/db.js';"],
    [path.join('teamReport', 'aggregate.ts'), "import { x } from '../../protocol.js';"],
    [path.join('teamReport', 'aggregate.ts'), "import { x } from '../../store/db.js';"],
  ])('refuse, in %s, the import in %s', (file, line) => {
    const spec = /from\s+['"]([^'"]+)['"]/.exec(line)![1]!;
    expect(importStaysInCore(file, spec)).toBe(false);
  });
  it.each([
    ['numbers.ts', "import { x } from './csvCell.js';"],
    [path.join('teamReport', 'aggregate.ts'), "import { x } from '../numbers.js';"],
    [path.join('teamReport', 'aggregate.ts'), "import { x } from './contract.js';"],
  ])('allow, in %s, the import in %s', (file, line) => {
    const spec = /from\s+['"]([^'"]+)['"]/.exec(line)![1]!;
    expect(importStaysInCore(file, spec)).toBe(true);
  });
});
