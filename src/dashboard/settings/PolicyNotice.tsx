import type { PolicyView } from '../../core/policy.js';
import type { ClinicalSystem } from '../../core/settings.js';
import { t } from '../../ui/i18n.js';
import { SystemItem } from './SystemItem.js';

/** Policy values the worker ignored (docs/deployment.md): listed for the organisation's IT. */
export function PolicyWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div class="warning" aria-labelledby="policy-warning-title">
      <h2 id="policy-warning-title">{t('policy_warningsTitle')}</h2>
      <p>{t('policy_warningsBody')}</p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </div>
  );
}

/** The systems the organisation's policy adds: listed without Edit or Remove. */
export function PolicySystems({ policy, onAllow }: { policy: PolicyView; onAllow?: (system: ClinicalSystem) => void }) {
  if (policy.systems.length === 0) return null;
  return (
    <>
      <p>{t('policy_systemsIntro')}</p>
      <ul class="system-list" aria-label={t('policy_setByOrganisation')}>
        {policy.systems.map((s) => (
          <SystemItem key={s.id} system={s} managed onEdit={() => undefined} onRemove={() => undefined} {...(onAllow ? { onAllow: () => onAllow(s) } : {})} />
        ))}
      </ul>
    </>
  );
}
