import { describe, expect, it } from 'vitest';
import messages from '../../../extension/_locales/en_GB/messages.json';
import type { MessageCatalog } from '../../ui/i18n.js';
import { goldenCases, type GoldenCase } from '../../../test/support/goldenTeams.js';
import { EN_GB } from '../../../test/support/reportMessages.js';
import { parseCsv } from '../../../test/support/teamReportTeams.js';
import { markerCount, markerLookup, readableText, wordsOutsideMarkers } from '../../../test/support/wordsOutsideMarkers.js';
import {
  boardReportModel,
  boardReportToHtml,
  TEAM_REPORT_FORMAT,
  teamReportAndCaseToCsv,
  teamReportAndCaseToHtml,
  teamReportAndCaseToJson,
  teamReportToCsv,
  teamReportToHtml,
  teamReportToJson,
  type MessageLookup,
} from './index.js';

/*
 * Every word of the team report's files, the case for change and the board
 * report comes from the messages file: rendered with a lookup that gives
 * markers instead of words, nothing but data is left outside the markers.
 */
const catalog = messages as MessageCatalog;

/** JSON fields whose strings are codes of the format (docs/team-report.md#outputs), not words. */
const CODE_FIELDS = new Set(['format', 'from', 'to', 'category', 'measure', 'week', 'role', 'code', 'burden', 'id', 'teamCodes', 'suppressedShownAs']);

function jsonWords(value: unknown, data: readonly string[], field = ''): string[] {
  if (typeof value === 'string') return CODE_FIELDS.has(field) ? [] : wordsOutsideMarkers(value, data);
  if (Array.isArray(value)) return value.flatMap((v) => jsonWords(v, data, field));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => jsonWords(v, data, k));
  return [];
}

/** CSV values that are format identifiers, not words: the format's name and a team code's "yes". */
const CSV_FORMAT_VALUES = [TEAM_REPORT_FORMAT, 'yes'];

/** The CSV's human text: every value, and a refused-files line's statistic (its reason's label). The other columns are identifiers. */
function csvWords(csv: string, data: readonly string[]): string[] {
  return parseCsv(csv)
    .slice(1)
    .flatMap(([section, , statistic, value]) => (section === 'refused files' ? [statistic!, value!] : [value!]))
    .filter((cell) => !CSV_FORMAT_VALUES.includes(cell))
    .flatMap((cell) => wordsOutsideMarkers(cell, data));
}

function render(g: GoldenCase, t: MessageLookup) {
  const { report, teamCase } = g;
  return {
    pages: {
      report: teamReportToHtml(report, t),
      reportAndCase: teamReportAndCaseToHtml(report, teamCase, t),
      board: boardReportToHtml(boardReportModel(report, teamCase, t), t),
    },
    json: [teamReportToJson(report, t), teamReportAndCaseToJson(report, teamCase, t)],
    csv: [teamReportToCsv(report, t), teamReportAndCaseToCsv(report, teamCase, t)],
  };
}

const cases = goldenCases();

describe('every word of the team report comes from the messages file', () => {
  it.each(cases)('$name: the pages (report, report with the case, board report) have no word of their own', (g) => {
    const { pages } = render(g, markerLookup());
    for (const [name, html] of Object.entries(pages)) {
      expect(markerCount(html), name).toBeGreaterThan(30);
      expect(wordsOutsideMarkers(readableText(html), g.report.teamCodes), name).toEqual([]);
    }
  });

  it.each(cases)('$name: the JSON has no word of its own outside its codes', (g) => {
    for (const json of render(g, markerLookup()).json) expect(jsonWords(JSON.parse(json), g.report.teamCodes)).toEqual([]);
  });

  it.each(cases)('$name: the CSV has no word of its own in its human columns, and its identifier columns do not depend on the messages', (g) => {
    const marked = render(g, markerLookup()).csv;
    const english = render(g, EN_GB).csv;
    marked.forEach((csv, i) => {
      expect(csvWords(csv, g.report.teamCodes)).toEqual([]);
      const [a, b] = [parseCsv(csv), parseCsv(english[i]!)];
      expect(a.length).toBe(b.length);
      a.forEach((row, r) => {
        const identifiers = (x: string[]) => (x[0] === 'refused files' ? [x[0], x[1], x[4]] : [x[0], x[1], x[2], x[4]]);
        expect(identifiers(row), row.join(',')).toEqual(identifiers(b[r]!));
      });
    });
  });

  it('every key the outputs ask for is in the messages file, with a description', () => {
    const t = markerLookup();
    for (const g of cases) render(g, t);
    expect(t.keys.size).toBeGreaterThan(150);
    const missing = [...t.keys].filter((k) => !Object.hasOwn(catalog, k) || !catalog[k]!.description);
    expect(missing).toEqual([]);
  });
});

describe('the check itself', () => {
  const [full, small] = cases as [GoldenCase, GoldenCase, GoldenCase];
  const marked = render(full, markerLookup());

  it('leaves data alone: numbers, *, ISO dates and weeks, team codes given', () => {
    expect(wordsOutsideMarkers('⟦teamReport_period|2026-05-04|2026-05-31⟧ 1,687.5 * W19 2026-W22 – 0.32 RESP-MED', ['RESP-MED'])).toEqual([]);
    expect(wordsOutsideMarkers('RESP-MED')).toEqual(['RESP', 'MED']);
  });

  it('catches English planted in a page: text, a read attribute, a substitution, a word the code kept', () => {
    const page = marked.pages.reportAndCase;
    const words = (html: string) => wordsOutsideMarkers(readableText(html), full.report.teamCodes);
    expect(words(page.replace('</main>', '<p>Planted paragraph</p></main>'))).toEqual(['Planted', 'paragraph']);
    expect(words(page.replace('<abbr title="⟦', '<abbr title="Hidden ⟦'))).toEqual(['Hidden']);
    expect(words(page.replace('⟦teamReport_lead|', '⟦teamReport_lead|last month, '))).toEqual(['last', 'month']);
    expect(words(marked.pages.board.replace('<th scope="col">⟦board_colFteShort⟧</th>', '<th scope="col">FTE</th>'))).toEqual(['FTE']);
    // Ids, classes and the style sheet are identifiers, not words read.
    expect(words('<style>body { font-family: Arial; }</style><p class="note" id="s-summary">⟦x⟧</p>')).toEqual([]);
  });

  it('catches English planted in the JSON and in the CSV', () => {
    const json = JSON.parse(marked.json[1]!);
    json.perMeasure[0].label = 'Active time per week';
    json.caseForChange.whatIfs[0].source = 'Department of Health';
    expect(jsonWords(json, full.report.teamCodes)).toEqual(['Active', 'time', 'per', 'week', 'Department', 'of', 'Health']);
    const smallCsv = render(small, markerLookup()).csv[1]!;
    const planted = smallCsv
      .replace(/note,,text,[^\r]*/, 'note,,text,Some merged files carry no team code.')
      .replace(/\r\n$/, '\r\nrefused files,not_json,Not a readable JSON file,1,files\r\n');
    expect(csvWords(planted, small.report.teamCodes)).toEqual(['Some', 'merged', 'files', 'carry', 'no', 'team', 'code', 'Not', 'readable', 'JSON', 'file']);
  });
});
