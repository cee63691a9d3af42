import { useEffect, useRef, useState } from 'preact/hooks';
import { parseClassificationRules, parseRulesFile, rulesFileText, MAX_RULES_FILE_CHARS, type ClassificationRule } from '../../core/classificationRules.js';
import { DEMO_RULES, GENERIC_RULES } from '../../core/presets.js';
import { DEFAULT_CATEGORY } from '../../core/taskCategory.js';
import type { RulePreview } from '../../protocol.js';
import { categoryLabel } from '../../ui/categoryLabel.js';
import { t } from '../../ui/i18n.js';
import { previewViaWorker, type PreviewRules } from './rulePreview.js';
import { RuleRow } from './RuleRow.js';
import { domSelectorIsValid, draftRule, newRule, rulesFromDraft, selectorSyntaxErrors, type RuleDraft, type SystemDraft } from './systemDraft.js';
import { downloadText } from '../common/download.js';
import { PatternsField } from './PatternsField.js';

/** The rows' rules, checked as the worker and the page will check them, plus what only a real DOM can check. */
type CheckedRules = { ok: true; rules: ClassificationRule[]; rowKeys: number[] } | { ok: false; errors: string[]; badSelectorKeys: Set<number> };

/** Selectors this browser cannot parse (core validation has no DOM to ask), by message and by row. */
function domCheck(rows: readonly RuleDraft[]): { errors: string[]; badSelectorKeys: Set<number> } {
  return {
    errors: selectorSyntaxErrors(rows, domSelectorIsValid, (number, selector) => t('settings_ruleSelectorInvalid', number, selector)),
    badSelectorKeys: new Set(rows.filter((r) => r.selector.trim() !== '' && !domSelectorIsValid(r.selector.trim())).map((r) => r.key)),
  };
}

function checkRules(rows: readonly RuleDraft[]): CheckedRules {
  const filled = rows.map((r, i) => ({ r, number: i + 1 })).filter(({ r }) => r.path.trim() !== '' || r.title.trim() !== '' || r.selector.trim() !== '');
  const dom = domCheck(rows);
  // Messages number rows as the form shows them, blank rows included.
  const parsed = parseClassificationRules(rulesFromDraft(rows), (i) => t('settings_ruleWhere', filled[i]?.number ?? i + 1));
  const errors = [...(parsed.ok ? [] : parsed.errors), ...dom.errors];
  if (!parsed.ok || errors.length > 0) return { ok: false, errors, badSelectorKeys: dom.badSelectorKeys };
  return { ok: true, rules: parsed.rules, rowKeys: filled.map(({ r }) => r.key) };
}

function describeRule(rule: ClassificationRule): string {
  return [rule.path, rule.title, rule.selector].filter((c) => c !== undefined).join(' + ');
}

/** Add or edit one clinical system. Holds the text as typed; Settings validates on submit. */
export function SystemForm({
  initial,
  heading,
  onSubmit,
  onCancel,
  previewRules = previewViaWorker,
}: {
  initial: SystemDraft;
  heading: string;
  onSubmit: (draft: SystemDraft) => void;
  onCancel: () => void;
  /** "Test these rules against the current tab"; tests pass a fake. */
  previewRules?: PreviewRules;
}) {
  const [draft, setDraft] = useState(initial);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [badSelectors, setBadSelectors] = useState<Set<number>>(new Set());
  const [notice, setNotice] = useState('');
  const [preview, setPreview] = useState<{ text: string; matchedKey?: number }>({ text: '' });
  const [previewing, setPreviewing] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const addRuleButton = useRef<HTMLButtonElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const live = useRef(true);
  // After adding or removing a rule row, the element to focus (by id), once it is rendered.
  const focusId = useRef<string | null>(null);

  useEffect(() => {
    nameInput.current?.focus();
    return () => {
      live.current = false;
    };
  }, []);
  useEffect(() => {
    if (!focusId.current) return;
    const el = focusId.current === 'add-rule' ? addRuleButton.current : document.getElementById(focusId.current);
    focusId.current = null;
    el?.focus();
  });
  // A new list means a new attempt: move focus to the summary even if the messages are the same.
  useEffect(() => {
    if (formErrors.length > 0) errorBox.current?.focus();
  }, [formErrors]);

  function showFormErrors(errors: string[], bad: Set<number> = new Set()) {
    setNotice('');
    setBadSelectors(bad);
    setFormErrors(errors);
  }
  function clearFormErrors() {
    if (formErrors.length > 0) setFormErrors([]);
    if (badSelectors.size > 0) setBadSelectors(new Set());
  }

  // A changed rule list makes the last test's outcome stale.
  const setRules = (rules: RuleDraft[]) => {
    setDraft((d) => ({ ...d, rules }));
    setPreview({ text: '' });
  };
  function addRule() {
    const rule = newRule();
    focusId.current = `rule-path-${rule.key}`;
    setRules([...draft.rules, rule]);
  }
  function removeRule(key: number) {
    focusId.current = 'add-rule';
    setRules(draft.rules.filter((r) => r.key !== key));
  }
  function addPreset(preset: readonly ClassificationRule[], message: (count: number) => string) {
    const rows = preset.map(draftRule);
    focusId.current = `rule-path-${rows[0]!.key}`;
    setRules([...draft.rules.filter((r) => r.path.trim() !== '' || r.title.trim() !== '' || r.selector.trim() !== ''), ...rows]);
    clearFormErrors();
    setNotice(message(rows.length));
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    let parsed: ReturnType<typeof parseRulesFile>;
    // A file far larger than any rules file is refused unread.
    if (file.size > MAX_RULES_FILE_CHARS * 4) parsed = { ok: false, errors: [t('settings_importTooLarge')] };
    else
      try {
        parsed = parseRulesFile(await file.text());
      } catch {
        parsed = { ok: false, errors: [t('settings_importReadFailed')] };
      }
    if (!live.current) return;
    if (fileInput.current) fileInput.current.value = '';
    // All or nothing: a file with any problem changes no row.
    if (!parsed.ok) return showFormErrors([t('settings_importRefused', file.name), ...parsed.errors]);
    clearFormErrors();
    setRules(parsed.rules.map(draftRule));
    setNotice(t('settings_imported', parsed.rules.length, file.name));
  }

  function exportRules() {
    const checked = checkRules(draft.rules);
    if (!checked.ok) return showFormErrors([t('settings_exportRefused'), ...checked.errors], checked.badSelectorKeys);
    clearFormErrors();
    const fileName = `timeback-rules-${draft.id ?? 'new-system'}.json`;
    downloadText(fileName, rulesFileText(checked.rules), 'application/json');
    setNotice(t('settings_exported', checked.rules.length, fileName));
  }

  async function runPreview() {
    if (previewing) return;
    if (!draft.id) return setPreview({ text: t('settings_previewSaveFirst') });
    const checked = checkRules(draft.rules);
    if (!checked.ok) {
      setPreview({ text: t('settings_previewInvalid') });
      return showFormErrors(checked.errors, checked.badSelectorKeys);
    }
    clearFormErrors();
    setPreviewing(true);
    setPreview({ text: t('settings_previewRunning') });
    let result: RulePreview | undefined;
    try {
      result = await previewRules({ systemId: draft.id, rules: checked.rules, useGenericRules: draft.useGenericRules });
    } catch {
      result = undefined;
    }
    if (!live.current) return;
    setPreviewing(false);
    setPreview(describePreview(result, checked.rowKeys));
  }

  function describePreview(result: RulePreview | undefined, rowKeys: number[]): { text: string; matchedKey?: number } {
    switch (result?.status) {
      case 'ok': {
        const label = categoryLabel(result.category);
        if (!result.rule) return { text: t('settings_previewNoRule', label) };
        if (result.rule.list === 'generic') {
          const rule = GENERIC_RULES[result.rule.index];
          return { text: t('settings_previewGenericRule', label, rule ? describeRule(rule) : String(result.rule.index + 1)) };
        }
        const key = rowKeys[result.rule.index];
        const number = draft.rules.findIndex((r) => r.key === key) + 1;
        return key === undefined ? { text: t('settings_previewUnavailable') } : { text: t('settings_previewSystemRule', label, number), matchedKey: key };
      }
      case 'signIn':
        return { text: t('settings_previewSignIn', categoryLabel('login_auth')) };
      case 'noTab':
        return { text: t('settings_previewNoTab', draft.name.trim() || initial.name) };
      case 'unknownSystem':
        return { text: t('settings_previewSaveFirst') };
      case 'invalid':
        showFormErrors(result.errors);
        return { text: t('settings_previewInvalid') };
      default:
        return { text: t('settings_previewUnavailable') };
    }
  }

  return (
    <form
      class="system-form"
      aria-labelledby="system-form-heading"
      // Our error summary replaces the browser's bubbles.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // Selectors the browser cannot parse: only a real DOM can tell, so it is checked here.
        const dom = domCheck(draft.rules);
        if (dom.errors.length > 0) return showFormErrors(dom.errors, dom.badSelectorKeys);
        clearFormErrors();
        onSubmit(draft);
      }}
    >
      <h3 id="system-form-heading">{heading}</h3>

      {formErrors.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={errorBox} aria-labelledby="system-form-errors-title">
          <h4 id="system-form-errors-title">{t('settings_errorSummaryTitle')}</h4>
          <ul>
            {formErrors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}

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

      <PatternsField
        id="system-matches"
        label={t('settings_matchesLabel')}
        hint={t('settings_matchesHint')}
        rows={3}
        value={draft.matchesText}
        onInput={(matchesText) => setDraft({ ...draft, matchesText })}
      />

      <PatternsField
        id="system-sign-in"
        label={t('settings_signInLabel')}
        hint={t('settings_signInHint', categoryLabel('login_auth'))}
        rows={2}
        value={draft.signInText}
        onInput={(signInText) => setDraft({ ...draft, signInText })}
      />

      <PatternsField
        id="system-viewers"
        label={t('settings_viewersLabel')}
        hint={t('settings_viewersHint')}
        rows={2}
        value={draft.viewerText ?? ''}
        onInput={(viewerText) => setDraft({ ...draft, viewerText })}
      />

      <fieldset class="fieldset">
        <legend class="fieldset-legend">{t('settings_rulesLegend')}</legend>
        <p class="hint">{t('settings_rulesHint', categoryLabel(DEFAULT_CATEGORY))}</p>
        <p class="hint">{t('settings_rulesPrivacyHint')}</p>
        {draft.rules.length > 0 && (
          <ol class="rule-list">
            {draft.rules.map((rule, i) => (
              <RuleRow
                key={rule.key}
                rule={rule}
                number={i + 1}
                selectorInvalid={badSelectors.has(rule.key)}
                matched={preview.matchedKey === rule.key}
                onChange={(changed) => setRules(draft.rules.map((r) => (r.key === rule.key ? changed : r)))}
                onRemove={() => removeRule(rule.key)}
              />
            ))}
          </ol>
        )}
        <div class="button-group">
          <button type="button" class="button button-secondary" ref={addRuleButton} onClick={addRule}>
            {t('settings_addRule')}
          </button>
          <button type="button" class="button button-secondary" onClick={() => addPreset(GENERIC_RULES, (n) => t('settings_genericPresetAdded', n))}>
            {t('settings_addGenericPreset')}
          </button>
          <button type="button" class="button button-secondary" onClick={() => addPreset(DEMO_RULES, (n) => t('settings_demoPresetAdded', n))}>
            {t('settings_addDemoPreset')}
          </button>
        </div>

        <div class="field checkbox-field">
          <input
            id="system-use-generic"
            type="checkbox"
            class="checkbox"
            aria-describedby="system-use-generic-hint"
            checked={draft.useGenericRules}
            onChange={(e) => {
              setDraft({ ...draft, useGenericRules: e.currentTarget.checked });
              setPreview({ text: '' });
            }}
          />
          <label for="system-use-generic">{t('settings_useGenericLabel')}</label>
          <p class="hint" id="system-use-generic-hint">
            {t('settings_useGenericHint')}
          </p>
        </div>

        <div class="field">
          <label for="system-rules-import">{t('settings_importLabel')}</label>
          <p class="hint" id="system-rules-import-hint">
            {t('settings_importHint')}
          </p>
          <input
            id="system-rules-import"
            ref={fileInput}
            type="file"
            class="file-input"
            accept="application/json,.json"
            aria-describedby="system-rules-import-hint"
            onChange={(e) => void importFile(e.currentTarget.files?.[0])}
          />
        </div>
        <div class="button-group">
          <button type="button" class="button button-secondary" onClick={exportRules}>
            {t('settings_export')}
          </button>
        </div>

        <div class="preview">
          <p class="hint" id="system-preview-hint">
            {t('settings_previewHint')}
          </p>
          <button type="button" class="button button-secondary" aria-describedby="system-preview-hint" onClick={() => void runPreview()}>
            {t('settings_previewButton')}
          </button>
          {/* Always in the page, so screen readers announce each result. */}
          <p role="status" class={preview.text ? 'preview-result' : 'preview-result notice-empty'}>
            {preview.text}
          </p>
        </div>
        <p role="status" class={notice ? 'notice' : 'notice notice-empty'}>
          {notice}
        </p>
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
