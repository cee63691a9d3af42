import { TASK_CATEGORIES, isTaskCategory } from '../core/taskCategory.js';
import { categoryLabel } from '../ui/categoryLabel.js';
import { t } from '../ui/i18n.js';
import type { RuleDraft } from './systemDraft.js';

/** One path rule: a path pattern and the category pages matching it count as. */
export function PathRuleRow({
  rule,
  number,
  onChange,
  onRemove,
}: {
  rule: RuleDraft;
  number: number;
  onChange: (rule: RuleDraft) => void;
  onRemove: () => void;
}) {
  const pathId = `rule-path-${rule.key}`;
  const categoryId = `rule-category-${rule.key}`;
  return (
    <li class="rule-row">
      <div class="field">
        <label for={pathId}>{t('settings_rulePathLabel', number)}</label>
        <input
          id={pathId}
          type="text"
          class="input input-code"
          spellcheck={false}
          autocapitalize="off"
          autocomplete="off"
          value={rule.path}
          onInput={(e) => onChange({ ...rule, path: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for={categoryId}>{t('settings_ruleCategoryLabel', number)}</label>
        <select
          id={categoryId}
          class="select"
          value={rule.category}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isTaskCategory(value)) onChange({ ...rule, category: value });
          }}
        >
          {TASK_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" class="button button-secondary rule-remove" aria-label={t('settings_removeRuleNamed', number)} onClick={onRemove}>
        {t('settings_remove')}
      </button>
    </li>
  );
}
