import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '../../ui/i18n.js';
import type { EntryFormProps } from './entryForm.js';
import { splitChange } from './entryDraft.js';
import { entryName } from './entryText.js';
import { FormButtons } from './FormButtons.js';
import { clockTime } from './localTime.js';

/** Split a record in two at a time inside it, so each part can be relabelled (two tasks tracked as one). */
export function SplitForm({ entry, onSubmit, onInvalid, onCancel }: EntryFormProps) {
  const id = useId();
  const [at, setAt] = useState('');
  useEffect(() => document.getElementById(`${id}-at`)?.focus(), []);
  return (
    <form
      class="entry-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const checked = splitChange(entry, at);
        if (checked.ok) onSubmit(checked.change);
        else onInvalid(checked.errors);
      }}
    >
      <div class="field">
        <label for={`${id}-at`}>{t('day_splitLabel', entryName(entry))}</label>
        <p class="hint" id={`${id}-hint`}>
          {t('day_splitHint', clockTime(entry.start), clockTime(entry.end))}
        </p>
        <input id={`${id}-at`} type="time" class="input input-time" aria-describedby={`${id}-hint`} value={at} onInput={(e) => setAt(e.currentTarget.value)} />
      </div>
      <FormButtons submit={t('day_splitSubmit')} onCancel={onCancel} />
    </form>
  );
}
