import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_SENDERS } from '../../src/protocol.js';

/*
 * The project's conventions as checks, so they cannot drift. Each checker is
 * a plain function over file text; each is run over the real tree (which
 * must pass) and over a small planted violation (which it must report).
 */
const root = path.resolve(import.meta.dirname, '../..');
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');

interface SourceFile {
  /** Path from the repository root, with forward slashes. */
  file: string;
  text: string;
}

function sourceFiles(dir: string, pattern = /\.(ts|tsx|js|mjs|cjs)$/): SourceFile[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'fixtures' ? [] : sourceFiles(rel, pattern);
    return pattern.test(e.name) ? [{ file: rel, text: read(rel) }] : [];
  });
}

// ---------------------------------------------------------------------------
// Every protocol message and every `meta` key is documented in architecture.md

/** The names in the first column (`name`) of the tables under a markdown heading, up to the next heading of its level or higher. */
export function tableNamesUnder(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^#+ /.test(l) && l.replace(/^#+ /, '').trim() === heading);
  if (start < 0) return [];
  const level = /^#+/.exec(lines[start]!)![0].length;
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const h = /^(#+) /.exec(line);
    if (h && h[1]!.length <= level) break;
    const row = /^\|\s*`([^`]+)`\s*\|/.exec(line);
    if (row) names.push(row[1]!);
  }
  return names;
}

/** The names missing from the doc's tables under `heading`. */
export function undocumented(names: readonly string[], markdown: string, heading: string): string[] {
  const documented = new Set(tableNamesUnder(markdown, heading));
  return names.filter((n) => !documented.has(n));
}

/** The keys the `meta` store is typed with in the schema source (`{ key: 'x'; value: … }`, one per key). */
export function metaKeysOfSchema(dbSource: string): string[] {
  const block = /^\s*meta:\s*\n([\s\S]*?);\n\}/m.exec(dbSource);
  if (!block) return [];
  return [...block[1]!.matchAll(/\{\s*key:\s*'([^']+)';\s*value:/g)].map((m) => m[1]!);
}

/** The message names of the worker-to-content-script protocol (`interface ContentProtocol { name: … }`). */
export function contentMessageNames(protocolSource: string): string[] {
  const block = /export interface ContentProtocol \{([\s\S]*?)\n\}/.exec(protocolSource);
  if (!block) return [];
  return [...block[1]!.matchAll(/^\s{2}(\w+):/gm)].map((m) => m[1]!);
}

/** `db.get('meta', 'k')`, `db.put('meta', v, 'k')`, `meta.get('k')`, `meta.put(v, 'k')`, `tx.objectStore('meta').get('k')` and the like. */
const META_KEY_USE =
  /\.(?:get|delete)\(\s*'meta'\s*,\s*'(\w+)'|\.put\(\s*'meta',[^\n]*,\s*'(\w+)'\)|(?:\bmeta|objectStore\('meta'\))\.(?:get|delete)\(\s*'(\w+)'|(?:\bmeta|objectStore\('meta'\))\.put\([^\n]*,\s*'(\w+)'\)/g;

const MESSAGES_HEADING = 'Message protocol and sender policy';
const META_HEADING = '`meta` keys';

describe('architecture.md documents every message and meta key', () => {
  const doc = read('docs/architecture.md');
  const messages = [...Object.keys(MESSAGE_SENDERS), ...contentMessageNames(read('src/protocol.ts'))];
  const metaKeys = metaKeysOfSchema(read('src/store/db.ts'));

  it('finds the messages and keys to check', () => {
    expect(messages.length).toBeGreaterThanOrEqual(20);
    expect(messages).toContain('evaluateRules');
    expect(metaKeys).toEqual(expect.arrayContaining(['tracker', 'rollupParams', 'prunedBefore', 'timer', 'lastTimer', 'lastChange', 'idleReview', 'away']));
  });

  it('every Protocol and ContentProtocol message has a row in the message table', () => {
    expect(undocumented(messages, doc, MESSAGES_HEADING)).toEqual([]);
  });

  it('every meta key in the schema has a row in the meta keys table', () => {
    expect(undocumented(metaKeys, doc, META_HEADING)).toEqual([]);
  });

  it('every meta key the worker and store read or write is one the schema types', () => {
    // The schema's key union makes another key a compile error; this keeps the scan honest too.
    const used = new Set<string>();
    for (const { text } of [...sourceFiles('src/store'), ...sourceFiles('src/background')]) {
      for (const m of text.matchAll(META_KEY_USE)) used.add(m.slice(1).find((k) => k !== undefined)!);
    }
    expect(used.size).toBeGreaterThanOrEqual(6);
    expect([...used].filter((k) => !metaKeys.includes(k))).toEqual([]);
  });

  it('catches a planted message and a planted meta key that the doc lacks', () => {
    const plantedDoc = [
      '## Message protocol and sender policy',
      '| Message | Sender |',
      '| --- | --- |',
      '| `getToday` | extension page |',
      '## Storage schema',
      '### `meta` keys',
      '| `tracker` | TrackerState |',
      '## Later',
      '| `newKey` | not under the meta heading |',
    ].join('\n');
    expect(undocumented(['getToday', 'plantedMessage'], plantedDoc, MESSAGES_HEADING)).toEqual(['plantedMessage']);
    const plantedSchema = "export interface S {\n  meta:\n    | { key: 'tracker'; value: TrackerState }\n    | { key: 'newKey'; value: number };\n}\n";
    expect(metaKeysOfSchema(plantedSchema)).toEqual(['tracker', 'newKey']);
    expect(undocumented(metaKeysOfSchema(plantedSchema), plantedDoc, META_HEADING)).toEqual(['newKey']);
    const plantedUse = "await db.put('meta', { since: 1 }, 'plantedAway');\nconst t = await meta.get('plantedTimer');\ndb.transaction('meta', 'readwrite');";
    expect([...plantedUse.matchAll(META_KEY_USE)].map((m) => m.slice(1).find((k) => k !== undefined))).toEqual(['plantedAway', 'plantedTimer']);
    expect(contentMessageNames('export interface ContentProtocol {\n  /** x */\n  evaluateRules: { request: A; response: B };\n  planted: { request: A; response: B };\n}')).toEqual(['evaluateRules', 'planted']);
  });
});

// ---------------------------------------------------------------------------
// No source names a path outside the repository or an issue number

// Built from pieces so that this file's own source does not match it.
const ISSUE_REFERENCE = new RegExp(['\\bissues?\\s*#?\\d+', '\\blessons-from' + '-peers\\b'].join('|'), 'i');
const ABSOLUTE_OUTSIDE = /(?:^|[\s'"`(=])(?:\/work\/|\/home\/\w|\/Users\/|\/mnt\/|~\/)/;
const RELATIVE_PATH = /(?:\.\.\/)+[\w.@-]+/g;

/** Lines of a file that name an issue, an absolute path outside the repository, or a relative path that climbs out of it. */
export function outsideReferences({ file, text }: SourceFile, repoRoot: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    if (ISSUE_REFERENCE.test(line)) found.push(`${where}: issue reference`);
    if (ABSOLUTE_OUTSIDE.test(line)) found.push(`${where}: path outside the repository`);
    for (const m of line.matchAll(RELATIVE_PATH)) {
      const target = path.resolve(repoRoot, path.dirname(file), m[0]);
      if (path.relative(repoRoot, target).startsWith('..')) found.push(`${where}: ${m[0]} is outside the repository`);
    }
  });
  return found;
}

describe('no source or comment names a path outside the repository or an issue number', () => {
  const files = ['src', 'scripts', 'bench', 'test'].flatMap((d) => sourceFiles(d));

  it('scans the sources of src, scripts, bench and test', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(files.map((f) => f.file)).toContain('test/unit/conventions.test.ts');
  });

  it('finds none in the tree', () => {
    // This file's own plants are built from pieces, so it scans clean too.
    expect(files.flatMap((f) => outsideReferences(f, root))).toEqual([]);
  });

  it('catches planted references', () => {
    const planted: SourceFile = {
      file: 'src/core/planted.ts',
      text: [
        '// See ' + 'issue ' + '12 for why.',
        '/* as in ' + 'Issue #' + '6 */',
        '// ' + 'lessons-from' + '-peers 3',
        "const ref = '/wo" + "rk/shared/reference/x.md';",
        "import x from '" + '../'.repeat(3) + "shared/x.js';",
        '// ~' + '/notes.txt',
        "import ok from '../store/db.js'; // inside the repository: fine",
        '// CSS colour #123456 and a 12-issue backlog: fine',
      ].join('\n'),
    };
    const found = outsideReferences(planted, root).map((f) => f.replace(/: .*/, ''));
    expect(found).toEqual(['src/core/planted.ts:1', 'src/core/planted.ts:2', 'src/core/planted.ts:3', 'src/core/planted.ts:4', 'src/core/planted.ts:5', 'src/core/planted.ts:6']);
  });
});

// ---------------------------------------------------------------------------
// No file in src/ over 400 lines, tests beside the code included

const MAX_LINES = 400;

/** Files longer than `max` lines, as "file (lines)". */
export function overLong(files: readonly SourceFile[], max = MAX_LINES): string[] {
  return files
    .map((f) => ({ file: f.file, lines: f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0) }))
    .filter((f) => f.lines > max)
    .map((f) => `${f.file} (${f.lines})`);
}

describe('no file in src/ is over 400 lines', () => {
  it('every file in src/, tests included, is 400 lines or fewer', () => {
    expect(overLong(sourceFiles('src', /\.tsx?$/))).toEqual([]);
  });

  it('catches a planted 401-line module and a long test, and not a 400-line one', () => {
    const lines = (n: number) => 'const x = 1;\n'.repeat(n);
    const planted = [
      { file: 'src/core/long.ts', text: lines(401) },
      { file: 'src/core/fits.ts', text: lines(400) },
      { file: 'src/core/long.test.ts', text: lines(900) },
    ];
    expect(overLong(planted)).toEqual(['src/core/long.ts (401)', 'src/core/long.test.ts (900)']);
  });
});

// ---------------------------------------------------------------------------
// Nothing in the popup or dashboard imports from the worker

/** Import specifiers (static, re-export and dynamic) of a module. */
export function importSpecifiers(text: string): string[] {
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return specs.map((m) => m[1]!);
}

/** The imports of pages' modules that resolve into src/background/, as "file → specifier". */
export function pageImportsOfWorker(files: readonly SourceFile[]): string[] {
  return files.flatMap(({ file, text }) =>
    importSpecifiers(text)
      .filter((s) => s.startsWith('.') && path.posix.join(path.posix.dirname(file), s).startsWith('src/background/'))
      .map((s) => `${file} → ${s}`),
  );
}

describe('the popup and dashboard never import from src/background/', () => {
  const pages = ['src/popup', 'src/dashboard', 'src/ui'].flatMap((d) => sourceFiles(d, /\.tsx?$/));

  it('scans the popup, dashboard and shared UI modules', () => {
    expect(pages.length).toBeGreaterThan(50);
  });

  it('none of them imports from src/background/', () => {
    expect(pageImportsOfWorker(pages)).toEqual([]);
  });

  it('catches planted imports of the worker, however they are written', () => {
    const planted: SourceFile[] = [
      { file: 'src/popup/main.tsx', text: "import { STORAGE_WARNING_KEY } from '../background/dataManagement.js';\nimport { t } from '../ui/i18n.js';" },
      { file: 'src/dashboard/share/Deep.tsx', text: "import type { X } from '../../background/worker.js';\nexport { Y } from '../../protocol.js';" },
      { file: 'src/dashboard/Lazy.tsx', text: "const m = await import('../background/rulePreview.js');" },
    ];
    expect(pageImportsOfWorker(planted)).toEqual([
      'src/popup/main.tsx → ../background/dataManagement.js',
      'src/dashboard/share/Deep.tsx → ../../background/worker.js',
      'src/dashboard/Lazy.tsx → ../background/rulePreview.js',
    ]);
  });
});

// ---------------------------------------------------------------------------
// The README's Contributing section says where helpers live, with real paths

/** The paths a markdown section names in code spans (those that look like repository paths). */
export function sectionPaths(markdown: string, heading: string): string[] | null {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l === `## ${heading}`);
  if (start < 0) return null;
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  const body = lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
  return [...body.matchAll(/`((?:src|test|docs|extension|scripts|bench|schemas)\/[^`\s]*)`/g)].map((m) => m[1]!);
}


describe("README's Contributing section", () => {
  const named = sectionPaths(read('README.md'), 'Contributing');

  it('exists and names where each kind of helper lives', () => {
    expect(named).not.toBeNull();
    for (const where of ['src/core/', 'src/core/numbers.ts', 'src/core/csvCell.ts', 'src/core/plainObject.ts', 'src/core/localDate.ts', 'src/ui/controls/', 'src/protocol.ts', 'src/store/']) expect(named).toContain(where);
  });

  it('names only paths that exist', () => {
    expect(named!.filter((p) => !existsSync(path.join(root, p)))).toEqual([]);
  });

  it('catches a missing section and a planted path that does not exist', () => {
    expect(sectionPaths('# Timeback\n## Documentation\n`src/core/`', 'Contributing')).toBeNull();
    const planted = '## Contributing\n- numbers in `src/core/numbers.ts`, dates in `src/core/noSuchDates.ts`\n## Documentation\n- `src/gone.ts`';
    const paths = sectionPaths(planted, 'Contributing')!;
    expect(paths).toEqual(['src/core/numbers.ts', 'src/core/noSuchDates.ts']);
    expect(paths.filter((p) => !existsSync(path.join(root, p)))).toEqual(['src/core/noSuchDates.ts']);
  });
});
