import { useEffect, useRef, useState } from 'react';
import type { StorageStatus } from '../../lib/db';
import type { PreparedFile } from '../../lib/platform/files';
import { t } from '../../lib/platform/i18n';
import { ExportStatus, type ExportState } from '../journal/TransferExportStatus';

/**
 * Says plainly when the browser will not let Digital Friend save to the device (Firefox private
 * browsing, w3c/webextensions#534): notes are then kept in memory, so the banner offers the
 * export at once. Shows nothing while the database is on the device, which is almost always.
 */
export function StorageWarning() {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' });
  const file = useRef<PreparedFile | null>(null);

  useEffect(() => {
    let alive = true;
    let off = () => {};
    // The database code is loaded, not bundled here: the side panel's first chunk stays small,
    // and the areas that use the database load the same chunk anyway.
    import('../../lib/db')
      .then((db) => {
        if (!alive) return undefined;
        off = db.onStorageStatusChange((next) => alive && setStatus(next));
        return db.getStorageStatus();
      })
      .then(
        (next) => alive && next && setStatus(next),
        // Any other failure to open is a fault the areas report where it happens.
        () => undefined,
      );
    return () => {
      alive = false;
      off();
      file.current?.revoke();
    };
  }, []);

  if (!status || status.mode === 'device') return null;

  const exportNow = () => {
    setExported({ kind: 'preparing' });
    file.current?.revoke();
    // Loaded on demand: the export code (and its validation library) stays out of every page's first download.
    Promise.all([import('../journal/TransferActions'), import('../../lib/db')])
      .then(([{ exportJournal }, { getJournalRepo }]) => exportJournal(getJournalRepo(), 'json', new Date()))
      .then(
        (result) => {
          file.current = result.file;
          setExported({ kind: 'ready', file: result.file });
        },
        (error: unknown) => setExported({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) }),
      );
  };

  return (
    <div className="govuk-notification-banner govuk-!-margin-bottom-0" role="region" aria-labelledby="storage-warning-title" data-testid="storage-warning">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="storage-warning-title">
          {t('storageWarningTitle')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{t(status.keptUntil === 'browser-closes' ? 'storageWarningBrowser' : 'storageWarningPage')}</p>
        <button type="button" className="govuk-button govuk-!-margin-bottom-2" onClick={exportNow} disabled={exported.kind === 'preparing'}>
          {t('storageWarningExport')}
        </button>
        <ExportStatus state={exported} />
      </div>
    </div>
  );
}
