import { useId, useState } from 'preact/hooks';
import type { TaskCategory } from '../../core/taskCategory.js';
import { t } from '../../ui/i18n.js';
import { CategorySelect } from '../../ui/controls/CategorySelect.js';
import { EntryForm, type EntryFormProps } from './EntryForm.js';
import { relabelChange } from './entryDraft.js';
import { entryName } from './entryText.js';
import { SystemGroups, SystemSelect, type SystemChoices } from '../../ui/controls/SystemSelect.js';

/** A different task or system for any record, tracked or by hand: automatic rules sometimes guess wrong. */
export function RelabelForm({ entry, systems, onSubmit, onInvalid, onCancel }: EntryFormProps & { systems: SystemChoices }) {
  const id = useId();
  const [category, setCategory] = useState<TaskCategory | ''>(entry.category);
  const [systemId, setSystemId] = useState(entry.systemId);
  // The select only offers real categories; '' cannot be chosen here.
  return (
    <EntryForm focusId={`${id}-task`} check={() => relabelChange(entry, category || entry.category, systemId)} submit={t('day_relabelSubmit')} onSubmit={onSubmit} onInvalid={onInvalid} onCancel={onCancel}>
      <fieldset class="fieldset">
        <legend class="fieldset-legend">{t('day_relabelLegend', entryName(entry))}</legend>
        <div class="field">
          <label for={`${id}-task`}>{t('day_taskLabel')}</label>
          <CategorySelect id={`${id}-task`} value={category} onChange={setCategory} />
        </div>
        <div class="field">
          <label for={`${id}-system`}>{t('day_systemLabel')}</label>
          <SystemSelect id={`${id}-system`} value={systemId} onChange={setSystemId}>
            <SystemGroups systems={systems} current={{ id: entry.systemId, name: entry.systemName }} />
          </SystemSelect>
        </div>
      </fieldset>
    </EntryForm>
  );
}
