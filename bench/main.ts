/**
 * `npm run bench`: Timeback's performance and accuracy budgets
 * (docs/performance.md). Prints a table of each budget and the measured
 * median, the naive-peer comparison, and writes bench/results.json.
 *
 *   npm run bench              full sizes (a year of history, 500 team exports; ~10 min)
 *   npm run bench -- --smoke   tiny sizes, one pass: the run inside `npm test`
 *   --out <file>               where to write the JSON (default bench/results.json)
 *   --only node|chromium       one half only (while working on it)
 *   --only team-report         the team-report measure alone
 *   --only burst|dashboard     one Chromium measure alone, after the same year of history
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { measurement, type BaselineRow, type BenchOptions, type Measurement } from './measurement.js';
import { measureInChromium } from './measures/chromium.js';
import { measureTeamReport } from './measures/teamReport.js';
import { measureBaseline } from './measures/baseline.js';
import { measureSimulatedAccuracy } from './measures/simulatedAccuracy.js';

const root = path.resolve(import.meta.dirname ?? '.', '..');

function bundleSizes(): Measurement[] {
  const gz = (file: string) => gzipSync(readFileSync(path.join(root, 'dist/chrome', file)), { level: 9 }).length;
  return [
    measurement({ id: 'contentBundleGzip', label: 'content-script bundle (gzip)', unit: 'B', budget: 4096, runs: [gz('content.js')], note: 'dist/chrome/content.js, gzip -9' }),
    measurement({ id: 'popupBundleGzip', label: 'popup bundle (gzip)', unit: 'B', budget: 25 * 1024, runs: [gz('popup.js')], note: 'dist/chrome/popup.js, gzip -9' }),
  ];
}

const fmt = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en-GB') : x.toLocaleString('en-GB', { maximumFractionDigits: 3 }));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r, n) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ') + (n === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : '')).join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const smoke = args.includes('--smoke');
  const outIndex = args.indexOf('--out');
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const out = outIndex >= 0 ? path.resolve(args[outIndex + 1]!) : path.join(root, 'bench/results.json');
  const workDir = path.join(os.tmpdir(), `timeback-bench-${process.pid}`);
  mkdirSync(workDir, { recursive: true });
  const oneMeasure = only === 'burst' || only === 'dashboard' ? only : undefined;
  const opts: BenchOptions = { smoke, runs: smoke ? 1 : 5, workDir, timeZone: 'Europe/London', ...(oneMeasure ? { only: oneMeasure } : {}) };
  const started = Date.now();
  const measurements: Measurement[] = [];
  let baseline: BaselineRow[] = [];
  let info: Record<string, unknown> = {};
  try {
    if (only !== 'chromium' && !oneMeasure) {
      if (only !== 'team-report') measurements.push(...bundleSizes());
      console.error('bench: team report …');
      measurements.push(await measureTeamReport(opts));
      if (only !== 'team-report') {
        console.error('bench: naive peer baseline …');
        baseline = await measureBaseline(opts);
        console.error('bench: accuracy on a simulated clock …');
        measurements.push(...(await measureSimulatedAccuracy(opts)));
      }
    }
    if (only !== 'node' && only !== 'team-report') {
      console.error('bench: Chromium …');
      const chromium = await measureInChromium(opts);
      measurements.push(...chromium.measurements);
      info = chromium.info;
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  const rows = [['measure', 'budget', 'median', 'runs', 'result']];
  for (const m of measurements)
    rows.push([m.label, m.budget === null ? '—' : `≤ ${fmt(m.budget)} ${m.unit}`, `${fmt(m.median)} ${m.unit}`, String(m.runs.length), m.pass === null ? 'info' : m.pass ? 'PASS' : 'MISS']);
  console.log(`\nTimeback bench${smoke ? ' (smoke: tiny sizes, one run)' : ''}, ${new Date().toISOString()}\n`);
  console.log(table(rows));
  if (baseline.length > 0) {
    console.log('\nNaive peer design (1-s tick rewriting the day record) vs Timeback, same scenario:\n');
    console.log(table([['measure', 'Timeback', 'naive peer', 'naive ÷ Timeback'], ...baseline.map((b) => [b.measure, `${fmt(b.timeback)} ${b.unit}`, `${fmt(b.naive)} ${b.unit}`, `${fmt(Math.round(b.ratio * 10) / 10)}×`])]));
  }
  const missed = measurements.filter((m) => m.pass === false);
  console.log(`\n${measurements.filter((m) => m.pass).length} within budget, ${missed.length} missed${missed.length ? `: ${missed.map((m) => m.id).join(', ')}` : ''}; ${Math.round((Date.now() - started) / 1000)} s`);
  for (const m of measurements) if (m.note) console.log(`  ${m.id}: ${m.note}`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify({ date: new Date().toISOString(), smoke, node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, measurements, baseline, info }, null, 2) + '\n',
  );
  console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
  process.exitCode = missed.length > 0 ? 1 : 0;
}

await main();
