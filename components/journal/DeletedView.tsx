import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '../../lib/platform/i18n';
import { EntryArrayFeed } from './EntryArrayFeed';
import { formatDate } from './format';
import { useJournalDeps } from './journalDeps';
import type { JournalNotice } from './journalStore';
import { journalHash } from './routes';
import { ViewHeading } from './ViewHeading';

/** Entries deleted in the last 30 days, each with Restore. Older ones are purged when the journal opens. */
export function DeletedView({ focus, onNotice }: { focus: boolean; onNotice(notice: JournalNotice): void }) {
  const { repo } = useJournalDeps();
  const entries = useLiveQuery(() => repo.deleted(), [repo]);
  const restore = (id: string) => {
    void repo.restore(id).then(() => onNotice({ kind: 'restored', id, hash: journalHash({ view: 'deleted' }) }));
  };
  return (
    <>
      <ViewHeading focus={focus}>{t('journalNavDeleted')}</ViewHeading>
      <p className="govuk-body">{t('journalDeletedLead')}</p>
      {entries &&
        (entries.length === 0 ? (
          <p className="govuk-body">{t('journalDeletedEmpty')}</p>
        ) : (
          <EntryArrayFeed
            entries={entries}
            action={(entry) => (
              <>
                <p className="govuk-body-s df-secondary govuk-!-margin-top-2 govuk-!-margin-bottom-2">{t('journalDeletedOn', formatDate(entry.deletedAt ?? entry.updatedAt))}</p>
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => restore(entry.id)}>
                  {t('journalRestore')}{' '}
                  <span className="govuk-visually-hidden">{t('journalEntryFrom', formatDate(entry.createdAt))}</span>
                </button>
              </>
            )}
          />
        ))}
    </>
  );
}
