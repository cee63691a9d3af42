import type { ComponentChildren } from 'preact';

/** A label above its control, in the popup's compact spacing. */
export function CompactField({ id, label, children }: { id: string; label: string; children: ComponentChildren }) {
  return (
    <div class="field field-compact">
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}
