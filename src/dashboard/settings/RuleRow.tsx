import { CategorySelect } from '../../ui/controls/CategorySelect.js';
import { t } from '../../ui/i18n.js';
import type { RuleDraft } from './systemDraft.js';

/** One classification rule: its conditions (path, title, element), the task it means, and its priority. */
export function RuleRow({
  rule,
  number,
  selectorInvalid,
  matched,
  onChange,
  onRemove,
}: {
  rule: RuleDraft;
  number: number;
  /** The browser could not parse the selector (checked on save, export and preview). */
  selectorInvalid: boolean;
  /** The last preview was decided by this rule. */
  matched: boolean;
  onChange: (rule: RuleDraft) => void;
  onRemove: () => void;
}) {
  const id = (field: string) => `rule-${field}-${rule.key}`;
  const text = (field: 'path' | 'title' | 'selector', label: string, extra: Record<string, unknown> = {}) => (
    <div class={`field rule-${field}`}>
      <label for={id(field)}>{label}</label>
      <input
        id={id(field)}
        type="text"
        class="input input-code"
        spellcheck={false}
        autocapitalize="off"
        autocomplete="off"
        maxLength={300}
        value={rule[field]}
        onInput={(e) => onChange({ ...rule, [field]: e.currentTarget.value })}
        {...extra}
      />
    </div>
  );
  const selectorErrorId = id('selector-error');
  return (
    <li class={matched ? 'rule-row rule-row-matched' : 'rule-row'}>
      {text('path', t('settings_rulePathLabel', number))}
      {text('title', t('settings_ruleTitleLabel', number))}
      {text(
        'selector',
        t('settings_ruleSelectorLabel', number),
        selectorInvalid ? { 'aria-invalid': 'true', 'aria-describedby': selectorErrorId } : {},
      )}
      {selectorInvalid && (
        <p class="error-message" id={selectorErrorId}>
          {t('settings_ruleSelectorInvalidInline')}
        </p>
      )}
      <div class="field rule-category">
        <label for={id('category')}>{t('settings_ruleCategoryLabel', number)}</label>
        <CategorySelect id={id('category')} value={rule.category} onChange={(category) => onChange({ ...rule, category })} />
      </div>
      <div class="field rule-priority">
        <label for={id('priority')}>{t('settings_rulePriorityLabel', number)}</label>
        <input
          id={id('priority')}
          type="text"
          inputMode="numeric"
          class="input input-width-5"
          autocomplete="off"
          maxLength={6}
          value={rule.priority}
          onInput={(e) => onChange({ ...rule, priority: e.currentTarget.value })}
        />
      </div>
      {matched && <p class="rule-matched-note">{t('settings_ruleMatchedNote')}</p>}
      <button type="button" class="button button-secondary rule-remove" aria-label={t('settings_removeRuleNamed', number)} onClick={onRemove}>
        {t('settings_remove')}
      </button>
    </li>
  );
}
