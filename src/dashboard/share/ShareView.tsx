import { useEffect, useState } from 'preact/hooks';
import type { PolicyView } from '../../core/policy.js';
import { t } from '../../ui/i18n.js';
import type { DashboardApi } from '../dashboardApi.js';
import { ExportSection } from './ExportSection.js';
import { TeamReportSection } from './TeamReportSection.js';

/**
 * The Share view: the clinician's own export (personal data about them,
 * shown in full before it is saved), and the team report a team lead builds
 * from such exports (the anonymised output). Nothing is sent anywhere: both
 * end as files the person saves and passes on themselves.
 */
export function ShareView({ api }: { api: DashboardApi }) {
  // The organisation's sharing policy: undefined while it loads, null when there is none to read.
  const [sharing, setSharing] = useState<PolicyView['sharing'] | null | undefined>(api.policy ? undefined : null);
  useEffect(() => {
    if (!api.policy) return;
    api.policy().then(
      (view) => setSharing(view.sharing),
      () => setSharing(null),
    );
  }, [api]);
  return (
    <main class="page page-wide" id="main">
      <h1>{t('share_heading')}</h1>
      <p class="lead">{t('share_intro')}</p>
      {sharing === undefined ? (
        <p role="status">{t('share_loadingPolicy')}</p>
      ) : (
        <>
          {sharing?.exportEnabled === false ? (
            <section class="section" aria-labelledby="export-off-heading">
              <h2 id="export-off-heading">{t('share_exportOffHeading')}</h2>
              <p>{t('share_exportOff')}</p>
            </section>
          ) : (
            <ExportSection api={api} organisation={sharing ? { teamCode: sharing.teamCode, role: sharing.role } : undefined} />
          )}
          <TeamReportSection organisationMinimum={sharing?.teamReportThreshold ?? 8} />
        </>
      )}
    </main>
  );
}
