import { useLiveQuery } from 'dexie-react-hooks';
import { parseWeekKey } from '../../lib/journal/week';
import { t } from '../../lib/platform/i18n';
import { EntryArrayFeed } from './EntryArrayFeed';
import { formatWeek } from './format';
import { useJournalDeps } from './journalDeps';
import { journalHash } from './routes';
import { ViewHeading } from './ViewHeading';

/** Every week written in, newest first (read from the week index's keys only), or one week's entries. */
export function WeeksView({ week, focus }: { week?: string; focus: boolean }) {
  const { repo } = useJournalDeps();
  const valid = week && parseWeekKey(week) ? week : undefined;
  const weeks = useLiveQuery(() => (valid ? Promise.resolve([]) : repo.weeks()), [repo, valid]);
  const entries = useLiveQuery(() => (valid ? repo.week(valid) : Promise.resolve([])), [repo, valid]);

  if (valid) {
    return (
      <>
        <ViewHeading focus={focus}>{formatWeek(valid)}</ViewHeading>
        <p className="govuk-body">
          <a className="govuk-link" href={journalHash({ view: 'weeks' })}>
            {t('journalAllWeeks')}
          </a>
        </p>
        {entries && (entries.length === 0 ? <p className="govuk-body">{t('journalWeekEmpty')}</p> : <EntryArrayFeed entries={entries} />)}
      </>
    );
  }
  return (
    <>
      <ViewHeading focus={focus}>{t('journalNavWeeks')}</ViewHeading>
      {weeks &&
        (weeks.length === 0 ? (
          <p className="govuk-body">{t('journalWeeksEmpty')}</p>
        ) : (
          <ul className="govuk-list">
            {weeks.map((key) => (
              <li key={key}>
                <a className="govuk-link" href={journalHash({ view: 'weeks', week: key })}>
                  {formatWeek(key)}
                </a>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
