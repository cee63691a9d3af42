import { useEffect, useRef, useState } from 'preact/hooks';
import type { SiteStatus, TrackChoice } from '../core/siteTracking.js';
import type { TrackSiteResult } from '../protocol.js';
import { t } from '../ui/i18n.js';
import type { PopupApi } from './api.js';

/** Why nothing changed: the browser refused the access, the worker could not be reached, or the worker's reason. */
type Problem = 'denied' | 'failed' | Extract<TrackSiteResult, { ok: false }>['reason'];

const PROBLEM: Record<Problem, string> = {
  denied: 'popup_siteProblem_denied',
  failed: 'popup_siteProblem_failed',
  noAccess: 'popup_siteProblem_noAccess',
  locked: 'popup_siteProblem_locked',
  full: 'popup_siteProblem_full',
  invalid: 'popup_siteProblem_invalid',
};

/**
 * "Track this site" and "Stop tracking this site" for the page in the
 * popup's tab. The page is known by its address only (the worker answers
 * from the tab's URL and shows the host, never the path or title), and
 * nothing is read from it until the clinician says yes here.
 */
export function SiteSection({ api, onChanged, refreshed }: { api: PopupApi; onChanged: () => void; /** Changes with each refresh of the popup: the site is asked again (the page may have moved on). */ refreshed?: unknown }) {
  const [site, setSite] = useState<SiteStatus | null>(null);
  const [scope, setScope] = useState<string>('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);

  const busyRef = useRef(false);
  busyRef.current = busy;
  useEffect(() => {
    // While a click is being answered, its answer says what the site now is.
    if (busyRef.current) return;
    void api.site?.().then(
      (s) => busyRef.current || setSite(s),
      () => undefined,
    );
  }, [api, refreshed]);

  useEffect(() => {
    if (site?.kind === 'untracked') setScope((s) => (site.choices.some((c) => c.scope === s) ? s : site.choices[0]!.scope));
  }, [site]);

  if (!site || site.kind === 'unavailable' || !api.site) return null;

  /** A null result: the clinician said no to the browser's prompt, so nothing was asked of the worker. */
  function settle(result: Promise<TrackSiteResult | null>) {
    void result
      .then(
        (r) => {
          if (r === null) return setProblem('denied');
          setSite(r.site);
          setProblem(r.ok ? null : r.reason);
          if (r.ok) onChanged();
          status.current?.focus();
        },
        () => setProblem('failed'),
      )
      .finally(() => setBusy(false));
  }

  function track(choice: TrackChoice) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    // The browser shows its prompt only during the click: ask before anything is awaited.
    const granted = api.requestOrigins!(choice.origins);
    settle(granted.then((ok) => (ok ? api.trackSite!(choice.scope) : null)));
  }

  function stop() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    settle(api.stopTrackingSite!());
  }

  const problemText = problem && (
    <p class="error-message" role="alert">
      {t(PROBLEM[problem])}
    </p>
  );

  if (site.kind === 'tracked') {
    return (
      <section class="site-section" aria-labelledby="site-heading">
        <h2 id="site-heading">{t('popup_siteHeading')}</h2>
        <p ref={status} tabIndex={-1}>{t('popup_siteTracked', site.name)}</p>
        {problemText}
        {site.fromPolicy ? (
          <p class="hint">{t('popup_siteFromPolicy')}</p>
        ) : (
          <button type="button" class="button button-secondary" onClick={stop} disabled={busy}>
            {t('popup_stopTracking')}
          </button>
        )}
      </section>
    );
  }

  const choice = site.choices.find((c) => c.scope === scope) ?? site.choices[0]!;
  return (
    <section class="site-section" aria-labelledby="site-heading">
      <h2 id="site-heading">{t('popup_siteHeading')}</h2>
      <p ref={status} tabIndex={-1}>{t('popup_siteUntracked', site.host)}</p>
      {problemText}
      {site.blocked ? (
        <p class="hint">{site.blocked === 'locked' ? t('popup_siteBlocked_locked') : t('popup_siteBlocked_full')}</p>
      ) : (
        <>
          {site.choices.length > 1 && (
            <fieldset class="fieldset">
              <legend class="fieldset-legend">{t('popup_siteScopeLegend')}</legend>
              <div class="radios">
                {site.choices.map((c) => (
                  <div class="radio-field" key={c.scope}>
                    <input class="radio" type="radio" id={`site-scope-${c.scope}`} name="site-scope" value={c.scope} checked={c.scope === choice.scope} onChange={() => setScope(c.scope)} />
                    <label for={`site-scope-${c.scope}`}>
                      {c.scope === 'domain' ? t('popup_siteScope_domain', c.matches[0]!.replace(/^\w+:\/\/\*\.|\/\*$/g, '')) : t('popup_siteScope_origin', site.host)}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          )}
          <p class="small-print">{t('popup_siteAs', site.name, choice.matches.join(', '))}</p>
          <button type="button" class="button" onClick={() => track(choice)} disabled={busy}>
            {t('popup_trackSite')}
          </button>
        </>
      )}
    </section>
  );
}
