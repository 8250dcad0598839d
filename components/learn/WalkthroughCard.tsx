import { useState } from 'react';
import type { ProgressRow } from '../../lib/db/schema';
import { t } from '../../lib/platform/i18n';
import type { Walkthrough } from '../../lib/walkthrough/model';
import { RichText } from '../common/RichText';
import { startWalkthrough, type StartResult } from './startWalkthrough';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

function ProgressTag({ lesson, progress }: { lesson: Walkthrough; progress: ProgressRow | undefined }) {
  if (!progress) return <strong className="govuk-tag govuk-tag--grey">{t('learnNotStarted')}</strong>;
  if (progress.status === 'completed') {
    const last = progress.completions.at(-1);
    return <strong className="govuk-tag govuk-tag--green">{t('learnCompleted', last ? dateFormat.format(new Date(last)) : '')}</strong>;
  }
  return <strong className="govuk-tag govuk-tag--blue">{t('learnInProgress', [String(progress.stepIndex + 1), String(lesson.steps.length)])}</strong>;
}

export function WalkthroughCard({ lesson, progress, running }: { lesson: Walkthrough; progress: ProgressRow | undefined; running: boolean }) {
  const [result, setResult] = useState<StartResult | null>(null);
  const [reading, setReading] = useState(false);
  const headingId = `lesson-${lesson.id}`;
  const inProgress = progress?.status === 'started' && progress.stepIndex > 0;

  const start = (mode: 'live' | 'practice', resume: boolean) => {
    setResult(null);
    void startWalkthrough(lesson, mode, resume).then(setResult);
  };

  return (
    <li className="df-card" aria-labelledby={headingId} data-lesson={lesson.id}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={headingId}>
        {lesson.title}
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        {t('learnMinutes', String(lesson.minutes))} · <ProgressTag lesson={lesson} progress={progress} />
      </p>
      <p className="govuk-body-s">{lesson.why}</p>
      {lesson.tip && (
        <div className="govuk-inset-text govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-2">
          <strong>{t('learnTip')}</strong> {lesson.tip}
        </div>
      )}
      {result && !result.ok && (
        <p className="govuk-error-message" role="alert">
          {result.reason === 'denied' ? t('learnPermissionDenied', lesson.origin?.replace(/^https:\/\/|\/\*$/g, '') ?? '') : result.message}
        </p>
      )}
      {lesson.readOnly ? (
        <>
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" aria-expanded={reading} onClick={() => setReading(!reading)}>
            {reading ? t('learnHideSteps') : t('learnReadSteps')}
            <span className="govuk-visually-hidden"> {lesson.title}</span>
          </button>
          {reading && (
            <ol className="govuk-list govuk-list--number">
              {lesson.steps.map((step) => (
                <li key={step.id}>
                  <strong>{step.title}</strong>
                  <RichText source={step.body} className="govuk-body-s" />
                </li>
              ))}
            </ol>
          )}
        </>
      ) : (
        <div className="govuk-button-group govuk-!-margin-bottom-2">
          <button type="button" className="govuk-button govuk-!-margin-bottom-1" disabled={running} onClick={() => start('live', inProgress)}>
            {inProgress ? t('learnResume') : progress?.status === 'completed' ? t('learnStartAgain') : t('learnStart')}
            <span className="govuk-visually-hidden"> {lesson.title}</span>
          </button>
          {inProgress && (
            <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" disabled={running} onClick={() => start('live', false)}>
              {t('learnStartAgain')}
              <span className="govuk-visually-hidden"> {lesson.title}</span>
            </button>
          )}
          {lesson.practice && (
            <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" disabled={running} onClick={() => start('practice', false)}>
              {t('learnPractise')}
              <span className="govuk-visually-hidden"> {lesson.title}</span>
            </button>
          )}
        </div>
      )}
    </li>
  );
}
