import { t } from '../../lib/platform/i18n';
import type { MessageKey } from '../../lib/i18n/messages';
import { journalHash, type JournalRoute, type JournalView } from './routes';

const LINKS: [JournalRoute, MessageKey][] = [
  [{ view: 'entries' }, 'journalNavEntries'],
  [{ view: 'week' }, 'journalNavThisWeek'],
  [{ view: 'weeks' }, 'journalNavWeeks'],
  [{ view: 'tags' }, 'journalNavTags'],
  [{ view: 'search', q: '' }, 'journalNavSearch'],
  [{ view: 'deleted' }, 'journalNavDeleted'],
  [{ view: 'transfer' }, 'journalNavTransfer'],
];

/** The journal's views as a sub-navigation: plain links, so each is a URL and Back works. */
export function JournalNav({ current }: { current: JournalView | null }) {
  return (
    <nav className="df-subnav" aria-label={t('journalNavLabel')}>
      <ul className="df-subnav__list">
        {LINKS.map(([route, label]) => {
          const active = route.view === current;
          return (
            <li key={route.view} className={`df-subnav__item${active ? ' df-subnav__item--active' : ''}`}>
              <a className="govuk-link govuk-link--no-visited-state df-subnav__link" href={journalHash(route)} aria-current={active ? 'page' : undefined}>
                {t(label)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
