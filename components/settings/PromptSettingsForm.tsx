import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { t } from '../../lib/platform/i18n';
import { loadSettings, saveSettings } from '../../lib/platform/settings-store';
import { normaliseTime, type Settings, type Weekday } from '../../lib/settings/settings';
import type { MessageKey } from '../../lib/i18n/messages';

const DAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'invalid' } | { kind: 'failed'; detail: string };

export function PromptSettingsForm() {
  const id = useId();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [time, setTime] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const summaryRef = useRef<HTMLDivElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const timeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadSettings().then((loaded) => {
      setSettings(loaded);
      setTime(loaded.promptTime);
    });
  }, []);

  useEffect(() => {
    if (status.kind === 'invalid') summaryRef.current?.focus();
    if (status.kind === 'saved') savedRef.current?.focus();
  }, [status]);

  if (!settings) return <p className="govuk-body">{t('loading')}</p>;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const promptTime = normaliseTime(time);
    if (!promptTime) {
      setStatus({ kind: 'invalid' });
      return;
    }
    const next = { ...settings, promptTime };
    saveSettings(next).then(
      () => {
        setSettings(next);
        setTime(promptTime);
        setStatus({ kind: 'saved' });
      },
      (error: unknown) => setStatus({ kind: 'failed', detail: String(error) }),
    );
  };

  const timeError = status.kind === 'invalid';
  return (
    <form noValidate onSubmit={onSubmit}>
      {timeError && (
        <div className="govuk-error-summary" tabIndex={-1} ref={summaryRef} role="alert">
          <h2 className="govuk-error-summary__title">{t('settingsErrorSummary')}</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              <li>
                <a
                  href={`#${id}-time`}
                  onClick={(event) => {
                    // The side panel routes on the URL hash, so following the link would leave
                    // Settings. Move focus to the field instead, as GOV.UK's error summary does.
                    event.preventDefault();
                    timeRef.current?.focus();
                  }}
                >
                  {t('settingsPromptTimeError')}
                </a>
              </li>
            </ul>
          </div>
        </div>
      )}
      {status.kind === 'saved' && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" tabIndex={-1} ref={savedRef}>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t('settingsSaved')}</p>
          </div>
        </div>
      )}
      {status.kind === 'failed' && (
        <p className="govuk-error-message" role="alert">
          {t('errorGeneric', status.detail)}
        </p>
      )}
      <fieldset className="govuk-fieldset" aria-describedby={`${id}-hint`}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">{t('settingsPromptLegend')}</h2>
        </legend>
        <div id={`${id}-hint`} className="govuk-hint">
          {t('settingsPromptHint')}
        </div>
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id={`${id}-enabled`}
                name="promptEnabled"
                type="checkbox"
                checked={settings.promptEnabled}
                aria-describedby={`${id}-enabled-hint`}
                onChange={(event) => {
                  setSettings({ ...settings, promptEnabled: event.target.checked });
                  setStatus({ kind: 'idle' });
                }}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`${id}-enabled`}>
                {t('settingsPromptEnabled')}
              </label>
              <div id={`${id}-enabled-hint`} className="govuk-hint govuk-checkboxes__hint">
                {t('settingsPromptEnabledHint')}
              </div>
            </div>
          </div>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor={`${id}-day`}>
            {t('settingsPromptDay')}
          </label>
          <select
            className="govuk-select"
            id={`${id}-day`}
            name="promptDay"
            value={settings.promptDay}
            onChange={(event) => {
              setSettings({ ...settings, promptDay: Number(event.target.value) as Weekday });
              setStatus({ kind: 'idle' });
            }}
          >
            {DAYS.map((day) => (
              <option key={day} value={day}>
                {t(`day${day}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className={`govuk-form-group${timeError ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor={`${id}-time`}>
            {t('settingsPromptTime')}
          </label>
          <div id={`${id}-time-hint`} className="govuk-hint">
            {t('settingsPromptTimeHint')}
          </div>
          {timeError && (
            <p id={`${id}-time-error`} className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {t('settingsPromptTimeError')}
            </p>
          )}
          <input
            className={`govuk-input govuk-input--width-5${timeError ? ' govuk-input--error' : ''}`}
            id={`${id}-time`}
            ref={timeRef}
            name="promptTime"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            value={time}
            aria-describedby={`${id}-time-hint${timeError ? ` ${id}-time-error` : ''}`}
            onChange={(event) => {
              setTime(event.target.value);
              setStatus({ kind: 'idle' });
            }}
          />
        </div>
      </fieldset>
      <button type="submit" className="govuk-button">
        {t('settingsSave')}
      </button>
    </form>
  );
}
