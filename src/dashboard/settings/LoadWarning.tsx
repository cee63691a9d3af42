import { t } from '../../ui/i18n.js';

/** Saved settings that could not be read: say so, and that nothing was overwritten. */
export function LoadWarning({ errors }: { errors: string[] }) {
  return (
    <div class="warning" aria-labelledby="load-warning-title">
      <h2 id="load-warning-title">{t('settings_loadWarningTitle')}</h2>
      <p>{t('settings_loadWarningBody')}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </div>
  );
}
