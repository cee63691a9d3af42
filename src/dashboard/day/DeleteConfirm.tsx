import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '../../ui/i18n.js';
import { entryName } from './entryText.js';

/** The second step of Delete: say which record goes, and that it can be undone. */
export function DeleteConfirm({ entry, onConfirm, onCancel }: { entry: Parameters<typeof entryName>[0]; onConfirm: () => void; onCancel: () => void }) {
  const id = useId();
  const question = useRef<HTMLParagraphElement>(null);
  // Focus the question, so a screen reader reads what is about to happen.
  useEffect(() => question.current?.focus(), []);
  return (
    <div class="confirm" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`} ref={question} tabIndex={-1}>
        {t('day_deleteQuestion', entryName(entry))}
      </p>
      <div class="button-group">
        <button type="button" class="button button-warning" onClick={onConfirm}>
          {t('day_deleteConfirm')}
        </button>
        <button type="button" class="button button-secondary" onClick={onCancel}>
          {t('day_cancel')}
        </button>
      </div>
    </div>
  );
}
