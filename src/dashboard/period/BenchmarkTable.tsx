import type { ComponentChildren } from 'preact';
import { t } from '../../ui/i18n.js';

/** A table of measures: the clinician's figure beside the published one; the rows are the caller's. */
export function BenchmarkTable({ captionId, caption, children }: { captionId: string; caption: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table class="table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash_colMeasure')}</th>
            <th scope="col">{t('dash_colYourFigure')}</th>
            <th scope="col">{t('dash_colPublished')}</th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
