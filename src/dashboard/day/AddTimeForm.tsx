import { useEffect, useId, useState } from 'preact/hooks';
import type { EntryChange } from '../../core/entries.js';
import type { LocalDateKey } from '../../core/localDate.js';
import { t } from '../../ui/i18n.js';
import { CategorySelect } from '../../ui/controls/CategorySelect.js';
import { addChange, emptyAddDraft, MAX_DURATION_MIN, MAX_NOTE_CHARS, type AddDraft } from './entryDraft.js';
import { SystemGroups, SystemSelect, type SystemChoices } from '../../ui/controls/SystemSelect.js';

/**
 * Time Timeback could not see: a desktop system, a phone call, a ward round.
 * Given as start and end, or start and a duration (easier to remember
 * afterwards). Checked here first, so mistakes are explained and nothing is sent.
 */
export function AddTimeForm({
  date,
  systems,
  now,
  onAdd,
  onInvalid,
}: {
  /** The day being viewed: where the date starts. */
  date: LocalDateKey;
  systems: SystemChoices;
  now: () => number;
  /** Resolves true once the worker has added it; the form then clears for the next one. */
  onAdd: (change: Extract<EntryChange, { kind: 'add' }>) => Promise<boolean>;
  onInvalid: (errors: string[]) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<AddDraft>(() => emptyAddDraft(date));
  // Moving to another day moves the form with it; what was typed stays.
  useEffect(() => setDraft((d) => ({ ...d, date })), [date]);
  const set = (next: Partial<AddDraft>) => setDraft((d) => ({ ...d, ...next }));
  const fid = (part: string) => `${id}-${part}`;

  /** A time of day typed in 24-hour form, with the hint that says so. */
  const timeField = (name: 'start' | 'end', label: string) => (
    <div class="field">
      <label for={fid(name)}>{label}</label>
      <input
        id={fid(name)}
        type="time"
        class="input input-time"
        aria-describedby={fid('time-hint')}
        value={draft[name]}
        onInput={(e) => set({ [name]: e.currentTarget.value } as Partial<AddDraft>)}
      />
    </div>
  );

  return (
    <section class="section add-time" aria-labelledby={fid('heading')}>
      <form
        class="entry-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const checked = addChange(draft, now());
          if (!checked.ok) return onInvalid(checked.errors);
          void onAdd(checked.change).then((ok) => ok && setDraft(emptyAddDraft(draft.date)));
        }}
      >
        <fieldset class="fieldset">
          <legend class="fieldset-legend">
            <h3 id={fid('heading')}>{t('day_addHeading')}</h3>
          </legend>
          <p>{t('day_addIntro')}</p>
          <div class="field">
            <label for={fid('date')}>{t('day_dateLabel')}</label>
            <input id={fid('date')} type="date" class="input input-date" value={draft.date} onInput={(e) => set({ date: e.currentTarget.value })} />
          </div>
          <fieldset class="fieldset">
            <legend class="fieldset-legend">{t('day_modeLegend')}</legend>
            <div class="radios">
              {(['end', 'duration'] as const).map((mode) => (
                <div class="radio-field" key={mode}>
                  <input
                    id={fid(`mode-${mode}`)}
                    type="radio"
                    class="radio"
                    name={fid('mode')}
                    value={mode}
                    checked={draft.mode === mode}
                    onChange={() => set({ mode })}
                  />
                  <label for={fid(`mode-${mode}`)}>{t(`day_mode_${mode}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <p class="hint" id={fid('time-hint')}>
            {t('day_timeHint')}
          </p>
          <div class="time-pair">
            {timeField('start', t('day_startLabel'))}
            {draft.mode === 'end' ? (
              timeField('end', t('day_endLabel'))
            ) : (
              <div class="field">
                <label for={fid('duration')}>{t('day_durationLabel')}</label>
                <input
                  id={fid('duration')}
                  type="number"
                  class="input input-width-5"
                  inputMode="numeric"
                  min={1}
                  max={MAX_DURATION_MIN}
                  step={1}
                  value={draft.duration}
                  onInput={(e) => set({ duration: e.currentTarget.value })}
                />
              </div>
            )}
          </div>
          <div class="field">
            <label for={fid('task')}>{t('day_taskLabel')}</label>
            <CategorySelect id={fid('task')} value={draft.category} onChange={(category) => set({ category })} placeholder />
          </div>
          <div class="field">
            <label for={fid('system')}>{t('day_systemOptionalLabel')}</label>
            <p class="hint" id={fid('system-hint')}>
              {t('day_systemHint')}
            </p>
            <SystemSelect id={fid('system')} value={draft.systemId} onChange={(systemId) => set({ systemId })} describedBy={fid('system-hint')}>
              <SystemGroups systems={systems} />
            </SystemSelect>
          </div>
          <div class="field">
            <label for={fid('note')}>{t('day_noteOptionalLabel')}</label>
            <p class="hint" id={fid('note-hint')}>
              {t('day_noteHint', MAX_NOTE_CHARS)}
            </p>
            <textarea
              id={fid('note')}
              class="input textarea-note"
              rows={3}
              aria-describedby={fid('note-hint')}
              value={draft.note}
              onInput={(e) => set({ note: e.currentTarget.value })}
            />
          </div>
        </fieldset>
        <button type="submit" class="button">
          {t('day_addSubmit')}
        </button>
      </form>
    </section>
  );
}
