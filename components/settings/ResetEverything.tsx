import { useEffect, useRef, useState } from 'react';
import { t } from '../../lib/platform/i18n';
import { send } from '../../lib/platform/messaging';

type Phase = 'idle' | 'confirming' | 'working' | 'done' | 'failed';

/** "Reset everything", with a confirmation step that takes focus and a clear way back. */
export function ResetEverything() {
  const [phase, setPhase] = useState<Phase>('idle');
  const [detail, setDetail] = useState('');
  const confirmRef = useRef<HTMLDivElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (phase === 'confirming') confirmRef.current?.focus();
    if (phase === 'done') doneRef.current?.focus();
  }, [phase]);

  const confirm = () => {
    setPhase('working');
    send('app/reset', {}).then(
      () => setPhase('done'),
      (error: unknown) => {
        setDetail(error instanceof Error ? error.message : String(error));
        setPhase('failed');
      },
    );
  };

  const cancel = () => {
    setPhase('idle');
    // Return focus to where the user started.
    requestAnimationFrame(() => startRef.current?.focus());
  };

  return (
    <section aria-labelledby="reset-heading">
      <h2 className="govuk-heading-m" id="reset-heading">
        {t('resetHeading')}
      </h2>
      <p className="govuk-body">{t('resetBody')}</p>
      {phase === 'done' && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" tabIndex={-1} ref={doneRef}>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t('resetDone')}</p>
          </div>
        </div>
      )}
      {phase === 'failed' && (
        <p className="govuk-error-message" role="alert">
          {t('errorGeneric', detail)}
        </p>
      )}
      {phase === 'confirming' || phase === 'working' ? (
        <div className="govuk-warning-text" tabIndex={-1} ref={confirmRef} role="group" aria-labelledby="reset-question">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <p className="govuk-body govuk-!-font-weight-bold" id="reset-question">
              {t('resetConfirmQuestion')}
            </p>
            <div className="govuk-button-group">
              <button type="button" className="govuk-button govuk-button--warning" onClick={confirm} disabled={phase === 'working'} aria-disabled={phase === 'working'}>
                {t('resetConfirm')}
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={cancel} disabled={phase === 'working'}>
                {t('resetCancel')}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <button type="button" className="govuk-button govuk-button--warning" ref={startRef} onClick={() => setPhase('confirming')}>
          {t('resetStart')}
        </button>
      )}
    </section>
  );
}
