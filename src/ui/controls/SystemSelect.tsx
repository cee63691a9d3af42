import type { ComponentChildren } from 'preact';
import { t } from '../i18n.js';
import { inCompactField } from './CompactField.js';

export interface SystemChoice {
  id: string;
  name: string;
}

/** The systems a record can be filed under: web systems, desktop systems, or none. */
export interface SystemChoices {
  web: SystemChoice[];
  desktop: SystemChoice[];
}

/** The "no system" choice; system ids are never empty, so '' cannot clash. */
export const NO_SYSTEM = '';

const options = (systems: readonly SystemChoice[]) =>
  systems.map((s) => (
    <option key={s.id} value={s.id}>
      {s.name}
    </option>
  ));

/**
 * A choice of system: "No system" first (manual time need not belong to
 * one), then `systems` as a plain list, or `children` in their place (the
 * dashboard's SystemGroups). With `label`, it comes in a compact field with
 * that label (the popup); without, the caller labels it.
 */
export function SystemSelect({
  id,
  label,
  value,
  onChange,
  systems = [],
  describedBy,
  children,
}: {
  id: string;
  label?: string;
  /** A system id, or NO_SYSTEM. */
  value: string;
  onChange: (systemId: string) => void;
  systems?: readonly SystemChoice[];
  describedBy?: string;
  children?: ComponentChildren;
}) {
  const select = (
    <select id={id} class="select" value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value={NO_SYSTEM}>{t('system_none')}</option>
      {children ?? options(systems)}
    </select>
  );
  return inCompactField(id, label, select);
}

const group = (label: string, systems: readonly SystemChoice[]) => systems.length > 0 && <optgroup label={label}>{options(systems)}</optgroup>;

/**
 * The web and the desktop systems in groups, for SystemSelect. A record of a
 * system since removed from Settings keeps it as a choice (`current`), so
 * relabelling only the task does not quietly move the record.
 */
export function SystemGroups({ systems, current }: { systems: SystemChoices; current?: SystemChoice }) {
  const orphan = current && current.id !== NO_SYSTEM && ![...systems.web, ...systems.desktop].some((s) => s.id === current.id) ? current : null;
  return (
    <>
      {orphan && <option value={orphan.id}>{orphan.name || orphan.id}</option>}
      {group(t('day_webSystemsGroup'), systems.web)}
      {group(t('day_desktopSystemsGroup'), systems.desktop)}
    </>
  );
}
