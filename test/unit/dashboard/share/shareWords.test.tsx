// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardReportModel } from '../../../../src/core/teamReport/boardReport.js';
import { longDate } from '../../../../src/dashboard/common/format.js';
import { BoardReportView } from '../../../../src/dashboard/share/BoardReportView.js';
import { TeamReportFigures } from '../../../../src/dashboard/share/TeamReportFigures.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';
import { setMessageCatalog, t, type MessageCatalog } from '../../../../src/ui/i18n.js';
import { markupOf } from '../../../support/domQueries.js';
import { goldenCases } from '../../../support/goldenTeams.js';
import { markerCount, readableText, wordsOutsideMarkers } from '../../../support/wordsOutsideMarkers.js';

/*
 * The Share view shows the team report's figures and board report in the
 * words of the messages file, like the files it downloads: with a catalogue
 * whose every message is a marker, nothing but data is left outside them.
 */

/** Every key's message is `⟦key|$1|…|$9⟧`, so the words on screen show which message they came from. */
const MARKERS = new Proxy({} as MessageCatalog, {
  get: (_, key) => (typeof key === 'string' ? { message: `⟦${key}|$1|$2|$3|$4|$5|$6|$7|$8|$9⟧` } : undefined),
});

beforeAll(() => setMessageCatalog(MARKERS));
afterAll(() => installEnGbMessages());

describe('the Share view of the team report has no word of its own', () => {
  const cases = goldenCases().filter((c) => c.report.accepted.length > 0);

  it.each(cases)('$name: the board report, built with the dashboard’s t', async ({ report, teamCase }) => {
    const html = await markupOf(<BoardReportView model={boardReportModel(report, teamCase, t)} />);
    expect(markerCount(html)).toBeGreaterThan(30);
    expect(wordsOutsideMarkers(readableText(html))).toEqual([]);
  });

  it.each(cases)('$name: the key figures and notes (dates are the browser’s, in its locale)', async ({ report }) => {
    const html = await markupOf(<TeamReportFigures report={report} />);
    const dates = report.period ? [longDate(report.period.from), longDate(report.period.to)] : [];
    expect(wordsOutsideMarkers(readableText(html), dates)).toEqual([]);
  });

  it('catches a word the view or the model kept', async () => {
    const [full] = cases;
    const html = await markupOf(<BoardReportView model={{ ...boardReportModel(full!.report, full!.teamCase, t), title: 'The case for change' }} />);
    expect(wordsOutsideMarkers(readableText(html))).toEqual(['The', 'case', 'for', 'change']);
  });
});
