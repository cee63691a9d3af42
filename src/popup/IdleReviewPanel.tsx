import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { IdleReview, IdleReviewAction } from '../core/entries.js';
import type { TodaySummary } from '../core/todaySummary.js';
import { formatDuration } from '../ui/duration.js';
import type { TaskCategory } from '../core/taskCategory.js';
import { t } from '../ui/i18n.js';
import { CategorySelect } from '../ui/controls/CategorySelect.js';
import { NO_SYSTEM, SystemSelect } from '../ui/controls/SystemSelect.js';
import { clockTime } from './timeText.js';

/**
 * Asks what an idle stretch was, after the clinician was away while a timer
 * ran or a clinical tab was open. Nothing is counted or dropped silently:
 * they keep it, discard it, or say which task it was.
 */
export function IdleReviewPanel({
  review,
  systems,
  onResolve,
}: {
  review: IdleReview;
  systems: TodaySummary['timerSystems'];
  onResolve: (action: IdleReviewAction) => void;
}) {
  const region = useRef<HTMLElement>(null);
  const categorySelect = useRef<HTMLSelectElement>(null);
  const known = (id: string | undefined) => (id && systems.some((s) => s.id === id) ? id : NO_SYSTEM);
  const [assigning, setAssigning] = useState(false);
  const [category, setCategory] = useState<TaskCategory>(review.category);
  const [systemId, setSystemId] = useState(() => known(review.systemId));

  // A new question takes focus, so keyboard and screen reader users meet it first.
  useEffect(() => {
    region.current?.focus();
    setAssigning(false);
    setCategory(review.category);
    setSystemId(known(review.systemId));
  }, [review.from, review.to]);

  useEffect(() => {
    if (assigning) categorySelect.current?.focus();
  }, [assigning]);

  const systemName = review.systemId ? (systems.find((s) => s.id === review.systemId)?.name ?? review.systemId) : t('popup_idleSomeSystem');
  const away = [formatDuration(review.to - review.from), clockTime(review.from), clockTime(review.to)] as const;

  function assign(e: Event) {
    // The page's CSP forbids form submission; the form is for grouping and Enter.
    e.preventDefault();
    onResolve({ action: 'assign', category, ...(systemId !== NO_SYSTEM ? { systemId } : {}) });
  }

  return (
    <section class="idle-review" aria-labelledby="idle-heading" tabIndex={-1} ref={region}>
      <h2 id="idle-heading">{t('popup_idleHeading')}</h2>
      <p>
        {review.during === 'timer'
          ? t('popup_idleAwayTimer', ...away)
          : t('popup_idleAwayTab', ...away, systemName)}{' '}
        {t('popup_idleQuestion')}
      </p>
      <IdleOption id="idle-keep" primary label={t('popup_idleKeep')} hint={review.during === 'timer' ? t('popup_idleKeepTimerHint') : t('popup_idleKeepTabHint', systemName)} onClick={() => onResolve({ action: 'keep' })} />
      <IdleOption id="idle-discard" label={t('popup_idleDiscard')} hint={t('popup_idleDiscardHint')} onClick={() => onResolve({ action: 'discard' })} />
      <IdleOption id="idle-assign" label={t('popup_idleAssign')} hint={t('popup_idleAssignHint')} expanded={assigning} onClick={() => setAssigning(!assigning)}>
        <form id="idle-assign" class="idle-assign" hidden={!assigning} onSubmit={assign}>
          <CategorySelect
            id="idle-category"
            label={t('popup_idleCategory')}
            value={category}
            onChange={setCategory}
            selectRef={categorySelect}
          />
          <SystemSelect id="idle-system" label={t('popup_timerSystem')} systems={systems} value={systemId} onChange={setSystemId} />
          <button type="submit" class="button">
            {t('popup_idleAssignConfirm')}
          </button>
        </form>
      </IdleOption>
    </section>
  );
}

/** One answer to the idle question: its button, the hint that explains it, and (for "assign") what it opens. */
function IdleOption({ id, label, hint, primary, expanded, onClick, children }: { id: string; label: string; hint: string; primary?: boolean; /** Set for a button that shows or hides the element `id` (its children). */ expanded?: boolean; onClick: () => void; children?: ComponentChildren }) {
  return (
    <div class="idle-option">
      <button
        type="button"
        class={primary ? 'button' : 'button button-secondary'}
        aria-describedby={`${id}-hint`}
        {...(expanded === undefined ? {} : { 'aria-expanded': expanded, 'aria-controls': id })}
        onClick={onClick}
      >
        {label}
      </button>
      <p id={`${id}-hint`} class="hint">
        {hint}
      </p>
      {children}
    </div>
  );
}
