import { t } from '../ui/i18n.js';

/** The "no system" choice; system ids are never empty, so '' cannot clash. */
export const NO_SYSTEM = '';

/** A labelled, optional choice of system: manual time need not belong to one. */
export function SystemSelect({
  id,
  label,
  systems,
  value,
  onChange,
}: {
  id: string;
  label: string;
  systems: ReadonlyArray<{ id: string; name: string }>;
  /** A system id, or NO_SYSTEM. */
  value: string;
  onChange: (systemId: string) => void;
}) {
  return (
    <div class="field field-compact">
      <label for={id}>{label}</label>
      <select id={id} class="select" value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        <option value={NO_SYSTEM}>{t('popup_noSystem')}</option>
        {systems.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}
