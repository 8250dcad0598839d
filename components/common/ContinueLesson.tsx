import { useEffect, useState } from 'react';
import { errorText, t } from '../../lib/platform/i18n';
import { send } from '../../lib/platform/messaging';
import type { ResponseOf } from '../../lib/messaging/protocol';
import { UserError } from '../../lib/messaging/user-error';
import { requestSite } from '../../lib/platform/permissions';

type Current = ResponseOf<'walkthrough/current'>['current'];

/** "Continue: <lesson>" — shown only when there is a walkthrough to continue. */
export function ContinueLesson({ onContinued }: { onContinued?: () => void }) {
  const [current, setCurrent] = useState<Current>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    send('walkthrough/current', {}).then(
      (reply) => setCurrent(reply.current),
      () => setCurrent(null),
    );
  }, []);

  if (!current) return null;
  const resume = () => {
    setError('');
    const { origin } = current;
    // The permission request must be the first call in the click, before any await.
    const allowed = current.mode === 'live' && origin ? requestSite(origin) : Promise.resolve(true);
    allowed
      .then((granted) => {
        if (!granted) throw new UserError('learnPermissionDenied', [origin?.replace(/^https:\/\/|\/\*$/g, '') ?? '']);
        return send('walkthrough/start', { lessonId: current.lessonId, mode: current.mode, resume: true });
      })
      .then(
        () => onContinued?.(),
        (e: unknown) => setError(errorText(e)),
      );
  };
  return (
    <>
      <button type="button" className="govuk-button govuk-button--secondary df-button-full" onClick={resume}>
        {t('popupContinueLesson', current.title)}
      </button>
      {error && (
        <p className="govuk-error-message" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
