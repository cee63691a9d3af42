import { t } from '../../ui/i18n.js';
import type { LeaveDraft } from './scheduleDraft.js';

/** One period of leave: no sessions from the first date to the last, inclusive. */
export function LeaveRow({
  leave,
  number,
  onChange,
  onRemove,
}: {
  leave: LeaveDraft;
  number: number;
  onChange: (leave: LeaveDraft) => void;
  onRemove: () => void;
}) {
  const id = (part: string) => `leave-${part}-${leave.key}`;
  return (
    <li class="schedule-row">
      <div class="field">
        <label for={id('from')}>{t('settings_leaveFromLabel', number)}</label>
        <input id={id('from')} type="date" class="input input-date" value={leave.from} onInput={(e) => onChange({ ...leave, from: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for={id('to')}>{t('settings_leaveToLabel', number)}</label>
        <input id={id('to')} type="date" class="input input-date" value={leave.to} onInput={(e) => onChange({ ...leave, to: e.currentTarget.value })} />
      </div>
      <button type="button" class="button button-secondary schedule-remove" aria-label={t('settings_removeLeaveNamed', number)} onClick={onRemove}>
        {t('settings_remove')}
      </button>
    </li>
  );
}
