import { t } from '../../ui/i18n.js';
import { WEEKDAYS_MONDAY_FIRST, type SessionDraft } from './scheduleDraft.js';

/** One weekly session: the day and the start and end times (24-hour, same day). */
export function SessionRow({
  session,
  number,
  onChange,
  onRemove,
}: {
  session: SessionDraft;
  number: number;
  onChange: (session: SessionDraft) => void;
  onRemove: () => void;
}) {
  const id = (part: string) => `session-${part}-${session.key}`;
  return (
    <li class="schedule-row">
      <div class="field">
        <label for={id('day')}>{t('settings_sessionDayLabel', number)}</label>
        <select
          id={id('day')}
          class="select"
          value={String(session.weekday)}
          onChange={(e) => onChange({ ...session, weekday: Number(e.currentTarget.value) })}
        >
          {WEEKDAYS_MONDAY_FIRST.map((d) => (
            <option key={d} value={String(d)}>
              {t(`weekday_${d}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={id('start')}>{t('settings_sessionStartLabel', number)}</label>
        <input
          id={id('start')}
          type="time"
          class="input input-time"
          value={session.start}
          onInput={(e) => onChange({ ...session, start: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for={id('end')}>{t('settings_sessionEndLabel', number)}</label>
        <input id={id('end')} type="time" class="input input-time" value={session.end} onInput={(e) => onChange({ ...session, end: e.currentTarget.value })} />
      </div>
      <button type="button" class="button button-secondary schedule-remove" aria-label={t('settings_removeSessionNamed', number)} onClick={onRemove}>
        {t('settings_remove')}
      </button>
    </li>
  );
}
