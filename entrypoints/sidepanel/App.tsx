import { lazy, Suspense, useState, useSyncExternalStore, type ComponentType, type LazyExoticComponent } from 'react';
import { BrandBar } from '../../components/common/BrandBar';
import { SideNav } from '../../components/sidepanel/SideNav';
import { createNavStore } from '../../components/sidepanel/navStore';
import type { Area } from '../../components/sidepanel/areas';
import { t } from '../../lib/platform/i18n';

// Each area is its own chunk, loaded when first opened, so the panel's first render stays small.
const AREA_VIEWS: Record<Area, LazyExoticComponent<ComponentType>> = {
  learn: lazy(() => import('../../components/learn/LearnArea')),
  journal: lazy(() => import('../../components/journal/JournalArea')),
  drafts: lazy(() => import('../../components/drafts/DraftsArea')),
  packs: lazy(() => import('../../components/packs/PacksArea')),
  settings: lazy(() => import('../../components/settings/SettingsArea')),
};

export function App() {
  const [nav] = useState(() => createNavStore());
  const area = useSyncExternalStore(nav.subscribe, () => nav.getState().area);
  const View = AREA_VIEWS[area];
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" onClick={(e) => { e.preventDefault(); document.getElementById('main-content')?.focus(); }}>
        {t('skipToContent')}
      </a>
      <BrandBar />
      <SideNav current={area} onNavigate={nav.getState().go} />
      <main className="df-page govuk-main-wrapper govuk-!-padding-top-4" id="main-content" tabIndex={-1}>
        <Suspense fallback={<p className="govuk-body">{t('loading')}</p>}>
          <View key={area} />
        </Suspense>
      </main>
    </>
  );
}
