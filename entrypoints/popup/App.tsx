import { useCallback, useEffect } from 'react';
import { BrandBar } from '../../components/common/BrandBar';
import { ContinueLesson } from '../../components/common/ContinueLesson';
import { markReady } from '../../components/common/readyMark';
import { useSidePanelOpener } from '../../components/common/useSidePanelOpener';
import { t } from '../../lib/platform/i18n';

// Quick actions. "Write a quick note" (journal, #4) joins this list when the journal lands; until
// then it is not shown.
export function App() {
  const close = useCallback(() => window.close(), []);
  const sidePanel = useSidePanelOpener(close);
  useEffect(() => markReady(), []);
  return (
    <>
      <BrandBar />
      <main className="df-popup" id="main-content">
        <h1 className="govuk-heading-m">{t('popupTitle')}</h1>
        <p className="govuk-body">{t('popupLead')}</p>
        {sidePanel.available && (
          <button type="button" className="govuk-button df-button-full" data-module="govuk-button" onClick={sidePanel.open}>
            {t('popupOpenSidePanel')}
          </button>
        )}
        <ContinueLesson onContinued={close} />
        {sidePanel.failed && (
          <p className="govuk-body" role="alert">
            {t('openSidePanelFailed')}
          </p>
        )}
      </main>
    </>
  );
}
