import { t } from '../../ui/i18n.js';

/** Pause or resume all tracking; the label says what pressing it will do, as in the popup. */
export function PauseToggle({ paused, onToggle }: { paused: boolean; onToggle: () => void }) {
  return (
    <section class="section" aria-labelledby="pause-heading">
      <h2 id="pause-heading">{t('settings_pauseHeading')}</h2>
      <p>{paused ? t('settings_pausedState') : t('settings_runningState')}</p>
      <button type="button" class="button button-secondary" onClick={onToggle}>
        {paused ? t('settings_resume') : t('settings_pause')}
      </button>
    </section>
  );
}
