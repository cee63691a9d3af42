import { useId, useState } from 'preact/hooks';
import { t } from '../../ui/i18n.js';
import { EntryForm, type EntryFormProps } from './EntryForm.js';
import { timesChange } from './entryDraft.js';
import { entryName } from './entryText.js';
import { clockTime } from './localTime.js';

/** New start and end times for a record made by hand (a manual entry or a timer); tracked times are evidence and stay. */
export function EditTimesForm({ entry, now, onSubmit, onInvalid, onCancel }: EntryFormProps & { now: () => number }) {
  const id = useId();
  const [start, setStart] = useState(clockTime(entry.start));
  const [end, setEnd] = useState(clockTime(entry.end));
  return (
    <EntryForm focusId={`${id}-start`} check={() => timesChange(entry, start, end, now())} submit={t('day_editTimesSubmit')} onSubmit={onSubmit} onInvalid={onInvalid} onCancel={onCancel}>
      <fieldset class="fieldset">
        <legend class="fieldset-legend">{t('day_editTimesLegend', entryName(entry))}</legend>
        <p class="hint" id={`${id}-hint`}>
          {t('day_timeHint')}
        </p>
        <div class="time-pair">
          <div class="field">
            <label for={`${id}-start`}>{t('day_startLabel')}</label>
            <input
              id={`${id}-start`}
              type="time"
              class="input input-time"
              aria-describedby={`${id}-hint`}
              value={start}
              onInput={(e) => setStart(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for={`${id}-end`}>{t('day_endLabel')}</label>
            <input id={`${id}-end`} type="time" class="input input-time" aria-describedby={`${id}-hint`} value={end} onInput={(e) => setEnd(e.currentTarget.value)} />
          </div>
        </div>
      </fieldset>
    </EntryForm>
  );
}
