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
          <div class="field">
            <label for="inactivity-threshold">{t('settings_thresholdLabel')}</label>
            <p class="hint" id="inactivity-threshold-hint">
              {t('settings_thresholdHint', MIN_THRESHOLD_SEC, MAX_THRESHOLD_SEC)}
            </p>
            {locked.inactivityThresholdSec && (
              <p class="hint" id="inactivity-threshold-locked">
                {t('policy_setByOrganisation')}
              </p>
            )}
            <input
              id="inactivity-threshold"
              type="number"
              class="input input-width-5"
              inputMode="numeric"
              min={MIN_THRESHOLD_SEC}
              max={MAX_THRESHOLD_SEC}
              step={1}
              aria-describedby={locked.inactivityThresholdSec ? 'inactivity-threshold-hint inactivity-threshold-locked' : 'inactivity-threshold-hint'}
              disabled={locked.inactivityThresholdSec}
              value={threshold}
              onInput={(e) => setThreshold(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="reading-allowance">{t('settings_allowanceLabel')}</label>
            <p class="hint" id="reading-allowance-hint">
              {t('settings_allowanceHint', 0, MAX_THRESHOLD_SEC)}
            </p>
            {locked.readingAllowanceSec && (
              <p class="hint" id="reading-allowance-locked">
                {t('policy_setByOrganisation')}
              </p>
            )}
            <input
              id="reading-allowance"
              type="number"
              class="input input-width-5"
              inputMode="numeric"
              min={0}
              max={MAX_THRESHOLD_SEC}
              step={1}
              aria-describedby={locked.readingAllowanceSec ? 'reading-allowance-hint reading-allowance-locked' : 'reading-allowance-hint'}
              disabled={locked.readingAllowanceSec}
              value={allowance}
              onInput={(e) => setAllowance(e.currentTarget.value)}
            />
          </div>
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
