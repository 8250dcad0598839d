import { formatBytes, type PreparedFile } from '../../lib/platform/files';
import { t } from '../../lib/platform/i18n';

export type ExportState = { kind: 'idle' } | { kind: 'preparing' } | { kind: 'ready'; file: PreparedFile } | { kind: 'failed'; detail: string };

/**
 * "Preparing…", then the file as a link, in case the browser did not save it by itself. A polite
 * live region, so screen readers hear each change. Small on purpose: the private-browsing banner
 * shows it on every page of the side panel.
 */
export function ExportStatus({ state }: { state: ExportState }) {
  return (
    <div aria-live="polite" data-testid="export-status">
      {state.kind === 'preparing' && <p className="govuk-body">{t('transferPreparing')}</p>}
      {state.kind === 'ready' && (
        <p className="govuk-body">
          {t('transferExportReady')}{' '}
          <a className="govuk-link" href={state.file.url} download={state.file.filename}>
            {t('transferFileLink', [state.file.filename, formatBytes(state.file.bytes)])}
          </a>
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {t('transferExportFailed', state.detail)}
        </p>
      )}
    </div>
  );
}
