import { TASK_CATEGORIES, type TaskCategory } from '../core/taskCategory.js';
import { categoryLabel } from '../ui/categoryLabel.js';

/**
 * A labelled choice of task category. All 13 are offered: manual time is
 * often `direct_care` or `non_ehr`, which automatic tracking never assigns.
 */
export function CategorySelect({
  id,
  label,
  value,
  onChange,
  selectRef,
}: {
  id: string;
  label: string;
  value: TaskCategory;
  onChange: (category: TaskCategory) => void;
  selectRef?: { current: HTMLSelectElement | null };
}) {
  return (
    <div class="field field-compact">
      <label for={id}>{label}</label>
      <select
        id={id}
        class="select"
        value={value}
        ref={selectRef}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as TaskCategory)}
      >
        {TASK_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {categoryLabel(c)}
          </option>
        ))}
      </select>
    </div>
  );
}
