import { useEffect, useRef, useState } from 'preact/hooks';
import type { Schedule } from '../../core/schedule.js';
import { t } from '../../ui/i18n.js';
import { LeaveRow } from './LeaveRow.js';
import { NonWorkingDateRow } from './NonWorkingDateRow.js';
import { draftFromSchedule, newDate, newLeave, newSession, scheduleFromDraft, type ScheduleDraft } from './scheduleDraft.js';
import { SessionRow } from './SessionRow.js';

/**
 * The clinician's job plan: weekly sessions, single non-working days and
 * leave. Holds the rows as typed; Settings validates the whole schedule on
 * save and changes nothing if any of it is wrong.
 */
export function ScheduleForm({
  schedule,
  onSave,
  focusOnMount = false,
}: {
  schedule: Schedule;
  onSave: (schedule: Schedule) => void;
  /** Land here (the dashboard's "add your job plan" sends the clinician straight to this section). */
  focusOnMount?: boolean;
}) {
  const [draft, setDraft] = useState<ScheduleDraft>(() => draftFromSchedule(schedule));
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(JSON.stringify(schedule));
  // After adding or removing a row, the element to focus (by id), once it is rendered.
  const focusId = useRef<string | null>(null);

  // A newly saved schedule (here or in another window) replaces the rows; a refused one leaves them for correcting.
  useEffect(() => {
    const json = JSON.stringify(schedule);
    if (json === shown.current) return;
    shown.current = json;
    setDraft(draftFromSchedule(schedule));
  }, [schedule]);

  useEffect(() => {
    if (!focusOnMount) return;
    heading.current?.scrollIntoView?.({ block: 'start' });
    heading.current?.focus();
  }, []);

  useEffect(() => {
    if (!focusId.current) return;
    document.getElementById(focusId.current)?.focus();
    focusId.current = null;
  });

  function update(next: Partial<ScheduleDraft>, focus?: string) {
    if (focus) focusId.current = focus;
    setDraft({ ...draft, ...next });
  }

  return (
    <section class="section" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading" ref={heading} tabIndex={-1}>
        {t('settings_scheduleHeading')}
      </h2>
      <p>{t('settings_scheduleIntro')}</p>
      <form
        class="schedule-form"
        // Our error summary replaces the browser's bubbles.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSave(scheduleFromDraft(draft));
        }}
      >
        <fieldset class="fieldset">
          <legend class="fieldset-legend">{t('settings_sessionsLegend')}</legend>
          <p class="hint">{t('settings_sessionsHint')}</p>
          {draft.sessions.length === 0 ? (
            <p class="inset">{t('settings_noSessions')}</p>
          ) : (
            <ol class="schedule-list">
              {draft.sessions.map((s, i) => (
                <SessionRow
                  key={s.key}
                  session={s}
                  number={i + 1}
                  onChange={(changed) => update({ sessions: draft.sessions.map((x) => (x.key === s.key ? changed : x)) })}
                  onRemove={() => update({ sessions: draft.sessions.filter((x) => x.key !== s.key) }, 'add-session')}
                />
              ))}
            </ol>
          )}
          <button
            type="button"
            id="add-session"
            class="button button-secondary"
            onClick={() => {
              // A new row starts on the last row's day: job plans often have a morning and an afternoon session.
              const last = draft.sessions[draft.sessions.length - 1];
              const session = newSession(last ? last.weekday : 1);
              update({ sessions: [...draft.sessions, session] }, `session-day-${session.key}`);
            }}
          >
            {t('settings_addSession')}
          </button>
        </fieldset>

        <fieldset class="fieldset">
          <legend class="fieldset-legend">{t('settings_nonWorkingLegend')}</legend>
          <p class="hint">{t('settings_nonWorkingHint')}</p>
          {draft.nonWorkingDates.length > 0 && (
            <ol class="schedule-list">
              {draft.nonWorkingDates.map((d, i) => (
                <NonWorkingDateRow
                  key={d.key}
                  entry={d}
                  number={i + 1}
                  onChange={(changed) => update({ nonWorkingDates: draft.nonWorkingDates.map((x) => (x.key === d.key ? changed : x)) })}
                  onRemove={() => update({ nonWorkingDates: draft.nonWorkingDates.filter((x) => x.key !== d.key) }, 'add-non-working')}
                />
              ))}
            </ol>
          )}
          <button
            type="button"
            id="add-non-working"
            class="button button-secondary"
            onClick={() => {
              const entry = newDate();
              update({ nonWorkingDates: [...draft.nonWorkingDates, entry] }, `non-working-${entry.key}`);
            }}
          >
            {t('settings_addNonWorking')}
          </button>
        </fieldset>

        <fieldset class="fieldset">
          <legend class="fieldset-legend">{t('settings_leaveLegend')}</legend>
          <p class="hint">{t('settings_leaveHint')}</p>
          {draft.leave.length > 0 && (
            <ol class="schedule-list">
              {draft.leave.map((l, i) => (
                <LeaveRow
                  key={l.key}
                  leave={l}
                  number={i + 1}
                  onChange={(changed) => update({ leave: draft.leave.map((x) => (x.key === l.key ? changed : x)) })}
                  onRemove={() => update({ leave: draft.leave.filter((x) => x.key !== l.key) }, 'add-leave')}
                />
              ))}
            </ol>
          )}
          <button
            type="button"
            id="add-leave"
            class="button button-secondary"
            onClick={() => {
              const leave = newLeave();
              update({ leave: [...draft.leave, leave] }, `leave-from-${leave.key}`);
            }}
          >
            {t('settings_addLeave')}
          </button>
        </fieldset>

        <button type="submit" class="button">
          {t('settings_saveSchedule')}
        </button>
      </form>
    </section>
  );
}
