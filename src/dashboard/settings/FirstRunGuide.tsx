import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../ui/i18n.js';

/** The address that opens the guide: after install, and from the popup's "How Timeback works". */
export const GUIDE_HASH = '#guide';

/**
 * The first-run guide, one screen above the settings: choose your systems
 * (the catalogue, or Track this site in the popup), optionally your job plan,
 * and, in plain English, what is and is not recorded (docs/privacy.md).
 */
export function FirstRunGuide({ onClose }: { onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const goTo = (id: string) => () => {
    const target = document.getElementById(id);
    target?.scrollIntoView?.();
    target?.focus();
  };
  return (
    <section class="first-run" aria-labelledby="guide-heading">
      <h2 id="guide-heading" ref={heading} tabIndex={-1}>
        {t('guide_heading')}
      </h2>
      <p>{t('guide_intro')}</p>
      <ol class="guide-steps">
        <li>
          <h3>{t('guide_step1Heading')}</h3>
          <p>{t('guide_step1Catalogue')}</p>
          <p>{t('guide_step1Tab')}</p>
          <button type="button" class="button button-secondary" onClick={goTo('catalogue-heading')}>
            {t('guide_step1Go')}
          </button>
        </li>
        <li>
          <h3>{t('guide_step2Heading')}</h3>
          <p>{t('guide_step2Body')}</p>
          <button type="button" class="button button-secondary" onClick={goTo('schedule-heading')}>
            {t('guide_step2Go')}
          </button>
        </li>
        <li>
          <h3>{t('guide_step3Heading')}</h3>
          <p>{t('guide_recordedLead')}</p>
          <ul>
            <li>{t('guide_recorded1')}</li>
            <li>{t('guide_recorded2')}</li>
            <li>{t('guide_recorded3')}</li>
          </ul>
          <p>{t('guide_neverLead')}</p>
          <ul>
            <li>{t('guide_never1')}</li>
            <li>{t('guide_never2')}</li>
            <li>{t('guide_never3')}</li>
          </ul>
          <p>{t('guide_leaves')}</p>
        </li>
      </ol>
      <button type="button" class="button" onClick={onClose}>
        {t('guide_close')}
      </button>
    </section>
  );
}
