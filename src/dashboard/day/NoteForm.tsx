import { useId, useState } from 'preact/hooks';
import { t } from '../../ui/i18n.js';
import { MAX_NOTE_CHARS, noteChange } from './entryDraft.js';
import { EntryForm, type EntryFormProps } from './EntryForm.js';
import { entryName } from './entryText.js';

/** A private note on a manual entry: what the time was for, in the clinician's words, for their eyes only. */
export function NoteForm({ entry, onSubmit, onInvalid, onCancel }: EntryFormProps) {
  const id = useId();
  const [note, setNote] = useState(entry.note ?? '');
  return (
    <EntryForm focusId={`${id}-note`} check={() => noteChange(entry, note)} submit={t('day_noteSubmit')} onSubmit={onSubmit} onInvalid={onInvalid} onCancel={onCancel}>
      <div class="field">
        <label for={`${id}-note`}>{t('day_noteLabelFor', entryName(entry))}</label>
        <p class="hint" id={`${id}-hint`}>
          {t('day_noteHint', MAX_NOTE_CHARS)}
        </p>
        <textarea id={`${id}-note`} class="input textarea-note" rows={3} aria-describedby={`${id}-hint`} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
    </EntryForm>
  );
}
