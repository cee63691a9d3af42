import { t } from '../../ui/i18n.js';
import type { DateDraft } from './scheduleDraft.js';

/** One single day with no sessions (a bank holiday, a day off). */
export function NonWorkingDateRow({
  entry,
  number,
  onChange,
  onRemove,
}: {
  entry: DateDraft;
  number: number;
  onChange: (entry: DateDraft) => void;
  onRemove: () => void;
}) {
  const id = `non-working-${entry.key}`;
  return (
    <li class="schedule-row schedule-row-date">
      <div class="field">
        <label for={id}>{t('settings_nonWorkingLabel', number)}</label>
        <input id={id} type="date" class="input input-date" value={entry.date} onInput={(e) => onChange({ ...entry, date: e.currentTarget.value })} />
      </div>
      <button type="button" class="button button-secondary schedule-remove" aria-label={t('settings_removeNonWorkingNamed', number)} onClick={onRemove}>
        {t('settings_remove')}
      </button>
    </li>
  );
}
