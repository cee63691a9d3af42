/**
 * Published figures to show beside a clinician's own (docs/metrics.md,
 * "Published figures"). Each is typed data: the value, its unit, what it
 * measures, the population, and the full source. None was measured the way
 * Timeback measures, so `caveat` says what differs; the dashboard should
 * show it with the figure.
 */
import type { BenchmarkSourceId } from './benchmarkSources.js';
import type { Per8Measure } from './periodMetrics.js';
import type { TaskCategory } from './taskCategory.js';

export type BenchmarkUnit =
  /** Hours of EHR time per 8 hours of scheduled patient time (Sinsky et al. 2020). */
  | 'hours_per_8h_scheduled'
  | 'hours_per_day'
  | 'minutes_per_day'
  | 'minutes_per_encounter'
  /** Percent of EHR (active) time. */
  | 'percent_of_ehr_time'
  /** Percent of all observed working time. */
  | 'percent_of_work_time'
  | 'seconds'
  | 'count'
  | 'hours_per_day_saved'
  | 'hours_per_year'
  | 'full_time_equivalents';

/**
 * Which of the clinician's own figures (PeriodMetrics) a benchmark sits
 * beside, when they are comparable at all.
 */
export type BenchmarkComparison =
  /** A per-8-hour measure, compared directly. */
  | { kind: 'per8'; metric: Per8Measure }
  /** A PeriodMetrics total divided by `activeDays`. */
  | { kind: 'perActiveDay'; metric: 'activeMs' | 'afterHoursEpicMs' | 'afterHoursCernerMs' | 'outsideScheduleMs' }
  /** byCategoryMs[category] / activeMs. */
  | { kind: 'categoryShare'; category: TaskCategory }
  /** login.medianLoginMs. */
  | { kind: 'loginDuration' }
  /** breadth.maxSystemsInADay. */
  | { kind: 'systemsPerDay' }
  /** Context only: a national or workforce figure with no per-clinician counterpart. */
  | { kind: 'context' };

export interface Benchmark {
  id: string;
  value: number;
  unit: BenchmarkUnit;
  /** The summary statistic the source reports. */
  statistic: 'mean' | 'median' | 'share' | 'single_site' | 'estimate' | 'maximum';
  /** What the figure measures, in plain words. */
  measures: string;
  population: string;
  /** How the source counted active time, when it says. */
  activeTimeDefinition: string | null;
  comparison: BenchmarkComparison;
  /** What differs from Timeback's measurement; show it with the figure. */
  caveat: string;
  source: BenchmarkSourceId;
}

const EPIC_SIGNAL = 'Epic Signal: any mouse or keyboard activity, 5-second inactivity timeout';
const VENDOR_LOGS = 'EHR vendor event logs; the inactivity rule is the vendor’s';

export const BENCHMARKS: readonly Benchmark[] = [
  {
    id: 'sinsky2024-ehrtime8',
    value: 5.8,
    unit: 'hours_per_8h_scheduled',
    statistic: 'mean',
    measures: 'EHR time per 8 hours of scheduled patient time (EHR-Time8)',
    population: '200,081 US ambulatory physicians at 396 organizations using Epic, November 2021–April 2022',
    activeTimeDefinition: EPIC_SIGNAL,
    comparison: { kind: 'per8', metric: 'ehrTime8' },
    caveat: 'US ambulatory care, one EHR product, 5-s timeout: compare with your figure at τ = 5 s in the sensitivity table.',
    source: 'sinsky2024',
  },
  {
    id: 'sinsky2024-ehrtime8-primary-care',
    value: 7.3,
    unit: 'hours_per_8h_scheduled',
    statistic: 'mean',
    measures: 'EHR time per 8 hours of scheduled patient time (EHR-Time8), primary care (family and internal medicine)',
    population: 'US primary care physicians within the same national Epic sample',
    activeTimeDefinition: EPIC_SIGNAL,
    comparison: { kind: 'per8', metric: 'ehrTime8' },
    caveat: 'US primary care; 5-s timeout.',
    source: 'sinsky2024',
  },
  {
    id: 'melnick2021-ehrtime8',
    value: 5.23,
    unit: 'hours_per_8h_scheduled',
    statistic: 'median',
    measures: 'EHR time per 8 hours of scheduled patient time (EHR-Time8)',
    population: '573 non-teaching ambulatory physicians at Yale-New Haven (Epic) and MedStar Health (Cerner), August 2019',
    activeTimeDefinition: VENDOR_LOGS,
    comparison: { kind: 'per8', metric: 'ehrTime8' },
    caveat: 'Median across physicians in two US systems with different vendors’ definitions of active time.',
    source: 'melnick2021',
  },
  {
    id: 'arndt2017-ehr-hours',
    value: 5.9,
    unit: 'hours_per_day',
    statistic: 'mean',
    measures: 'Hours in the EHR per weekday (355 minutes) of an 11.4-hour workday, per 1.0 clinical FTE',
    population: '142 family medicine physicians in one health system in southern Wisconsin (Epic), 3 years of event logs',
    activeTimeDefinition: 'Epic event logs validated against direct time-motion observation',
    comparison: { kind: 'perActiveDay', metric: 'activeMs' },
    caveat: 'Per weekday per 1.0 clinical FTE, US primary care; Timeback divides by the days you were active.',
    source: 'arndt2017',
  },
  {
    id: 'arndt2017-workday',
    value: 11.4,
    unit: 'hours_per_day',
    statistic: 'mean',
    measures: 'Length of the workday within which the 5.9 EHR hours fell',
    population: '142 family medicine physicians in one health system in southern Wisconsin',
    activeTimeDefinition: null,
    comparison: { kind: 'context' },
    caveat: 'Context for the 5.9 h: Timeback does not measure the whole workday.',
    source: 'arndt2017',
  },
  {
    id: 'arndt2017-after-hours',
    value: 1.4,
    unit: 'hours_per_day',
    statistic: 'mean',
    measures: 'Hours in the EHR per weekday after clinic hours (86 minutes); clinic hours 08:00–18:00 Monday–Friday',
    population: '142 family medicine physicians in one health system in southern Wisconsin',
    activeTimeDefinition: 'Epic event logs validated against direct time-motion observation',
    comparison: { kind: 'perActiveDay', metric: 'afterHoursCernerMs' },
    caveat: 'Arndt’s clinic hours (08:00–18:00) are not Timeback’s windows; the Cerner window (after 18:00, before 06:00, weekends) is the closest.',
    source: 'arndt2017',
  },
  {
    id: 'arndt2017-inbox-share',
    value: 23.7,
    unit: 'percent_of_ehr_time',
    statistic: 'share',
    measures: 'Share of EHR time spent on inbox management (85 minutes a day)',
    population: '142 family medicine physicians in one health system in southern Wisconsin',
    activeTimeDefinition: 'Epic event logs validated against direct time-motion observation',
    comparison: { kind: 'categoryShare', category: 'inbox_messaging' },
    caveat: 'Arndt used 15 task categories; Timeback’s inbox_messaging is the nearest.',
    source: 'arndt2017',
  },
  {
    id: 'sinsky2016-face-time',
    value: 27.0,
    unit: 'percent_of_work_time',
    statistic: 'share',
    measures: 'Share of the office day spent on direct clinical face time with patients',
    population: '57 US physicians in family medicine, internal medicine, cardiology and orthopaedics, 430 hours of direct observation',
    activeTimeDefinition: null,
    comparison: { kind: 'context' },
    caveat: 'Direct observation of the whole office day; Timeback sees only time in clinical web systems.',
    source: 'sinsky2016',
  },
  {
    id: 'sinsky2016-ehr-desk',
    value: 49.2,
    unit: 'percent_of_work_time',
    statistic: 'share',
    measures: 'Share of the office day spent on EHR and desk work',
    population: '57 US physicians in family medicine, internal medicine, cardiology and orthopaedics, 430 hours of direct observation',
    activeTimeDefinition: null,
    comparison: { kind: 'context' },
    caveat: 'Includes desk work outside the EHR; direct observation, not logs.',
    source: 'sinsky2016',
  },
  {
    id: 'overhage2020-per-encounter',
    value: 16 + 14 / 60,
    unit: 'minutes_per_encounter',
    statistic: 'mean',
    measures: 'EHR time per outpatient encounter (16 min 14 s)',
    population: 'About 155,000 US physicians in 417 health systems using Cerner Millennium, about 100 million encounters, 2018',
    activeTimeDefinition: 'Cerner Lights On Network',
    comparison: { kind: 'context' },
    caveat: 'Per encounter: Timeback does not count encounters.',
    source: 'overhage2020',
  },
  {
    id: 'overhage2020-chart-review-share',
    value: 33,
    unit: 'percent_of_ehr_time',
    statistic: 'share',
    measures: 'Share of EHR time on chart review',
    population: 'About 155,000 US physicians using Cerner Millennium, 2018',
    activeTimeDefinition: 'Cerner Lights On Network',
    comparison: { kind: 'categoryShare', category: 'chart_review' },
    caveat: 'Cerner’s function categories; results review may be inside chart review there.',
    source: 'overhage2020',
  },
  {
    id: 'overhage2020-documentation-share',
    value: 24,
    unit: 'percent_of_ehr_time',
    statistic: 'share',
    measures: 'Share of EHR time on documentation',
    population: 'About 155,000 US physicians using Cerner Millennium, 2018',
    activeTimeDefinition: 'Cerner Lights On Network',
    comparison: { kind: 'categoryShare', category: 'documentation' },
    caveat: 'Cerner’s function categories.',
    source: 'overhage2020',
  },
  {
    id: 'overhage2020-ordering-share',
    value: 17,
    unit: 'percent_of_ehr_time',
    statistic: 'share',
    measures: 'Share of EHR time on ordering',
    population: 'About 155,000 US physicians using Cerner Millennium, 2018',
    activeTimeDefinition: 'Cerner Lights On Network',
    comparison: { kind: 'categoryShare', category: 'orders_prescribing' },
    caveat: 'Cerner’s function categories.',
    source: 'overhage2020',
  },
  {
    id: 'holmgren2021-non-us',
    value: 59.1,
    unit: 'minutes_per_day',
    statistic: 'mean',
    measures: 'Active EHR minutes per day, clinicians outside the US',
    population: 'Ambulatory clinicians with scheduled appointments in Epic health systems in Canada, Northern and Western Europe, the Middle East and Oceania, January–August 2019',
    activeTimeDefinition: 'Epic Signal metadata',
    comparison: { kind: 'perActiveDay', metric: 'activeMs' },
    caveat: 'The nearest published figure to NHS practice, but one vendor, ambulatory care, and Epic’s active-time rule.',
    source: 'holmgren2021',
  },
  {
    id: 'holmgren2021-us',
    value: 90.2,
    unit: 'minutes_per_day',
    statistic: 'mean',
    measures: 'Active EHR minutes per day, US clinicians',
    population: 'Ambulatory clinicians with scheduled appointments in US Epic health systems, January–August 2019',
    activeTimeDefinition: 'Epic Signal metadata',
    comparison: { kind: 'perActiveDay', metric: 'activeMs' },
    caveat: 'US clinicians, for contrast with the non-US figure.',
    source: 'holmgren2021',
  },
  {
    id: 'dhsc2020-login-before',
    value: 105,
    unit: 'seconds',
    statistic: 'single_site',
    measures: 'Time to log in before single sign-on (1 min 45 s)',
    population: 'One NHS trust (Alder Hey Children’s Hospital, Liverpool)',
    activeTimeDefinition: null,
    comparison: { kind: 'loginDuration' },
    caveat: 'One trust, as reported by DHSC; how it was timed is not published.',
    source: 'dhsc2020',
  },
  {
    id: 'dhsc2020-login-after',
    value: 10,
    unit: 'seconds',
    statistic: 'single_site',
    measures: 'Time to log in with single sign-on',
    population: 'One NHS trust (Alder Hey Children’s Hospital, Liverpool)',
    activeTimeDefinition: null,
    comparison: { kind: 'loginDuration' },
    caveat: 'One trust, as reported by DHSC.',
    source: 'dhsc2020',
  },
  {
    id: 'dhsc2020-systems',
    value: 15,
    unit: 'count',
    statistic: 'maximum',
    measures: 'Systems some NHS staff may have to log in to ("as many as 15")',
    population: 'NHS staff in England',
    activeTimeDefinition: null,
    comparison: { kind: 'systemsPerDay' },
    caveat: 'An upper figure quoted by DHSC, not a measured average.',
    source: 'dhsc2020',
  },
  {
    id: 'dhsc2020-hours-saved',
    value: 130,
    unit: 'hours_per_day_saved',
    statistic: 'single_site',
    measures: 'Staff hours saved a day by single sign-on ("over 130"), across about 5,000 logins a day',
    population: 'One NHS trust (Alder Hey Children’s Hospital, Liverpool)',
    activeTimeDefinition: null,
    comparison: { kind: 'context' },
    caveat: 'Whole-trust figure.',
    source: 'dhsc2020',
  },
  {
    id: 'bma2022-hours-lost',
    value: 13_500_000,
    unit: 'hours_per_year',
    statistic: 'estimate',
    measures: 'Doctor-hours lost a year to inadequate or malfunctioning IT in England',
    population: 'Doctors in England (BMA estimate from a member survey)',
    activeTimeDefinition: null,
    comparison: { kind: 'context' },
    caveat: 'A national estimate; the waiting and login figures are Timeback’s nearest personal counterparts.',
    source: 'bma2022',
  },
  {
    id: 'bma2022-fte',
    value: 8_000,
    unit: 'full_time_equivalents',
    statistic: 'estimate',
    measures: 'The 13.5 million hours expressed as full-time doctors (about 8,000)',
    population: 'Doctors in England',
    activeTimeDefinition: null,
    comparison: { kind: 'context' },
    caveat: 'A national estimate.',
    source: 'bma2022',
  },
  {
    id: 'tact2025-non-patient-facing',
    value: 73.0,
    unit: 'percent_of_work_time',
    statistic: 'share',
    measures: 'Share of observed time on non-patient-facing tasks',
    population: '137 UK resident doctors (FY1 to ST8) in secondary care NHS centres, observed for four-hour periods, January–July 2024',
    activeTimeDefinition: null,
    comparison: { kind: 'context' },
    caveat: 'Stopwatch observation of all tasks, not only clinical systems.',
    source: 'tact2025',
  },
  {
    id: 'tact2025-patient-facing',
    value: 17.9,
    unit: 'percent_of_work_time',
    statistic: 'share',
    measures: 'Share of observed time on patient-facing activities',
    population: '137 UK resident doctors (FY1 to ST8) in secondary care NHS centres, January–July 2024',
    activeTimeDefinition: null,
    comparison: { kind: 'context' },
    caveat: 'Stopwatch observation of all tasks.',
    source: 'tact2025',
  },
];

/** The benchmarks to show beside one of the clinician's own figures. */
export function benchmarksFor(match: (c: BenchmarkComparison) => boolean): Benchmark[] {
  return BENCHMARKS.filter((b) => match(b.comparison));
}
