import { t } from '../../ui/i18n.js';

export interface SystemChoice {
  id: string;
  name: string;
}

/** The systems a record can be filed under: web systems, desktop systems, or none. */
export interface SystemChoices {
  web: SystemChoice[];
  desktop: SystemChoice[];
}

/**
 * "No system", then the web and the desktop systems in groups. A record of a
 * system since removed from Settings keeps it as a choice (`current`), so
 * relabelling only the task does not quietly move the record.
 */
export function SystemSelect({
  id,
  value,
  onChange,
  systems,
  current,
  describedBy,
}: {
  id: string;
  value: string;
  onChange: (systemId: string) => void;
  systems: SystemChoices;
  current?: SystemChoice;
  describedBy?: string;
}) {
  const known = new Set([...systems.web, ...systems.desktop].map((s) => s.id));
  const orphan = current && current.id !== '' && !known.has(current.id) ? current : null;
  return (
    <select id={id} class="select" value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{t('day_noSystem')}</option>
      {orphan && <option value={orphan.id}>{orphan.name || orphan.id}</option>}
      {systems.web.length > 0 && (
        <optgroup label={t('day_webSystemsGroup')}>
          {systems.web.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </optgroup>
      )}
      {systems.desktop.length > 0 && (
        <optgroup label={t('day_desktopSystemsGroup')}>
          {systems.desktop.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
