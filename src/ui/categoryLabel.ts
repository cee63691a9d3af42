import type { TaskCategory } from '../core/taskCategory.js';
import { t } from './i18n.js';

/** The plain-English label of a task category (message key `category_<id>`). */
export function categoryLabel(category: TaskCategory): string {
  return t(`category_${category}`);
}
