// @vitest-environment happy-dom
import { beforeAll, describe, it } from 'vitest';
import { boardReportModel } from '../../../../src/core/teamReport/boardReport.js';
import { BoardReportView } from '../../../../src/dashboard/share/BoardReportView.js';
import { TeamReportFigures } from '../../../../src/dashboard/share/TeamReportFigures.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';
import { t } from '../../../../src/ui/i18n.js';
import { markupOf } from '../../../support/domQueries.js';
import { expectGolden } from '../../../support/goldenFile.js';
import { goldenCases } from '../../../support/goldenTeams.js';

/*
 * The Share view's figures and board report for the fixed teams of the
 * team report's golden files, pinned as markup: the dashboard shows the same
 * words as the files it downloads, from the same messages.
 */
beforeAll(() => installEnGbMessages());

describe('the Share view of the golden teams', () => {
  const cases = goldenCases().filter((c) => c.report.accepted.length > 0);

  it.each(cases)('$name: the key figures match byte for byte', async ({ name, report }) => {
    expectGolden(`dashboard-${name}-figures.html`, `${await markupOf(<TeamReportFigures report={report} />)}\n`);
  });

  // Built as the Share view builds it, with the dashboard's own `t`.
  it.each(cases)('$name: the board report matches byte for byte', async ({ name, report, teamCase }) => {
    expectGolden(`dashboard-${name}-board.html`, `${await markupOf(<BoardReportView model={boardReportModel(report, teamCase, t)} />)}\n`);
  });
});
