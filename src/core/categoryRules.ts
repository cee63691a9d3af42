import { DEFAULT_CATEGORY, isTaskCategory, type TaskCategory } from './taskCategory.js';

/**
 * Per-system rules that turn a page into a task category. They are data,
 * evaluated inside the page; only the resulting category id ever leaves it.
 * This version matches URL paths; the classifier seam (`classifyPage`) takes a
 * page description so later rule kinds (title, DOM element) slot in.
 */
export interface PathRule {
  /** Pattern over the URL path (no query or fragment): `*` matches any run of characters; case-insensitive. */
  path: string;
  category: TaskCategory;
}

/** What a rule may look at. Built in the page, never stored or sent. */
export interface PageFacts {
  pathname: string;
}

const compiled = new Map<string, RegExp>();

function pathRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
    compiled.set(pattern, re);
  }
  return re;
}

/** First matching rule wins; no match gives the default category. */
export function classifyPage(rules: readonly PathRule[], page: PageFacts): TaskCategory {
  for (const rule of rules) if (pathRegExp(rule.path).test(page.pathname)) return rule.category;
  return DEFAULT_CATEGORY;
}

export function validatePathRule(value: unknown, where: string): string[] {
  if (typeof value !== 'object' || value === null) return [`${where}: a rule must be an object with "path" and "category".`];
  const r = value as Record<string, unknown>;
  const errors: string[] = [];
  if (typeof r.path !== 'string' || !r.path.startsWith('/') && !r.path.startsWith('*') || r.path.length > 200)
    errors.push(`${where}: "path" must be a path pattern starting with / or * (at most 200 characters).`);
  else if (/[?#]/.test(r.path)) errors.push(`${where}: "path" matches the path only; remove the query or fragment ("${r.path}").`);
  if (!isTaskCategory(r.category)) errors.push(`${where}: "category" must be one of the task categories (got ${JSON.stringify(r.category)}).`);
  return errors;
}
