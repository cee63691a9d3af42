/**
 * The task taxonomy (see docs/metrics.md). Automatic tracking assigns
 * categories from per-system classification rules evaluated in the page
 * (classificationRules.ts); `direct_care` and `non_ehr` exist for manual entries.
 */
export const TASK_CATEGORIES = [
  'documentation',
  'results_review',
  'chart_review',
  'orders_prescribing',
  'inbox_messaging',
  'referrals',
  'patient_search',
  'login_auth',
  'waiting_for_system',
  'scheduling',
  'admin_other',
  'direct_care',
  'non_ehr',
] as const;

export type TaskCategory = (typeof TASK_CATEGORIES)[number];

export const DEFAULT_CATEGORY: TaskCategory = 'admin_other';

export function isTaskCategory(value: unknown): value is TaskCategory {
  return typeof value === 'string' && (TASK_CATEGORIES as readonly string[]).includes(value);
}
