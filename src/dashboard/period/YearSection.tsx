import { useState } from 'preact/hooks';
import {
  checkAnnualAssumptions,
  DEFAULT_ANNUAL_ASSUMPTIONS,
  personalAnnualBurden,
  type AnnualAssumptions,
  type BurdenId,
} from '../../core/annualBurden.js';
import type { PeriodMetrics } from '../../core/periodMetrics.js';
import type { Schedule } from '../../core/schedule.js';
import { t } from '../../ui/i18n.js';
import { AssumptionFields } from '../common/AssumptionFields.js';
import { formatHours } from '../common/format.js';
import { NumericHeader } from '../common/NumericHeader.js';

const BURDEN_KEYS: Record<BurdenId, string> = {
  login: 'year_burden_login',
  waiting: 'year_burden_waiting',
  afterHours: 'year_burden_afterHours',
  inboxAdmin: 'year_burden_inboxAdmin',
};

/**
 * "A year at this rate": the clinician's own logging in, waiting, after-hours
 * and inbox/admin time, annualised from the period by its working weeks
 * (job plan less leave and bank holidays, docs/metrics.md#burden-in-a-year),
 * in hours a year and full-time equivalents, with the assumptions and the
 * formula beside them.
 */
export function YearSection({ metrics, schedule }: { metrics: PeriodMetrics; schedule: Schedule }) {
  const [entered, setEntered] = useState<AnnualAssumptions>(DEFAULT_ANNUAL_ASSUMPTIONS);
  const errors = checkAnnualAssumptions(entered);
  const a = errors.length === 0 ? entered : DEFAULT_ANNUAL_ASSUMPTIONS;
  const year = personalAnnualBurden(metrics, schedule, a);
  const weeks = year.workingWeeks.weeks.toFixed(1);
  return (
    <section class="section dash-section" aria-labelledby="year-heading">
      <h2 id="year-heading">{t('year_heading')}</h2>
      <p>{t('year_intro')}</p>
      <AssumptionFields idPrefix="year" value={entered} onChange={setEntered} />
      {errors.length > 0 && (
        <p class="error-message" role="alert">
          {t('year_assumptionsInvalid', errors.join(' '))}
        </p>
      )}
      <p id="year-basis">
        {year.workingWeeks.basis === 'job-plan'
          ? t('year_basisJobPlan', weeks, (year.jobPlanWeeklyHours ?? 0).toFixed(1))
          : t('year_basisCalendar', weeks, String(a.workingWeeksPerYear))}
      </p>
      <div class="table-scroll" role="region" aria-labelledby="year-caption" tabIndex={0}>
        <table class="table" aria-describedby="year-basis year-formula">
          <caption id="year-caption">{t('year_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('year_colBurden')}</th>
              <NumericHeader>{t('year_colPeriod')}</NumericHeader>
              <NumericHeader>{t('year_colYear')}</NumericHeader>
              <NumericHeader>{t('year_colFte')}</NumericHeader>
            </tr>
          </thead>
          <tbody>
            {year.burdens.map((b) => (
              <tr key={b.burden}>
                <th scope="row">{t(BURDEN_KEYS[b.burden])}</th>
                <td class="numeric">{formatHours(b.periodHours)}</td>
                <td class="numeric">{b.hoursAYear === null ? t('year_tooShort') : t('year_hoursAYear', Math.round(b.hoursAYear).toLocaleString('en-GB'))}</td>
                <td class="numeric">{b.fte === null ? t('year_tooShort') : b.fte.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="hint" id="year-formula">
        {t('year_formula', String(a.workingWeeksPerYear), String(a.contractedHoursPerWeek), (a.workingWeeksPerYear * a.contractedHoursPerWeek).toLocaleString('en-GB'))}
      </p>
    </section>
  );
}
