import { useLiveQuery } from 'dexie-react-hooks';
import { isoWeek } from '../../lib/journal/week';
import { t } from '../../lib/platform/i18n';
import { EntryArrayFeed } from './EntryArrayFeed';
import { formatWeek } from './format';
import { useJournalDeps } from './journalDeps';
import { NewEntryButton } from './NewEntryButton';
import { PromptBox } from './PromptBox';
import { ViewHeading } from './ViewHeading';

/** This week: its question (and whether it is answered) and what has been written since Monday. */
export function ThisWeekView({ focus }: { focus: boolean }) {
  const { repo, now } = useJournalDeps();
  const week = isoWeek(now()).key;
  const entries = useLiveQuery(() => repo.week(week), [repo, week]);
  return (
    <>
      <ViewHeading focus={focus}>{t('journalNavThisWeek')}</ViewHeading>
      <p className="govuk-body-s df-secondary">{formatWeek(week)}</p>
      <PromptBox showAnswered />
      <NewEntryButton />
      {entries && (entries.length === 0 ? <p className="govuk-body">{t('journalWeekEmpty')}</p> : <EntryArrayFeed entries={entries} />)}
    </>
  );
}
