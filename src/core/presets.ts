import type { ClassificationRule } from './classificationRules.js';
import type { TaskCategory } from './taskCategory.js';

/** A page with a password field is a sign-in page, whatever its path: the first rule of every preset. */
const PASSWORD_FIELD_RULE: ClassificationRule = { selector: 'input[type=password]', category: 'login_auth', priority: 100 };

/** One rule per path pattern, all for one task at one priority: the generic preset reads as a table by task. */
function pathRules(category: TaskCategory, priority: number, paths: readonly string[]): ClassificationRule[] {
  return paths.map((path) => ({ path, category, priority }));
}

/**
 * Bundled rule presets (docs/settings.md#presets).
 *
 * GENERIC_RULES suit most clinical web systems: a password field means
 * signing in, and common words in the path name the task. They look at the
 * path and at whether a password field exists, never at titles, which carry
 * patient names. Short words that occur inside other words ("auth" in
 * "authorise", "lab" in "labour", "order" in "disorder") only match as the
 * start of a path segment, or as a whole one.
 */
export const GENERIC_RULES: readonly ClassificationRule[] = [
  PASSWORD_FIELD_RULE,
  ...pathRules('login_auth', 50, ['*login*', '*signin*', '*sign-in*', '*/auth', '*/auth/*', '*/sso', '*/sso/*']),
  ...pathRules('documentation', 20, ['*/note*', '*document*']),
  ...pathRules('results_review', 20, ['*result*', '*/lab', '*/lab/*', '*/labs*', '*pathology*', '*radiology*']),
  ...pathRules('inbox_messaging', 20, ['*inbox*', '*messag*', '*/task*']),
  ...pathRules('referrals', 20, ['*referral*']),
  ...pathRules('orders_prescribing', 20, ['*prescri*', '*medication*', '*/order*']),
  ...pathRules('patient_search', 20, ['*search*', '*/find', '*/find/*']),
  ...pathRules('scheduling', 20, ['*schedul*', '*appointment*', '*diary*', '*/rota', '*/rota/*', '*/rotas*']),
  ...pathRules('chart_review', 10, ['*/record*', '*summary*', '*/chart*']),
];

/**
 * Rules for the synthetic demo system (test/fixtures/demo), showing each kind
 * of condition: a selector (the password field, the patient banner), paths,
 * and a title. test/fixtures/demo/preset.mjs mirrors this list (it cannot
 * import TypeScript); test/unit/classificationFixtures.test.ts checks that the
 * two agree and what each saved demo page classifies as.
 */
export const DEMO_RULES: readonly ClassificationRule[] = [
  PASSWORD_FIELD_RULE,
  { path: '/login*', category: 'login_auth', priority: 90 },
  { path: '/patients/search*', category: 'patient_search', priority: 50 },
  { path: '/patients/*/notes*', category: 'documentation', priority: 20 },
  { path: '/patients/*/results*', category: 'results_review', priority: 20 },
  { path: '/patients/*/prescribing*', category: 'orders_prescribing', priority: 20 },
  { path: '/patients/*/referrals*', category: 'referrals', priority: 20 },
  { title: '* – Record – Demo EHR', category: 'chart_review', priority: 20 },
  { path: '/patients/*', selector: '#patient-banner', category: 'chart_review', priority: 10 },
  { path: '/inbox*', category: 'inbox_messaging', priority: 20 },
];

/**
 * Generic rules rank below every rule of the system's own: their priorities
 * are moved down by this much (below MIN_PRIORITY), so among themselves they
 * keep their order, and a system rule that matches always wins.
 */
export const GENERIC_PRIORITY_SHIFT = -10_000;

/** The rules a page of the system is classified by: its own, then (if enabled) the generic preset, lower. */
export function effectiveRules(rules: readonly ClassificationRule[], useGenericRules: boolean): ClassificationRule[] {
  if (!useGenericRules) return rules.map((r) => ({ ...r }));
  return [...rules.map((r) => ({ ...r })), ...GENERIC_RULES.map((r) => ({ ...r, priority: r.priority + GENERIC_PRIORITY_SHIFT }))];
}

/** Which rule an index into effectiveRules(...) names: one of the system's own, or of the generic preset. */
export type RuleSource = { list: 'system' | 'generic'; index: number };

export function ruleSource(systemRuleCount: number, useGenericRules: boolean, ruleIndex: number | null): RuleSource | null {
  if (ruleIndex === null || !Number.isInteger(ruleIndex) || ruleIndex < 0) return null;
  if (ruleIndex < systemRuleCount) return { list: 'system', index: ruleIndex };
  const generic = ruleIndex - systemRuleCount;
  return useGenericRules && generic < GENERIC_RULES.length ? { list: 'generic', index: generic } : null;
}
