import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../ui/i18n.js';

/**
 * Every validation problem at once, at the top of the page (NHS service manual
 * error summary). Focus moves here so keyboard and screen reader users land on it.
 */
export function ErrorSummary({ errors, titleId = 'error-summary-title' }: { errors: string[]; /** Unique per page when a page has more than one summary. */ titleId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  // A new array means a new attempt: refocus even if the messages are the same.
  useEffect(() => box.current?.focus(), [errors]);
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby={titleId}>
      <h2 id={titleId}>{t('settings_errorSummaryTitle')}</h2>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </div>
  );
}
