import type { ComponentChildren } from 'preact';
import { t } from '../ui/i18n.js';

/** Shown until the clinician lists at least one clinical system. */
export function EmptyState({ children }: { children: ComponentChildren }) {
  return (
    <section class="empty-state">
      <h1 class="popup-heading">{t('popup_emptyHeading')}</h1>
      <p>{t('popup_emptyBody')}</p>
      {children}
    </section>
  );
}
