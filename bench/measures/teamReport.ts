/**
 * Bench measure: "team report of 500 personal year exports (Node, CLI) ≤ 3 s".
 *
 * Set-up (not timed): a pool of genuine synthetic working days, the
 * histories of a few synthetic clinicians (syntheticHistory, one seed each)
 * turned into spans and page events by the tracker's pure core exactly as
 * the worker folds content-script reports (applyAttention/applyReport, driven
 * like writeHistory.ts against in-memory maps instead of IndexedDB), then
 * into day rollups (rollupsFromRecords). Then 500 clinicians (smoke: 10),
 * each with its own seed for its days away and for the pool days it worked,
 * each exported for a year of 52 ISO weeks (smoke: 2) with buildPersonalExport
 * (weekly, one team code, varied roles, a quarter with systems) and written
 * as JSON (personalExportToJson) into opts.workDir. Running every one of the
 * 500 clinician-years through the tracker would take about 6 s each, hence
 * the pool.
 *
 * Timed: `node scripts/team-report.mjs <folder> --out <dir> --period FROM..TO
 * --what-if sso --what-if page-loads --what-if inbox=10` (the report, its
 * case for change with all three what-ifs, and the board report),
 * the command a team lead runs, wall clock from spawn to exit, so including
 * Node's start-up and the script's in-memory esbuild bundle of the core.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_ACTIVE_TIME, type ActiveTimeParams } from '../../src/core/activeTimeParams.js';
import type { ActivitySpan } from '../../src/core/activitySpan.js';
import { manualSpan } from '../../src/core/corrections.js';
import { addDays, isWeekend } from '../../src/core/dateKeys.js';
import { rollupsFromRecords, type DayRollup } from '../../src/core/dayRollup.js';
import { ROLES, type Role } from '../../src/core/exportFormat.js';
import { personalExportToJson } from '../../src/core/exportWriters.js';
import { historySteps } from '../historySteps.js';
import type { LocalDateKey } from '../../src/core/localDate.js';
import { measurement, type BenchOptions, type Measurement } from '../measurement.js';
import { buildPersonalExport, newContributorId } from '../../src/core/personalExport.js';
import type { PageEvent } from '../../src/core/records.js';
import { seededRandom, SYNTHETIC_SCHEDULE, syntheticHistory, type SyntheticDay } from '../syntheticHistory.js';
import { applyAttention, applyReport, INITIAL_TRACKER_STATE, spanIdsForTab, type TrackerState } from '../../src/core/tracker.js';

/** For docs/performance.md. */
export const TEAM_REPORT_MEASURE = {
  id: 'teamReport500',
  label: 'Team report of 500 personal year exports (Node, CLI)',
  unit: 'ms',
  budget: 3000,
  description:
    '500 valid weekly personal exports of one year (52 ISO weeks), one team code, varied roles, one per synthetic clinician: ' +
    "each clinician's working days are drawn (own seed) from a pool of synthetic days run through the tracker core and rollupsFromRecords, " +
    'then buildPersonalExport and the JSON writer. Timed: `node scripts/team-report.mjs <folder> --out <dir> --period FROM..TO --what-if sso --what-if page-loads --what-if inbox=10` ' +
    '(the report, its case for change with all three what-ifs, and the one-page board report), ' +
    'wall clock from spawn to exit, including Node start-up and the script bundling the core with esbuild; making the files is not timed. ' +
    'Smoke: 10 exports of 2 weeks.',
} as const;

export const TEAM_CODE = 'BENCH-TEAM-1';
/** Every what-if, as a team lead would ask for them. */
export const WHAT_IF_ARGS = ['--what-if', 'sso', '--what-if', 'page-loads', '--what-if', 'inbox=10'] as const;
/** The last day of every export: a Sunday. */
export const PERIOD_END: LocalDateKey = '2026-05-31';

/** Roles of the synthetic team: every role and "not stated", in proportions a mixed team might have. */
const ROLE_MIX: ReadonlyArray<Role | null> = ['consultant', 'resident_doctor', 'resident_doctor', 'gp', 'nurse', 'nurse', 'ahp', 'pharmacist', 'admin', 'other', null];

/** Every role is used (a check on ROLE_MIX against the export format). */
for (const role of ROLES) if (!ROLE_MIX.includes(role)) throw new Error(`ROLE_MIX lacks ${role}`);

/**
 * The spans and page events the worker would have stored for a synthetic
 * history: the same steps as writeHistory.ts (historySteps), run on the pure
 * tracker core against in-memory maps.
 */
export function recordsFromHistory(days: readonly SyntheticDay[], ctx: { timeZone: string; idPrefix?: string }): { spans: Map<string, ActivitySpan>; events: PageEvent[] } {
  let ids = 0;
  const newId = () => `${ctx.idPrefix ?? 'bench'}-${(++ids).toString(36)}`;
  const spans = new Map<string, ActivitySpan>();
  const events: PageEvent[] = [];
  let state: TrackerState = INITIAL_TRACKER_STATE;
  for (const step of historySteps(days)) {
    if (step.kind === 'attention') {
      state = applyAttention(state, { paused: false, os: 'active', focusedTabId: step.tabId }, step.atSec);
    } else if (step.kind === 'report') {
      const own = new Map<string, ActivitySpan>();
      for (const id of spanIdsForTab(state, step.tabId)) {
        const s = spans.get(id);
        if (s) own.set(id, s);
      }
      const result = applyReport(state, step.tabId, step.report, step.nowSec, own, newId, ctx.timeZone);
      state = result.state;
      for (const w of result.writes) spans.set(w.after.id, w.after);
      events.push(...result.events);
    } else {
      const m = step.entry;
      const span = manualSpan({ id: newId(), source: m.source, start: m.start, end: m.end, category: m.category, systemId: m.systemId, timeZone: ctx.timeZone });
      spans.set(span.id, span);
    }
  }
  return { spans, events };
}

/** Day rollups of a synthetic history, as the store would hold them. */
export function rollupsFromHistory(days: readonly SyntheticDay[], ctx: { timeZone: string; params: ActiveTimeParams }): DayRollup[] {
  const { spans, events } = recordsFromHistory(days, ctx);
  return [...rollupsFromRecords(spans.values(), events, ctx.params, ctx.timeZone).values()];
}

/** Weekdays a synthetic clinician is away (leave, study, non-clinical days), as in syntheticHistory. */
const AWAY_SHARE = 0.12;

/**
 * A pool of genuine synthetic working days: `seeds` clinicians' histories of
 * `weeks` weeks each, run through the tracker core and rollupsFromRecords.
 * Building every one of 500 clinician-years that way takes about 6 s each
 * (some 25,000 spans a year, each counted under six definitions), so the
 * clinicians of the team draw their working days from this pool.
 */
export function dayPool(opts: { seeds: number; weeks: number; timeZone: string; params: ActiveTimeParams }): DayRollup[] {
  const pool: DayRollup[] = [];
  for (let k = 0; k < opts.seeds; k++) {
    const days = syntheticHistory({ lastDate: PERIOD_END, days: opts.weeks * 7, timeZone: opts.timeZone, seed: 20261126 + k * 104729 });
    for (const r of rollupsFromHistory(days, { timeZone: opts.timeZone, params: opts.params })) if (Object.keys(r.cells).length > 0) pool.push(r);
  }
  if (pool.length === 0) throw new Error('team report: the pool of synthetic days is empty');
  return pool;
}

/**
 * One clinician's day rollups over [from, to]: weekdays only, about 12 % of
 * them away, each working day a day from the pool (drawn with the clinician's
 * own seed) moved to its date. Rollups hold local times of day, so a weekday
 * moved to another weekday keeps its meaning under the same job plan.
 */
export function clinicianRollups(pool: readonly DayRollup[], from: LocalDateKey, to: LocalDateKey, seed: number): DayRollup[] {
  const random = seededRandom(seed);
  const out: DayRollup[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (isWeekend(date) || random() < AWAY_SHARE) continue;
    out.push({ ...pool[Math.floor(random() * pool.length)]!, date });
  }
  return out;
}

export interface TeamFilesSpec {
  count: number;
  /** Whole ISO weeks ending on PERIOD_END. */
  weeks: number;
  timeZone: string;
  dir: string;
  /** Clinicians' histories run through the tracker core for the pool of days. */
  poolSeeds: number;
}

/** Write `count` personal exports (JSON) into `dir`; returns the period, sizes and the pool's size. */
export function writeTeamExports(spec: TeamFilesSpec): { from: LocalDateKey; to: LocalDateKey; bytes: number; files: number; poolDays: number } {
  const to = PERIOD_END;
  const from = addDays(to, -(spec.weeks * 7 - 1));
  rmSync(spec.dir, { recursive: true, force: true });
  mkdirSync(spec.dir, { recursive: true });
  const params: ActiveTimeParams = { ...DEFAULT_ACTIVE_TIME };
  const pool = dayPool({ seeds: spec.poolSeeds, weeks: spec.weeks, timeZone: spec.timeZone, params });
  let bytes = 0;
  for (let i = 0; i < spec.count; i++) {
    const seed = 1000 + i * 7919;
    const random = seededRandom(seed ^ 0x5bd1e995);
    const idBytes = Uint8Array.from({ length: 16 }, () => 1 + Math.floor(random() * 255));
    const exp = buildPersonalExport({
      rollups: clinicianRollups(pool, from, to, seed),
      from,
      to,
      granularity: 'week',
      // Most clinicians keep the default (no systems); some share them.
      includeSystems: i % 4 === 3,
      teamCode: TEAM_CODE,
      role: ROLE_MIX[i % ROLE_MIX.length]!,
      contributorId: newContributorId(idBytes),
      extensionVersion: '0.1.0',
      schedule: SYNTHETIC_SCHEDULE,
      params,
    });
    const text = personalExportToJson(exp);
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(spec.dir, `contributor-${String(i + 1).padStart(3, '0')}.json`), text);
  }
  return { from, to, bytes, files: spec.count, poolDays: pool.length };
}

interface CliRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawn the CLI and time it from spawn to exit. */
function runCli(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(cwd, 'scripts/team-report.mjs'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - t0;
      // Let the pipes drain before handing back the output.
      child.on('close', () => resolve({ ms, code, stdout, stderr }));
    });
  });
}

/** The repository root: the nearest folder up from the working directory that holds the CLI. */
function repoRoot(): string {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'scripts/team-report.mjs'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('team report: scripts/team-report.mjs not found above the working directory');
  }
}

export async function measureTeamReport(opts: BenchOptions): Promise<Measurement> {
  const count = opts.smoke ? 10 : 500;
  const weeks = opts.smoke ? 2 : 52;
  const root = repoRoot();
  const base = path.resolve(opts.workDir, 'team-report');
  const inDir = path.join(base, 'exports');
  const outDir = path.join(base, 'out');
  const t0 = performance.now();
  const made = writeTeamExports({ count, weeks, timeZone: opts.timeZone, dir: inDir, poolSeeds: opts.smoke ? 1 : 4 });
  const setupSec = (performance.now() - t0) / 1000;
  if (readdirSync(inDir).length !== count) throw new Error(`team report: expected ${count} files in ${inDir}`);

  const runs: number[] = [];
  for (let r = 0; r < Math.max(1, opts.runs); r++) {
    rmSync(outDir, { recursive: true, force: true });
    const run = await runCli([inDir, '--out', outDir, '--period', `${made.from}..${made.to}`, ...WHAT_IF_ARGS], root);
    if (run.code !== 0) throw new Error(`team report CLI exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
    if (!run.stdout.includes(`files merged: ${count}, refused: 0`)) throw new Error(`team report CLI did not merge all ${count} files:\n${run.stdout}`);
    const report = JSON.parse(readFileSync(path.join(outDir, 'team-report.json'), 'utf8')) as { contributors: unknown };
    // Counts are disclosed rounded to 5; the team sizes here are multiples of 5, so the figure is exact.
    if (report.contributors !== count) throw new Error(`team report shows ${String(report.contributors)} contributors, expected ${count}`);
    const whatIfs = (report as { caseForChange?: { whatIfs?: Array<{ totalHoursAYear: unknown }> } }).caseForChange?.whatIfs ?? [];
    if (whatIfs.length !== 3) throw new Error('team report: the three what-ifs are missing from the JSON');
    // The smoke team (10 people, 2 weeks) is too small for every cell to be disclosed, and a what-if
    // built on a hidden cell is hidden too; the full-size team must show all three.
    if (!opts.smoke && whatIfs.some((w) => typeof w.totalHoursAYear !== 'number')) throw new Error(`team report: a what-if is hidden: ${JSON.stringify(whatIfs)}`);
    if (!existsSync(path.join(outDir, 'board-report.html'))) throw new Error('team report: no board-report.html');
    runs.push(run.ms);
  }
  return measurement({
    id: TEAM_REPORT_MEASURE.id,
    label: opts.smoke ? `Team report of ${count} personal exports of ${weeks} weeks (Node, CLI; smoke)` : TEAM_REPORT_MEASURE.label,
    unit: 'ms',
    budget: TEAM_REPORT_MEASURE.budget,
    runs,
    note:
      `node scripts/team-report.mjs <folder of ${count} exports, ${made.bytes >= 1e6 ? `${(made.bytes / 1e6).toFixed(1)} MB` : `${Math.round(made.bytes / 1e3)} kB`}> --out <dir> --period ${made.from}..${made.to} ${WHAT_IF_ARGS.join(' ')}; ` +
      'wall clock spawn→exit, including Node start-up and the CLI bundling src/core with esbuild. ' +
      `Not timed: making the files (${setupSec.toFixed(0)} s; days drawn from a pool of ${made.poolDays} synthetic days run through the tracker core)`,
  });
}
