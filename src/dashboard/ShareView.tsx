import { t } from '../ui/i18n.js';
import type { DashboardApi } from './dashboardApi.js';
import { ExportSection } from './ExportSection.js';
import { TeamReportSection } from './TeamReportSection.js';

/**
 * The Share view: the clinician's own export (personal data about them,
 * shown in full before it is saved), and the team report a team lead builds
 * from such exports (the anonymised output). Nothing is sent anywhere: both
 * end as files the person saves and passes on themselves.
 */
export function ShareView({ api }: { api: DashboardApi }) {
  return (
    <main class="page page-wide" id="main">
      <h1>{t('share_heading')}</h1>
      <p class="lead">{t('share_intro')}</p>
      <ExportSection api={api} />
      <TeamReportSection />
    </main>
  );
}
