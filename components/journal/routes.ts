/**
 * The journal's own routes, after "#journal" in the side panel's hash, so every view deep-links
 * and Back works:
 *   #journal                      entries, newest first
 *   #journal/week                 this week
 *   #journal/weeks[/2026-W48]     weeks, or one week
 *   #journal/tags[/policy]        tags, or one tag
 *   #journal/search?q=words       search
 *   #journal/deleted              recently deleted
 *   #journal/new[?lesson=<id>]    a new entry (about a walkthrough)
 *   #journal/prompt               a new entry answering this week's question
 *   #journal/entry/<id>[/edit]    one entry, or its editor
 *   #journal/transfer             export and import
 */
export type JournalRoute =
  | { view: 'entries' }
  | { view: 'week' }
  | { view: 'weeks'; week?: string }
  | { view: 'tags'; tag?: string }
  | { view: 'search'; q: string }
  | { view: 'deleted' }
  | { view: 'new'; lessonId?: string }
  | { view: 'prompt' }
  | { view: 'entry'; id: string; edit: boolean }
  | { view: 'transfer' };

export type JournalView = JournalRoute['view'];

const decode = (part: string | undefined): string | undefined => {
  if (!part) return undefined;
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
};

export function parseJournalHash(hash: string): JournalRoute {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  const [, view, arg, extra] = path.split('/');
  switch (view) {
    case 'week':
      return { view: 'week' };
    case 'weeks': {
      const week = decode(arg);
      return week ? { view: 'weeks', week } : { view: 'weeks' };
    }
    case 'tags': {
      const tag = decode(arg);
      return tag ? { view: 'tags', tag } : { view: 'tags' };
    }
    case 'search':
      return { view: 'search', q: params.get('q') ?? '' };
    case 'deleted':
      return { view: 'deleted' };
    case 'new': {
      const lessonId = params.get('lesson');
      return lessonId ? { view: 'new', lessonId } : { view: 'new' };
    }
    case 'prompt':
      return { view: 'prompt' };
    case 'entry': {
      const id = decode(arg);
      return id ? { view: 'entry', id, edit: extra === 'edit' } : { view: 'entries' };
    }
    case 'transfer':
      return { view: 'transfer' };
    default:
      return { view: 'entries' };
  }
}

export function journalHash(route: JournalRoute): string {
  switch (route.view) {
    case 'entries':
      return '#journal';
    case 'weeks':
      return route.week ? `#journal/weeks/${encodeURIComponent(route.week)}` : '#journal/weeks';
    case 'tags':
      return route.tag ? `#journal/tags/${encodeURIComponent(route.tag)}` : '#journal/tags';
    case 'search':
      return route.q ? `#journal/search?${new URLSearchParams({ q: route.q }).toString()}` : '#journal/search';
    case 'new':
      return route.lessonId ? `#journal/new?${new URLSearchParams({ lesson: route.lessonId }).toString()}` : '#journal/new';
    case 'entry':
      return `#journal/entry/${encodeURIComponent(route.id)}${route.edit ? '/edit' : ''}`;
    default:
      return `#journal/${route.view}`;
  }
}

/** Which tab of the journal's navigation a route belongs to. */
export function navViewOf(route: JournalRoute): JournalView | null {
  if (route.view === 'new' || route.view === 'prompt' || route.view === 'entry') return null;
  return route.view;
}
