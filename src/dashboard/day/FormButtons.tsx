import { t } from '../../ui/i18n.js';

/** A form's submit button and a Cancel that changes nothing. */
export function FormButtons({ submit, onCancel }: { submit: string; onCancel: () => void }) {
  return (
    <div class="button-group">
      <button type="submit" class="button">
        {submit}
      </button>
      <button type="button" class="button button-secondary" onClick={onCancel}>
        {t('day_cancel')}
      </button>
    </div>
  );
}
