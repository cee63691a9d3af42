import { useMemo, useRef, useState } from 'preact/hooks';
import { buildTeamReport } from '../../core/teamReport/aggregate.js';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MIN_CONTRIBUTORS, type TeamReport, type TeamReportInput } from '../../core/teamReport/contract.js';
import { boardReportModel, boardReportToHtml } from '../../core/teamReport/boardReport.js';
import { teamReportAndCaseToCsv, teamReportAndCaseToHtml, teamReportAndCaseToJson } from '../../core/teamReport/caseOutputs.js';
import { buildTeamReportAndCase, checkTeamCaseOptions, type TeamCase } from '../../core/teamReport/teamCase.js';
import { t } from '../../ui/i18n.js';
import { CheckboxField } from './CheckboxField.js';
import { downloadText } from '../common/download.js';
import { BoardReportView } from './BoardReportView.js';
import { ErrorSummary } from '../common/ErrorSummary.js';
import { RejectedFiles } from './RejectedFiles.js';
import { TeamFilePicker } from './TeamFilePicker.js';
import { TeamReportFigures } from './TeamReportFigures.js';
import { initialWhatIfDraft, WhatIfForm, type WhatIfDraft } from './WhatIfForm.js';

/** The stricter threshold a team lead can choose instead of the default 8. */
export const STRICT_MIN_CONTRIBUTORS = 11;

type ReportFormat = 'html' | 'csv' | 'json' | 'board';

const WRITERS: Record<ReportFormat, { write: (r: TeamReport, c: TeamCase) => string; type: string; name: string; ext: string }> = {
  html: { write: (r, c) => teamReportAndCaseToHtml(r, c, t), type: 'text/html;charset=utf-8', name: 'timeback-team-report', ext: 'html' },
  csv: { write: (r, c) => teamReportAndCaseToCsv(r, c, t), type: 'text/csv;charset=utf-8', name: 'timeback-team-report', ext: 'csv' },
  json: { write: (r, c) => teamReportAndCaseToJson(r, c, t), type: 'application/json', name: 'timeback-team-report', ext: 'json' },
  board: { write: (r, c) => boardReportToHtml(boardReportModel(r, c, t), t), type: 'text/html;charset=utf-8', name: 'timeback-board-report', ext: 'html' },
};

/**
 * "Team report", for a team lead: reads the export files they were sent
 * (here, in the page: nothing is uploaded), merges them with disclosure
 * control (core/teamReport/disclosure.ts), lists which files were used and which were
 * not and why, shows the key figures and saves the report as HTML, CSV or
 * JSON. The shared files never carry file names or per-person rows.
 */
export function TeamReportSection({ organisationMinimum = DEFAULT_MIN_CONTRIBUTORS }: { organisationMinimum?: number } = {}) {
  const [inputs, setInputs] = useState<TeamReportInput[] | null>(null);
  const [unreadable, setUnreadable] = useState<string[]>([]);
  // An organisation's policy may require the stricter threshold; a team lead can only raise it.
  const [strict, setStrict] = useState(organisationMinimum >= STRICT_MIN_CONTRIBUTORS);
  const [reading, setReading] = useState(false);
  const [notice, setNotice] = useState('');
  const [draft, setDraft] = useState<WhatIfDraft>(initialWhatIfDraft);
  // Only the latest choice of files counts, however long earlier ones take to read.
  const latest = useRef(0);
  const minContributors = Math.max(strict ? STRICT_MIN_CONTRIBUTORS : DEFAULT_MIN_CONTRIBUTORS, organisationMinimum);

  // Unsound assumptions leave the report as it is and say what to fix; the year figures wait for them.
  const caseError = useMemo(() => {
    try {
      checkTeamCaseOptions(draft.options);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }, [draft]);
  const built = useMemo((): { report: TeamReport; teamCase: TeamCase | null } | { error: string } | null => {
    if (!inputs || inputs.length === 0) return null;
    try {
      if (caseError !== null) return { report: buildTeamReport(inputs, { minContributors }), teamCase: null };
      return buildTeamReportAndCase(inputs, { minContributors }, draft.options);
    } catch (error) {
      return { error: t('share_teamBuildFailed', error instanceof Error ? error.message : String(error)) };
    }
  }, [inputs, minContributors, draft, caseError]);

  async function readFiles(files: File[]) {
    const run = ++latest.current;
    setReading(true);
    setNotice('');
    const read = await Promise.all(
      files.map(async (file): Promise<TeamReportInput | { name: string; failed: true }> => {
        // The report refuses an oversized file by its size alone; it is not read into memory.
        if (file.size > DEFAULT_MAX_FILE_BYTES) return { name: file.name, text: '', byteLength: file.size };
        try {
          return { name: file.name, text: await file.text(), byteLength: file.size };
        } catch {
          return { name: file.name, failed: true };
        }
      }),
    );
    if (run !== latest.current) return;
    setUnreadable(read.flatMap((r) => ('failed' in r ? [r.name] : [])));
    setInputs(read.flatMap((r) => ('failed' in r ? [] : [r])));
    setReading(false);
  }

  function download(report: TeamReport, teamCase: TeamCase, format: ReportFormat) {
    const { write, type, name, ext } = WRITERS[format];
    const period = report.period ? `-${report.period.from}-to-${report.period.to}` : '';
    const fileName = `${name}${period}.${ext}`;
    downloadText(fileName, write(report, teamCase), type);
    setNotice(t('share_downloaded', fileName));
  }

  const report = built && 'report' in built ? built.report : null;
  const used = report && report.accepted.length > 0 ? report : null;
  const teamCase = built && 'report' in built ? built.teamCase : null;

  return (
    <section class="dash-section" aria-labelledby="share-team-heading">
      <h2 id="share-team-heading">{t('share_teamHeading')}</h2>
      <p>{t('share_teamIntro', DEFAULT_MIN_CONTRIBUTORS)}</p>
      <TeamFilePicker onFiles={(files) => void readFiles(files)} />
      <CheckboxField
        id="team-strict"
        label={t('share_teamStricterLabel')}
        hint={organisationMinimum >= STRICT_MIN_CONTRIBUTORS ? t('policy_setByOrganisation') : t('share_teamStricterHint')}
        checked={strict}
        disabled={organisationMinimum >= STRICT_MIN_CONTRIBUTORS}
        onChange={(v) => {
          setStrict(v);
          setNotice('');
        }}
      />
      {/* Announces the outcome too: the report appears further down the page, away from the file input. */}
      <p role="status" class="visually-hidden">
        {reading ? t('share_teamReading') : report ? t('share_teamReady', report.accepted.length, report.rejected.length + unreadable.length) : ''}
      </p>
      {built && 'error' in built && <ErrorSummary errors={[built.error]} titleId="share-team-error-title" />}
      {(report || unreadable.length > 0) && <RejectedFiles rejected={report?.rejected ?? []} unreadable={unreadable} />}
      {report && !used && <p>{t('share_teamNoneUsed')}</p>}
      {used && (
        <>
          <h3>{t('share_teamAcceptedHeading', used.accepted.length)}</h3>
          <ul class="plain-list team-files-used">
            {used.accepted.map((name, i) => (
              <li key={i}>{name}</li>
            ))}
          </ul>
          <TeamReportFigures report={used} />
          <h3>{t('whatIf_heading')}</h3>
          <p>{t('whatIf_intro')}</p>
          <WhatIfForm draft={draft} onChange={setDraft} />
          {caseError !== null && <ErrorSummary errors={[caseError]} titleId="share-case-error-title" />}
          {teamCase && <BoardReportView model={boardReportModel(used, teamCase, t)} />}
          {teamCase && (
            <div class="button-group" role="group" aria-label={t('share_teamDownloadsLabel')}>
              <button type="button" class="button" onClick={() => download(used, teamCase, 'board')}>
                {t('share_teamDownloadBoard')}
              </button>
              <button type="button" class="button button-secondary" onClick={() => download(used, teamCase, 'html')}>
                {t('share_teamDownloadHtml')}
              </button>
              <button type="button" class="button button-secondary" onClick={() => download(used, teamCase, 'csv')}>
                {t('share_teamDownloadCsv')}
              </button>
              <button type="button" class="button button-secondary" onClick={() => download(used, teamCase, 'json')}>
                {t('share_teamDownloadJson')}
              </button>
            </div>
          )}
          <p role="status" class={notice ? 'notice' : 'notice notice-empty'}>
            {notice}
          </p>
        </>
      )}
    </section>
  );
}
