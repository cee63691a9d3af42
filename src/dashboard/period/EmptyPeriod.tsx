import { t } from '../../ui/i18n.js';

/** A period with nothing recorded: say so plainly, and what to do if that is unexpected. */
export function EmptyPeriod({ hasSystems, onOpenSettings }: { hasSystems: boolean; onOpenSettings: () => void }) {
  return (
    <section class="inset empty-period" aria-labelledby="empty-heading">
      <h2 id="empty-heading">{t('dash_emptyHeading')}</h2>
      <p>{hasSystems ? t('dash_emptyBody') : t('dash_emptyNoSystems')}</p>
      {!hasSystems && (
        <button type="button" class="button" onClick={onOpenSettings}>
          {t('dash_goToSettings')}
        </button>
      )}
    </section>
  );
}
