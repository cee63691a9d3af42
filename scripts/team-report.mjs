#!/usr/bin/env node
// Merges anonymised personal exports into a team report (docs/team-report.md).
//
//   npm run team-report -- <files or folders> --out <dir> [--min-contributors 11] [--period 2026-05-04..2026-05-31]
//       [--working-weeks 45] [--contracted-hours 37.5] [--what-if sso[=10]] [--what-if page-loads] [--what-if inbox=10[/5]]
//
// Folders contribute every *.json directly inside them (not sub-folders).
// Writes team-report.json, team-report.csv, team-report.html and the one-page
// board-report.html to --out,
// prints a summary and every refused file with its reason. Exit 0 when at
// least one file was merged, 1 otherwise (including usage errors).
//
// The report itself is built by the TypeScript core (src/core/teamReport/index.ts);
// every word of its files comes from the extension's own messages file
// (extension/_locales/en_GB/messages.json), substituted as the extension does (src/ui/i18n.ts).
// This script bundles it on the fly with esbuild (in memory, nothing written)
// and imports the bundle from a data: URL, so it always runs the current
// source and needs no build step; it needs the dev dependencies (`npm ci`).
import { build } from 'esbuild';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `Usage: npm run team-report -- <files or folders> --out <dir> [--min-contributors N] [--period FROM..TO]

  <files or folders>    personal exports (.json); a folder adds every *.json directly inside it
  --out <dir>           where to write team-report.json, .csv, .html and board-report.html
  --min-contributors N  suppress figures from fewer than N contributors (default 8; 8 or more)
  --period FROM..TO     refuse files that do not cover exactly this period (YYYY-MM-DD..YYYY-MM-DD)
  --working-weeks W     working weeks a year, for hours a year (default 45)
  --contracted-hours C  contracted hours in a full-time week, for full-time equivalents (default 37.5)
  --what-if sso[=S]     single sign-on: every login takes S seconds (default 10)
  --what-if page-loads  page loads at the system's own p50 instead of its p95
  --what-if inbox=M[/D] an inbox triage change removing M minutes a day on D working days a week (default 5)
  --help                show this help`;

export async function loadCore() {
  const result = await build({
    stdin: {
      contents: "export * from './src/core/teamReport/index.ts';\nexport { formatMessage } from './src/ui/i18n.ts';\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** The messages file's lookup, with the substitution rules of chrome.i18n; a missing key shows as itself, as in the extension. */
export async function loadMessages(core) {
  const messages = JSON.parse(await readFile(path.join(root, 'extension/_locales/en_GB/messages.json'), 'utf8'));
  return (key, ...substitutions) => (Object.hasOwn(messages, key) ? core.formatMessage(messages[key], substitutions.map(String)) : key);
}

function parseArgs(argv) {
  const paths = [];
  const opts = { out: null, minContributors: undefined, period: undefined, help: false, assumptions: { workingWeeksPerYear: 45, contractedHoursPerWeek: 37.5 }, whatIfs: [] };
  const number = (name, v) => {
    if (!/^\d+(\.\d+)?$/.test(v)) throw new Error(`${name} must be a number (got ${v})`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') opts.help = true;
    else if (a === '--out') opts.out = value();
    else if (a === '--min-contributors') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < 8) throw new Error(`--min-contributors must be a whole number of 8 or more (got ${v})`);
      opts.minContributors = Number(v);
    } else if (a === '--period') {
      const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value());
      if (!m) throw new Error('--period must look like 2026-05-04..2026-05-31');
      opts.period = { from: m[1], to: m[2] };
    } else if (a === '--working-weeks') opts.assumptions.workingWeeksPerYear = number(a, value());
    else if (a === '--contracted-hours') opts.assumptions.contractedHoursPerWeek = number(a, value());
    else if (a === '--what-if') {
      const v = value();
      let m;
      if ((m = /^sso(?:=(.+))?$/.exec(v))) opts.whatIfs.push({ id: 'sso', targetLoginSec: m[1] === undefined ? 10 : number('--what-if sso=S', m[1]) });
      else if (v === 'page-loads') opts.whatIfs.push({ id: 'pageLoadsAtP50' });
      else if ((m = /^inbox=([^/]+)(?:\/(.+))?$/.exec(v)))
        opts.whatIfs.push({ id: 'inboxTriage', minutesPerDay: number('--what-if inbox=M', m[1]), daysPerWeek: m[2] === undefined ? 5 : number('--what-if inbox=M/D', m[2]) });
      else throw new Error(`--what-if must be sso[=S], page-loads or inbox=M[/D] (got ${v})`);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else paths.push(a);
  }
  if (!opts.help) {
    if (paths.length === 0) throw new Error('give at least one file or folder');
    if (!opts.out) throw new Error('--out <dir> is required');
  }
  return { paths, opts };
}

/** Expands folders (non-recursive, *.json) and reads every file, skipping the content of oversized ones. */
async function collectInputs(paths, maxFileBytes) {
  const inputs = [];
  const unreadable = [];
  const files = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch (err) {
      unreadable.push({ name: p, reason: `cannot be read (${err.code ?? 'error'})` });
      continue;
    }
    if (s.isDirectory()) {
      const entries = (await readdir(p, { withFileTypes: true }))
        .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json'))
        .map((e) => e.name)
        .sort();
      if (entries.length === 0) unreadable.push({ name: p, reason: 'is a folder with no .json files' });
      for (const e of entries) files.push(path.join(p, e));
    } else files.push(p);
  }
  // Read a few files at a time rather than one after another (the disk waits overlap), keeping the order of the list.
  const results = new Array(files.length);
  let next = 0;
  const reader = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const f = files[i];
      try {
        const s = await stat(f);
        // An oversized file is not read: the core refuses it from its size alone.
        if (!s.isFile()) results[i] = { unreadable: { name: f, reason: 'is not a file' } };
        else results[i] = { input: { name: f, text: s.size > maxFileBytes ? '' : await readFile(f, 'utf8'), byteLength: s.size } };
      } catch (err) {
        results[i] = { unreadable: { name: f, reason: `cannot be read (${err.code ?? 'error'})` } };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, files.length) }, reader));
  for (const r of results) {
    if (r.input) inputs.push(r.input);
    else unreadable.push(r.unreadable);
  }
  return { inputs, unreadable };
}

export async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (err) {
    console.error(`team-report: ${err.message}\n\n${USAGE}`);
    return 1;
  }
  if (parsed.opts.help) {
    console.log(USAGE);
    return 0;
  }
  const { paths, opts } = parsed;
  const core = await loadCore();
  const { inputs, unreadable } = await collectInputs(paths, core.DEFAULT_MAX_FILE_BYTES);
  let report;
  let teamCase;
  try {
    ({ report, teamCase } = core.buildTeamReportAndCase(
      inputs,
      { minContributors: opts.minContributors, expectedPeriod: opts.period },
      { assumptions: opts.assumptions, whatIfs: opts.whatIfs },
    ));
  } catch (err) {
    console.error(`team-report: ${err.message}`);
    return 1;
  }
  const clean = (s) => core.plainText(String(s));
  const t = await loadMessages(core);
  const refused = [...unreadable, ...report.rejected];
  const contributors = core.publishCell(report.contributors);

  console.log('Timeback team report');
  console.log(`  period:       ${report.period ? `${report.period.from} to ${report.period.to}` : 'none'}`);
  console.log(`  files merged: ${report.accepted.length}, refused: ${refused.length}`);
  console.log(`  contributors: ${contributors ?? 0} (as disclosed: 0, * below ${report.minContributors}, otherwise rounded to 5)`);
  const shown = (cell) => String(core.publishCell(cell) ?? 'no data');
  for (const b of teamCase.burdens) console.log(`  ${core.burdenLabel(t, b.burden)}: ${shown(b.totalHours)} hours a year (${shown(b.totalFte)} FTE)`);
  for (const w of teamCase.whatIfs) {
    const title = core.whatIfText(t, w.choice, teamCase.assumptions).title;
    console.log(`  what-if, ${title}: ${shown(w.totalHours)} hours a year given back (${shown(w.totalFte)} FTE)`);
  }
  for (const note of report.notes) console.log(`  note: ${clean(core.noteText(t, note, report.minContributors))}`);
  if (refused.length > 0) {
    console.log('Refused files (nothing from them is in the report):');
    for (const r of refused) console.log(`  ${clean(r.name)}: ${clean(r.reason)}`);
  }
  if (report.accepted.length === 0) {
    console.log('No file could be merged; nothing was written.');
    return 1;
  }
  await mkdir(opts.out, { recursive: true });
  const outputs = [
    ['team-report.json', core.teamReportAndCaseToJson(report, teamCase, t)],
    ['team-report.csv', core.teamReportAndCaseToCsv(report, teamCase, t)],
    ['team-report.html', core.teamReportAndCaseToHtml(report, teamCase, t)],
    ['board-report.html', core.boardReportToHtml(core.boardReportModel(report, teamCase, t), t)],
  ];
  for (const [name, text] of outputs) await writeFile(path.join(opts.out, name), text, 'utf8');
  console.log(`Wrote ${outputs.map(([n]) => path.join(opts.out, n)).join(', ')}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
