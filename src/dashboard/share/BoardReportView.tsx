import { spreadX, SPREAD_CHART, type BoardBurden, type BoardFigureRow, type BoardReportModel } from '../../core/teamReport/boardReport.js';
import { t } from '../../ui/i18n.js';
import { NumericHeader } from '../common/NumericHeader.js';

/**
 * The board report in the Share view: the same model as the printable page
 * (core/teamReport/boardReport.ts), so the figures, the charts with their
 * tables, the what-ifs, the method, the disclosure rule and the definition
 * of active time read the same on screen and on paper.
 */
export function BoardReportView({ model }: { model: BoardReportModel }) {
  return (
    <section class="board-report" aria-labelledby="board-heading">
      <h3 id="board-heading">{model.title}</h3>
      <p>{t('board_periodLine', model.period, model.contributors)}</p>
      <h4>{t('board_headlineHeading')}</h4>
      <dl class="key-figures" id="board-headline">
        {model.headline.map((h, i) => (
          <div class="key-figure" key={i}>
            <dt>{h.label}</dt>
            <dd class="key-figure-value">{h.value}</dd>
            <dd>{h.detail}</dd>
          </div>
        ))}
      </dl>
      <h4>{t('board_burdensHeading')}</h4>
      {model.burdens.map((b) => (
        <div class="board-burden" key={b.id}>
          <h5>{b.label}</h5>
          <p class="hint">{b.madeOf}</p>
          <SpreadChart burden={b} max={model.chartMax} />
          <FigureTable id={`board-${b.id}`} caption={t('board_burdenCaption', b.label)} row={b.row} />
        </div>
      ))}
      <h4>{t('board_whatIfsHeading')}</h4>
      {model.whatIfs.length === 0 ? (
        <p>{t('board_noWhatIfs')}</p>
      ) : (
        model.whatIfs.map((w, i) => (
          <div class="board-whatif" key={i}>
            <h5>{w.title}</h5>
            <p>{w.change}</p>
            <p class="hint">{t('board_source', w.source)}</p>
            <p class="hint">{t('board_formula', w.formula)}</p>
            <FigureTable id={`board-whatif-${i}`} caption={t('board_whatIfCaption', w.title)} row={w.row} />
          </div>
        ))
      )}
      <h4>{t('board_methodHeading')}</h4>
      <ul>
        {model.method.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
      <p>
        <strong>{t('board_disclosureLabel')}</strong> {model.disclosure}
      </p>
      <p>
        <strong>{t('board_definitionLabel')}</strong> {model.definition}
      </p>
    </section>
  );
}

function SpreadChart({ burden: b, max }: { burden: BoardBurden; max: number }) {
  const id = `board-chart-${b.id}`;
  return (
    <svg class="board-spread" viewBox={`0 0 ${SPREAD_CHART.width} ${SPREAD_CHART.height}`} width={SPREAD_CHART.width} height={SPREAD_CHART.height} role="img" aria-labelledby={`${id}-t`}>
      <title id={`${id}-t`}>{b.spread ? t('board_chartTitle', b.label, String(Math.round(b.spread.q1)), String(Math.round(b.spread.median)), String(Math.round(b.spread.q3))) : t('board_chartNone', b.label, b.spreadNote)}</title>
      {b.spread ? (
        <>
          <line x1={spreadX(0, max)} y1={17} x2={spreadX(max, max)} y2={17} class="board-axis" />
          <rect x={spreadX(b.spread.q1, max)} y={7} width={Math.max(1, spreadX(b.spread.q3, max) - spreadX(b.spread.q1, max))} height={20} class="board-bar" />
          <line x1={spreadX(b.spread.median, max)} y1={3} x2={spreadX(b.spread.median, max)} y2={31} class="board-median" />
          <text x={spreadX(0, max)} y={43} class="board-chart-note">
            0
          </text>
          <text x={spreadX(max, max)} y={43} text-anchor="end" class="board-chart-note">
            {t('board_chartMax', Math.round(max).toLocaleString('en-GB'))}
          </text>
        </>
      ) : (
        <text x={4} y={21} class="board-chart-note">
          {b.spreadNote}
        </text>
      )}
    </svg>
  );
}

/** A burden's figures in the order the printable page gives them, each with its column heading's message. */
const FIGURE_COLUMNS: ReadonlyArray<readonly [keyof BoardFigureRow, string]> = [
  ['contributors', 'board_colPeople'],
  ['total', 'board_colTotal'],
  ['fte', 'board_colFte'],
  ['q1', 'board_colQ1'],
  ['median', 'board_colMedian'],
  ['q3', 'board_colQ3'],
];

function FigureTable({ id, caption, row }: { id: string; caption: string; row: BoardFigureRow }) {
  return (
    <div class="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table class="table" id={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            {FIGURE_COLUMNS.map(([key, heading]) => (
              <NumericHeader key={key}>{t(heading)}</NumericHeader>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {FIGURE_COLUMNS.map(([key]) => (
              <td key={key} class="numeric">
                {row[key]}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
