import type { ComponentChildren, Ref } from 'preact';
import { t } from '../ui/i18n.js';

/** Shown until the clinician lists at least one clinical system. */
export function EmptyState({
  children,
  headingRef,
}: {
  children: ComponentChildren;
  /** Lets the popup move focus here, for example after an idle review is answered. */
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  return (
    <section class="empty-state">
      <h1 class="popup-heading" ref={headingRef} tabIndex={-1}>
        {t('popup_emptyHeading')}
      </h1>
      <p>{t('popup_emptyBody')}</p>
      {children}
    </section>
  );
}
