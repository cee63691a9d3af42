import { TASK_CATEGORIES, type TaskCategory } from '../../core/taskCategory.js';

/** Categories with time, in the fixed taxonomy order, so every chart stacks and colours them alike. */
export function categoriesWithTime(byCategoryMs: Partial<Record<TaskCategory, number>>): TaskCategory[] {
  return TASK_CATEGORIES.filter((c) => (byCategoryMs[c] ?? 0) > 0);
}

/** The ui.css class that gives a category its colour in bars, swatches and legends. */
export function categoryClass(category: TaskCategory): string {
  return `cat-${category.replace(/_/g, '-')}`;
}
