import { useEffect, useRef, useState } from 'react';
import { errorText, t } from '../../lib/platform/i18n';
import { send } from '../../lib/platform/messaging';
import type { ControlEvent } from '../../lib/messaging/protocol';
import { findLesson } from '../../lib/walkthrough/catalogue';
import { guideView, type Session } from '../../lib/walkthrough/session';
import { RichText } from '../common/RichText';

/**
 * The running walkthrough's current step, with the same controls as the in-page callout.
 * This is the accessible primary channel, and the only one where an overlay is impossible.
 */
export function CurrentStep({ session }: { session: Session }) {
  const lesson = findLesson(session.lessonId);
  const view = lesson ? guideView(session, lesson) : null;
  const [error, setError] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stepKey = `${session.lessonId}:${session.stepIndex}:${session.status}`;
  const first = useRef(true);

  useEffect(() => {
    // Announce a new step by moving focus to it, except on first render (the area heading has it).
    if (first.current) first.current = false;
    else if (headingRef.current?.ownerDocument.hasFocus()) headingRef.current.focus();
  }, [stepKey]);

  if (!lesson || !view) return null;
  const control = (event: ControlEvent) => {
    setError('');
    send('walkthrough/control', { event }).catch((e: unknown) => setError(errorText(e)));
  };
  const i = view.index;
  // "Reflect on this": close the finished walkthrough and open a journal entry about it (#4).
  const reflect = () => {
    control({ kind: 'exit' });
    window.location.hash = `#journal/new?lesson=${encodeURIComponent(lesson.id)}`;
  };

  return (
    <section className="govuk-notification-banner" aria-labelledby="current-step-title" data-testid="current-step">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="current-step-title">
          {session.mode === 'practice' ? t('learnPractising', lesson.title) : t('learnRunning', lesson.title)}
        </h2>
      </div>
      <div className="govuk-notification-banner__content" aria-live="polite">
        {view.finished ? (
          <>
            <h3 className="govuk-notification-banner__heading" tabIndex={-1} ref={headingRef}>
              {t('guideFinishedTitle')}
            </h3>
            <RichText source={t('guideFinishedBody')} />
          </>
        ) : (
          <>
            <p className="govuk-body-s govuk-!-margin-bottom-1">{t('guideStepOf', [String(i + 1), String(view.total)])}</p>
            <h3 className="govuk-notification-banner__heading" tabIndex={-1} ref={headingRef}>
              {view.step.title}
            </h3>
            <RichText source={view.step.body} />
            {view.missing && (
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  {t('guideMissing', view.step.lookFor ?? view.step.title)}
                </strong>
              </div>
            )}
          </>
        )}
        {error && (
          <p className="govuk-error-message" role="alert">
            {error}
          </p>
        )}
        <div className="govuk-button-group">
          {view.finished && (
            <button type="button" className="govuk-button" onClick={reflect}>
              {t('journalReflect')}
            </button>
          )}
          {!view.finished && view.missing && (
            <>
              <button type="button" className="govuk-button" onClick={() => control({ kind: 'completed', stepIndex: i })}>
                {t('guideDoneIt')}
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => control({ kind: 'skip', stepIndex: i })}>
                {t('guideSkip')}
              </button>
            </>
          )}
          {!view.finished && i > 0 && (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => control({ kind: 'back' })}>
              {t('guideBack')}
            </button>
          )}
          {!view.finished && !view.missing && (
            <button type="button" className="govuk-button" onClick={() => control({ kind: 'next' })}>
              {i + 1 === view.total ? t('guideFinish') : t('guideNext')}
            </button>
          )}
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => control({ kind: 'exit' })}>
            {view.finished ? t('guideClose') : t('guideExit')}
          </button>
        </div>
      </div>
    </section>
  );
}
