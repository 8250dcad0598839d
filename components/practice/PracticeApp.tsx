import { useSyncExternalStore, type ComponentType } from 'react';
import { t } from '../../lib/platform/i18n';
import type { Topic, Walkthrough } from '../../lib/walkthrough/model';
import { LinkedInPractice } from './LinkedInPractice';
import type { VirtualLocation } from './virtualLocation';
import { VivaEngagePractice } from './VivaEngagePractice';
import { XPractice } from './XPractice';
import '../../styles/app.scss';
import './practice.css';

export interface ScreenProps {
  location: VirtualLocation;
  url: string;
}

/** Practice screens by site. Password managers have none: their vaults hold real secrets. */
const SCREENS: Partial<Record<Topic, ComponentType<ScreenProps>>> = {
  x: XPractice,
  linkedin: LinkedInPractice,
  'viva-engage': VivaEngagePractice,
};

export function PracticeApp({ lesson, location }: { lesson: Walkthrough | undefined; location: VirtualLocation }) {
  const url = useSyncExternalStore(location.subscribe, location.href);
  const Screen = lesson ? SCREENS[lesson.topic] : undefined;
  return (
    <>
      <div className="df-practice-banner" role="region" aria-label={t('practiceBannerLabel')}>
        <strong className="govuk-tag">{t('practiceTag')}</strong> <span>{t('practiceBanner')}</span>
        <span className="df-practice-url">{url}</span>
      </div>
      {Screen ? <Screen location={location} url={url} /> : <main className="df-page"><h1 className="govuk-heading-l">{t('practiceMissing')}</h1></main>}
    </>
  );
}
