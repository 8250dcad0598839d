import type { ReactNode } from 'react';
import type { JournalEntry } from '../../lib/journal/entry';
import { t } from '../../lib/platform/i18n';
import { EntryCard } from './EntryCard';
import { VirtualFeed } from './VirtualFeed';

/** A windowed list of entries already read (a week, a tag, search results, recently deleted). */
export function EntryArrayFeed({
  entries,
  terms,
  onRange,
  action,
}: {
  entries: readonly JournalEntry[];
  terms?: readonly string[];
  onRange?(first: number, last: number): void;
  action?(entry: JournalEntry): ReactNode;
}) {
  return (
    <VirtualFeed
      count={entries.length}
      label={t('journalFeedLabel')}
      item={(index) => entries[index]}
      onRange={onRange}
      render={(entry) => (
        <EntryCard entry={entry} terms={terms}>
          {action?.(entry)}
        </EntryCard>
      )}
    />
  );
}
