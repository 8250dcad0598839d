import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { MAX_TEXT } from '../../lib/journal/entry';
import { t } from '../../lib/platform/i18n';
import { findLesson } from '../../lib/walkthrough/catalogue';
import { formatTime } from './format';
import { useJournalDeps } from './journalDeps';
import type { JournalNotice } from './journalStore';
import { journalHash } from './routes';
import { useAutosave, type Draft } from './useAutosave';
import { go, replaceQuietly } from './useHash';
import { ViewHeading } from './ViewHeading';

export interface EntryFormProps {
  /** The entry being edited; none for a new one. */
  id?: string;
  initial: Draft;
  /** The initial words came from the crash copy, not the database: save them now. */
  recovered?: boolean;
  lessonId?: string;
  promptId?: string;
  /** The question the entry answers, shown as the text box's label. */
  question?: string;
}

/**
 * The editor. No Save button: every change is saved as the person types (see useAutosave), and a
 * quiet status says when it last was. "Done" shows the entry; "Delete entry" moves it to Recently
 * deleted, with Undo.
 */
export function EntryForm({ id, initial, recovered = false, lessonId, promptId, question, focus, onNotice }: EntryFormProps & { focus: boolean; onNotice(notice: JournalNotice): void }) {
  const { repo, now, backup } = useJournalDeps();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const autosave = useAutosave({
    repo,
    backup,
    now,
    id,
    context: { lessonId, promptId },
    // From now on a reload reopens this entry rather than a blank new one.
    onCreated: (created) => replaceQuietly(journalHash({ view: 'entry', id: created, edit: true })),
  });
  const lesson = lessonId ? findLesson(lessonId) : undefined;
  const isNew = !id;

  useEffect(() => {
    if (recovered) autosave.change(initial);
    // A new entry starts with the cursor in the box: writing is why the person came.
    if (isNew) textRef.current?.focus();
    // Once, on opening.
  }, []);

  const update = (next: Draft) => {
    setDraft(next);
    autosave.change(next);
  };
  const onText = (e: ChangeEvent<HTMLTextAreaElement>) => update({ ...draft, text: e.target.value });
  const onBlur = () => void autosave.flush();

  const done = async () => {
    await autosave.flush();
    const saved = autosave.id();
    go(saved ? journalHash({ view: 'entry', id: saved, edit: false }) : journalHash({ view: 'entries' }));
  };
  const remove = async () => {
    setError('');
    await autosave.flush();
    const saved = autosave.id();
    if (!saved) return go(journalHash({ view: 'entries' }));
    try {
      await repo.remove(saved);
      const home = journalHash({ view: 'entries' });
      onNotice({ kind: 'deleted', id: saved, hash: home });
      go(home);
    } catch (e) {
      setError(t('errorGeneric', e instanceof Error ? e.message : String(e)));
    }
  };

  const { status } = autosave;
  const label = question ?? t('journalTextLabel');
  return (
    <>
      {question ? (
        <ViewHeading focus={focus && !isNew}>{t('journalPromptHeading')}</ViewHeading>
      ) : (
        <ViewHeading focus={focus && !isNew}>{isNew ? t('journalNew') : t('journalEditHeading')}</ViewHeading>
      )}
      {lesson && (
        <div className="govuk-inset-text" data-testid="journal-lesson">
          {t('journalReflectingOn', lesson.title)}
        </div>
      )}
      {recovered && (
        <div className="govuk-inset-text" role="status">
          {t('journalRecovered')}
        </div>
      )}
      <div className="govuk-form-group">
        <label className={`govuk-label${question ? ' govuk-label--s' : ''}`} htmlFor="entry-text">
          {label}
        </label>
        <div className="govuk-hint" id="entry-text-hint">
          {t('journalTextHint')}
        </div>
        <textarea
          className="govuk-textarea df-entry-textarea"
          id="entry-text"
          name="text"
          rows={10}
          maxLength={MAX_TEXT}
          aria-describedby="entry-text-hint"
          ref={textRef}
          value={draft.text}
          onChange={onText}
          onBlur={onBlur}
        />
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="entry-tags">
          {t('journalTagsLabel')}
        </label>
        <div className="govuk-hint" id="entry-tags-hint">
          {t('journalTagsHint')}
        </div>
        <input
          className="govuk-input"
          id="entry-tags"
          name="tags"
          type="text"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="entry-tags-hint"
          value={draft.tags}
          onChange={(e) => update({ ...draft, tags: e.target.value })}
          onBlur={onBlur}
        />
      </div>
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="entry-private"
              name="private"
              type="checkbox"
              aria-describedby="entry-private-hint"
              checked={draft.private}
              onChange={(e) => update({ ...draft, private: e.target.checked })}
              onBlur={onBlur}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="entry-private">
              {t('journalPrivateLabel')}
            </label>
            <div className="govuk-hint govuk-checkboxes__hint" id="entry-private-hint">
              {t('journalPrivateHint')}
            </div>
          </div>
        </div>
      </div>
      <p className="govuk-body-s df-saved" role="status" data-testid="journal-saved">
        {status.kind === 'saved' ? t('journalSavedAt', formatTime(status.at)) : ''}
      </p>
      {(status.kind === 'error' || error) && (
        <p className="govuk-error-message" role="alert">
          {error || t('journalSaveFailed', status.kind === 'error' ? status.message : '')}
        </p>
      )}
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" onClick={() => void done()}>
          {t('journalDone')}
        </button>
        {(!isNew || autosave.id()) && (
          <button type="button" className="govuk-button govuk-button--warning" onClick={() => void remove()}>
            {t('journalDelete')}
          </button>
        )}
      </div>
    </>
  );
}
