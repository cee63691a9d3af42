import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_CATEGORY } from '../core/taskCategory.js';
import { categoryLabel } from '../ui/categoryLabel.js';
import { t } from '../ui/i18n.js';
import { PathRuleRow } from './PathRuleRow.js';
import { newRule, type RuleDraft, type SystemDraft } from './systemDraft.js';

/** Add or edit one clinical system. Holds the text as typed; Settings validates on submit. */
export function SystemForm({
  initial,
  heading,
  onSubmit,
  onCancel,
}: {
  initial: SystemDraft;
  heading: string;
  onSubmit: (draft: SystemDraft) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const nameInput = useRef<HTMLInputElement>(null);
  const addRuleButton = useRef<HTMLButtonElement>(null);
  // After adding or removing a rule row, the element to focus (by id), once it is rendered.
  const focusId = useRef<string | null>(null);

  useEffect(() => nameInput.current?.focus(), []);
  useEffect(() => {
    if (!focusId.current) return;
    const el = focusId.current === 'add-rule' ? addRuleButton.current : document.getElementById(focusId.current);
    focusId.current = null;
    el?.focus();
  });

  const setRules = (rules: RuleDraft[]) => setDraft({ ...draft, rules });
  function addRule() {
    const rule = newRule();
    focusId.current = `rule-path-${rule.key}`;
    setRules([...draft.rules, rule]);
  }
  function removeRule(key: number) {
    focusId.current = 'add-rule';
    setRules(draft.rules.filter((r) => r.key !== key));
  }

  return (
    <form
      class="system-form"
      aria-labelledby="system-form-heading"
      // Our error summary replaces the browser's bubbles.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(draft);
      }}
    >
      <h3 id="system-form-heading">{heading}</h3>

      <div class="field">
        <label for="system-name">{t('settings_nameLabel')}</label>
        <p class="hint" id="system-name-hint">
          {t('settings_nameHint')}
        </p>
        <input
          id="system-name"
          ref={nameInput}
          type="text"
          class="input"
          autocomplete="off"
          maxLength={60}
          aria-describedby="system-name-hint"
          value={draft.name}
          onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
        />
      </div>

      <div class="field">
        <label for="system-matches">{t('settings_matchesLabel')}</label>
        <p class="hint" id="system-matches-hint">
          {t('settings_matchesHint')}
        </p>
        <textarea
          id="system-matches"
          class="input textarea"
          rows={3}
          spellcheck={false}
          autocapitalize="off"
          aria-describedby="system-matches-hint"
          value={draft.matchesText}
          onInput={(e) => setDraft({ ...draft, matchesText: e.currentTarget.value })}
        />
      </div>

      <fieldset class="fieldset">
        <legend class="fieldset-legend">{t('settings_rulesLegend')}</legend>
        <p class="hint">{t('settings_rulesHint', categoryLabel(DEFAULT_CATEGORY))}</p>
        {draft.rules.length > 0 && (
          <ol class="rule-list">
            {draft.rules.map((rule, i) => (
              <PathRuleRow
                key={rule.key}
                rule={rule}
                number={i + 1}
                onChange={(changed) => setRules(draft.rules.map((r) => (r.key === rule.key ? changed : r)))}
                onRemove={() => removeRule(rule.key)}
              />
            ))}
          </ol>
        )}
        <button type="button" class="button button-secondary" ref={addRuleButton} onClick={addRule}>
          {t('settings_addRule')}
        </button>
      </fieldset>

      <div class="button-group">
        <button type="submit" class="button">
          {initial.id ? t('settings_saveSystem') : t('settings_addSystemSubmit')}
        </button>
        <button type="button" class="button button-secondary" onClick={onCancel}>
          {t('settings_cancel')}
        </button>
      </div>
    </form>
  );
}
