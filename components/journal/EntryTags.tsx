import { t } from '../../lib/platform/i18n';
import type { JournalEntry } from '../../lib/journal/entry';

/** "Private" first and clearly, then the entry's own tags. Nothing when there is neither. */
export function EntryTags({ entry }: { entry: JournalEntry }) {
  if (!entry.private && entry.tags.length === 0) return null;
  return (
    <ul className="df-tags" aria-label={t('journalTags')}>
      {entry.private && (
        <li>
          <strong className="govuk-tag govuk-tag--purple">{t('journalPrivate')}</strong>
        </li>
      )}
      {entry.tags.map((tag) => (
        <li key={tag}>
          <strong className="govuk-tag govuk-tag--grey">{tag}</strong>
        </li>
      ))}
    </ul>
  );
}
