import { t } from '../../lib/platform/i18n';
import { EntryCard } from './EntryCard';
import { formatCount } from './format';
import { useJournalDeps } from './journalDeps';
import { NewEntryButton } from './NewEntryButton';
import { PromptBox } from './PromptBox';
import { usePagedEntries } from './usePagedEntries';
import { ViewHeading } from './ViewHeading';
import { VirtualFeed } from './VirtualFeed';

/**
 * The journal's home: this week's question, "New entry", and every entry newest first. It reads
 * the count and the first page only; later pages load as the list scrolls.
 */
export function EntriesView({ focus }: { focus: boolean }) {
  const { repo } = useJournalDeps();
  const { count, length, item, onRange, loading } = usePagedEntries(repo);
  return (
    <>
      <ViewHeading focus={focus}>{t('journalNavEntries')}</ViewHeading>
      <PromptBox />
      <NewEntryButton />
      {length === undefined ? null : length === 0 ? (
        <p className="govuk-body">{t('journalNothingYet')}</p>
      ) : (
        <>
          <p className="govuk-body" data-testid="journal-count">
            {count === undefined ? '\u00a0' : formatCount(count, 'journalCountOne', 'journalCountMany')}
          </p>
          <VirtualFeed count={length} total={count ?? -1} label={t('journalFeedLabel')} item={item} onRange={onRange} busy={loading || count === undefined} render={(entry) => <EntryCard entry={entry} />} />
        </>
      )}
    </>
  );
}
