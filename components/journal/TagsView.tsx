import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '../../lib/platform/i18n';
import { EntryArrayFeed } from './EntryArrayFeed';
import { useJournalDeps } from './journalDeps';
import { journalHash } from './routes';
import { ViewHeading } from './ViewHeading';

/** Every tag (from the tags index's keys), or the entries with one tag. */
export function TagsView({ tag, focus }: { tag?: string; focus: boolean }) {
  const { repo } = useJournalDeps();
  const tags = useLiveQuery(() => (tag ? Promise.resolve([]) : repo.tags()), [repo, tag]);
  const entries = useLiveQuery(() => (tag ? repo.byTag(tag) : Promise.resolve([])), [repo, tag]);

  if (tag) {
    return (
      <>
        <ViewHeading focus={focus}>{t('journalTagHeading', tag)}</ViewHeading>
        <p className="govuk-body">
          <a className="govuk-link" href={journalHash({ view: 'tags' })}>
            {t('journalAllTags')}
          </a>
        </p>
        {entries && (entries.length === 0 ? <p className="govuk-body">{t('journalTagEmpty')}</p> : <EntryArrayFeed entries={entries} />)}
      </>
    );
  }
  return (
    <>
      <ViewHeading focus={focus}>{t('journalNavTags')}</ViewHeading>
      {tags &&
        (tags.length === 0 ? (
          <p className="govuk-body">{t('journalTagsEmpty')}</p>
        ) : (
          <ul className="govuk-list df-tag-links">
            {tags.map((name) => (
              <li key={name}>
                <a className="govuk-link" href={journalHash({ view: 'tags', tag: name })}>
                  {name}
                </a>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
