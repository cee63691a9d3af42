import type { ClinicalSystem } from '../../core/settings.js';
import { t } from '../../ui/i18n.js';
import { SystemItem } from './SystemItem.js';

export function SystemList({
  systems,
  onEdit,
  onRemove,
}: {
  systems: ClinicalSystem[];
  onEdit: (system: ClinicalSystem) => void;
  onRemove: (id: string) => void;
}) {
  if (systems.length === 0) return <p class="inset">{t('settings_noSystems')}</p>;
  return (
    <ul class="system-list">
      {systems.map((s) => (
        <SystemItem key={s.id} system={s} onEdit={() => onEdit(s)} onRemove={() => onRemove(s.id)} />
      ))}
    </ul>
  );
}
