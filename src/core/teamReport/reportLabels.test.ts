import { describe, expect, it } from 'vitest';
import messages from '../../../extension/_locales/en_GB/messages.json';
import type { MessageCatalog } from '../../ui/i18n.js';
import { makeTeam } from '../../../test/support/teamExports.js';
import { EN_GB, messageLookup } from '../../../test/support/reportMessages.js';
import { teamReportAndCaseToHtml } from './caseOutputs.js';
import { buildTeamReportAndCase } from './teamCase.js';
import { teamReportToHtml } from './writeHtml.js';
import { teamReportToJson } from './writeJson.js';

/*
 * The team report page's headings and labels come from the extension's
 * messages file through the lookup its caller passes: the dashboard's `t`,
 * or the team-report command's reading of the same file.
 */
const { report, teamCase } = buildTeamReportAndCase(makeTeam(12, 1, { role: 'nurse' }));

/** The texts of every heading, column heading and row heading of a page. */
function headings(html: string): string[] {
  return [...html.matchAll(/<(h1|h2)[^>]*>([^<]*)<\/\1>|<th scope="(?:col|row)"[^>]*>([^<]*)<\/th>/g)].map((m) => m[2] ?? m[3]!);
}

describe('team report labels', () => {
  it('the roles are shown, so their labels are checked', () => {
    expect(report.roles.shown).toBe(true);
  });

  it('every heading and column heading, and every task and role label, is a message', () => {
    const keys = (key: string) => `[${key}]`;
    const page = teamReportAndCaseToHtml(report, teamCase, keys);
    const texts = headings(page);
    expect(texts.length).toBeGreaterThan(40);
    // Row headings of the measure, week, refusal and case tables are figures' own names (weeks, measures,
    // burdens); the rest are messages.
    const fromMessages = texts.filter((s) => /^\[\w+\]$/.test(s));
    expect(fromMessages).toEqual(expect.arrayContaining(['[teamReport_heading]', '[teamReport_sectionCategories]', '[teamReport_sectionYear]', '[teamReport_colLowerQuartile]', '[category_documentation]', '[teamReport_role_nurse]']));
    for (const english of ['Timeback team report', 'Summary', 'Time by task', 'Contributors by role', 'A year at this rate', 'Lower quartile', 'Documentation', 'Nurse']) expect(texts).not.toContain(english);
    expect(page).toContain('<title>[teamReport_pageTitle]</title>');
  });

  it('a changed message appears in the page', () => {
    const changed = {
      ...(messages as MessageCatalog),
      category_documentation: { message: 'Clinical notes (changed)' },
      teamReport_sectionCategories: { message: 'Tasks (changed)' },
      teamReport_role_nurse: { message: 'Nursing (changed)' },
      teamReport_pageTitle: { message: 'Team time, $PERIOD$', placeholders: { period: { content: '$1' } } },
    };
    const page = teamReportToHtml(report, messageLookup(changed));
    expect(headings(page)).toEqual(expect.arrayContaining(['Clinical notes (changed)', 'Tasks (changed)', 'Nursing (changed)']));
    expect(page).not.toContain('>Time by task<');
    expect(page).toContain('<title>Team time, 4 May 2026 to 31 May 2026</title>');    const json = JSON.parse(teamReportToJson(report, messageLookup(changed)));
    expect(json.perCategory.find((c: { category: string }) => c.category === 'documentation').label).toBe('Clinical notes (changed)');
    expect(json.roles.groups.map((g: { label: string }) => g.label)).toContain('Nursing (changed)');
  });

  it('with the en_GB messages the page reads as before', () => {
    const page = teamReportToHtml(report, EN_GB);
    expect(headings(page)).toEqual(expect.arrayContaining(['Timeback team report', 'Time by task', 'Documentation', 'Nurse', 'Lower quartile']));
    expect(page).toContain('<title>Timeback team report: 4 May 2026 to 31 May 2026</title>');
  });
});
