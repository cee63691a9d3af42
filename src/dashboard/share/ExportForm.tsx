import { ROLES, type Granularity, type Role } from '../../core/exportFormat.js';
import type { LocalDateKey } from '../../core/localDate.js';
import { t } from '../../ui/i18n.js';
import { CheckboxField } from './CheckboxField.js';
import type { ChoiceField, ExportChoices } from './exportChoices.js';
import { PeriodFields } from './PeriodFields.js';
import { RadioGroup } from './RadioGroup.js';

/**
 * The choices of a personal export. Every choice starts at the least that can
 * be shared (no systems, no team code or role, a fresh id); submitting builds
 * a preview, and nothing is saved until the clinician downloads it.
 */
export function ExportForm({
  today,
  choices,
  errors,
  busy,
  onChange,
  onSubmit,
}: {
  today: LocalDateKey;
  choices: ExportChoices;
  errors: Partial<Record<ChoiceField, string>>;
  busy: boolean;
  onChange: (choices: ExportChoices) => void;
  onSubmit: () => void;
}) {
  const set = <K extends keyof ExportChoices>(key: K, value: ExportChoices[K]) => onChange({ ...choices, [key]: value });

  return (
    <form
      class="share-export-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <PeriodFields
        today={today}
        range={choices.range}
        error={errors.range}
        onChange={(range, granularity) => onChange({ ...choices, range, granularity: granularity ?? choices.granularity })}
      />
      <RadioGroup<Granularity>
        name="share-granularity"
        legend={t('share_granularityLegend')}
        hint={t('share_granularityHint')}
        options={[
          { value: 'week', label: t('share_granularityWeek') },
          { value: 'day', label: t('share_granularityDay') },
        ]}
        value={choices.granularity}
        error={errors.granularity}
        onChange={(g) => set('granularity', g)}
      />
      <CheckboxField
        id="share-include-systems"
        label={t('share_includeSystemsLabel')}
        hint={t('share_includeSystemsHint')}
        checked={choices.includeSystems}
        onChange={(v) => set('includeSystems', v)}
      />
      <div class="field">
        <label for="share-team-code">{t('share_teamCodeLabel')}</label>
        <p class="hint" id="share-team-code-hint">
          {t('share_teamCodeHint')}
        </p>
        {errors.teamCode && (
          <p class="error-message" id="share-team-code-error">
            {errors.teamCode}
          </p>
        )}
        <input
          id="share-team-code"
          type="text"
          class="input input-code input-width-10"
          autocomplete="off"
          spellcheck={false}
          aria-describedby={errors.teamCode ? 'share-team-code-hint share-team-code-error' : 'share-team-code-hint'}
          aria-invalid={errors.teamCode ? 'true' : undefined}
          value={choices.teamCode}
          onInput={(e) => set('teamCode', e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="share-role">{t('share_roleLabel')}</label>
        <select id="share-role" class="select input-width-10" value={choices.role} onChange={(e) => set('role', e.currentTarget.value as Role | '')}>
          <option value="">{t('share_roleNone')}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`share_role_${role}`)}
            </option>
          ))}
        </select>
      </div>
      <CheckboxField id="share-keep-id" label={t('share_keepIdLabel')} hint={t('share_keepIdHint')} checked={choices.keepId} onChange={(v) => set('keepId', v)} />
      <div class="button-group">
        <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
          {t('share_previewButton')}
        </button>
      </div>
    </form>
  );
}
