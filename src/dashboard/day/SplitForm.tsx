import { useId, useState } from 'preact/hooks';
import { t } from '../../ui/i18n.js';
import { EntryForm, type EntryFormProps } from './EntryForm.js';
import { splitChange } from './entryDraft.js';
import { entryName } from './entryText.js';
import { clockTime } from './localTime.js';

/** Split a record in two at a time inside it, so each part can be relabelled (two tasks tracked as one). */
export function SplitForm({ entry, onSubmit, onInvalid, onCancel }: EntryFormProps) {
  const id = useId();
  const [at, setAt] = useState('');
  return (
    <EntryForm focusId={`${id}-at`} check={() => splitChange(entry, at)} submit={t('day_splitSubmit')} onSubmit={onSubmit} onInvalid={onInvalid} onCancel={onCancel}>
      <div class="field">
        <label for={`${id}-at`}>{t('day_splitLabel', entryName(entry))}</label>
        <p class="hint" id={`${id}-hint`}>
          {t('day_splitHint', clockTime(entry.start), clockTime(entry.end))}
        </p>
        <input id={`${id}-at`} type="time" class="input input-time" aria-describedby={`${id}-hint`} value={at} onInput={(e) => setAt(e.currentTarget.value)} />
      </div>
    </EntryForm>
  );
}
