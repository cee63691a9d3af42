import type { ComponentChildren } from 'preact';

/**
 * A labelled box of address patterns, one per line (a system's match
 * patterns, sign-in pages, embedded viewers): its hint is read with it, and
 * nothing corrects what is typed, since a pattern is spelled exactly.
 */
export function PatternsField({
  id,
  label,
  hint,
  rows,
  value,
  onInput,
}: {
  id: string;
  label: string;
  hint: ComponentChildren;
  rows: number;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <textarea
        id={id}
        class="input textarea"
        rows={rows}
        spellcheck={false}
        autocapitalize="off"
        aria-describedby={`${id}-hint`}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}
