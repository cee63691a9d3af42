/**
 * One checkbox with its label and a hint read out with it (aria-describedby),
 * laid out as the settings page's checkboxes are.
 */
export function CheckboxField({
  id,
  label,
  hint,
  checked,
  onChange,
  disabled = false,
}: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  /** Set by the organisation: shown, but the clinician cannot change it. */
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div class="field checkbox-field">
      <input
        id={id}
        type="checkbox"
        class="checkbox"
        aria-describedby={hint ? `${id}-hint` : undefined}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
