import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { DayEntry, EntryChange } from '../../core/entries.js';
import type { Checked } from './entryDraft.js';
import { FormButtons } from './FormButtons.js';

/** What every per-record form is given by its EntryItem. */
export interface EntryFormProps {
  entry: DayEntry;
  /** A checked change, for the worker. The item closes the form if it succeeds. */
  onSubmit: (change: EntryChange) => void;
  /** Problems with what was typed, for the error summary; nothing is sent. */
  onInvalid: (errors: string[]) => void;
  onCancel: () => void;
}

/**
 * The frame of every per-record form: on submit it checks what was typed and
 * sends the change, or the problems, to the item; it puts focus on `focusId`
 * when it opens, because the button that opened it is gone.
 */
export function EntryForm({
  focusId,
  check,
  submit,
  onSubmit,
  onInvalid,
  onCancel,
  children,
}: Omit<EntryFormProps, 'entry'> & { focusId: string; check: () => Checked<EntryChange>; submit: string; children: ComponentChildren }) {
  useEffect(() => document.getElementById(focusId)?.focus(), []);
  return (
    <form
      class="entry-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const checked = check();
        if (checked.ok) onSubmit(checked.change);
        else onInvalid(checked.errors);
      }}
    >
      {children}
      <FormButtons submit={submit} onCancel={onCancel} />
    </form>
  );
}
