import type { ComponentChildren } from 'preact';
import { t } from '../ui/i18n.js';

/**
 * The numbers behind a chart, as a real table with a caption, folded away
 * under "Show data table" so the page stays calm; keyboard users open it
 * with Enter or Space.
 */
export function DataTable({ caption, children }: { caption: string; children: ComponentChildren }) {
  return (
    <details class="data-table">
      <summary>{t('dash_showDataTable')}</summary>
      {/* Focusable and named, so a table wider than the screen can be scrolled from the keyboard. */}
      <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table class="table">
          <caption>{caption}</caption>
          {children}
        </table>
      </div>
    </details>
  );
}
