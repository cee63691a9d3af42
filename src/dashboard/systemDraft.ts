/**
 * Pure helpers between the add/edit form (text as typed) and Settings.
 * Validation itself is parseSettings' job; these only reshape.
 */
import { systemIdFromName, systemOrigins, type ClinicalSystem, type Settings } from '../core/settings.js';
import { TASK_CATEGORIES, type TaskCategory } from '../core/taskCategory.js';

export interface RuleDraft {
  /** Stable key for list rendering and input ids; never stored. */
  key: number;
  path: string;
  category: TaskCategory;
}

export interface SystemDraft {
  /** The id of the system being edited, or null when adding. */
  id: string | null;
  name: string;
  /** Match patterns, one per line. */
  matchesText: string;
  rules: RuleDraft[];
}

let nextRuleKey = 1;

export function newRule(path = '', category: TaskCategory = TASK_CATEGORIES[0]): RuleDraft {
  return { key: nextRuleKey++, path, category };
}

export function emptyDraft(): SystemDraft {
  return { id: null, name: '', matchesText: '', rules: [] };
}

export function draftFromSystem(system: ClinicalSystem): SystemDraft {
  return {
    id: system.id,
    name: system.name,
    matchesText: system.matches.join('\n'),
    rules: system.rules.map((r) => newRule(r.path, r.category)),
  };
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
    matches: draft.matchesText.split('\n').map((m) => m.trim()).filter((m) => m !== ''),
    rules: draft.rules.filter((r) => r.path.trim() !== '').map((r) => ({ path: r.path.trim(), category: r.category })),
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
