import { useEffect } from 'react';
import { BrandBar } from '../../components/common/BrandBar';
import { TryPractice } from '../../components/common/TryPractice';
import { markReady } from '../../components/common/readyMark';
import { useSidePanelOpener } from '../../components/common/useSidePanelOpener';
import { t } from '../../lib/platform/i18n';

export function App() {
  const sidePanel = useSidePanelOpener();
  useEffect(() => markReady(), []);
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        {t('skipToContent')}
      </a>
      <BrandBar />
      <main className="df-page govuk-main-wrapper" id="main-content" tabIndex={-1}>
        <h1 className="govuk-heading-xl">{t('welcomeTitle')}</h1>
        <p className="govuk-body-l">{t('welcomeLead')}</p>
        <TryPractice />

        <h2 className="govuk-heading-m">{t('welcomeWhatHeading')}</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>{t('welcomeWhat1')}</li>
          <li>{t('welcomeWhat2')}</li>
          <li>{t('welcomeWhat3')}</li>
          <li>{t('welcomeWhat4')}</li>
        </ul>

        <h2 className="govuk-heading-m">{t('welcomeStartHeading')}</h2>
        <ol className="govuk-list govuk-list--number">
          <li>{t('welcomePinStep')}</li>
          <li>{t('welcomeOpenStep')}</li>
        </ol>
        {sidePanel.available && (
          <button type="button" className="govuk-button" onClick={sidePanel.open}>
            {t('welcomeOpenButton')}
          </button>
        )}
        {sidePanel.failed && (
          <p className="govuk-body" role="alert">
            {t('openSidePanelFailed')}
          </p>
        )}

        <h2 className="govuk-heading-m">{t('welcomePrivacyHeading')}</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>{t('welcomePrivacy1')}</li>
          <li>{t('welcomePrivacy2')}</li>
          <li>{t('welcomePrivacy3')}</li>
        </ul>
      </main>
    </>
  );
}
