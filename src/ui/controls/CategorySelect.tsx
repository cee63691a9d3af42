import { TASK_CATEGORIES, type TaskCategory } from '../../core/taskCategory.js';
import { categoryLabel } from '../categoryLabel.js';
import { t } from '../i18n.js';
import { inCompactField } from './CompactField.js';

/**
 * Every task category, by its plain-English label. All 13 are offered: manual
 * time is often `direct_care` or `non_ehr`, which automatic tracking never
 * assigns. With `placeholder`, it starts on "Choose a task", so nobody files
 * time under a task they did not pick; only then can it answer '' (every
 * value is one of its own options, so no other text can come back). With
 * `label`, it comes in a compact field with that label (the popup); without,
 * the caller labels it.
 */
export function CategorySelect<C extends TaskCategory | ''>({
  id,
  label,
  value,
  onChange,
  placeholder = false,
  selectRef,
}: {
  id: string;
  label?: string;
  value: C;
  onChange: (category: C) => void;
  placeholder?: boolean;
  selectRef?: { current: HTMLSelectElement | null };
}) {
  const select = (
    <select id={id} class="select" value={value} ref={selectRef} onChange={(e) => onChange(e.currentTarget.value as C)}>
      {placeholder && <option value="">{t('day_chooseTask')}</option>}
      {TASK_CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {categoryLabel(c)}
        </option>
      ))}
    </select>
  );
  return inCompactField(id, label, select);
}
