import { DEFAULT_ANNUAL_ASSUMPTIONS } from '../../core/annualBurden.js';
import type { TeamCaseOptions } from '../../core/teamReport/teamCase.js';
import { DEFAULT_WHAT_IFS, WHAT_IF_LIMITS, type WhatIfChoice, type WhatIfId } from '../../core/teamReport/whatIfs.js';
import { t } from '../../ui/i18n.js';
import { AssumptionFields } from '../common/AssumptionFields.js';
import { CheckboxField } from './CheckboxField.js';

const DEFAULT_SSO = DEFAULT_WHAT_IFS.sso as Extract<WhatIfChoice, { id: 'sso' }>;
const DEFAULT_INBOX = DEFAULT_WHAT_IFS.inboxTriage as Extract<WhatIfChoice, { id: 'inboxTriage' }>;

/** What the team lead has chosen and entered; kept in the page only. */
export interface WhatIfDraft {
  options: Required<TeamCaseOptions>;
  chosen: Record<WhatIfId, boolean>;
  values: { sso: { targetLoginSec: number }; inboxTriage: { minutesPerDay: number; daysPerWeek: number } };
}

export function initialWhatIfDraft(): WhatIfDraft {
  return {
    options: { assumptions: DEFAULT_ANNUAL_ASSUMPTIONS, whatIfs: [] },
    chosen: { sso: false, pageLoadsAtP50: false, inboxTriage: false },
    values: { sso: { targetLoginSec: DEFAULT_SSO.targetLoginSec }, inboxTriage: { minutesPerDay: DEFAULT_INBOX.minutesPerDay, daysPerWeek: DEFAULT_INBOX.daysPerWeek } },
  };
}

/** The what-ifs the draft asks for, in a fixed order. */
function choices(d: Pick<WhatIfDraft, 'chosen' | 'values'>): WhatIfChoice[] {
  const out: WhatIfChoice[] = [];
  if (d.chosen.sso) out.push({ id: 'sso', targetLoginSec: d.values.sso.targetLoginSec });
  if (d.chosen.pageLoadsAtP50) out.push({ id: 'pageLoadsAtP50' });
  if (d.chosen.inboxTriage) out.push({ id: 'inboxTriage', ...d.values.inboxTriage });
  return out;
}

/**
 * The team lead's assumptions (working weeks a year, contracted hours) and
 * the what-ifs to show, each with the figure it needs.
 */
export function WhatIfForm({ draft, onChange }: { draft: WhatIfDraft; onChange: (d: WhatIfDraft) => void }) {
  const update = (next: Partial<Omit<WhatIfDraft, 'options'>> & { assumptions?: WhatIfDraft['options']['assumptions'] }) => {
    const chosen = next.chosen ?? draft.chosen;
    const values = next.values ?? draft.values;
    onChange({ chosen, values, options: { assumptions: next.assumptions ?? draft.options.assumptions, whatIfs: choices({ chosen, values }) } });
  };
  const number = (id: string, label: string, value: number, limits: { min: number; max: number }, set: (v: number) => void) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        class="input input-width-5"
        inputMode="numeric"
        min={limits.min}
        max={limits.max}
        value={String(value)}
        onInput={(e) => set(e.currentTarget.value === '' ? Number.NaN : Number(e.currentTarget.value))}
      />
    </div>
  );
  const choose = (id: WhatIfId) => (v: boolean) => update({ chosen: { ...draft.chosen, [id]: v } });
  return (
    <div class="whatif-form">
      <AssumptionFields idPrefix="team-year" value={draft.options.assumptions} onChange={(assumptions) => update({ assumptions })} />
      <fieldset class="fieldset">
        <legend class="fieldset-legend">{t('whatIf_legend')}</legend>
        <CheckboxField id="whatif-sso" label={t('whatIf_ssoLabel')} hint={t('whatIf_ssoHint')} checked={draft.chosen.sso} onChange={choose('sso')} />
        {draft.chosen.sso &&
          number('whatif-sso-seconds', t('whatIf_ssoSeconds'), draft.values.sso.targetLoginSec, WHAT_IF_LIMITS.targetLoginSec, (targetLoginSec) =>
            update({ values: { ...draft.values, sso: { targetLoginSec } } }),
          )}
        <CheckboxField id="whatif-loads" label={t('whatIf_loadsLabel')} hint={t('whatIf_loadsHint')} checked={draft.chosen.pageLoadsAtP50} onChange={choose('pageLoadsAtP50')} />
        <CheckboxField id="whatif-inbox" label={t('whatIf_inboxLabel')} hint={t('whatIf_inboxHint')} checked={draft.chosen.inboxTriage} onChange={choose('inboxTriage')} />
        {draft.chosen.inboxTriage && (
          <>
            {number('whatif-inbox-minutes', t('whatIf_inboxMinutes'), draft.values.inboxTriage.minutesPerDay, WHAT_IF_LIMITS.minutesPerDay, (minutesPerDay) =>
              update({ values: { ...draft.values, inboxTriage: { ...draft.values.inboxTriage, minutesPerDay } } }),
            )}
            {number('whatif-inbox-days', t('whatIf_inboxDays'), draft.values.inboxTriage.daysPerWeek, WHAT_IF_LIMITS.daysPerWeek, (daysPerWeek) =>
              update({ values: { ...draft.values, inboxTriage: { ...draft.values.inboxTriage, daysPerWeek } } }),
            )}
          </>
        )}
      </fieldset>
    </div>
  );
}
