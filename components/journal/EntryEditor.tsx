import { useEffect, useState } from 'react';
import type { JournalEntry } from '../../lib/journal/entry';
import { promptForWeek, findPrompt } from '../../lib/journal/prompts';
import { isoWeek } from '../../lib/journal/week';
import { t } from '../../lib/platform/i18n';
import { findLesson } from '../../lib/walkthrough/catalogue';
import { EntryForm, type EntryFormProps } from './EntryForm';
import { useJournalDeps } from './journalDeps';
import type { JournalNotice } from './journalStore';
import { readBackup, type Draft } from './useAutosave';
import { ViewHeading } from './ViewHeading';

type Props =
  | { mode: 'new'; lessonId?: string; focus: boolean; onNotice(notice: JournalNotice): void }
  | { mode: 'prompt'; focus: boolean; onNotice(notice: JournalNotice): void }
  | { mode: 'edit'; id: string; focus: boolean; onNotice(notice: JournalNotice): void };

const EMPTY: Draft = { text: '', tags: '', private: false };

function draftOf(entry: JournalEntry): Draft {
  return { text: entry.text, tags: entry.tags.join(', '), private: entry.private };
}

const same = (a: Draft, b: Draft) => a.text === b.text && a.tags === b.tags && a.private === b.private;

/**
 * Opens the editor: a new entry (about a walkthrough, or answering this week's question), or an
 * existing one. For an existing entry it also looks for words that were typed as the page closed
 * but never reached the database (the autosave's crash copy), and puts them back.
 */
export function EntryEditor(props: Props) {
  const { repo, now, backup } = useJournalDeps();
  const [setup, setSetup] = useState<EntryFormProps | null | undefined>(undefined);
  const editId = props.mode === 'edit' ? props.id : undefined;
  const lessonParam = props.mode === 'new' ? props.lessonId : undefined;

  useEffect(() => {
    let alive = true;
    if (props.mode === 'edit' && editId) {
      void repo.get(editId).then((entry) => {
        if (!alive) return;
        if (!entry) return setSetup(null);
        const saved = draftOf(entry);
        const copy = readBackup(backup);
        const recovered = copy && copy.id === entry.id && copy.at > entry.updatedAt && !same(copy.draft, saved) ? copy.draft : undefined;
        setSetup({
          id: entry.id,
          initial: recovered ?? saved,
          recovered: Boolean(recovered),
          lessonId: entry.lessonId,
          question: entry.promptId ? findPrompt(entry.promptId)?.question : undefined,
        });
      });
    } else if (props.mode === 'prompt') {
      const prompt = promptForWeek(isoWeek(now()).key);
      setSetup({ initial: EMPTY, promptId: prompt.id, question: prompt.question });
    } else {
      // Only a walkthrough we know: the link may have been typed or kept from an older version.
      const lessonId = lessonParam && findLesson(lessonParam) ? lessonParam : undefined;
      setSetup({ initial: EMPTY, lessonId });
    }
    return () => {
      alive = false;
    };
    // The route decides everything, and the view is remounted when it changes.
  }, []);

  if (setup === undefined) return null;
  if (setup === null) {
    return (
      <>
        <ViewHeading focus={props.focus}>{t('journalNoEntryHeading')}</ViewHeading>
        <p className="govuk-body">{t('journalNoEntry')}</p>
      </>
    );
  }
  return <EntryForm {...setup} focus={props.focus} onNotice={props.onNotice} />;
}
