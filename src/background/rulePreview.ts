import { parseClassificationRules, type Classification, type ClassificationRule } from '../core/classificationRules.js';
import { effectiveRules, ruleSource } from '../core/presets.js';
import type { Settings } from '../core/settings.js';
import { DEFAULT_CATEGORY, isTaskCategory } from '../core/taskCategory.js';
import type { RulePreview } from '../protocol.js';
import { readTracker } from '../store/trackingStore.js';
import type { WorkerPorts } from './ports.js';
import { isSignInPage, systemForUrl } from './senderPolicy.js';

/**
 * "Test these rules against the current tab": classify the system's most
 * recently attended tab with rules the clinician has not saved yet. The tab
 * is found from the attention ledger (newest first) and its URL, read in
 * memory only; the page evaluates the rules and answers the outcome alone.
 */
export async function previewRules(ports: WorkerPorts, settings: Settings, body: unknown): Promise<RulePreview> {
  const b = body as Record<string, unknown>;
  const parsed = parseClassificationRules(b.rules);
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
  if (typeof b.useGenericRules !== 'boolean') return { status: 'invalid', errors: ['"useGenericRules" must be true or false.'] };
  const system = settings.systems.find((s) => s.id === b.systemId);
  if (!system) return { status: 'unknownSystem' };
  const rules = effectiveRules(parsed.rules, b.useGenericRules);

  const tracker = await readTracker(await ports.db());
  const tabIds = [...new Set(tracker.periods.map((p) => p.tabId).reverse())];
  for (const tabId of tabIds) {
    const url = await ports.tabUrl(tabId);
    if (url === undefined || systemForUrl(settings, url)?.id !== system.id) continue;
    if (isSignInPage(system, url)) return { status: 'signIn' };
    const answer = await ports.sendToTab(tabId, { type: 'evaluateRules', body: { systemId: system.id, rules } }).catch(() => undefined);
    const result = checkedClassification(answer, rules);
    if (result) return { status: 'ok', category: result.category, rule: ruleSource(parsed.rules.length, b.useGenericRules, result.ruleIndex) };
  }
  return { status: 'noTab' };
}

/** A page's answer, believed only if it is consistent with the rules it was given. */
function checkedClassification(answer: unknown, rules: readonly ClassificationRule[]): Classification | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const a = answer as Record<string, unknown>;
  if (!isTaskCategory(a.category)) return undefined;
  if (a.ruleIndex === null) return a.category === DEFAULT_CATEGORY ? { category: a.category, ruleIndex: null } : undefined;
  if (typeof a.ruleIndex !== 'number' || !Number.isInteger(a.ruleIndex) || a.ruleIndex < 0 || a.ruleIndex >= rules.length) return undefined;
  return rules[a.ruleIndex]!.category === a.category ? { category: a.category, ruleIndex: a.ruleIndex } : undefined;
}
