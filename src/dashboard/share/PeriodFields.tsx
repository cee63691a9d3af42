import type { LocalDateKey } from '../../core/localDate.js';
import { t } from '../../ui/i18n.js';
import { currentPeriod, lastPeriods, startLabel, startOf, startsOffered, type RangeChoice, type RangeUnit } from './exportRange.js';
import { RadioGroup } from './RadioGroup.js';

/**
 * The period of an export: whole ISO weeks or calendar months, from a first
 * to a last one. Selects rather than week or month date inputs, which not
 * every browser offers; quick choices set both ends at once.
 */
export function PeriodFields({
  today,
  range,
  error,
  onChange,
}: {
  today: LocalDateKey;
  range: RangeChoice;
  error?: string;
  onChange: (range: RangeChoice, granularity?: 'day') => void;
}) {
  const starts = startsOffered(range.unit, today);
  const weeks = range.unit === 'week';

  function setUnit(unit: RangeUnit) {
    if (unit === range.unit) return;
    // Keep roughly the same dates: the week or month holding each end.
    const fromStart = startOf(unit, range.fromStart);
    const toStart = startOf(unit, range.toStart);
    const offered = startsOffered(unit, today);
    const oldest = offered[offered.length - 1]!;
    // Months never split into whole weeks, so figures by month go by day.
    onChange({ unit, fromStart: fromStart < oldest ? oldest : fromStart, toStart }, unit === 'month' ? 'day' : undefined);
  }

  /** One end of the period: a labelled choice of the weeks or months offered. */
  const end = (which: 'from' | 'to', label: string, value: LocalDateKey, set: (start: LocalDateKey) => void) => (
    <div class="field">
      <label for={`share-${which}`}>{label}</label>
      <select id={`share-${which}`} class="select" aria-invalid={error ? 'true' : undefined} value={value} onChange={(e) => set(e.currentTarget.value)}>
        {starts.map((s) => (
          <option key={s} value={s}>
            {startLabel(range.unit, s)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <fieldset class="fieldset" aria-describedby={error ? 'share-range-error' : undefined}>
      <legend class="fieldset-legend">
        <h3>{t('share_periodLegend')}</h3>
      </legend>
      {error && (
        <p class="error-message" id="share-range-error">
          {error}
        </p>
      )}
      <RadioGroup<RangeUnit>
        name="share-unit"
        legend={t('share_unitLegend')}
        options={[
          { value: 'week', label: t('share_unitWeeks') },
          { value: 'month', label: t('share_unitMonths') },
        ]}
        value={range.unit}
        onChange={setUnit}
      />
      <p class="hint" id="share-quick-hint">
        {t('share_quickHint')}
      </p>
      <div class="button-group" role="group" aria-describedby="share-quick-hint">
        <button type="button" class="button button-secondary" onClick={() => onChange(currentPeriod('week', today))}>
          {t('share_quickThisWeek')}
        </button>
        <button type="button" class="button button-secondary" onClick={() => onChange(lastPeriods('week', today, 4))}>
          {t('share_quickLast4Weeks')}
        </button>
        <button type="button" class="button button-secondary" onClick={() => onChange(lastPeriods('month', today, 3), 'day')}>
          {t('share_quickLast3Months')}
        </button>
      </div>
      <div class="time-pair">
        {end('from', weeks ? t('share_fromWeek') : t('share_fromMonth'), range.fromStart, (fromStart) => onChange({ ...range, fromStart }))}
        {end('to', weeks ? t('share_toWeek') : t('share_toMonth'), range.toStart, (toStart) => onChange({ ...range, toStart }))}
      </div>
    </fieldset>
  );
}
