import { Fragment, type ComponentChildren } from 'preact';

/** A row's own controls: what it edits, and how it changes or leaves the list. */
export interface RowControls<T> {
  number: number;
  onChange: (changed: T) => void;
  onRemove: () => void;
}

/**
 * A fieldset of rows the clinician adds and removes (job-plan sessions,
 * non-working days, leave). Adding focuses the new row's first field;
 * removing a row focuses the add button, so the keyboard never lands on
 * nothing.
 */
export function RowListFieldset<T extends { key: number | string }>({
  legend,
  hint,
  emptyText,
  rows,
  addId,
  addLabel,
  newRow,
  firstFieldId,
  onRowsChange,
  renderRow,
}: {
  legend: string;
  hint: string;
  /** Shown in place of the list when it is empty; without it an empty list shows nothing. */
  emptyText?: string;
  rows: readonly T[];
  addId: string;
  addLabel: string;
  newRow: (rows: readonly T[]) => T;
  firstFieldId: (row: T) => string;
  /** The new list, and the element to focus once it is rendered. */
  onRowsChange: (rows: T[], focusId?: string) => void;
  renderRow: (row: T, controls: RowControls<T>) => ComponentChildren;
}) {
  return (
    <fieldset class="fieldset">
      <legend class="fieldset-legend">{legend}</legend>
      <p class="hint">{hint}</p>
      {rows.length === 0 ? (
        emptyText && <p class="inset">{emptyText}</p>
      ) : (
        <ol class="schedule-list">
          {rows.map((row, i) => (
            <Fragment key={row.key}>
              {renderRow(row, {
                number: i + 1,
                onChange: (changed) => onRowsChange(rows.map((x) => (x.key === row.key ? changed : x))),
                onRemove: () => onRowsChange(rows.filter((x) => x.key !== row.key), addId),
              })}
            </Fragment>
          ))}
        </ol>
      )}
      <button
        type="button"
        id={addId}
        class="button button-secondary"
        onClick={() => {
          const row = newRow(rows);
          onRowsChange([...rows, row], firstFieldId(row));
        }}
      >
        {addLabel}
      </button>
    </fieldset>
  );
}
