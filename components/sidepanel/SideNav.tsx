import type { MouseEvent } from 'react';
import { t } from '../../lib/platform/i18n';
import { AREAS, AREA_LABEL, type Area } from './areas';

interface Props {
  current: Area;
  onNavigate(area: Area): void;
}

/** GOV.UK service navigation, wrapping onto two lines in a narrow side panel. */
export function SideNav({ current, onNavigate }: Props) {
  return (
    <section aria-label={t('navLabel')} className="govuk-service-navigation df-nav">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label={t('navLabel')} className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list">
              {AREAS.map((area) => {
                const active = area === current;
                const label = t(AREA_LABEL[area]);
                return (
                  <li
                    key={area}
                    className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}
                  >
                    <a
                      className="govuk-service-navigation__link"
                      href={`#${area}`}
                      aria-current={active ? 'page' : undefined}
                      onClick={(event: MouseEvent) => {
                        event.preventDefault();
                        onNavigate(area);
                      }}
                    >
                      {active ? <strong className="govuk-service-navigation__active-fallback">{label}</strong> : label}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
}
