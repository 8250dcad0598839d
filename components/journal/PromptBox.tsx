import { useLiveQuery } from 'dexie-react-hooks';
import { promptForWeek } from '../../lib/journal/prompts';
import { isoWeek } from '../../lib/journal/week';
import { t } from '../../lib/platform/i18n';
import { useJournalDeps } from './journalDeps';
import { journalHash } from './routes';

/** This week's reflection question, with the way to answer it. */
export function PromptBox({ showAnswered = false }: { showAnswered?: boolean }) {
  const { repo, now } = useJournalDeps();
  const week = isoWeek(now()).key;
  const prompt = promptForWeek(week);
  // Only asked where the view is about this week: it reads the week's entries.
  const answered = useLiveQuery(() => (showAnswered ? repo.answeredWeek(week) : Promise.resolve(false)), [repo, week, showAnswered]);
  return (
    <div className="govuk-inset-text govuk-!-margin-top-0">
      <p className="govuk-body govuk-!-margin-bottom-1">{t('journalPromptLead')}</p>
      <p className="govuk-body govuk-!-font-weight-bold">{prompt.question}</p>
      {answered && <p className="govuk-body">{t('journalPromptAnswered')}</p>}
      <a className="govuk-link" href={journalHash({ view: 'prompt' })}>
        {answered ? t('journalAnswerAgain') : t('journalAnswerPrompt')}
      </a>
    </div>
  );
}
