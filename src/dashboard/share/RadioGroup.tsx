/**
 * A fieldset of radios with a legend (the question) and an optional hint, as
 * the add-time form's radios are. Arrow keys move between the options; the
 * browser does that for radios that share a name.
 */
export function RadioGroup<T extends string>({
  name,
  legend,
  hint,
  options,
  value,
  error,
  onChange,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T;
  /** A problem with this choice, shown beside it as well as in the error summary. */
  error?: string;
  onChange: (value: T) => void;
}) {
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class="fieldset" aria-describedby={describedBy}>
      <legend class="fieldset-legend">{legend}</legend>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`${name}-error`}>
          {error}
        </p>
      )}
      <div class="radios">
        {options.map((o) => (
          <div class="radio-field" key={o.value}>
            <input id={`${name}-${o.value}`} type="radio" class="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            <label for={`${name}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
