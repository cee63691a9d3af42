import type { DayEntry, EntryChange } from '../../core/entries.js';

/** What every per-record form is given by its EntryItem. */
export interface EntryFormProps {
  entry: DayEntry;
  /** A checked change, for the worker. The item closes the form if it succeeds. */
  onSubmit: (change: EntryChange) => void;
  /** Problems with what was typed, for the error summary; nothing is sent. */
  onInvalid: (errors: string[]) => void;
  onCancel: () => void;
}
