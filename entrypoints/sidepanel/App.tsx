import { useState, useSyncExternalStore } from 'react';
import { BrandBar } from '../../components/common/BrandBar';
import { StorageWarning } from '../../components/common/StorageWarning';
import { SideNav } from '../../components/sidepanel/SideNav';
import { useAreaView, type LoadedAreas } from '../../components/sidepanel/areaViews';
import { createNavStore } from '../../components/sidepanel/navStore';
import { t } from '../../lib/platform/i18n';

export function App({ preloaded }: { preloaded?: LoadedAreas }) {
  const [nav] = useState(() => createNavStore());
  const area = useSyncExternalStore(nav.subscribe, () => nav.getState().area);
  const View = useAreaView(area, preloaded);
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" onClick={(e) => { e.preventDefault(); document.getElementById('main-content')?.focus(); }}>
        {t('skipToContent')}
      </a>
      <BrandBar />
      <SideNav current={area} onNavigate={nav.getState().go} />
      <StorageWarning />
      <main className="df-page govuk-main-wrapper govuk-!-padding-top-4" id="main-content" tabIndex={-1}>
        {View ? <View key={area} /> : <p className="govuk-body">{t('loading')}</p>}
      </main>
    </>
  );
}
