import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { JournalFile } from '../../lib/journal/transfer';
import type { PreparedFile } from '../../lib/platform/files';
import { t } from '../../lib/platform/i18n';
import type { MessageKey } from '../../lib/i18n/messages';
import type { Settings } from '../../lib/settings/settings';
import { useJournalDeps } from './journalDeps';
import { ExportStatus, type ExportState } from './TransferExportStatus';
import { formatImportProblem } from './formatImportProblem';
import { checkImport, exportJournal, isQuotaError, runImport, sameSettings, type ExportFormat, type ImportOutcome } from './TransferActions';

const LANG = () => t('htmlLang');
const number = (n: number) => n.toLocaleString(LANG());
const entries = (n: number) => (n === 1 ? t('transferEntriesOne') : t('transferEntriesMany', number(n)));

function describePrompt(settings: Settings): string {
  return settings.promptEnabled ? t('transferPromptAt', [t(`day${settings.promptDay}` as MessageKey), settings.promptTime]) : t('transferPromptOff');
}

type ImportState =
  | { kind: 'choose'; error?: 'no-file' }
  | { kind: 'checking' }
  | { kind: 'invalid'; name: string; problems: string[] }
  | { kind: 'confirm'; name: string; file: JournalFile; existing: number; current: Settings }
  | { kind: 'importing'; done: number; total: number }
  | { kind: 'done'; outcome: ImportOutcome }
  | { kind: 'failed'; message: string };

/** Exports, and the last export's link, for as long as it is on screen. */
function useExport() {
  const { repo, now } = useJournalDeps();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const current = useRef<PreparedFile | null>(null);
  useEffect(() => () => current.current?.revoke(), []);

  const start = (format: ExportFormat) => {
    setState({ kind: 'preparing' });
    current.current?.revoke();
    current.current = null;
    exportJournal(repo, format, now()).then(
      ({ file }) => {
        current.current = file;
        setState({ kind: 'ready', file });
      },
      (error: unknown) => setState({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) }),
    );
  };
  return { state, start };
}

/**
 * Export and import (#journal/transfer). Export: everything as one versioned JSON file, or as
 * Markdown to read. Import: the file is read and checked first, the person is told what will
 * happen and confirms, then every entry goes in in one transaction, so a bad file, a fault or a
 * closed panel leaves the journal exactly as it was.
 */
export default function TransferPanel({ focus = false }: { focus?: boolean }) {
  const id = useId();
  const { repo, now } = useJournalDeps();
  const exporter = useExport();
  const [state, setState] = useState<ImportState>({ kind: 'choose' });
  const [useFileSettings, setUseFileSettings] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const busy = exporter.state.kind === 'preparing' || state.kind === 'importing' || state.kind === 'checking';

  useEffect(() => {
    if (focus) headingRef.current?.focus();
  }, [focus]);

  useEffect(() => {
    if (state.kind === 'invalid' || state.kind === 'failed' || (state.kind === 'choose' && state.error)) summaryRef.current?.focus();
    if (state.kind === 'confirm') confirmRef.current?.focus();
    if (state.kind === 'done') doneRef.current?.focus();
  }, [state]);

  const check = (event: FormEvent) => {
    event.preventDefault();
    const chosen = inputRef.current?.files?.[0];
    if (!chosen) {
      setState({ kind: 'choose', error: 'no-file' });
      return;
    }
    setState({ kind: 'checking' });
    checkImport(chosen, repo, now()).then(
      (result) => {
        if (result.ok) {
          setUseFileSettings(false);
          setState({ kind: 'confirm', name: chosen.name, file: result.file, existing: result.existing, current: result.current });
        } else if (result.kind === 'invalid') {
          setState({ kind: 'invalid', name: chosen.name, problems: result.problems.map(formatImportProblem) });
        } else {
          const problem = result.kind === 'too-large' ? t('transferTooLarge', result.size) : t('transferUnreadable', result.detail);
          setState({ kind: 'invalid', name: chosen.name, problems: [problem] });
        }
      },
      (error: unknown) => setState({ kind: 'failed', message: t('transferImportFailed', error instanceof Error ? error.message : String(error)) }),
    );
  };

  const confirm = () => {
    if (state.kind !== 'confirm') return;
    const { file } = state;
    setState({ kind: 'importing', done: 0, total: file.entries.length });
    runImport(repo, file, useFileSettings, (done, total) => setState({ kind: 'importing', done, total })).then(
      (outcome) => setState({ kind: 'done', outcome }),
      (error: unknown) => {
        setState({ kind: 'failed', message: isQuotaError(error) ? t('transferQuota') : t('transferImportFailed', error instanceof Error ? error.message : String(error)) });
      },
    );
  };

  const reset = () => {
    if (inputRef.current) inputRef.current.value = '';
    setState({ kind: 'choose' });
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  const fieldError = state.kind === 'invalid' ? t('transferFileInvalid') : state.kind === 'choose' && state.error ? t('transferNoFile') : '';
  const showForm = state.kind === 'choose' || state.kind === 'checking' || state.kind === 'invalid' || state.kind === 'done' || state.kind === 'failed';

  return (
    <>
      <h2 className="govuk-heading-m" tabIndex={-1} ref={headingRef}>
        {t('transferHeading')}
      </h2>

      <section aria-labelledby={`${id}-export`}>
        <h3 className="govuk-heading-s" id={`${id}-export`}>
          {t('transferExportHeading')}
        </h3>
        <p className="govuk-body">{t('transferExportBody')}</p>
        <div className="govuk-button-group govuk-!-margin-bottom-2">
          <button type="button" className="govuk-button govuk-!-margin-bottom-1" aria-describedby={`${id}-json-hint`} disabled={busy} onClick={() => exporter.start('json')}>
            {t('transferExportJson')}
          </button>
        </div>
        <p className="govuk-hint" id={`${id}-json-hint`}>
          {t('transferExportJsonHint')}
        </p>
        <div className="govuk-button-group govuk-!-margin-bottom-2">
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" aria-describedby={`${id}-md-hint`} disabled={busy} onClick={() => exporter.start('markdown')}>
            {t('transferExportMarkdown')}
          </button>
        </div>
        <p className="govuk-hint" id={`${id}-md-hint`}>
          {t('transferExportMarkdownHint')}
        </p>
        <ExportStatus state={exporter.state} />
      </section>

      <section aria-labelledby={`${id}-import`} className="govuk-!-margin-top-6">
        <h3 className="govuk-heading-s" id={`${id}-import`}>
          {t('transferImportHeading')}
        </h3>

        {(state.kind === 'invalid' || state.kind === 'failed' || (state.kind === 'choose' && state.error)) && (
          <div className="govuk-error-summary" role="alert" tabIndex={-1} ref={summaryRef} data-testid="import-errors">
            <h4 className="govuk-error-summary__title">{t('transferErrorSummary')}</h4>
            <div className="govuk-error-summary__body">
              {state.kind === 'failed' ? (
                <p className="govuk-body">{state.message}</p>
              ) : (
                <>
                  {state.kind === 'invalid' && <p className="govuk-body">{t('transferFileProblems', state.name)}</p>}
                  <ul className="govuk-list govuk-error-summary__list">
                    {(state.kind === 'invalid' ? state.problems : [t('transferNoFile')]).map((problem, i) => (
                      <li key={i}>
                        <a
                          href={`#${id}-file`}
                          onClick={(event) => {
                            // The side panel routes on the hash: move focus instead of following the link.
                            event.preventDefault();
                            inputRef.current?.focus();
                          }}
                        >
                          {problem}
                        </a>
                      </li>
                    ))}
                  </ul>
                  {state.kind === 'invalid' && state.problems.length >= 20 && <p className="govuk-body">{t('transferMoreProblems')}</p>}
                </>
              )}
            </div>
          </div>
        )}

        {state.kind === 'done' && (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby={`${id}-done`} tabIndex={-1} ref={doneRef} data-testid="import-done">
            <div className="govuk-notification-banner__header">
              <h4 className="govuk-notification-banner__title" id={`${id}-done`}>
                {t('transferDoneTitle')}
              </h4>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">{t('transferDone', [entries(state.outcome.added), entries(state.outcome.replaced)])}</p>
              <p className="govuk-body">
                {state.outcome.settings === 'applied' ? t('transferSettingsApplied') : state.outcome.settings === 'kept' ? t('transferSettingsKept') : t('transferSettingsFailed', state.outcome.settings.failed)}
              </p>
            </div>
          </div>
        )}

        {showForm && (
          <form noValidate onSubmit={check}>
            <p className="govuk-body">{t('transferImportBody')}</p>
            <div className={`govuk-form-group${fieldError ? ' govuk-form-group--error' : ''}`}>
              <label className="govuk-label" htmlFor={`${id}-file`}>
                {t('transferImportLabel')}
              </label>
              <div className="govuk-hint" id={`${id}-file-hint`}>
                {t('transferImportHint')}
              </div>
              {fieldError && (
                <p className="govuk-error-message" id={`${id}-file-error`}>
                  <span className="govuk-visually-hidden">Error:</span> {fieldError}
                </p>
              )}
              <input
                className={`govuk-file-upload${fieldError ? ' govuk-file-upload--error' : ''}`}
                id={`${id}-file`}
                ref={inputRef}
                name="journalFile"
                type="file"
                accept=".json,application/json"
                aria-describedby={`${id}-file-hint${fieldError ? ` ${id}-file-error` : ''}`}
              />
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy}>
              {t('transferCheckButton')}
            </button>
          </form>
        )}

        {state.kind === 'confirm' && (
          <div data-testid="import-confirm">
            <h4 className="govuk-heading-s" tabIndex={-1} ref={confirmRef}>
              {t('transferConfirmHeading')}
            </h4>
            <p className="govuk-body">{t('transferConfirmFile', [state.name, entries(state.file.entries.length), new Intl.DateTimeFormat(LANG(), { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(state.file.exportedAt))])}</p>
            <p className="govuk-body">{t('transferConfirmEffect', [entries(state.file.entries.length - state.existing), entries(state.existing)])}</p>
            {sameSettings(state.file.settings, state.current) ? (
              <p className="govuk-body">{t('transferSettingsSame')}</p>
            ) : (
              <div className="govuk-form-group">
                <fieldset className="govuk-fieldset">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('transferSettingsLegend')}</legend>
                  <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
                    <div className="govuk-radios__item">
                      <input className="govuk-radios__input" id={`${id}-keep`} name="settings" type="radio" checked={!useFileSettings} onChange={() => setUseFileSettings(false)} aria-describedby={`${id}-keep-hint`} />
                      <label className="govuk-label govuk-radios__label" htmlFor={`${id}-keep`}>
                        {t('transferSettingsKeep')}
                      </label>
                      <div className="govuk-hint govuk-radios__hint" id={`${id}-keep-hint`}>
                        {describePrompt(state.current)}
                      </div>
                    </div>
                    <div className="govuk-radios__item">
                      <input className="govuk-radios__input" id={`${id}-use`} name="settings" type="radio" checked={useFileSettings} onChange={() => setUseFileSettings(true)} aria-describedby={`${id}-use-hint`} />
                      <label className="govuk-label govuk-radios__label" htmlFor={`${id}-use`}>
                        {t('transferSettingsUse')}
                      </label>
                      <div className="govuk-hint govuk-radios__hint" id={`${id}-use-hint`}>
                        {describePrompt(state.file.settings)}
                      </div>
                    </div>
                  </div>
                </fieldset>
              </div>
            )}
            <div className="govuk-button-group">
              <button type="button" className="govuk-button" onClick={confirm}>
                {t('transferImportButton', entries(state.file.entries.length))}
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={reset}>
                {t('transferCancel')}
              </button>
            </div>
          </div>
        )}

        <div aria-live="polite" role="status" data-testid="import-progress">
          {state.kind === 'checking' && <p className="govuk-body">{t('transferChecking')}</p>}
          {state.kind === 'importing' && (
            <>
              <p className="govuk-body govuk-!-font-weight-bold">{t('transferProgress', [number(state.done), number(state.total)])}</p>
              <p className="govuk-body">{t('transferImporting')}</p>
            </>
          )}
        </div>
      </section>
    </>
  );
}
