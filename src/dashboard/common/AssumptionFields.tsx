import { ANNUAL_LIMITS, type AnnualAssumptions } from '../../core/annualBurden.js';
import { t } from '../../ui/i18n.js';

/**
 * The two assumptions every figure a year rests on: working weeks a year and
 * contracted hours a week. Kept in the page only (nothing is saved); a value
 * out of range is reported and the defaults are used until it is fixed.
 */
export function AssumptionFields({ idPrefix, value, onChange }: { idPrefix: string; value: AnnualAssumptions; onChange: (a: AnnualAssumptions) => void }) {
  const field = (key: keyof AnnualAssumptions, label: string, hint: string, step: string) => (
    <div class="field">
      <label for={`${idPrefix}-${key}`}>{label}</label>
      <p class="hint" id={`${idPrefix}-${key}-hint`}>
        {hint}
      </p>
      <input
        id={`${idPrefix}-${key}`}
        type="number"
        class="input input-width-5"
        inputMode="decimal"
        min={ANNUAL_LIMITS[key].min}
        max={ANNUAL_LIMITS[key].max}
        step={step}
        aria-describedby={`${idPrefix}-${key}-hint`}
        value={String(value[key])}
        onInput={(e) => onChange({ ...value, [key]: e.currentTarget.value === '' ? Number.NaN : Number(e.currentTarget.value) })}
      />
    </div>
  );
  return (
    <fieldset class="fieldset">
      <legend class="fieldset-legend">{t('year_assumptionsLegend')}</legend>
      {field('workingWeeksPerYear', t('year_workingWeeksLabel'), t('year_workingWeeksHint'), '1')}
      {field('contractedHoursPerWeek', t('year_contractedHoursLabel'), t('year_contractedHoursHint'), '0.5')}
    </fieldset>
  );
}
