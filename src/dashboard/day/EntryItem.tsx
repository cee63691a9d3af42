import { useEffect, useRef, useState } from 'preact/hooks';
import type { DayEntry, EntryChange } from '../../core/entries.js';
import { formatDuration } from '../../ui/duration.js';
import { t } from '../../ui/i18n.js';
import { categoryClass } from '../common/categoryOrder.js';
import { DeleteConfirm } from './DeleteConfirm.js';
import { EditTimesForm } from './EditTimesForm.js';
import { entryName, hasEditableTimes, sourceLabel, systemText } from './entryText.js';
import { NoteForm } from './NoteForm.js';
import { RelabelForm } from './RelabelForm.js';
import { SplitForm } from './SplitForm.js';
import type { SystemChoices } from '../../ui/controls/SystemSelect.js';

type Mode = 'relabel' | 'times' | 'split' | 'delete' | 'note';

/**
 * One record of the day: when, where, what, how it was recorded and what it
 * counts, with its corrections. One action is open at a time, in place,
 * so the clinician never loses sight of the record they are changing.
 */
export function EntryItem({
  entry,
  systems,
  now,
  onChange,
  onInvalid,
  onOpen,
}: {
  entry: DayEntry;
  systems: SystemChoices;
  now: () => number;
  /** Send a change; resolves true once the worker has made it. */
  onChange: (change: EntryChange) => Promise<boolean>;
  onInvalid: (errors: string[]) => void;
  /** An action was opened or cancelled: old problems no longer apply. */
  onOpen: () => void;
}) {
  const [mode, setMode] = useState<Mode | null>(null);
  const buttons = useRef<Partial<Record<Mode, HTMLButtonElement | null>>>({});
  // After Cancel, back to the button that opened the form (it was gone while the form was open).
  const refocus = useRef<Mode | null>(null);

  useEffect(() => {
    if (mode !== null || !refocus.current) return;
    buttons.current[refocus.current]?.focus();
    refocus.current = null;
  }, [mode]);

  const name = entryName(entry);
  const open = (next: Mode) => {
    onOpen();
    setMode(next);
  };
  const cancel = () => {
    onOpen();
    refocus.current = mode;
    setMode(null);
  };
  // On success the day reloads and DayTimeline places focus; the form just closes.
  const submit = (change: EntryChange) => {
    void onChange(change).then((ok) => ok && setMode(null));
  };
  const formProps = { entry, onSubmit: submit, onInvalid, onCancel: cancel };

  const action = (which: Mode, label: string, named: string) => (
    <button type="button" class="button button-secondary" ref={(el) => {
        buttons.current[which] = el;
      }} aria-label={named} onClick={() => open(which)}>
      {label}
    </button>
  );

  return (
    <li class={`entry ${categoryClass(entry.category)}`} data-entry-id={entry.id} data-start={entry.start}>
      <h3 class="entry-heading" tabIndex={-1}>
        {name}
      </h3>
      {(entry.edited || entry.flaggedForReview) && (
        <p class="entry-badges">
          {entry.edited && <strong class="badge">{t('day_badgeEdited')}</strong>}
          {entry.flaggedForReview && <strong class="badge badge-check">{t('day_badgeCheck')}</strong>}
        </p>
      )}
      {entry.flaggedForReview && <p class="hint">{t('day_checkHint')}</p>}
      <dl class="summary-list entry-details">
        <dt>{t('day_systemTerm')}</dt>
        <dd>{systemText(entry)}</dd>
        <dt>{t('day_sourceTerm')}</dt>
        <dd>{sourceLabel(entry.source)}</dd>
        <dt>{t('day_countedTerm')}</dt>
        <dd>{formatDuration(entry.activeMs)}</dd>
        {entry.note && (
          <>
            <dt>{t('day_noteTerm')}</dt>
            <dd class="entry-note">{entry.note}</dd>
          </>
        )}
      </dl>
      {mode === 'relabel' ? (
        <RelabelForm {...formProps} systems={systems} />
      ) : mode === 'times' ? (
        <EditTimesForm {...formProps} now={now} />
      ) : mode === 'split' ? (
        <SplitForm {...formProps} />
      ) : mode === 'note' ? (
        <NoteForm {...formProps} />
      ) : mode === 'delete' ? (
        <DeleteConfirm entry={entry} onConfirm={() => submit({ kind: 'delete', id: entry.id })} onCancel={cancel} />
      ) : (
        <div class="button-group entry-actions">
          {action('relabel', t('day_relabel'), t('day_relabelNamed', name))}
          {hasEditableTimes(entry) && action('times', t('day_editTimes'), t('day_editTimesNamed', name))}
          {action('split', t('day_split'), t('day_splitNamed', name))}
          {entry.source === 'manual' &&
            (entry.note
              ? action('note', t('day_editNote'), t('day_editNoteNamed', name))
              : action('note', t('day_addNote'), t('day_addNoteNamed', name)))}
          {action('delete', t('day_delete'), t('day_deleteNamed', name))}
        </div>
      )}
    </li>
  );
}
