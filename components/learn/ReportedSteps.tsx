import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db';
import { t } from '../../lib/platform/i18n';
import { findLesson } from '../../lib/walkthrough/catalogue';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * Steps the person reported as broken ("Report a broken step" in the guide). They stay on this
 * device, for the lesson's author: a digital friend can read them here with their colleague.
 */
export function ReportedSteps() {
  const reports = useLiveQuery(() => getDb().reports.orderBy('date').reverse().toArray(), []);
  if (!reports?.length) return null;
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{t('reportsSummary', String(reports.length))}</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body-s">{t('reportsIntro')}</p>
        <ul className="govuk-list">
          {reports.map((report) => {
            const lesson = findLesson(report.lessonId);
            const step = lesson?.steps.find((s) => s.id === report.stepId);
            return (
              <li key={report.id} className="govuk-!-margin-bottom-3">
                <strong>{lesson?.title ?? report.lessonId}</strong>: {t('guideStepOf', [String(report.stepIndex + 1), String(lesson?.steps.length ?? '?')])}
                {step ? ` (${step.title})` : ''}
                <br />
                <span className="govuk-body-s">
                  {dateFormat.format(new Date(report.date))} · {report.url}
                </span>
                <br />
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-top-1" onClick={() => void getDb().reports.delete(report.id!)}>
                  {t('reportsRemove')}
                  <span className="govuk-visually-hidden"> {lesson?.title ?? report.lessonId}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </details>
  );
}
