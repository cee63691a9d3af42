import { useEffect, useState } from 'preact/hooks';
import { MAX_THRESHOLD_SEC, MIN_THRESHOLD_SEC } from '../../core/activeTimeParams.js';
import { t } from '../../ui/i18n.js';

export interface TimingValues {
  inactivityThresholdSec: number;
  readingAllowanceSec: number;
}

/** Blank or non-numeric text becomes NaN, so parseSettings reports it instead of reading it as 0. */
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** Which of the two the organisation's policy sets: shown, disabled, "Set by your organisation". */
export type TimingLocks = { [K in keyof TimingValues]?: boolean };

/** The two parameters of the active-time definition, with what each one means. */
export function TimingForm({ values, onSave, locked = {} }: { values: TimingValues; onSave: (values: TimingValues) => void; locked?: TimingLocks }) {
  const bothLocked = !!locked.inactivityThresholdSec && !!locked.readingAllowanceSec;
  const [threshold, setThreshold] = useState(String(values.inactivityThresholdSec));
  const [allowance, setAllowance] = useState(String(values.readingAllowanceSec));

  // Saved values can change from outside (another window); show them.
  useEffect(() => {
    setThreshold(String(values.inactivityThresholdSec));
    setAllowance(String(values.readingAllowanceSec));
  }, [values.inactivityThresholdSec, values.readingAllowanceSec]);

  /** One parameter in seconds, with what it means and, when the policy sets it, that it does. */
  const secondsField = (id: string, key: keyof TimingValues, label: string, hint: string, min: number, value: string, set: (text: string) => void) => (
    <div class="field">
      <label for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {locked[key] && (
        <p class="hint" id={`${id}-locked`}>
          {t('policy_setByOrganisation')}
        </p>
      )}
      <input
        id={id}
        type="number"
        class="input input-width-5"
        inputMode="numeric"
        min={min}
        max={MAX_THRESHOLD_SEC}
        step={1}
        aria-describedby={locked[key] ? `${id}-hint ${id}-locked` : `${id}-hint`}
        disabled={locked[key]}
        value={value}
        onInput={(e) => set(e.currentTarget.value)}
      />
    </div>
  );

  return (
    <section class="section" aria-labelledby="timing-heading">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSave({ inactivityThresholdSec: toNumber(threshold), readingAllowanceSec: toNumber(allowance) });
        }}
      >
        <fieldset class="fieldset">
          <legend class="fieldset-legend">
            <h2 id="timing-heading">{t('settings_timingHeading')}</h2>
          </legend>
          <p>{t('settings_timingIntro')}</p>
          {secondsField('inactivity-threshold', 'inactivityThresholdSec', t('settings_thresholdLabel'), t('settings_thresholdHint', MIN_THRESHOLD_SEC, MAX_THRESHOLD_SEC), MIN_THRESHOLD_SEC, threshold, setThreshold)}
          {secondsField('reading-allowance', 'readingAllowanceSec', t('settings_allowanceLabel'), t('settings_allowanceHint', 0, MAX_THRESHOLD_SEC), 0, allowance, setAllowance)}
        </fieldset>
        {!bothLocked && (
          <button type="submit" class="button">
            {t('settings_saveTiming')}
          </button>
        )}
      </form>
    </section>
  );
}
