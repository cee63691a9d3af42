import type { Rejection } from '../../core/teamReport/contract.js';
import { rejectionLabel } from '../../core/teamReport/reportLabels.js';
import { t } from '../../ui/i18n.js';

/**
 * The files left out of a team report and why, announced as soon as they
 * appear (role="alert"): a team lead needs to know a colleague's figures are
 * missing before sharing the report.
 */
export function RejectedFiles({ rejected, unreadable }: { rejected: readonly Rejection[]; unreadable: readonly string[] }) {
  if (rejected.length === 0 && unreadable.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="team-rejected-title">
      <h3 id="team-rejected-title">{t('share_teamRejectedTitle')}</h3>
      <ul>
        {unreadable.map((name, i) => (
          <li key={`u${i}`}>{t('share_teamUnreadable', name)}</li>
        ))}
        {rejected.map((r, i) => (
          <li key={`r${i}`}>{t('share_teamRejection', r.name, rejectionLabel(t, r.code), r.reason)}</li>
        ))}
      </ul>
    </div>
  );
}
