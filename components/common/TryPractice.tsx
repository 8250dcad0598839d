import { useState } from 'react';
import { errorText, t } from '../../lib/platform/i18n';
import { send } from '../../lib/platform/messaging';

/** The first thing a newcomer can try: a practice walkthrough that needs no site and no permission. */
export const FIRST_PRACTICE = 'x-write-post';

export function TryPractice() {
  const [error, setError] = useState('');
  const start = () => {
    setError('');
    send('walkthrough/start', { lessonId: FIRST_PRACTICE, mode: 'practice' }).catch((e: unknown) => setError(errorText(e)));
  };
  return (
    <div className="govuk-inset-text">
      <h2 className="govuk-heading-m">{t('welcomeTryHeading')}</h2>
      <p className="govuk-body">{t('welcomeTryBody')}</p>
      <button type="button" className="govuk-button govuk-!-margin-bottom-0" onClick={start}>
        {t('welcomeTryButton')}
      </button>
      {error && (
        <p className="govuk-error-message govuk-!-margin-top-2" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
