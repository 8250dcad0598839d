import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { t } from '../../lib/platform/i18n';
import { AreaHeading } from '../common/AreaHeading';
import { DeletedView } from './DeletedView';
import { EntriesView } from './EntriesView';
import { EntryEditor } from './EntryEditor';
import { EntryView } from './EntryView';
import { useJournalDeps } from './journalDeps';
import { JournalNav } from './JournalNav';
import { createJournalStore, type JournalNotice } from './journalStore';
import { NoticeBanner } from './NoticeBanner';
import { navViewOf, parseJournalHash, type JournalRoute } from './routes';
import { SearchView } from './SearchView';
import { TagsView } from './TagsView';
import { ThisWeekView } from './ThisWeekView';
import { recoverBackup } from './useAutosave';
import { useHash } from './useHash';
import { WeeksView } from './WeeksView';

// Export and import is its own chunk: most visits to the journal never need it.
const TransferPanel = lazy(() => import('./TransferPanel'));

/** Recently deleted entries are deleted for good after this long. */
export const KEEP_DELETED_DAYS = 30;
const DAY_MS = 86_400_000;

/** Which view instance a route needs: a new query in the same view (search) keeps its form. */
function viewKey(route: JournalRoute): string {
  switch (route.view) {
    case 'weeks':
      return `weeks:${route.week ?? ''}`;
    case 'tags':
      return `tags:${route.tag ?? ''}`;
    case 'entry':
      return `entry:${route.id}:${route.edit}`;
    case 'new':
      return `new:${route.lessonId ?? ''}`;
    default:
      return route.view;
  }
}

function View({ route, focus, onNotice }: { route: JournalRoute; focus: boolean; onNotice(notice: JournalNotice): void }) {
  switch (route.view) {
    case 'entries':
      return <EntriesView focus={focus} />;
    case 'week':
      return <ThisWeekView focus={focus} />;
    case 'weeks':
      return <WeeksView week={route.week} focus={focus} />;
    case 'tags':
      return <TagsView tag={route.tag} focus={focus} />;
    case 'search':
      return <SearchView q={route.q} focus={focus} />;
    case 'deleted':
      return <DeletedView focus={focus} onNotice={onNotice} />;
    case 'new':
      return <EntryEditor mode="new" lessonId={route.lessonId} focus={focus} onNotice={onNotice} />;
    case 'prompt':
      return <EntryEditor mode="prompt" focus={focus} onNotice={onNotice} />;
    case 'entry':
      return route.edit ? <EntryEditor mode="edit" id={route.id} focus={focus} onNotice={onNotice} /> : <EntryView id={route.id} focus={focus} onNotice={onNotice} />;
    case 'transfer':
      return (
        <Suspense fallback={<p className="govuk-body">{t('loading')}</p>}>
          <TransferPanel />
        </Suspense>
      );
  }
}

/**
 * The journal: private reflections, written at the end of each week or whenever. Its views are
 * routes under #journal (./routes.ts). Entries live in Dexie and every view reads them through live
 * queries, so what one view changes the others show at once.
 */
export default function JournalArea() {
  const { repo, now, backup } = useJournalDeps();
  const hash = useHash();
  const route = parseJournalHash(hash);
  const [store] = useState(() => createJournalStore());
  const notice = useStore(store, (s) => s.notice);
  // The first view is announced by the area's h1; views chosen after that take focus themselves.
  const openedAt = useRef(hash);
  const moved = useRef(false);
  if (hash !== openedAt.current) moved.current = true;

  useEffect(() => {
    void repo.purgeDeleted(new Date(now().getTime() - KEEP_DELETED_DAYS * DAY_MS));
    // Words typed as a page closed go back into their entry now, unless its editor is opening
    // anyway (it puts them back itself, and says so).
    const opening = parseJournalHash(openedAt.current);
    if (!(opening.view === 'entry' && opening.edit)) void recoverBackup(repo, backup);
  }, [repo, now, backup]);

  // A banner belongs to the view it was shown on: moving on clears it.
  useEffect(() => {
    const current = store.getState().notice;
    if (current && current.hash !== hash) store.getState().clear();
  }, [hash, store]);

  const onNotice = (next: JournalNotice) => store.getState().show(next);
  return (
    <>
      <AreaHeading>{t('journalHeading')}</AreaHeading>
      <JournalNav current={navViewOf(route)} />
      {notice && notice.hash === hash && <NoticeBanner notice={notice} onChange={onNotice} />}
      <View key={viewKey(route)} route={route} focus={moved.current && !notice} onNotice={onNotice} />
    </>
  );
}
