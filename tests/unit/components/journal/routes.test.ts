import { journalHash, navViewOf, parseJournalHash, type JournalRoute } from '../../../../components/journal/routes';

describe('journal routes', () => {
  it.each<[string, JournalRoute]>([
    ['#journal', { view: 'entries' }],
    ['#journal/week', { view: 'week' }],
    ['#journal/weeks', { view: 'weeks' }],
    ['#journal/weeks/2026-W48', { view: 'weeks', week: '2026-W48' }],
    ['#journal/tags', { view: 'tags' }],
    ['#journal/tags/caf%C3%A9%20club', { view: 'tags', tag: 'café club' }],
    ['#journal/search?q=caf%C3%A9+omu', { view: 'search', q: 'café omu' }],
    ['#journal/search', { view: 'search', q: '' }],
    ['#journal/deleted', { view: 'deleted' }],
    ['#journal/new', { view: 'new' }],
    ['#journal/new?lesson=x-write-post', { view: 'new', lessonId: 'x-write-post' }],
    ['#journal/prompt', { view: 'prompt' }],
    ['#journal/entry/e-00mhx3k2p-abcd1234', { view: 'entry', id: 'e-00mhx3k2p-abcd1234', edit: false }],
    ['#journal/entry/e-00mhx3k2p-abcd1234/edit', { view: 'entry', id: 'e-00mhx3k2p-abcd1234', edit: true }],
    ['#journal/transfer', { view: 'transfer' }],
  ])('reads %s', (hash, route) => {
    expect(parseJournalHash(hash)).toEqual(route);
  });

  it.each(['#journal/nonsense', '#journal/entry', '#journal/tags/%E0%A4%A', '', '#learn', '#journal/__proto__'])('sends %j to the entries', (hash) => {
    const route = parseJournalHash(hash);
    expect(route.view === 'entries' || route.view === 'tags').toBe(true);
  });

  it('writes every route back to a hash that reads the same', () => {
    const routes: JournalRoute[] = [
      { view: 'entries' },
      { view: 'week' },
      { view: 'weeks', week: '2026-W01' },
      { view: 'tags', tag: 'a/b #c' },
      { view: 'search', q: 'x&y=z ü' },
      { view: 'deleted' },
      { view: 'new', lessonId: 'x-reply' },
      { view: 'prompt' },
      { view: 'entry', id: 'e-00mhx3k2p-abcd1234', edit: true },
      { view: 'transfer' },
    ];
    for (const route of routes) expect(parseJournalHash(journalHash(route))).toEqual(route);
  });

  it('marks no navigation tab for the editor and single entries', () => {
    expect(navViewOf({ view: 'new' })).toBeNull();
    expect(navViewOf({ view: 'entry', id: 'x', edit: false })).toBeNull();
    expect(navViewOf({ view: 'tags', tag: 'x' })).toBe('tags');
  });
});
