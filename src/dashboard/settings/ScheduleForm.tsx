import { useEffect, useRef, useState } from 'preact/hooks';
import type { Schedule } from '../../core/schedule.js';
import { t } from '../../ui/i18n.js';
import { LeaveRow } from './LeaveRow.js';
import { NonWorkingDateRow } from './NonWorkingDateRow.js';
import { RowListFieldset } from './RowListFieldset.js';
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
        <RowListFieldset
          legend={t('settings_sessionsLegend')}
          hint={t('settings_sessionsHint')}
          emptyText={t('settings_noSessions')}
          rows={draft.sessions}
          addId="add-session"
          addLabel={t('settings_addSession')}
          // A new row starts on the last row's day: job plans often have a morning and an afternoon session.
          newRow={(rows) => newSession(rows.length > 0 ? rows[rows.length - 1]!.weekday : 1)}
          firstFieldId={(s) => `session-day-${s.key}`}
          onRowsChange={(sessions, focus) => update({ sessions }, focus)}
          renderRow={(s, { number, onChange, onRemove }) => <SessionRow session={s} number={number} onChange={onChange} onRemove={onRemove} />}
        />

        <RowListFieldset
          legend={t('settings_nonWorkingLegend')}
          hint={t('settings_nonWorkingHint')}
          rows={draft.nonWorkingDates}
          addId="add-non-working"
          addLabel={t('settings_addNonWorking')}
          newRow={() => newDate()}
          firstFieldId={(d) => `non-working-${d.key}`}
          onRowsChange={(nonWorkingDates, focus) => update({ nonWorkingDates }, focus)}
          renderRow={(d, { number, onChange, onRemove }) => <NonWorkingDateRow entry={d} number={number} onChange={onChange} onRemove={onRemove} />}
        />

        <RowListFieldset
          legend={t('settings_leaveLegend')}
          hint={t('settings_leaveHint')}
          rows={draft.leave}
          addId="add-leave"
          addLabel={t('settings_addLeave')}
          newRow={() => newLeave()}
          firstFieldId={(l) => `leave-from-${l.key}`}
          onRowsChange={(leave, focus) => update({ leave }, focus)}
          renderRow={(l, { number, onChange, onRemove }) => <LeaveRow leave={l} number={number} onChange={onChange} onRemove={onRemove} />}
        />

        <button type="submit" class="button">
          {t('settings_saveSchedule')}
        </button>
      </form>
    </section>
  );
}
