#!/usr/bin/env node
// `npm test`: build, type-check, lint the Firefox build, then every vitest
// project (unit, end-to-end in real Chromium, and the Firefox ESR smoke test). Ends with one plain line
// "N passed, N failed" for CI.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowsers } from './ensure-browsers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(label, cmd, args) {
  console.log(`\n== ${label} ==`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'Europe/London' } });
  return r.status === 0;
}

function fail(msg) {
  console.error(`\n${msg}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

ensureBrowsers();
if (!run('build', process.execPath, [path.join(root, 'scripts/build.mjs')])) fail('build failed');
// Bundle budgets (issue: performance): the content script runs in every clinical page.
const BUDGETS = { 'content.js': 4 * 1024, 'popup.js': 25 * 1024 };
console.log('\n== bundle budgets (gzip) ==');
for (const [file, limit] of Object.entries(BUDGETS)) {
  const size = gzipSync(readFileSync(path.join(root, 'dist', 'chrome', file)), { level: 9 }).length;
  console.log(`${file}: ${size} B (budget ${limit} B)`);
  if (size > limit) fail(`${file} is ${size} B gzip, over its ${limit} B budget`);
}
if (!run('type check', bin('tsc'), ['--noEmit', '-p', '.'])) fail('type check failed');

console.log('\n== web-ext lint (dist/firefox) ==');
const lint = spawnSync(bin('web-ext'), ['lint', '--source-dir', 'dist/firefox', '--self-hosted', '--output', 'json'], { cwd: root, encoding: 'utf8' });
let summary;
try {
  summary = JSON.parse(lint.stdout).summary;
} catch {
  fail(`web-ext lint produced no report:\n${lint.stderr}`);
}
console.log(`errors ${summary.errors}, warnings ${summary.warnings}, notices ${summary.notices}`);
// Warnings fail too: AMO reviewers read them, and a clean report keeps new ones visible.
if (summary.errors > 0 || summary.warnings > 0) {
  spawnSync(bin('web-ext'), ['lint', '--source-dir', 'dist/firefox', '--self-hosted'], { cwd: root, stdio: 'inherit' });
  fail(`web-ext lint reported ${summary.errors} errors and ${summary.warnings} warnings`);
}

mkdirSync(path.join(root, '.tmp'), { recursive: true });
const report = path.join(root, '.tmp', 'vitest.json');
const ok = run('vitest (unit + e2e)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
let passed = 0;
let failed = ok ? 0 : 1;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (ok || r.numFailedTests > 0 ? 0 : 1);
  if (r.numPendingTests + r.numTodoTests > 0) {
    console.error(`${r.numPendingTests + r.numTodoTests} tests were skipped: skipping is a defect here.`);
    failed += 1;
  }
} catch {
  failed = Math.max(failed, 1);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && ok ? 0 : 1);
