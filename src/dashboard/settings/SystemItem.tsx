import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClinicalSystem } from '../../core/settings.js';
import { DEFAULT_CATEGORY } from '../../core/taskCategory.js';
import { categoryLabel } from '../../ui/categoryLabel.js';
import { t } from '../../ui/i18n.js';

function ruleCount(n: number, useGenericRules: boolean): string {
  if (n === 0) return useGenericRules ? t('settings_ruleCountNoneGeneric') : t('settings_ruleCountNone', categoryLabel(DEFAULT_CATEGORY));
  if (n === 1) return t('settings_ruleCountOne');
  return t('settings_ruleCountMany', n);
}

/** Match patterns, one per line, as code. */
const patternList = (patterns: readonly string[]) => (
  <ul class="plain-list">
    {patterns.map((m) => (
      <li key={m}>
        <code>{m}</code>
      </li>
    ))}
  </ul>
);

/** One configured system, with Edit and a two-step Remove (patterns are tedious to retype). */
export function SystemItem({
  system,
  onEdit,
  onRemove,
  managed = false,
  onAllow,
}: {
  system: ClinicalSystem;
  onEdit: () => void;
  onRemove: () => void;
  managed?: boolean;
  /** For a system set by the organisation: ask for access to its pages (no policy can grant it). */
  onAllow?: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // The button pressed disappears either way, so move focus to what replaced it.
  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (wasConfirming.current) removeButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const questionId = `remove-question-${system.id}`;
  return (
    <li class="system">
      <h3>{system.name}</h3>
      <dl class="summary-list">
        <dt>{t('settings_matchesTerm')}</dt>
        <dd>{patternList(system.matches)}</dd>
        {system.signInPatterns.length > 0 && (
          <>
            <dt>{t('settings_signInTerm')}</dt>
            <dd>{patternList(system.signInPatterns)}</dd>
          </>
        )}
        {system.viewerPatterns && (
          <>
            <dt>{t('settings_viewersTerm')}</dt>
            <dd>{patternList(system.viewerPatterns)}</dd>
          </>
        )}
        <dt>{t('settings_rulesTerm')}</dt>
        <dd>{ruleCount(system.rules.length, system.useGenericRules)}</dd>
        <dt>{t('settings_genericTerm')}</dt>
        <dd>{system.useGenericRules ? t('settings_genericOn') : t('settings_genericOff')}</dd>
      </dl>
      {managed ? (
        <>
          <p class="hint">{t('policy_setByOrganisation')}</p>
          {onAllow && (
            <>
              <p class="hint" id={`allow-hint-${system.id}`}>
                {t('policy_allowAccessHint')}
              </p>
              <button type="button" class="button button-secondary" aria-describedby={`allow-hint-${system.id}`} onClick={onAllow}>
                {t('policy_allowAccess', system.name)}
              </button>
            </>
          )}
        </>
      ) : confirming ? (
        <div class="confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId} ref={question} tabIndex={-1}>
            {t('settings_removeQuestion', system.name)}
          </p>
          <div class="button-group">
            <button type="button" class="button button-warning" onClick={onRemove}>
              {t('settings_removeConfirm', system.name)}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setConfirming(false)}>
              {t('settings_cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div class="button-group">
          <button type="button" class="button button-secondary" aria-label={t('settings_editNamed', system.name)} onClick={onEdit}>
            {t('settings_edit')}
          </button>
          <button
            type="button"
            class="button button-secondary"
            ref={removeButton}
            aria-label={t('settings_removeNamed', system.name)}
            onClick={() => setConfirming(true)}
          >
            {t('settings_remove')}
          </button>
        </div>
      )}
    </li>
  );
}
