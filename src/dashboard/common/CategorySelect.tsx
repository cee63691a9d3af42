import { TASK_CATEGORIES, isTaskCategory, type TaskCategory } from '../../core/taskCategory.js';
import { categoryLabel } from '../../ui/categoryLabel.js';
import { t } from '../../ui/i18n.js';

/**
 * Every task category, by its plain-English label. With `placeholder`, it
 * starts on "Choose a task", so nobody files time under a task they did not pick.
 */
export function CategorySelect({
  id,
  value,
  onChange,
  placeholder = false,
}: {
  id: string;
  value: TaskCategory | '';
  onChange: (category: TaskCategory | '') => void;
  placeholder?: boolean;
}) {
  return (
    <select id={id} class="select" value={value} onChange={(e) => onChange(isTaskCategory(e.currentTarget.value) ? e.currentTarget.value : '')}>
      {placeholder && <option value="">{t('day_chooseTask')}</option>}
      {TASK_CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {categoryLabel(c)}
        </option>
      ))}
    </select>
  );
}
