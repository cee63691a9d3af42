import type { PersonalExport } from '../../core/exportFormat.js';
import { t } from '../../ui/i18n.js';
import { CsvPreviewTable } from './CsvPreviewTable.js';
import { longDate } from '../common/format.js';

/** A built export and the exact texts the download buttons will save. */
export interface PreviewedExport {
  exp: PersonalExport;
  json: string;
  csv: string;
}

/**
 * Exactly what will be shared: the JSON text as it will be saved and the CSV
 * text as a table, under a plain statement of what the file is and is not.
 * The buttons save these very texts.
 */
export function ExportPreview({
  preview,
  notice,
  onDownload,
}: {
  preview: PreviewedExport;
  notice: string;
  onDownload: (format: 'json' | 'csv') => void;
}) {
  const { exp } = preview;
  return (
    <section class="share-preview" aria-labelledby="share-preview-heading">
      <h3 id="share-preview-heading" tabIndex={-1}>
        {t('share_previewHeading')}
      </h3>
      <p class="inset share-personal-data">{t('share_personalData')}</p>
      <p>
        {t(
          'share_previewSummary',
          longDate(exp.period.from),
          longDate(exp.period.to),
          exp.period.granularity === 'week' ? t('share_granularityWordWeek') : t('share_granularityWordDay'),
          exp.contributorId,
        )}
      </p>
      <div class="button-group">
        <button type="button" class="button" onClick={() => onDownload('json')}>
          {t('share_downloadJson')}
        </button>
        <button type="button" class="button" onClick={() => onDownload('csv')}>
          {t('share_downloadCsv')}
        </button>
      </div>
      {/* Always in the page, so screen readers announce each save. */}
      <p role="status" class={notice ? 'notice' : 'notice notice-empty'}>
        {notice}
      </p>
      <h4 id="share-json-heading">{t('share_jsonHeading')}</h4>
      {/* Focusable and named, so the text can be scrolled from the keyboard. */}
      <pre class="share-json" tabIndex={0} role="region" aria-label={t('share_jsonRegion')}>
        {preview.json}
      </pre>
      <h4>{t('share_csvHeading')}</h4>
      <CsvPreviewTable text={preview.csv} caption={t('share_csvCaption')} id="share-csv-caption" />
    </section>
  );
}
