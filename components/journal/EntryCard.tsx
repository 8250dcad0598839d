import type { ReactNode } from 'react';
import type { JournalEntry } from '../../lib/journal/entry';
import { excerpt, toPlainText } from '../../lib/journal/markdown';
import { findPrompt } from '../../lib/journal/prompts';
import { t } from '../../lib/platform/i18n';
import { findLesson } from '../../lib/walkthrough/catalogue';
import { EntryTags } from './EntryTags';
import { formatDateTime } from './format';
import { Highlighted } from './Highlighted';
import { journalHash } from './routes';

/**
 * One entry in a list: its date as the one link to it (so the list is one Tab stop per entry),
 * "Private" and its tags, what it is about, and the start of its words, or the part that matches
 * a search, with the matches marked.
 */
export function EntryCard({ entry, terms = [], children }: { entry: JournalEntry; terms?: readonly string[]; children?: ReactNode }) {
  const plain = toPlainText(entry.text);
  const lesson = entry.lessonId ? findLesson(entry.lessonId) : undefined;
  const prompt = entry.promptId ? findPrompt(entry.promptId) : undefined;
  return (
    <>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={`entry-${entry.id}`}>
        <a className="govuk-link" href={journalHash({ view: 'entry', id: entry.id, edit: false })}>
          {formatDateTime(entry.createdAt)}
        </a>
      </h3>
      <EntryTags entry={entry} />
      {lesson && <p className="govuk-body-s govuk-!-margin-bottom-1">{t('journalAbout', lesson.title)}</p>}
      {prompt && <p className="govuk-body-s govuk-!-margin-bottom-1">{t('journalAnswering', prompt.question)}</p>}
      <p className="govuk-body df-entry-card__text govuk-!-margin-bottom-0">
        {plain ? <Highlighted text={excerpt(plain, terms)} terms={terms} /> : <span className="df-secondary">{t('journalNoWords')}</span>}
      </p>
      {children}
    </>
  );
}
