import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../ui/i18n.js';

/**
 * The numbers behind a chart, as a real table with a caption, folded away
 * under "Show data table" so the page stays calm; keyboard users open it
 * with Enter or Space. Its rows are built when it is first opened.
 */
export function DataTable({ caption, children }: { caption: string; children: ComponentChildren }) {
  // Built when first opened: a month of daily rows is hundreds of cells the view need not wait for.
  const [opened, setOpened] = useState(false);
  return (
    <details class="data-table" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && setOpened(true)}>
      <summary>{t('dash_showDataTable')}</summary>
      {opened && (
        // Focusable and named, so a table wider than the screen can be scrolled from the keyboard.
        <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
          <table class="table">
            <caption>{caption}</caption>
            {children}
          </table>
        </div>
      )}
    </details>
  );
}
