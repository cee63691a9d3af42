import { useEffect, useRef, useState } from 'preact/hooks';
import type { TodaySummary } from '../core/todaySummary.js';
import type { TaskCategory } from '../core/taskCategory.js';
import { categoryLabel } from '../ui/categoryLabel.js';
import { t } from '../ui/i18n.js';
import { CategorySelect } from '../ui/controls/CategorySelect.js';
import { NO_SYSTEM, SystemSelect } from '../ui/controls/SystemSelect.js';

/** Choose a task (and, if wanted, a system) and start a manual timer. */
export function StartTimerForm({
  summary,
  onStart,
  focusOnMount,
}: {
  summary: TodaySummary;
  onStart: (category: TaskCategory, systemId?: string) => void;
  /** True when this form replaces a timer the clinician just stopped, so focus is not lost. */
  focusOnMount: boolean;
}) {
  const last = summary.lastTimer;
  const known = (id: string | undefined) => (id && summary.timerSystems.some((s) => s.id === id) ? id : NO_SYSTEM);
  const [category, setCategory] = useState<TaskCategory>(last?.category ?? 'non_ehr');
  const [systemId, setSystemId] = useState(() => known(last?.systemId));
  const firstButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focusOnMount) firstButton.current?.focus();
  }, []);

  const lastSystem = last?.systemId ? summary.timerSystems.find((s) => s.id === last.systemId) : undefined;

  function submit(e: Event) {
    // The page's CSP forbids form submission; the form is here for Enter-to-submit and grouping.
    e.preventDefault();
    onStart(category, systemId === NO_SYSTEM ? undefined : systemId);
  }

  return (
    <>
      <p class="hint">{t('popup_timerIntro')}</p>
      {last && (
        <button
          type="button"
          class="button"
          ref={firstButton}
          onClick={() => onStart(last.category, lastSystem ? last.systemId : undefined)}
        >
          {lastSystem
            ? t('popup_timerStartAgainWithSystem', categoryLabel(last.category), lastSystem.name)
            : t('popup_timerStartAgain', categoryLabel(last.category))}
        </button>
      )}
      <form class="timer-form" onSubmit={submit}>
        <CategorySelect id="timer-category" label={t('popup_timerCategory')} value={category} onChange={setCategory} />
        <SystemSelect
          id="timer-system"
          label={t('popup_timerSystem')}
          systems={summary.timerSystems}
          value={systemId}
          onChange={setSystemId}
        />
        <button type="submit" class={last ? 'button button-secondary' : 'button'} ref={last ? undefined : firstButton}>
          {t('popup_timerStart')}
        </button>
      </form>
    </>
  );
}
