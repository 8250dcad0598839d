import { act, screen, waitFor, within } from '@testing-library/react';
import { PAGE_SIZE } from '../../../../components/journal/usePagedEntries';
import { entryAt, journalDeps, renderJournal } from './helpers';

const TOTAL = 10_000;
let deps: ReturnType<typeof journalDeps>;

// One big journal for the file: seeding 10,000 entries is the slow part.
beforeAll(async () => {
  deps = journalDeps();
  const start = new Date(2020, 0, 1, 9).getTime();
  await deps.repo.importAll(
    Array.from({ length: TOTAL }, (_, i) => entryAt(new Date(start + i * 3_600_000), { text: `Entry number ${i}`, tags: i % 2 ? ['odd'] : [] }, i)),
  );
}, 60_000);

afterAll(() => deps.db.delete());

afterEach(() => {
  Reflect.deleteProperty(window, 'scrollY');
  Reflect.deleteProperty(document.documentElement, 'scrollHeight');
});

describe('journal with 10,000 entries', () => {
  it('opens on the count and the first page only, and renders only a window of cards', async () => {
    const calls: string[] = [];
    const repo = {
      ...deps.repo,
      page: (offset: number, limit: number) => {
        calls.push(`page(${offset}, ${limit})`);
        return deps.repo.page(offset, limit);
      },
      all: () => {
        calls.push('all()');
        return deps.repo.all();
      },
      count: () => {
        calls.push('count()');
        return deps.repo.count();
      },
    };
    renderJournal('#journal', { ...deps, repo });

    expect(await screen.findByText('10,000 entries')).toBeInTheDocument();
    const list = screen.getByRole('feed', { name: 'Journal entries' });
    const cards = within(list).getAllByRole('article');
    // jsdom's 768 px window at ~160 px a card, plus overscan: a dozen or so, never thousands.
    expect(cards.length).toBeGreaterThan(3);
    expect(cards.length).toBeLessThan(25);
    expect(cards[0]).toHaveAttribute('aria-posinset', '1');
    expect(cards[0]).toHaveAttribute('aria-setsize', String(TOTAL));
    expect(within(cards[0]!).getByText('Entry number 9999')).toBeInTheDocument();
    // The first page, then the count (which walks every key, so it is not in the first page's way).
    expect(calls).toEqual([`page(0, ${PAGE_SIZE})`, 'count()']);
    // The feed is as tall as all of them would be, so the scroll bar tells the truth.
    expect(parseInt(list.style.height, 10)).toBeGreaterThan(TOTAL * 100);
  });

  it('reads the page it needs when the list is scrolled far down, and nothing in between', async () => {
    const calls: [number, number][] = [];
    const repo = {
      ...deps.repo,
      page: (offset: number, limit: number) => {
        calls.push([offset, limit]);
        return deps.repo.page(offset, limit);
      },
    };
    renderJournal('#journal', { ...deps, repo });
    await screen.findByText('10,000 entries');
    const list = screen.getByRole('feed', { name: 'Journal entries' });

    act(() => {
      // jsdom lays nothing out: give the page the height the feed asks for, then scroll it.
      Object.defineProperty(document.documentElement, 'scrollHeight', { value: parseInt(list.style.height, 10), configurable: true });
      Object.defineProperty(window, 'scrollY', { value: 160 * 6000, configurable: true });
      window.dispatchEvent(new Event('scroll'));
    });

    await waitFor(() => expect(within(list).getByText('Entry number 3999')).toBeInTheDocument());
    const cards = within(list).getAllByRole('article');
    expect(cards.length).toBeLessThan(25);
    expect(cards.map((c) => Number(c.getAttribute('aria-posinset'))).every((n) => n > 5900 && n < 6100)).toBe(true);
    // Two reads in all: the first page, then the pages around the new position. Every read is
    // a window of a few pages, never the whole journal.
    expect(calls.length).toBe(2);
    expect(calls.every(([, limit]) => limit <= 4 * PAGE_SIZE)).toBe(true);
  });
});
