import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { findPrompt } from '../../lib/journal/prompts';
import { t } from '../../lib/platform/i18n';
import { findLesson } from '../../lib/walkthrough/catalogue';
import { formatDateTime, formatWeek } from './format';
import { useJournalDeps } from './journalDeps';
import type { JournalNotice } from './journalStore';
import { Markdown } from './Markdown';
import { pressOnSpace } from './linkButton';
import { journalHash } from './routes';
import { go } from './useHash';
import { ViewHeading } from './ViewHeading';

/** One entry, read: its words with their Markdown, what it is about, and Edit / Delete. */
export function EntryView({ id, focus, onNotice }: { id: string; focus: boolean; onNotice(notice: JournalNotice): void }) {
  const { repo } = useJournalDeps();
  const entry = useLiveQuery(async () => (await repo.get(id)) ?? null, [repo, id]);
  const [error, setError] = useState('');
  if (entry === undefined) return null;
  if (entry === null) {
    return (
      <>
        <ViewHeading focus={focus}>{t('journalNoEntryHeading')}</ViewHeading>
        <p className="govuk-body">{t('journalNoEntry')}</p>
      </>
    );
  }
  const lesson = entry.lessonId ? findLesson(entry.lessonId) : undefined;
  const prompt = entry.promptId ? findPrompt(entry.promptId) : undefined;
  const remove = () => {
    setError('');
    const home = journalHash({ view: 'entries' });
    repo.remove(entry.id).then(
      () => {
        onNotice({ kind: 'deleted', id: entry.id, hash: home });
        go(home);
      },
      (e: unknown) => setError(t('errorGeneric', e instanceof Error ? e.message : String(e))),
    );
  };
  const restore = () => void repo.restore(entry.id).then(() => onNotice({ kind: 'restored', id: entry.id, hash: location.hash }));

  const rows: [string, ReactNode][] = [
    [t('journalWritten'), formatDateTime(entry.createdAt)],
    ...(entry.updatedAt !== entry.createdAt ? [[t('journalChanged'), formatDateTime(entry.updatedAt)] as [string, string]] : []),
    [t('journalWeek'), <a className="govuk-link" href={journalHash({ view: 'weeks', week: entry.week })}>{formatWeek(entry.week)}</a>],
  ];
  if (entry.private) rows.push([t('journalSharing'), <strong className="govuk-tag govuk-tag--purple">{t('journalPrivate')}</strong>]);
  if (entry.tags.length > 0) {
    rows.push([
      t('journalTags'),
      <ul className="df-tags">
        {entry.tags.map((tag) => (
          <li key={tag}>
            <a className="govuk-link" href={journalHash({ view: 'tags', tag })}>
              {tag}
            </a>
          </li>
        ))}
      </ul>,
    ]);
  }
  if (lesson) rows.push([t('journalWalkthrough'), lesson.title]);
  if (prompt) rows.push([t('journalQuestion'), prompt.question]);

  return (
    <>
      <ViewHeading focus={focus}>{formatDateTime(entry.createdAt)}</ViewHeading>
      {entry.deletedAt && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t('journalWarning')}</span>
            {t('journalIsDeleted')}
          </strong>
        </div>
      )}
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        {rows.map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      {entry.text.trim() ? <Markdown source={entry.text} /> : <p className="govuk-body df-secondary">{t('journalNoWords')}</p>}
      {error && (
        <p className="govuk-error-message" role="alert">
          {error}
        </p>
      )}
      <div className="govuk-button-group">
        {entry.deletedAt ? (
          <button type="button" className="govuk-button" onClick={restore}>
            {t('journalRestore')}
          </button>
        ) : (
          <>
            <a href={journalHash({ view: 'entry', id: entry.id, edit: true })} role="button" draggable="false" className="govuk-button" data-module="govuk-button" onKeyDown={pressOnSpace}>
              {t('journalEdit')}
            </a>
            <button type="button" className="govuk-button govuk-button--warning" onClick={remove}>
              {t('journalDelete')}
            </button>
          </>
        )}
      </div>
    </>
  );
}
