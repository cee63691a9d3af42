import { useRef, useState } from 'preact/hooks';
import type { DesktopSystem } from '../../core/settings.js';
import { t } from '../../ui/i18n.js';

/**
 * Systems with no web pages (EMIS Web, SystmOne, a Citrix session). Timeback
 * cannot see them, so they are only names to file manual time and timers
 * under. No addresses, so no permissions: adding or removing one is a plain save.
 */
export function DesktopSystemsSection({
  systems,
  onAdd,
  onRemove,
}: {
  systems: DesktopSystem[];
  /** Resolves true once saved; the name box then clears for the next one. */
  onAdd: (name: string) => Promise<boolean>;
  onRemove: (system: DesktopSystem) => Promise<boolean>;
}) {
  const [name, setName] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section class="section" aria-labelledby="desktop-heading">
      <h2 id="desktop-heading" ref={heading} tabIndex={-1}>
        {t('settings_desktopHeading')}
      </h2>
      <p>{t('settings_desktopIntro')}</p>
      {systems.length === 0 ? (
        <p class="inset">{t('settings_desktopNone')}</p>
      ) : (
        <ul class="desktop-list">
          {systems.map((s) => (
            <li key={s.id} class="desktop-item">
              <span class="desktop-name">{s.name}</span>
              <button
                type="button"
                class="button button-secondary"
                aria-label={t('settings_desktopRemoveNamed', s.name)}
                // The button goes with its row; land on the section heading, which says where we are.
                onClick={() => void onRemove(s).then((ok) => ok && heading.current?.focus())}
              >
                {t('settings_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onAdd(name).then((ok) => ok && setName(''));
        }}
      >
        <div class="field">
          <label for="desktop-name">{t('settings_desktopNameLabel')}</label>
          <p class="hint" id="desktop-name-hint">
            {t('settings_desktopNameHint')}
          </p>
          <input
            id="desktop-name"
            type="text"
            class="input"
            autocomplete="off"
            maxLength={100}
            aria-describedby="desktop-name-hint"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button">
          {t('settings_desktopAdd')}
        </button>
      </form>
    </section>
  );
}
