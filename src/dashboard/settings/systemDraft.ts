/**
 * Pure helpers between the add/edit form (text as typed) and Settings.
 * Validation itself is parseSettings' job; these only reshape.
 */
import type { ClassificationRule } from '../../core/classificationRules.js';
import { systemIdFromName, systemOrigins, type ClinicalSystem, type Settings } from '../../core/settings.js';
import { TASK_CATEGORIES, type TaskCategory } from '../../core/taskCategory.js';

export interface RuleDraft {
  /** Stable key for list rendering and input ids; never stored. */
  key: number;
  path: string;
  title: string;
  selector: string;
  category: TaskCategory;
  /** As typed; blank means 0. */
  priority: string;
}

export interface SystemDraft {
  /** The id of the system being edited, or null when adding. */
  id: string | null;
  name: string;
  /** Match patterns, one per line. */
  matchesText: string;
  rules: RuleDraft[];
  useGenericRules: boolean;
  /** Sign-in page match patterns, one per line. */
  signInText: string;
  /** Embedded viewer match patterns (other origins the system shows in frames), one per line; absent means none. */
  viewerText?: string;
}

let nextRuleKey = 1;

export function newRule(fields: Partial<Omit<RuleDraft, 'key'>> = {}): RuleDraft {
  return { key: nextRuleKey++, path: '', title: '', selector: '', category: TASK_CATEGORIES[0], priority: '0', ...fields };
}

/** A form row for a stored or imported rule. */
export function draftRule(rule: ClassificationRule): RuleDraft {
  return newRule({ path: rule.path ?? '', title: rule.title ?? '', selector: rule.selector ?? '', category: rule.category, priority: String(rule.priority) });
}

/** A new system uses the generic rules unless the clinician turns them off. */
export function emptyDraft(): SystemDraft {
  return { id: null, name: '', matchesText: '', rules: [], useGenericRules: true, signInText: '' };
}

export function draftFromSystem(system: ClinicalSystem): SystemDraft {
  return {
    id: system.id,
    name: system.name,
    matchesText: system.matches.join('\n'),
    rules: system.rules.map(draftRule),
    useGenericRules: system.useGenericRules,
    signInText: system.signInPatterns.join('\n'),
    ...(system.viewerPatterns ? { viewerText: system.viewerPatterns.join('\n') } : {}),
  };
}

const lines = (text: string) => text.split('\n').map((m) => m.trim()).filter((m) => m !== '');

const isBlank = (r: RuleDraft) => r.path.trim() === '' && r.title.trim() === '' && r.selector.trim() === '';

/**
 * The rules the rows describe, unvalidated: blank rows are dropped, blank
 * conditions left out, and a priority that is not a number is passed on as
 * NaN so validation names it.
 */
export function rulesFromDraft(rows: readonly RuleDraft[]): ClassificationRule[] {
  return rows.filter((r) => !isBlank(r)).map((r) => {
    const rule: Partial<ClassificationRule> = {};
    if (r.path.trim() !== '') rule.path = r.path.trim();
    if (r.title.trim() !== '') rule.title = r.title.trim();
    if (r.selector.trim() !== '') rule.selector = r.selector.trim();
    const priority = r.priority.trim();
    return { ...rule, category: r.category, priority: priority === '' ? 0 : /^[+-]?\d+$/.test(priority) ? Number(priority) : NaN };
  });
}

/**
 * Selectors the browser itself cannot parse, checked with a real DOM
 * (`isValidSelector`); core validation cannot, as it has no DOM. Messages
 * number rows as the form does, blank rows included.
 */
export function selectorSyntaxErrors(rows: readonly RuleDraft[], isValidSelector: (selector: string) => boolean, describe: (row: number, selector: string) => string): string[] {
  return rows.flatMap((r, i) => {
    const selector = r.selector.trim();
    return selector !== '' && !isValidSelector(selector) ? [describe(i + 1, selector)] : [];
  });
}

/** True when `selector` parses as a CSS selector in this browser. */
export function domSelectorIsValid(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/**
 * The system a draft describes. Blank lines and blank rule rows are dropped
 * (an empty row left behind is not an error); a new system gets an unused id
 * made from its name, an edited one keeps its id because records store it.
 */
export function systemFromDraft(draft: SystemDraft, otherIds: ReadonlySet<string>): ClinicalSystem {
  return {
    id: draft.id ?? systemIdFromName(draft.name, otherIds),
    name: draft.name.trim(),
    matches: lines(draft.matchesText),
    rules: rulesFromDraft(draft.rules),
    useGenericRules: draft.useGenericRules,
    signInPatterns: lines(draft.signInText),
    ...(lines(draft.viewerText ?? '').length > 0 ? { viewerPatterns: lines(draft.viewerText ?? '') } : {}),
  };
}

/** The settings with `system` added, or replacing the system with the same id. */
export function withSystem(settings: Settings, system: ClinicalSystem): Settings {
  const exists = settings.systems.some((s) => s.id === system.id);
  return {
    ...settings,
    systems: exists ? settings.systems.map((s) => (s.id === system.id ? system : s)) : [...settings.systems, system],
  };
}

export function withoutSystem(settings: Settings, id: string): Settings {
  return { ...settings, systems: settings.systems.filter((s) => s.id !== id) };
}

/** Origins some system used before and no remaining system uses: the permissions to give back. */
export function unusedOrigins(before: Settings, after: Settings): string[] {
  const stillUsed = new Set(after.systems.flatMap(systemOrigins));
  return [...new Set(before.systems.flatMap(systemOrigins))].filter((o) => !stillUsed.has(o));
}
