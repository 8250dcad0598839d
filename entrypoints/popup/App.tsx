import { useCallback, useEffect } from 'react';
import { BrandBar } from '../../components/common/BrandBar';
import { ContinueLesson } from '../../components/common/ContinueLesson';
import { QuickNote } from '../../components/common/QuickNote';
import { markReady } from '../../components/common/readyMark';
import { useSidePanelOpener } from '../../components/common/useSidePanelOpener';
import { t } from '../../lib/platform/i18n';

// Quick actions: a quick journal note first (its box has focus as the popup opens, so a note takes
// two actions: type, then Save note or Ctrl+Enter), then the side panel and the current lesson.
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
        <QuickNote />
        {sidePanel.available && (
          <button type="button" className="govuk-button govuk-button--secondary df-button-full" data-module="govuk-button" onClick={sidePanel.open}>
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
