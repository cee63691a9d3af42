import { DEFAULT_CATEGORY, isTaskCategory, type TaskCategory } from './taskCategory.js';

/**
 * Per-system rules that turn a page into a task category. They are data,
 * evaluated inside the page; only the resulting category id (and which rule
 * matched) ever leaves it. See docs/settings.md#classification-rules.
 *
 * A rule holds when every condition it gives holds, and it gives at least one:
 * - `path`: a glob over `location.pathname` only (never the query or fragment);
 * - `title`: a glob over the page title (`document` title, read in the page);
 * - `selector`: a CSS selector that must match an element in the page.
 * Globs: `*` matches any run of characters, every other character is literal,
 * matching ignores case and covers the whole text.
 *
 * Of the rules that hold, the highest `priority` wins; equal priorities keep
 * list order. No match gives the default category (admin_other).
 */
export interface ClassificationRule {
  path?: string;
  title?: string;
  selector?: string;
  category: TaskCategory;
  priority: number;
}

/** What a rule may look at. Built in the page from the live document, never stored or sent. */
export interface PageFacts {
  pathname: string;
  title: string;
  hasElement(selector: string): boolean;
}

/** The outcome: the category, and the index of the winning rule (null: none matched, so the default). */
export interface Classification {
  category: TaskCategory;
  ruleIndex: number | null;
}

export const MAX_RULES = 200;
export const MAX_PATTERN_LENGTH = 200;
export const MAX_SELECTOR_LENGTH = 300;
export const MIN_PRIORITY = -1000;
export const MAX_PRIORITY = 1000;

/**
 * Whole-text glob match, ignoring case. Iterative with a single backtrack
 * point, so it is linear-ish (at worst pattern × text) and never blows up the
 * way a regular expression with many `.*` can on a long title.
 */
export function globMatches(pattern: string, text: string): boolean {
  const p = pattern.toLowerCase();
  const s = text.toLowerCase();
  let pi = 0;
  let si = 0;
  let star = -1;
  let mark = 0;
  while (si < s.length) {
    if (pi < p.length && p[pi] !== '*' && p[pi] === s[si]) {
      pi++;
      si++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = si;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++mark;
    } else return false;
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}

/**
 * Classify a page. Conditions are tried cheapest first (path, title, then
 * selector), and a rule that could not beat the current winner is skipped, so
 * a page costs at most one `querySelector` per selector rule that could win.
 */
export function classifyPage(rules: readonly ClassificationRule[], page: PageFacts): Classification {
  let best: number | null = null;
  let bestPriority = -Infinity;
  rules.forEach((rule, i) => {
    if (rule.priority <= bestPriority) return;
    if (rule.path !== undefined && !globMatches(rule.path, page.pathname)) return;
    if (rule.title !== undefined && !globMatches(rule.title, page.title)) return;
    if (rule.selector !== undefined && !page.hasElement(rule.selector)) return;
    best = i;
    bestPriority = rule.priority;
  });
  return best === null ? { category: DEFAULT_CATEGORY, ruleIndex: null } : { category: rules[best]!.category, ruleIndex: best };
}

const RULE_FIELDS = new Set(['path', 'title', 'selector', 'category', 'priority']);
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Attributes whose values carry URLs, text or form input: a selector may test that they exist, not what they say. */
const CONTENT_ATTRIBUTE_TEST = /\[\s*(?:[\w-]*\|)?(value|href|src|srcset|action|formaction|title|alt|content|placeholder|label|aria-label|aria-description|aria-valuetext)\s*[~|^$*]?=/i;

function checkText(value: unknown, field: string, where: string, max: number): string | undefined {
  if (typeof value !== 'string') return `${where}: "${field}" must be text.`;
  const text = value.trim();
  if (text === '') return `${where}: "${field}" is empty; leave it out instead.`;
  if (text.length > max) return `${where}: "${field}" is too long (${text.length} characters; at most ${max}).`;
  if (CONTROL.test(text)) return `${where}: "${field}" contains a line break or control character.`;
  return undefined;
}

/** Every problem with one rule (empty when it is valid). Never throws. */
export function validateClassificationRule(value: unknown, where: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${where}: a rule must be an object with a "category", a "priority" and at least one of "path", "title" or "selector".`];
  const r = value as Record<string, unknown>;
  const errors: string[] = [];
  for (const key of Object.keys(r)) if (!RULE_FIELDS.has(key)) errors.push(`${where}: unknown field "${key}" (a rule has path, title, selector, category and priority).`);
  if (r.path === undefined && r.title === undefined && r.selector === undefined)
    errors.push(`${where}: the rule has no condition; give a path, a title or a selector (or more than one).`);
  if (r.path !== undefined) {
    const problem = checkText(r.path, 'path', where, MAX_PATTERN_LENGTH);
    const path = typeof r.path === 'string' ? r.path.trim() : '';
    if (problem) errors.push(problem);
    else if (path.includes('://')) errors.push(`${where}: "path" is matched against the page's path only; give it without the scheme and host ("${path}").`);
    else if (!path.startsWith('/') && !path.startsWith('*')) errors.push(`${where}: "path" must be a path pattern starting with / or * ("${path}").`);
    else if (/[?#]/.test(path)) errors.push(`${where}: "path" matches the path only; remove the query or fragment ("${path}").`);
  }
  if (r.title !== undefined) {
    const problem = checkText(r.title, 'title', where, MAX_PATTERN_LENGTH);
    if (problem) errors.push(problem);
  }
  if (r.selector !== undefined) {
    const problem = checkText(r.selector, 'selector', where, MAX_SELECTOR_LENGTH);
    const selector = typeof r.selector === 'string' ? r.selector.trim() : '';
    if (problem) errors.push(problem);
    else if (/[{};@<`]|\/\*/.test(selector))
      errors.push(`${where}: "selector" must be a plain CSS selector; it cannot contain {, }, ;, @, <, \` or comments ("${selector}").`);
    else if (CONTENT_ATTRIBUTE_TEST.test(selector))
      errors.push(
        `${where}: "selector" tests what an attribute says ("${selector}"). Attributes such as value, href and title can hold patient details; test which elements exist instead, for example by id or class.`,
      );
  }
  if (!isTaskCategory(r.category)) errors.push(`${where}: "category" must be one of the task categories (got ${JSON.stringify(r.category)}).`);
  if (typeof r.priority !== 'number' || !Number.isInteger(r.priority) || r.priority < MIN_PRIORITY || r.priority > MAX_PRIORITY)
    errors.push(`${where}: "priority" must be a whole number from ${MIN_PRIORITY} to ${MAX_PRIORITY} (got ${JSON.stringify(r.priority)}).`);
  return errors;
}

/** A valid rule with its text trimmed and only the conditions it gives. */
function normaliseRule(r: ClassificationRule): ClassificationRule {
  const out: Partial<ClassificationRule> = {};
  if (r.path !== undefined) out.path = r.path.trim();
  if (r.title !== undefined) out.title = r.title.trim();
  if (r.selector !== undefined) out.selector = r.selector.trim();
  return { ...out, category: r.category, priority: r.priority };
}

export type RulesResult = { ok: true; rules: ClassificationRule[] } | { ok: false; errors: string[] };

/** Validate a list of rules, all or nothing; `where` names the list in messages ("Rule 3", "EHR, rule 3"). */
export function parseClassificationRules(value: unknown, where: (i: number) => string = (i) => `Rule ${i + 1}`): RulesResult {
  if (!Array.isArray(value)) return { ok: false, errors: ['The rules must be a list.'] };
  if (value.length > MAX_RULES) return { ok: false, errors: [`There are ${value.length} rules; at most ${MAX_RULES} are allowed.`] };
  const errors = value.flatMap((r, i) => validateClassificationRule(r, where(i)));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, rules: (value as ClassificationRule[]).map(normaliseRule) };
}

// ------------------------------------------------------------ import/export

export const RULES_FILE_FORMAT = 'timeback-rules';
export const RULES_FILE_VERSION = 1;
/** Larger than any valid file (200 rules of a few hundred characters). */
export const MAX_RULES_FILE_CHARS = 200_000;

export interface RulesFile {
  format: typeof RULES_FILE_FORMAT;
  version: typeof RULES_FILE_VERSION;
  rules: ClassificationRule[];
}

/** The export file's text for a list of (valid) rules. */
export function rulesFileText(rules: readonly ClassificationRule[]): string {
  const file: RulesFile = { format: RULES_FILE_FORMAT, version: RULES_FILE_VERSION, rules: rules.map(normaliseRule) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Read an import file, all or nothing: either every rule is valid, or the reasons why not. Never throws. */
export function parseRulesFile(text: string): RulesResult {
  if (text.length > MAX_RULES_FILE_CHARS) return { ok: false, errors: [`The file is too large to be a rules file (at most ${MAX_RULES_FILE_CHARS} characters).`] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['The file is not valid JSON, so it is not a Timeback rules file.'] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, errors: [`The file is not a Timeback rules file (expected an object with "format": "${RULES_FILE_FORMAT}").`] };
  const file = raw as Record<string, unknown>;
  if (file.format !== RULES_FILE_FORMAT)
    return { ok: false, errors: [`The file is not a Timeback rules file ("format" must be "${RULES_FILE_FORMAT}", got ${JSON.stringify(file.format)}).`] };
  if (typeof file.version === 'number' && Number.isInteger(file.version) && file.version > RULES_FILE_VERSION)
    return { ok: false, errors: [`The rules file is version ${file.version}, from a newer Timeback; this version reads version ${RULES_FILE_VERSION}.`] };
  if (file.version !== RULES_FILE_VERSION) return { ok: false, errors: [`The rules file has no valid "version" (got ${JSON.stringify(file.version)}).`] };
  return parseClassificationRules(file.rules);
}
