import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { TASK_CATEGORIES } from '../../src/core/taskCategory.js';
import type { MessageCatalog } from '../../src/ui/i18n.js';

const root = path.resolve(import.meta.dirname, '../..');
const messages = JSON.parse(readFileSync(path.join(root, 'extension/_locales/en_GB/messages.json'), 'utf8')) as MessageCatalog;

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, ext);
    return ext.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const rel = (file: string) => path.relative(root, file);

describe('en_GB messages.json', () => {
  it('is well formed: valid names, a message each, placeholders defined', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message.trim(), key).not.toBe('');
      const defined = new Set(Object.keys(entry.placeholders ?? {}).map((p) => p.toLowerCase()));
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) expect(defined.has(name!.toLowerCase()), `${key}: $${name}$`).toBe(true);
    }
  });

  it('has the manifest strings, with a store description under 132 characters', () => {
    const manifest = readFileSync(path.join(root, 'manifest.json'), 'utf8');
    for (const [, key] of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) expect(messages, key).toHaveProperty([key!]);
    expect(messages.extName?.message).toBe('Timeback');
    expect(messages.extDescription!.message.length).toBeLessThan(132);
  });

  it('labels every task category', () => {
    for (const c of TASK_CATEGORIES) expect(messages, c).toHaveProperty([`category_${c}`]);
  });

  it('has every key used through t() in src/', () => {
    const missing: string[] = [];
    for (const file of filesUnder(path.join(root, 'src'), /\.tsx?$/)) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bt\(\s*['"`]([^'"`$]+)['"`]/g))
        if (!Object.hasOwn(messages, key!)) missing.push(`${rel(file)}: ${key}`);
    }
    expect(missing).toEqual([]);
  });
});

// Parsed rather than regex-scanned, so `=>` and `a > b` in code are not mistaken for markup.
const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);

/** JSX text with letters, and user-facing attributes given literal text: strings that bypass t(). */
function hardCodedStrings(fileName: string, text: string): string[] {
  const found: string[] = [];
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /[A-Za-z]/.test(node.text)) found.push(`${fileName}: text "${node.text.trim()}"`);
    if (
      ts.isJsxAttribute(node) &&
      USER_FACING_ATTRIBUTES.has(node.name.getText(source)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      /[A-Za-z]/.test(node.initializer.text)
    )
      found.push(`${fileName}: ${node.name.getText(source)}="${node.initializer.text}"`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('UI components', () => {
  it('have no hard-coded English in JSX text or user-facing attributes', () => {
    const dirs = ['src/popup', 'src/dashboard', 'src/ui'].map((d) => path.join(root, d));
    const found = dirs.flatMap((d) => filesUnder(d, /\.tsx$/)).flatMap((file) => hardCodedStrings(rel(file), readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check catches literal text and labels, and ignores code and t() calls', () => {
    const sample = `const A = () => (a > b ? <p>{t('x')}</p> : <p>Hello there</p>);
      const B = () => <button aria-label="Close" class="button">{t('y')} · 2</button>;`;
    expect(hardCodedStrings('sample.tsx', sample)).toEqual(['sample.tsx: text "Hello there"', 'sample.tsx: aria-label="Close"']);
  });
});
