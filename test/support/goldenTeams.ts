/**
 * The fixed teams behind the team report's golden files
 * (test/fixtures/team-report/): the same inputs for the core's writers and
 * for the dashboard's views of them, so every output is pinned byte for byte.
 */
import { makeExport, type ExportSpec } from './teamExports.js';
import { file, seeds, team } from './teamReportTeams.js';
import { buildTeamReport, buildTeamReportAndCase, type TeamCase, type TeamReport, type TeamReportInput } from '../../src/core/teamReport/index.js';
import type { TeamCaseOptions } from '../../src/core/teamReport/teamCase.js';

/** A fixed team of 17: 9 consultants and 8 nurses; referrals by 3 (suppressed); 2 without a schedule; 2 refused files. */
export function goldenFiles(): TeamReportInput[] {
  const specs: ExportSpec[] = seeds(17).map((i) => ({
    seed: i,
    role: i <= 9 ? 'consultant' : 'nurse',
    teamCode: 'RESP-MED',
    categoryHours: { ...(i <= 3 ? { referrals: 1.5 } : {}), ...(i >= 8 ? { direct_care: 2 } : {}) },
    noSchedule: i === 16 || i === 17,
  }));
  const files = team(specs);
  // Two refused files: a duplicate and one with another definition.
  files.push({ ...files[4]!, name: 'copy-of-5.json' });
  files.push(file('other-definition.json', makeExport({ seed: 40, inactivityThresholdSec: 5 })));
  return files;
}

export function goldenReport(): TeamReport {
  return buildTeamReport(goldenFiles());
}

/** Five contributors of mixed roles under two team codes (one file without): below the threshold, so notes and a withheld role breakdown. */
function smallTeamFiles(): TeamReportInput[] {
  const codes = ['RESP-MED', 'RESP-MED', 'CARD-01', 'CARD-01', null];
  const roles = ['consultant', 'nurse', 'nurse', null, 'pharmacist'] as const;
  return team(seeds(5, 60).map((seed, i) => ({ seed, teamCode: codes[i], role: roles[i] })));
}

/** Only refused files: no period, no definition, no figures. */
function refusedOnlyFiles(): TeamReportInput[] {
  return [file('broken.json', '{"format": "timeback-personal-export",'), file('empty.json', '')];
}

export interface GoldenCase {
  /** The golden files' name stem: `<name>-case.json`, `-case.csv`, `-case.html`, `<name>-board.html`. */
  name: string;
  report: TeamReport;
  teamCase: TeamCase;
}

function golden(name: string, files: TeamReportInput[], options: TeamCaseOptions): GoldenCase {
  return { name, ...buildTeamReportAndCase(files, {}, options) };
}

/**
 * The case for change over each fixed team: the full team with all three
 * what-ifs and assumptions other than the defaults (so every substitution
 * shows), the small team with one what-if, and a report with no file merged.
 */
export function goldenCases(): GoldenCase[] {
  return [
    golden('full', goldenFiles(), {
      assumptions: { workingWeeksPerYear: 42, contractedHoursPerWeek: 40 },
      whatIfs: [{ id: 'sso', targetLoginSec: 15 }, { id: 'pageLoadsAtP50' }, { id: 'inboxTriage', minutesPerDay: 12, daysPerWeek: 4 }],
    }),
    golden('small', smallTeamFiles(), { whatIfs: [{ id: 'sso', targetLoginSec: 10 }] }),
    golden('none-merged', refusedOnlyFiles(), {}),
  ];
}
