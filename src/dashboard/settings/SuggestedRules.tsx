import { useState } from 'preact/hooks';
import type { ClassificationRule } from '../../core/classificationRules.js';
import type { PathShapeCount } from '../../core/pathShape.js';
import type { ClinicalSystem } from '../../core/settings.js';
import type { TaskCategory } from '../../core/taskCategory.js';
import { t } from '../../ui/i18n.js';
import { CategorySelect } from '../../ui/controls/CategorySelect.js';

/**
 * Suggested rules for a system with no rules of its own: the shapes of the
 * paths visited on it in this browser session (identifiers masked as `*`,
 * kept by the worker in memory only), each with a one-click rule.
 */
export function SuggestedRules({
  system,
  load,
  onAddRule,
}: {
  system: ClinicalSystem;
  load: (systemId: string) => Promise<PathShapeCount[]>;
  onAddRule: (systemId: string, rule: ClassificationRule) => void;
}) {
  const [shapes, setShapes] = useState<PathShapeCount[] | null>(null);
  const [chosen, setChosen] = useState<Record<string, TaskCategory | ''>>({});
  const headingId = `suggest-${system.id}`;
  return (
    <section class="suggested-rules" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('suggest_heading', system.name)}</h3>
      <p class="hint">{t('suggest_intro')}</p>
      <button type="button" class="button button-secondary" onClick={() => void load(system.id).then(setShapes, () => setShapes([]))}>
        {shapes ? t('suggest_refresh') : t('suggest_show')}
      </button>
      {shapes && shapes.length === 0 && <p role="status">{t('suggest_none')}</p>}
      {shapes && shapes.length > 0 && (
        <ul class="suggest-list">
          {shapes.map(({ shape, visits }, i) => {
            const id = `suggest-${system.id}-${i}`;
            const category = chosen[shape] ?? '';
            return (
              <li key={shape} class="suggest-item">
                <p>
                  <code>{shape}</code> {t('suggest_visits', visits)}
                </p>
                <label for={id}>{t('suggest_taskFor', shape)}</label>
                <CategorySelect id={id} value={category} placeholder onChange={(c) => setChosen({ ...chosen, [shape]: c })} />
                <button type="button" class="button" disabled={category === ''} onClick={() => category && onAddRule(system.id, { path: shape, category, priority: 0 })}>
                  {t('suggest_add')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
