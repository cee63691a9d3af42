import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChangeResult, DayEntries, EntryChange } from '../../core/entries.js';
import type { LocalDateKey } from '../../core/localDate.js';
import type { Settings } from '../../core/settings.js';
import { t } from '../../ui/i18n.js';
import { AddTimeForm } from './AddTimeForm.js';
import type { DashboardApi } from '../dashboardApi.js';
import { DayTimelineChart } from './DayTimelineChart.js';
import { DayTotals } from './DayTotals.js';
import { EntryItem } from './EntryItem.js';
import { ErrorSummary } from '../common/ErrorSummary.js';
import { longDate } from '../common/format.js';
import { localDateOf } from './localTime.js';
import type { SystemChoices } from '../../ui/controls/SystemSelect.js';

/**
 * Where focus goes once the day has reloaded after a change: the changed
 * record if it is still there, else the heading. The worker gives a relabelled
 * or re-timed record a new id (the original is kept for undo), so it is also
 * found by its start.
 */
type FocusAfter = { entryId?: string; start?: number } | null;

/** The notice for a change that worked. */
function doneText(change: EntryChange): string {
  if (change.kind === 'add') return t('day_added', longDate(localDateOf(change.start)));
  if (change.kind === 'split') return t('day_splitDone');
  if (change.kind === 'delete') return t('day_deleted');
  if (change.note !== undefined) return t('day_noteSaved');
  if (change.start !== undefined || change.end !== undefined) return t('day_timesSaved');
  return t('day_relabelled');
}

/**
 * "Your day, record by record": every record of the viewed day, what it
 * counts, and the means to put it right. Changes go through the worker (the
 * only writer), which keeps the originals; each one can be undone. After a
 * change the page reloads this day and the period's figures, so the totals
 * above agree with the records below.
 */
export function DayTimeline({
  api,
  date,
  settings,
  refreshKey,
  onChanged,
  now = Date.now,
}: {
  api: DashboardApi;
  date: LocalDateKey;
  settings: Settings;
  /** Changes whenever the page reloads its figures; the records reload with them. */
  refreshKey: number;
  /** A change was made: reload everything. */
  onChanged: () => void;
  now?: () => number;
}) {
  const [loaded, setLoaded] = useState<DayEntries | null>(null);
  const [failed, setFailed] = useState(false);
  const [retries, setRetries] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState('');
  const busy = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const focusAfter = useRef<FocusAfter>(null);

  useEffect(() => {
    let live = true;
    api.getDayEntries(date).then(
      (day) => {
        if (!live) return;
        setFailed(false);
        // A fresh object per load, so what waits for the reload (focus) runs even if nothing changed.
        setLoaded({ ...day });
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [api, date, refreshKey, retries]);

  // Another day: its own records, and nothing said about the last one.
  useEffect(() => {
    setErrors([]);
    setNotice('');
  }, [date]);

  const day = loaded?.date === date ? loaded : null;

  useEffect(() => {
    const target = focusAfter.current;
    if (!target || !day) return;
    focusAfter.current = null;
    const items = [...(list.current?.children ?? [])] as HTMLElement[];
    const item =
      target.entryId === undefined
        ? undefined
        : (items.find((li) => li.dataset.entryId === target.entryId) ?? items.find((li) => target.start !== undefined && li.dataset.start === String(target.start)));
    (item?.querySelector<HTMLElement>('.entry-heading') ?? heading.current)?.focus();
  }, [day]);

  const systems: SystemChoices = {
    web: settings.systems.map((s) => ({ id: s.id, name: s.name })),
    desktop: settings.desktopSystems.map((s) => ({ id: s.id, name: s.name })),
  };

  function showErrors(messages: string[]) {
    setNotice('');
    setErrors(messages);
  }

  /** Run one request at a time (double clicks, Enter held down); a refusal or failure goes to the error summary. */
  async function exclusive(request: () => Promise<ChangeResult>, done: string, focus: FocusAfter): Promise<boolean> {
    if (busy.current) return false;
    busy.current = true;
    try {
      let result: ChangeResult;
      try {
        result = await request();
      } catch {
        result = { ok: false, error: t('day_changeFailed') };
      }
      if (!result.ok) {
        showErrors([result.error]);
        return false;
      }
      setErrors([]);
      setNotice(done);
      focusAfter.current = focus;
      onChanged();
      return true;
    } finally {
      busy.current = false;
    }
  }

  function change(request: EntryChange): Promise<boolean> {
    // Kept records keep focus; a split or deleted one is gone, so focus goes to the heading.
    const before = request.kind === 'edit' ? day?.entries.find((e) => e.id === request.id) : undefined;
    const focus: FocusAfter = request.kind === 'edit' ? { entryId: request.id, start: request.start ?? before?.start } : request.kind === 'add' ? null : {};
    return exclusive(() => api.changeEntry(request), doneText(request), focus);
  }

  const entries = day ? [...day.entries].sort((a, b) => a.start - b.start || a.end - b.end) : [];

  return (
    <section class="section dash-section day-timeline" aria-labelledby="day-entries-heading">
      <h2 id="day-entries-heading" ref={heading} tabIndex={-1}>
        {t('day_heading')}
      </h2>
      <p>{t('day_intro')}</p>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      {/* Always in the page, so screen readers announce changes to it. */}
      <p role="status" class={notice ? 'notice' : 'notice notice-empty'}>
        {notice}
      </p>
      {failed ? (
        <div class="warning">
          <p>{t('day_loadFailed')}</p>
          <button type="button" class="button button-secondary" onClick={() => setRetries((n) => n + 1)}>
            {t('dash_tryAgain')}
          </button>
        </div>
      ) : !day ? (
        <p>{t('day_loading')}</p>
      ) : (
        <>
          <DayTotals totalMs={day.totalMs} correctedMs={day.correctedMs} />
          {day.undo && (
            <button
              type="button"
              class="button button-secondary"
              onClick={() => void exclusive(() => api.undoLastChange(), t('day_undone', day.undo!.label), {})}
            >
              {t('day_undo', day.undo.label)}
            </button>
          )}
          {entries.length === 0 ? (
            <p class="inset">{t('day_noEntries')}</p>
          ) : (
            <>
              <DayTimelineChart date={day.date} entries={entries} totalMs={day.totalMs} />
              <ol class="entry-list" ref={list}>
                {entries.map((e) => (
                  <EntryItem key={e.id} entry={e} systems={systems} now={now} onChange={change} onInvalid={showErrors} onOpen={() => setErrors([])} />
                ))}
              </ol>
            </>
          )}
        </>
      )}
      <AddTimeForm date={date} systems={systems} now={now} onAdd={change} onInvalid={showErrors} />
    </section>
  );
}
