import type { JSX } from 'preact';

/** A control in a compact field with its label (the popup's forms), or the control alone when the caller labels it. */
export function inCompactField(id: string, label: string | undefined, control: JSX.Element): JSX.Element {
  return label === undefined ? (
    control
  ) : (
    <div class="field field-compact">
      <label for={id}>{label}</label>
      {control}
    </div>
  );
}
