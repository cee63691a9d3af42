import type { ComponentChildren } from 'preact';

/** The heading of a column of figures, aligned with the numbers under it. */
export function NumericHeader({ children }: { children: ComponentChildren }) {
  return (
    <th scope="col" class="numeric">
      {children}
    </th>
  );
}
