import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** src/core is plain TypeScript: no browser, DOM or IndexedDB, and it imports nothing browser-facing. */
const coreDir = path.resolve(import.meta.dirname, '../../src/core');
const sources = readdirSync(coreDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: readFileSync(path.join(coreDir, f), 'utf8') }));

const FORBIDDEN_GLOBALS = /\b(chrome|browser|document|window|indexedDB|navigator|localStorage|sessionStorage|location|self)\s*[.[]/;
const ALLOWED_IMPORT = /^\.\/[A-Za-z]+\.js$/;

describe('src/core purity', () => {
  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(5);
  });

  it.each(sources)('$file touches no browser global', ({ text }) => {
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(FORBIDDEN_GLOBALS);
    expect(code).not.toMatch(/\bDate\.now\(\)/);
  });

  it.each(sources)('$file imports only other core modules', ({ text }) => {
    const specifiers = [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    for (const s of specifiers) expect(s, `import of ${s}`).toMatch(ALLOWED_IMPORT);
  });
});

describe('the purity checks themselves', () => {
  it.each(['const t = document.title;', 'chrome.storage.local.get()', 'window["x"]', 'indexedDB.open("x")', 'const n = Date.now();'])('flag %s', (line) => {
    const flagged = FORBIDDEN_GLOBALS.test(line) || /\bDate\.now\(\)/.test(line);
    expect(flagged).toBe(true);
  });
  it.each(["import { openDB } from 'idb';", "import browser from 'webextension-polyfill';", "import { x } from '../store/db.js';"])('refuse the import in %s', (line) => {
    const spec = /from\s+['"]([^'"]+)['"]/.exec(line)![1]!;
    expect(ALLOWED_IMPORT.test(spec)).toBe(false);
  });
});
