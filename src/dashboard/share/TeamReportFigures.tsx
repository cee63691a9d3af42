import type { ComponentChildren } from 'preact';
import { SUPPRESSED_MARK, TEAM_MEASURES, type TeamReport } from '../../core/teamReport/contract.js';
import { categoryLabel, noteText } from '../../core/teamReport/reportLabels.js';
import { t } from '../../ui/i18n.js';
import { DisclosedCell } from './DisclosedCell.js';
import { longDate } from '../common/format.js';
import { NumericHeader } from '../common/NumericHeader.js';

/** The numeric columns every table of team figures has; the task table adds the total. */
const FIGURE_COLUMNS = ['share_colPeople', 'share_colMedian', 'share_colQ1', 'share_colQ3'];

/** A scrollable table of disclosed team figures: a row heading, then the numeric columns. */
function FiguresTable({
  captionId,
  caption,
  rowHeading,
  total = false,
  children,
}: {
  captionId: string;
  caption: string;
  rowHeading: string;
  total?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div class="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table class="table" aria-describedby="team-suppressed-note">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {[...FIGURE_COLUMNS, ...(total ? ['share_colTotal'] : [])].map((key) => (
              <NumericHeader key={key}>{t(key)}</NumericHeader>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/**
 * The key figures of a team report, as the shared files hold them: the
 * number of contributors (nearest 5), hours per person by task, and the
 * measures per person. Only disclosed figures appear; hidden ones are "*".
 */
export function TeamReportFigures({ report }: { report: TeamReport }) {
  const contributors = report.contributors;
  return (
    <section aria-labelledby="team-figures-heading">
      <h3 id="team-figures-heading">{t('share_teamFiguresHeading')}</h3>
      <dl class="key-figures">
        {report.period && (
          <div class="key-figure">
            <dt>{t('share_teamPeriodLabel')}</dt>
            <dd>{t('share_teamPeriod', longDate(report.period.from), longDate(report.period.to))}</dd>
          </div>
        )}
        <div class="key-figure">
          <dt>{t('share_teamContributors')}</dt>
          <dd class="key-figure-value" id="team-contributors">
            {'suppressed' in contributors ? SUPPRESSED_MARK : String(contributors.value)}
          </dd>
        </div>
        <div class="key-figure">
          <dt>{t('share_teamThresholdLabel')}</dt>
          <dd>{t('share_teamThresholdValue', report.minContributors)}</dd>
        </div>
      </dl>
      <p class="hint" id="team-suppressed-note">
        {t('share_teamSuppressedNote', report.minContributors)}
      </p>
      {report.notes.length > 0 && (
        <>
          <h4>{t('share_teamNotesHeading')}</h4>
          <ul>
            {report.notes.map((note, i) => (
              <li key={i}>{noteText(t, note, report.minContributors)}</li>
            ))}
          </ul>
        </>
      )}
      <FiguresTable captionId="team-category-caption" caption={t('share_teamCategoryCaption')} rowHeading={t('share_colTask')} total>
        {report.perCategory.map((c) => (
          <tr key={c.category}>
            <th scope="row">{categoryLabel(t, c.category)}</th>
            <DisclosedCell cell={c.contributors} decimals={0} />
            <DisclosedCell cell={c.median} decimals={1} />
            <DisclosedCell cell={c.q1} decimals={1} />
            <DisclosedCell cell={c.q3} decimals={1} />
            <DisclosedCell cell={c.totalHours} decimals={1} />
          </tr>
        ))}
      </FiguresTable>
      <FiguresTable captionId="team-measure-caption" caption={t('share_teamMeasureCaption')} rowHeading={t('share_colMeasure')}>
        {report.perMeasure.map((m) => {
          const decimals = TEAM_MEASURES.find((d) => d.id === m.measure)?.decimals ?? 1;
          return (
            <tr key={m.measure}>
              <th scope="row">{t(`share_teamMeasure_${m.measure}`)}</th>
              <DisclosedCell cell={m.contributors} decimals={0} />
              <DisclosedCell cell={m.median} decimals={decimals} />
              <DisclosedCell cell={m.q1} decimals={decimals} />
              <DisclosedCell cell={m.q3} decimals={decimals} />
            </tr>
          );
        })}
      </FiguresTable>
    </section>
  );
}
