import { t } from '../../ui/i18n.js';
import type { PeriodKind } from '../common/periods.js';

/** Previous, today and next. Focus stays on the pressed button, so it can be pressed again. */
export function PeriodNav({ kind, onStep, onToday }: { kind: PeriodKind; onStep: (steps: number) => void; onToday: () => void }) {
  return (
    <div class="button-group period-nav" role="group" aria-label={t('dash_periodNavLabel')}>
      <button type="button" class="button button-secondary" onClick={() => onStep(-1)}>
        <span aria-hidden="true">← </span>
        {t(`dash_previous_${kind}`)}
      </button>
      <button type="button" class="button button-secondary" onClick={onToday}>
        {t('dash_today')}
      </button>
      <button type="button" class="button button-secondary" onClick={() => onStep(1)}>
        {t(`dash_next_${kind}`)}
        <span aria-hidden="true"> →</span>
      </button>
    </div>
  );
}
