import { useState } from 'preact/hooks';
import { claimedHosts, searchCatalogue, type CatalogueEntry } from '../../core/catalogue.js';
import type { ClinicalSystem } from '../../core/settings.js';
import { t } from '../../ui/i18n.js';

/** An entry counts as added when a configured system has its id or claims one of its hosts. */
function isAdded(entry: CatalogueEntry, systems: readonly ClinicalSystem[]): boolean {
  const hosts = new Set(claimedHosts(entry));
  return systems.some((s) => s.id === entry.id || claimedHosts(s).some((h) => hosts.has(h)));
}

/**
 * The catalogue of NHS clinical web systems as a searchable list: one click
 * adds an entry ("Add e-Referral Service"); its patterns and the public
 * source of its address are shown for those who want them.
 */
export function CatalogueSection({
  entries,
  systems,
  onAdd,
}: {
  entries: readonly CatalogueEntry[];
  systems: readonly ClinicalSystem[];
  /** Called in the click, so the host-permission request is made during the user gesture. */
  onAdd: (entry: CatalogueEntry) => void;
}) {
  const [query, setQuery] = useState('');
  const shown = searchCatalogue(entries, query);
  return (
    <section class="catalogue" aria-labelledby="catalogue-heading">
      <h3 id="catalogue-heading" tabIndex={-1}>{t('catalogue_heading')}</h3>
      <p class="hint">{t('catalogue_intro')}</p>
      <div class="field">
        <label for="catalogue-search">{t('catalogue_search')}</label>
        <input id="catalogue-search" class="input" type="search" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
      </div>
      <p role="status" class="hint">
        {t('catalogue_count', shown.length, entries.length)}
      </p>
      <ul class="catalogue-list">
        {shown.map((e) => (
          <li key={e.id} class="catalogue-item">
            <h4>{e.name}</h4>
            <p class="small-print">
              {t('catalogue_patterns')} <code>{[...e.matches, ...e.signInPatterns].join(', ')}</code>
            </p>
            <p class="small-print">
              {e.source ? (
                <>
                  {t('catalogue_source')} <a href={e.source.url}>{e.source.title}</a> {t('catalogue_checked', e.source.checked)}
                </>
              ) : (
                t('catalogue_fromPolicy')
              )}
            </p>
            {isAdded(e, systems) ? (
              <p class="hint">{t('catalogue_added', e.name)}</p>
            ) : (
              <button type="button" class="button button-secondary" onClick={() => onAdd(e)}>
                {t('catalogue_add', e.name)}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
