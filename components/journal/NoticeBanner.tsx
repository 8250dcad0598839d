import { useEffect, useRef, useState } from 'react';
import { t } from '../../lib/platform/i18n';
import { useJournalDeps } from './journalDeps';
import type { JournalNotice } from './journalStore';
import { journalHash } from './routes';

/**
 * GOV.UK's success notification banner for "Entry deleted. Undo" and "Entry restored". It takes
 * focus when it appears, and again when Undo replaces its content, so focus is never lost.
 */
export function NoticeBanner({ notice, onChange }: { notice: JournalNotice; onChange(next: JournalNotice): void }) {
  const { repo } = useJournalDeps();
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    ref.current?.focus();
  }, [notice.kind, notice.id]);

  const undo = () => {
    setError('');
    repo.restore(notice.id).then(
      () => onChange({ ...notice, kind: 'restored' }),
      (e: unknown) => setError(t('errorGeneric', e instanceof Error ? e.message : String(e))),
    );
  };

  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="journal-notice-title" tabIndex={-1} ref={ref} data-testid="journal-notice">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="journal-notice-title">
          {t('journalNoticeTitle')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {notice.kind === 'deleted' ? (
          <>
            <p className="govuk-notification-banner__heading">{t('journalDeletedNotice')}</p>
            <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={undo}>
              {t('journalUndo')}
            </button>
          </>
        ) : (
          <p className="govuk-notification-banner__heading">
            {t('journalRestoredNotice')}{' '}
            <a className="govuk-notification-banner__link" href={journalHash({ view: 'entry', id: notice.id, edit: false })}>
              {t('journalViewEntry')}
            </a>
          </p>
        )}
        {error && (
          <p className="govuk-error-message" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
