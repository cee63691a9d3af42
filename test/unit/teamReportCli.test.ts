import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { boardReportModel, boardReportToHtml, buildTeamReportAndCase, teamReportAndCaseToCsv, teamReportAndCaseToHtml, teamReportAndCaseToJson } from '../../src/core/teamReport/index.js';
import { EN_GB } from '../support/reportMessages.js';
import { makeExport, makeTeam } from '../support/teamExports.js';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/team-report.mjs');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'timeback-team-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder of exports: `good` valid files, a broken one, a text file and a sub-folder (both ignored). */
function folder(name: string, good: number): { dir: string; files: Array<{ name: string; text: string }> } {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, 'older'), { recursive: true });
  const files = makeTeam(good, 500);
  for (const f of files) writeFileSync(path.join(dir, f.name), f.text);
  writeFileSync(path.join(dir, 'broken.json'), '{"format": "timeback-personal-export",');
  writeFileSync(path.join(dir, 'notes.txt'), 'not an export');
  writeFileSync(path.join(dir, 'older', 'contributor-99.json'), JSON.stringify(makeExport({ seed: 99 })));
  return { dir, files };
}

// Each test starts the CLI (Node, and esbuild bundling the core): seconds each on 2 shared cores.
describe('scripts/team-report.mjs', { timeout: 30_000 }, () => {
  it('is the npm script "team-report"', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts['team-report']).toBe('node scripts/team-report.mjs');
  });

  it('merges a folder (not its sub-folders), writes the three files, lists refused files and exits 0', () => {
    const { dir, files } = folder('team-a', 9);
    const out = path.join(tmp, 'out-a');
    const r = run([dir, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('files merged: 9, refused: 1');
    expect(r.stdout).toContain('contributors: 10');
    expect(r.stdout).toMatch(/broken\.json: is not valid JSON/);
    expect(r.stdout).not.toContain('contributor-99');

    const json = readFileSync(path.join(out, 'team-report.json'), 'utf8');
    const csv = readFileSync(path.join(out, 'team-report.csv'));
    const html = readFileSync(path.join(out, 'team-report.html'), 'utf8');
    // The same report as the core builds from the same files (file names never reach the outputs).
    const { report: expected, teamCase } = buildTeamReportAndCase([...files, { name: 'broken.json', text: '{"format": "timeback-personal-export",' }]);
    expect(json).toBe(teamReportAndCaseToJson(expected, teamCase, EN_GB));
    expect(csv.equals(Buffer.from(teamReportAndCaseToCsv(expected, teamCase, EN_GB), 'utf8'))).toBe(true);
    expect(readFileSync(path.join(out, 'board-report.html'), 'utf8')).toBe(boardReportToHtml(boardReportModel(expected, teamCase, EN_GB), EN_GB));
    // The page's words are read from the extension's messages file, as the dashboard's are.
    expect(html).toBe(teamReportAndCaseToHtml(expected, teamCase, EN_GB));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(JSON.parse(json).contributors).toBe(10);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).not.toMatch(/<script|https?:/);
    for (const f of files) {
      expect(json).not.toContain(f.name);
      expect(html).not.toContain(f.name);
    }
  });

  it('takes the assumptions and the what-ifs, and refuses unsound ones', () => {
    const { dir } = folder('team-w', 10);
    const out = path.join(tmp, 'out-w');
    const r = run([dir, '--out', out, '--working-weeks', '42', '--contracted-hours', '40', '--what-if', 'sso=15', '--what-if', 'page-loads', '--what-if', 'inbox=12/4']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Logging in: [\d.]+ hours a year \([\d.]+ FTE\)/);
    expect(r.stdout).toMatch(/what-if, Single sign-on: [\d.]+ hours a year given back/);
    const json = JSON.parse(readFileSync(path.join(out, 'team-report.json'), 'utf8'));
    expect(json.caseForChange.assumptions).toEqual({ workingWeeksPerYear: 42, contractedHoursPerWeek: 40 });
    expect(json.caseForChange.whatIfs.map((w: { id: string }) => w.id)).toEqual(['sso', 'pageLoadsAtP50', 'inboxTriage']);
    expect(json.caseForChange.whatIfs[2]).toMatchObject({ minutesPerDay: 12, daysPerWeek: 4 });
    // Inbox triage: 12 min × 4 days × 42 weeks = 33.6 h each, under everyone's inbox hours; 10 people: 336 h.
    expect(json.caseForChange.whatIfs[2].totalHoursAYear).toBe(336);
    expect(json.caseForChange.whatIfs[2].totalFte).toBe(0.2); // 336 ÷ (40 × 42)
    const board = readFileSync(path.join(out, 'board-report.html'), 'utf8');
    expect(board).toContain('Single sign-on');
    expect(board).not.toMatch(/<script|https?:/);
    const bad = run([dir, '--out', path.join(tmp, 'out-w2'), '--working-weeks', '60']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Working weeks a year must be a number from 1 to 52 (got 60).');
    const unknown = run([dir, '--out', path.join(tmp, 'out-w3'), '--what-if', 'faster']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('--what-if must be');
  });

  it('takes single files and the stricter threshold', () => {
    const { dir, files } = folder('team-b', 10);
    const out = path.join(tmp, 'out-b');
    const r = run([...files.map((f) => path.join(dir, f.name)), '--out', out, '--min-contributors', '11']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('files merged: 10, refused: 0');
    const json = JSON.parse(readFileSync(path.join(out, 'team-report.json'), 'utf8'));
    expect(json.contributors).toBe('*');
    expect(json.disclosure.minContributors).toBe(11);
    expect(json.totals.activeHours).toBe('*');
  });

  it('refuses an oversized file without reading it', () => {
    const dir = path.join(tmp, 'team-c');
    mkdirSync(dir, { recursive: true });
    for (const f of makeTeam(8, 700)) writeFileSync(path.join(dir, f.name), f.text);
    writeFileSync(path.join(dir, 'huge.json'), Buffer.alloc(6 * 1024 * 1024, 0x20));
    const r = run([dir, '--out', path.join(tmp, 'out-c')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/huge\.json: is 6,291,456 bytes, over the limit/);
  });

  it('exits 1 and writes nothing when no file can be merged', () => {
    const dir = path.join(tmp, 'team-d');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'a.json'), 'nonsense');
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ ...makeExport({ seed: 1 }), schemaVersion: 2 }));
    const out = path.join(tmp, 'out-d');
    const r = run([dir, path.join(tmp, 'missing.json'), '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/a\.json: is not valid JSON/);
    expect(r.stdout).toMatch(/b\.json: is schemaVersion 2, newer than this tool supports/);
    expect(r.stdout).toMatch(/missing\.json: cannot be read \(ENOENT\)/);
    expect(r.stdout).toContain('nothing was written');
    expect(existsSync(path.join(out, 'team-report.json'))).toBe(false);
  });

  it('refuses files of another period with --period', () => {
    const { dir } = folder('team-e', 8);
    const r = run([dir, '--out', path.join(tmp, 'out-e'), '--period', '2026-06-01..2026-06-28']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/covers 2026-05-04 to 2026-05-31, but the report period covers 2026-06-01 to 2026-06-28/);
  });

  it.each([
    [['--out', 'x'], /give at least one file or folder/],
    [['some.json'], /--out <dir> is required/],
    [['some.json', '--out', 'x', '--min-contributors', '5'], /8 or more/],
    [['some.json', '--out', 'x', '--period', 'May'], /--period must look like/],
    [['some.json', '--out', 'x', '--colour'], /unknown option --colour/],
  ])('usage error %j exits 1 with help', (args, message) => {
    const r = run(args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('Usage: npm run team-report');
  });

  it('--help exits 0', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--min-contributors N');
  });
});
