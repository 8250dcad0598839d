import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import JournalArea from '../../../../components/journal/JournalArea';
import { JournalDepsContext } from '../../../../components/journal/journalDeps';
import { BACKUP_KEY } from '../../../../components/journal/useAutosave';
import { App } from '../../../../entrypoints/sidepanel/App';
import { promptForWeek } from '../../../../lib/journal/prompts';
import { entryAt, journalDeps, NOW, renderJournal, settle } from './helpers';

let deps: ReturnType<typeof journalDeps>;

beforeEach(() => {
  deps = journalDeps();
});

afterEach(async () => {
  vi.useRealTimers();
  await deps.db.delete();
});

const feed = () => screen.getByRole('feed', { name: 'Journal entries' });

/**
 * The journal moves focus in an effect after the render that shows the element: `findBy*` can
 * see the element a moment before that effect has run, so focus is waited for, not sampled.
 */
const focusMovesTo = (element: HTMLElement) => waitFor(() => expect(element).toHaveFocus());

describe('journal: home', () => {
  it('says honestly when there is nothing yet, with this week’s question and a way to start', async () => {
    renderJournal('#journal', deps);

    expect(screen.getByRole('heading', { level: 1, name: 'Journal' })).toHaveFocus();
    expect(await screen.findByText(/You have not written anything yet/)).toBeInTheDocument();
    expect(screen.getByText(promptForWeek('2026-W48').question)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New entry' })).toHaveAttribute('href', '#journal/new');
    const nav = screen.getByRole('navigation', { name: 'Journal views' });
    expect(within(nav).getByRole('link', { current: 'page' })).toHaveTextContent('Entries');
    expect(within(nav).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      '#journal',
      '#journal/week',
      '#journal/weeks',
      '#journal/tags',
      '#journal/search',
      '#journal/deleted',
      '#journal/transfer',
    ]);
  });

  it('purges entries deleted more than 30 days ago when it opens, and keeps newer ones', async () => {
    const old = await deps.repo.create({ text: 'Old' });
    const recent = await deps.repo.create({ text: 'Recent' });
    deps.clock.now = new Date(NOW.getTime() - 31 * 86_400_000);
    await deps.repo.remove(old.id);
    deps.clock.now = new Date(NOW.getTime() - 29 * 86_400_000);
    await deps.repo.remove(recent.id);
    deps.clock.now = NOW;

    renderJournal('#journal', deps);

    await waitFor(async () => expect(await deps.repo.get(old.id)).toBeUndefined());
    expect(await deps.repo.get(recent.id)).toBeDefined();
  });
});

describe('journal: writing', () => {
  /** Typing one character at a time, as change events (user-event stalls under fake timers). */
  const typeInto = (box: HTMLElement, text: string) => {
    for (const ch of text) fireEvent.change(box, { target: { value: (box as HTMLTextAreaElement).value + ch } });
  };

  it('creates an entry on the first words and autosaves ~300 ms after typing stops', async () => {
    renderJournal('#journal/new', deps);
    const box = await screen.findByRole('textbox', { name: 'Your entry' });
    await focusMovesTo(box);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    typeInto(box, 'T');
    await settle();
    // Created at once, so the entry exists before the person could close anything.
    const [created] = await deps.repo.page(0, 10);
    expect(created?.text).toBe('T');
    expect(window.location.hash).toBe(`#journal/entry/${created!.id}/edit`);

    typeInto(box, 'ook the team through the new intranet');
    await settle();
    expect((await deps.repo.get(created!.id))?.text).toBe('T');

    await act(() => vi.advanceTimersByTimeAsync(299));
    await settle();
    expect((await deps.repo.get(created!.id))?.text).toBe('T');

    await act(() => vi.advanceTimersByTimeAsync(1));
    await settle();
    expect((await deps.repo.get(created!.id))?.text).toBe('Took the team through the new intranet');
    expect(screen.getByTestId('journal-saved')).toHaveTextContent('Saved at 3:04pm');
    expect(screen.getByTestId('journal-saved')).toHaveAttribute('role', 'status');
    expect(await deps.repo.count()).toBe(1);
    // The editor was not remounted when the URL moved on: the cursor is still in the box.
    expect(box).toHaveFocus();
  });

  it('saves at once when the box loses focus, and when the page is hidden or closes', async () => {
    const entry = await deps.repo.create({ text: 'Draft' });
    renderJournal(`#journal/entry/${entry.id}/edit`, deps);
    const box = await screen.findByRole('textbox', { name: 'Your entry' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    typeInto(box, ' one');
    fireEvent.blur(box);
    await settle();
    expect((await deps.repo.get(entry.id))?.text).toBe('Draft one');

    typeInto(box, ' two');
    act(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    // The crash copy is written synchronously, before any database work.
    expect(JSON.parse(deps.backup.getItem(BACKUP_KEY)!)).toMatchObject({ id: entry.id, draft: { text: 'Draft one two' } });
    await settle();
    expect((await deps.repo.get(entry.id))?.text).toBe('Draft one two');
    // …and removed once the save landed.
    expect(deps.backup.items.has(BACKUP_KEY)).toBe(false);
    Reflect.deleteProperty(document, 'visibilityState');

    typeInto(box, ' three');
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    await settle();
    expect((await deps.repo.get(entry.id))?.text).toBe('Draft one two three');
  });

  it('puts back words that were typed as the page closed but never reached the database', async () => {
    const entry = await deps.repo.create({ text: 'Saved part' });
    deps.backup.setItem(BACKUP_KEY, JSON.stringify({ id: entry.id, at: new Date(NOW.getTime() + 1000).toISOString(), draft: { text: 'Saved part and the lost part', tags: 'team', private: true } }));

    renderJournal(`#journal/entry/${entry.id}/edit`, deps);

    expect(await screen.findByRole('textbox', { name: 'Your entry' })).toHaveValue('Saved part and the lost part');
    expect(screen.getByText(/Your last words had not been saved/)).toBeInTheDocument();
    await waitFor(async () => expect((await deps.repo.get(entry.id))?.text).toBe('Saved part and the lost part'));
    expect((await deps.repo.get(entry.id))?.tags).toEqual(['team']);
    expect(deps.backup.items.has(BACKUP_KEY)).toBe(false);
  });

  it('puts a crash copy back into its entry as soon as the journal opens on any view', async () => {
    const entry = await deps.repo.create({ text: 'Saved part' });
    deps.backup.setItem(BACKUP_KEY, JSON.stringify({ id: entry.id, at: new Date(NOW.getTime() + 1000).toISOString(), draft: { text: 'Saved part, and more', tags: '', private: false } }));

    renderJournal('#journal', deps);

    expect(await within(await screen.findByRole('feed')).findByText('Saved part, and more')).toBeInTheDocument();
    expect(deps.backup.items.has(BACKUP_KEY)).toBe(false);
  });

  it('ignores a crash copy older than the saved entry', async () => {
    const entry = await deps.repo.create({ text: 'Newer words' });
    deps.backup.setItem(BACKUP_KEY, JSON.stringify({ id: entry.id, at: new Date(NOW.getTime() - 60_000).toISOString(), draft: { text: 'Stale', tags: '', private: false } }));

    renderJournal(`#journal/entry/${entry.id}/edit`, deps);

    expect(await screen.findByRole('textbox', { name: 'Your entry' })).toHaveValue('Newer words');
  });

  it('edits tags and the private flag, then Done shows the entry with its Markdown rendered', async () => {
    const entry = await deps.repo.create({ text: 'Met **the minister**.\n\n- ask about *budget*\n- see https://www.gov.uk/guidance.' });
    renderJournal(`#journal/entry/${entry.id}/edit`, deps);
    const user = userEvent.setup();
    await screen.findByRole('textbox', { name: 'Your entry' });

    await user.type(screen.getByRole('textbox', { name: 'Tags (optional)' }), '#Policy, team ');
    await user.click(screen.getByRole('checkbox', { name: 'Keep this entry private' }));
    await user.click(screen.getByRole('button', { name: 'Done' }));

    const heading = await screen.findByRole('heading', { level: 2, name: 'Friday 27 November 2026 at 3:04pm' });
    await focusMovesTo(heading);
    expect(window.location.hash).toBe(`#journal/entry/${entry.id}`);
    const saved = await deps.repo.get(entry.id);
    expect(saved).toMatchObject({ tags: ['policy', 'team'], private: true });
    expect(screen.getByText('the minister').tagName).toBe('STRONG');
    expect(screen.getByText('budget').tagName).toBe('EM');
    const link = screen.getByRole('link', { name: /^https:\/\/www\.gov\.uk\/guidance ?\(opens in new tab\)$/ });
    expect(link).toHaveAttribute('href', 'https://www.gov.uk/guidance');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('target', '_blank');
    expect(screen.getByText('Private')).toHaveClass('govuk-tag');
    expect(screen.getByRole('link', { name: 'policy' })).toHaveAttribute('href', '#journal/tags/policy');
  });

  it('answers this week’s question: the question is the label and the entry records it', async () => {
    renderJournal('#journal/prompt', deps);
    const prompt = promptForWeek('2026-W48');
    const box = await screen.findByRole('textbox', { name: prompt.question });

    await userEvent.setup().type(box, 'Shipped the guidance');
    fireEvent.blur(box);

    await waitFor(async () => expect((await deps.repo.page(0, 1))[0]).toMatchObject({ text: 'Shipped the guidance', promptId: prompt.id, week: '2026-W48' }));
    expect(await deps.repo.answeredWeek('2026-W48')).toBe(true);
  });

  it('reflects on a walkthrough: the new entry names it and links to it', async () => {
    renderJournal('#journal/new?lesson=x-write-post', deps);

    expect(await screen.findByText('You are reflecting on the walkthrough: Write and post on X')).toBeInTheDocument();
    await userEvent.setup().type(screen.getByRole('textbox', { name: 'Your entry' }), 'Easier than I thought');

    await waitFor(async () => expect((await deps.repo.page(0, 1))[0]).toMatchObject({ lessonId: 'x-write-post', text: 'Easier than I thought' }));
  });

  it('drops a walkthrough link it does not know', async () => {
    renderJournal('#journal/new?lesson=no-such-lesson', deps);
    await userEvent.setup().type(await screen.findByRole('textbox', { name: 'Your entry' }), 'Note');

    await waitFor(async () => expect((await deps.repo.page(0, 1))[0]?.text).toBe('Note'));
    expect((await deps.repo.page(0, 1))[0]?.lessonId).toBeUndefined();
    expect(screen.queryByText(/You are reflecting on/)).not.toBeInTheDocument();
  });
});

describe('journal: delete and undo', () => {
  it('deletes from the entry, says so in a banner that takes focus, and Undo restores it', async () => {
    const entry = await deps.repo.create({ text: 'Worth keeping' });
    renderJournal(`#journal/entry/${entry.id}`, deps);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Delete entry' }));

    const banner = await screen.findByTestId('journal-notice');
    await focusMovesTo(banner);
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveTextContent('Entry deleted.');
    expect(window.location.hash).toBe('#journal');
    expect(await screen.findByText(/You have not written anything yet/)).toBeInTheDocument();
    expect((await deps.repo.get(entry.id))?.deletedAt).toBeDefined();

    await user.click(within(banner).getByRole('button', { name: 'Undo' }));

    expect(await within(banner).findByText('Entry restored.')).toBeInTheDocument();
    await focusMovesTo(banner);
    expect(await within(await screen.findByRole('feed')).findByText('Worth keeping')).toBeInTheDocument();
    expect((await deps.repo.get(entry.id))?.deletedAt).toBeUndefined();
  });

  it('lists recently deleted entries, each with Restore', async () => {
    const kept = await deps.repo.create({ text: 'Still here' });
    const gone = await deps.repo.create({ text: 'Deleted by mistake' });
    await deps.repo.remove(gone.id);
    renderJournal('#journal/deleted', deps);
    const user = userEvent.setup();

    const list = await screen.findByRole('feed');
    expect(within(list).getByText('Deleted by mistake')).toBeInTheDocument();
    expect(within(list).queryByText('Still here')).not.toBeInTheDocument();

    await user.click(within(list).getByRole('button', { name: 'Restore entry from Friday 27 November 2026' }));

    expect(await screen.findByText('Nothing has been deleted in the last 30 days.')).toBeInTheDocument();
    expect(screen.getByTestId('journal-notice')).toHaveTextContent('Entry restored.');
    expect(await deps.repo.count()).toBe(2);
    expect(kept.id).not.toBe(gone.id);
  });
});

describe('journal: views', () => {
  it('searches by word prefix, ignoring capitals and accents, and marks the matches', async () => {
    await deps.repo.create({ text: 'Lunch at the Café Rouge with the Ōmura team' });
    await deps.repo.create({ text: 'Nothing to see here' });
    renderJournal('#journal/search', deps);
    const user = userEvent.setup();

    await user.type(await screen.findByRole('searchbox', { name: 'Search your journal' }), 'CAFE omu');
    await user.keyboard('{Enter}');

    expect(await screen.findByText('1 entry found')).toBeInTheDocument();
    expect(window.location.hash).toBe('#journal/search?q=CAFE+omu');
    const marks = [...feed().querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Café', 'Ōmu']);
    expect(within(feed()).queryByText(/Nothing to see/)).not.toBeInTheDocument();
  });

  it('says when a search finds nothing', async () => {
    await deps.repo.create({ text: 'Something' });
    renderJournal('#journal/search?q=zebra', deps);

    expect(await screen.findByText('No entries found for “zebra”.')).toBeInTheDocument();
    expect(screen.getByRole('searchbox')).toHaveValue('zebra');
  });

  it('shows “Private” clearly on private entries in lists', async () => {
    await deps.repo.create({ text: 'Open thought' });
    await deps.repo.create({ text: 'Just for me', private: true, tags: ['people'] });
    renderJournal('#journal', deps);

    const list = await screen.findByRole('feed');
    await within(list).findByText('Just for me');
    const cards = within(list).getAllByRole('article');
    const secret = cards.find((c) => c.textContent?.includes('Just for me'))!;
    const open = cards.find((c) => c.textContent?.includes('Open thought'))!;
    expect(within(secret).getByText('Private')).toHaveClass('govuk-tag');
    expect(within(secret).getByText('people')).toHaveClass('govuk-tag');
    expect(within(open).queryByText('Private')).not.toBeInTheDocument();
  });

  it('shows HTML and script typed into an entry as text, and never runs it', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> [click](javascript:alert(1)) <a href="javascript:alert(1)">x</a>';
    const entry = await deps.repo.create({ text: hostile });
    renderJournal(`#journal/entry/${entry.id}`, deps);

    const main = await screen.findByText(/<img src=x onerror=/);
    expect(main).toHaveTextContent(hostile);
    const content = document.querySelector('.df-entry-text')!;
    expect(content.querySelector('img, script, iframe')).toBeNull();
    expect([...content.querySelectorAll('a')].filter((a) => !a.href.startsWith('http'))).toEqual([]);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('lists tags, and one tag’s entries', async () => {
    await deps.repo.create({ text: 'About policy', tags: ['policy'] });
    await deps.repo.create({ text: 'About people', tags: ['people'] });
    renderJournal('#journal/tags', deps);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('link', { name: 'policy' }));

    await focusMovesTo(await screen.findByRole('heading', { level: 2, name: 'Tagged “policy”' }));
    expect(await within(await screen.findByRole('feed')).findByText('About policy')).toBeInTheDocument();
    expect(within(feed()).queryByText('About people')).not.toBeInTheDocument();
  });

  it('lists weeks, newest first, and one week’s entries', async () => {
    await deps.repo.importAll([entryAt(new Date(2026, 10, 3, 9), { text: 'Early November' }), entryAt(new Date(2026, 10, 25, 9), { text: 'Late November' }, 1)]);
    renderJournal('#journal/weeks', deps);
    const user = userEvent.setup();

    const links = await screen.findAllByRole('link', { name: /November 2026$/ });
    expect(links.map((l) => l.textContent)).toEqual(['23 November to 29 November 2026', '2 November to 8 November 2026']);
    await user.click(links[1]!);

    expect(await within(await screen.findByRole('feed')).findByText('Early November')).toBeInTheDocument();
    expect(within(feed()).queryByText('Late November')).not.toBeInTheDocument();
  });

  it('shows this week, its question and whether it is answered', async () => {
    const prompt = promptForWeek('2026-W48');
    await deps.repo.create({ text: 'My answer', promptId: prompt.id });
    await deps.repo.importAll([entryAt(new Date(2026, 10, 3, 9), { text: 'Another week' })]);
    renderJournal('#journal/week', deps);

    expect(await screen.findByText('You have answered this week’s question.')).toBeInTheDocument();
    const list = await screen.findByRole('feed', { name: 'Journal entries' });
    expect(await within(list).findByText('My answer')).toBeInTheDocument();
    expect(within(list).queryByText('Another week')).not.toBeInTheDocument();
  });

  it('goes back to the journal’s home from the side panel’s own “Journal” link', async () => {
    window.history.replaceState(null, '', '/sidepanel.html#journal/deleted');
    render(
      <JournalDepsContext.Provider value={deps}>
        <App preloaded={{ journal: JournalArea }} />
      </JournalDepsContext.Provider>,
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Recently deleted' })).toBeInTheDocument();

    await userEvent.setup().click(within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('link', { name: 'Journal' }));

    await focusMovesTo(await screen.findByRole('heading', { level: 2, name: 'Entries' }));
    expect(window.location.hash).toBe('#journal');
  });

  it('lets Space press the link-buttons, as it presses buttons', async () => {
    renderJournal('#journal', deps);
    const user = userEvent.setup();
    const start = screen.getByRole('button', { name: 'New entry' });
    start.focus();

    await user.keyboard(' ');

    await focusMovesTo(await screen.findByRole('textbox', { name: 'Your entry' }));
    expect(window.location.hash).toBe('#journal/new');
  });

  it('moves focus to the view’s heading when the person changes view', async () => {
    renderJournal('#journal', deps);
    await screen.findByText(/You have not written anything yet/);

    await userEvent.setup().click(screen.getByRole('link', { name: 'Recently deleted' }));

    await focusMovesTo(await screen.findByRole('heading', { level: 2, name: 'Recently deleted' }));
  });
});
