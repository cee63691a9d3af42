import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BURDENS } from '../../src/core/annualBurden.js';
import { ROLES } from '../../src/core/exportFormat.js';
import { TASK_CATEGORIES } from '../../src/core/taskCategory.js';
import { REJECTION_CODES, REPORT_NOTES, ROLES_WITHHELD, TEAM_MEASURES } from '../../src/core/teamReport/contract.js';
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

  it('describes every entry for its translator', () => {
    expect(Object.keys(messages).filter((key) => !messages[key]!.description?.trim())).toEqual([]);
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

  it('has every key the team report names in its code, whatever the call that looks it up', () => {
    const missing: string[] = [];
    for (const file of filesUnder(path.join(root, 'src/core/teamReport'), /\.ts$/)) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/['"`]((?:teamReport|board|whatIf|share|category)_[A-Za-z0-9_]+)['"`]/g))
        if (!Object.hasOwn(messages, key!)) missing.push(`${rel(file)}: ${key}`);
    }
    expect(missing).toEqual([]);
  });

  it('has every key the team report builds at run time (reportLabels.ts, reportDates.ts)', () => {
    const keys = [
      ...[...ROLES, 'not_stated'].map((r) => `teamReport_role_${r}`),
      ...TEAM_MEASURES.flatMap((m) => [`teamReport_measure_${m.id}`, `teamReport_measureUnit_${m.id}`]),
      ...REJECTION_CODES.map((code) => `share_reject_${code}`),
      ...REPORT_NOTES.map((note) => `teamReport_note_${note}`),
      ...ROLES_WITHHELD.map((reason) => `teamReport_rolesWithheld_${reason}`),
      ...BURDENS.flatMap((b) => [`teamReport_burden_${b}`, `teamReport_burdenSource_${b}`]),
      ...Array.from({ length: 12 }, (_, i) => `teamReport_month_${i + 1}`),
    ];
    expect(keys.filter((k) => !Object.hasOwn(messages, k))).toEqual([]);
  });

  it('has no entry for a code that does not exist (a translator would translate it for nothing)', () => {
    const families: Array<[prefix: string, codes: readonly string[]]> = [
      ['category_', TASK_CATEGORIES],
      ['share_reject_', REJECTION_CODES],
      ['teamReport_role_', [...ROLES, 'not_stated']],
      ['teamReport_note_', REPORT_NOTES],
      ['teamReport_rolesWithheld_', ROLES_WITHHELD],
    ];
    const strays = families.flatMap(([prefix, codes]) => Object.keys(messages).filter((k) => k.startsWith(prefix) && !codes.includes(k.slice(prefix.length))));
    expect(strays).toEqual([]);
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
