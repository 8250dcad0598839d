import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { QUICK_NOTE_KEY, QuickNote } from '../../../../components/common/QuickNote';
import { registerJournal } from '../../../../lib/background/journal';
import { createJournalRepo, type JournalRepo } from '../../../../lib/db/journal-repo';
import { DigitalFriendDb } from '../../../../lib/db/schema';
import { listen } from '../../../../lib/platform/messaging';
import { findLesson } from '../../../../lib/walkthrough/catalogue';
import { MemoryStorage } from '../journal/helpers';

let db: DigitalFriendDb;
let repo: JournalRepo;
let store: MemoryStorage;
let sent: unknown[];
let n = 0;

/**
 * The real background handler over a fresh fake-indexeddb database, behind the project's own
 * listen(). The fake browser's sendMessage names no sender; a real browser names this extension
 * and the popup, and listen() checks both, so this one does the same.
 */
beforeEach(() => {
  db = new DigitalFriendDb(`quick-note-${(n += 1)}`);
  repo = createJournalRepo(db);
  store = new MemoryStorage();
  sent = [];
  fakeBrowser.runtime.sendMessage = (async (message: unknown) => {
    sent.push(message);
    const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    return (await fakeBrowser.runtime.onMessage.trigger(message, sender)).find(Boolean);
  }) as typeof fakeBrowser.runtime.sendMessage;
  listen(registerJournal({ repo, findLesson, openPage: async () => 1 }));
});

afterEach(() => db.delete());

const box = () => screen.getByRole('textbox', { name: 'Write a quick note' });

describe('QuickNote', () => {
  it('is ready to type in, and saves in two actions: type, then Save note', async () => {
    render(<QuickNote store={store} />);
    expect(box()).toHaveFocus();
    const user = userEvent.setup();

    await user.keyboard('Ask Sam about the consultation');
    await user.click(screen.getByRole('button', { name: 'Save note' }));

    expect(await screen.findByText('Saved to your journal.')).toBeInTheDocument();
    expect((await repo.page(0, 5)).map((e) => e.text)).toEqual(['Ask Sam about the consultation']);
    expect(box()).toHaveValue('');
    expect(box()).toHaveFocus();
    expect(store.items.has(QUICK_NOTE_KEY)).toBe(false);
  });

  it('saves with Ctrl+Enter, and the next note is a new entry', async () => {
    render(<QuickNote store={store} />);
    const user = userEvent.setup();

    await user.keyboard('First{Control>}{Enter}{/Control}');
    await screen.findByText('Saved to your journal.');
    await user.keyboard('Second{Control>}{Enter}{/Control}');

    await waitFor(async () => expect((await repo.page(0, 5)).map((e) => e.text)).toEqual(['Second', 'First']));
  });

  it('saves while typing, into one entry, so closing the popup loses nothing', async () => {
    render(<QuickNote store={store} />);
    const user = userEvent.setup();

    await user.keyboard('Half a thou');
    // Kept synchronously on every keystroke…
    expect(JSON.parse(store.getItem(QUICK_NOTE_KEY)!)).toMatchObject({ text: 'Half a thou' });
    // …and in the journal ~300 ms after the pause.
    await waitFor(async () => expect((await repo.page(0, 5)).map((e) => e.text)).toEqual(['Half a thou']));

    await user.keyboard('ght');
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });

    await waitFor(async () => expect((await repo.page(0, 5)).map((e) => e.text)).toEqual(['Half a thought']));
    expect(await repo.count()).toBe(1);
  });

  it('reopens with the unsaved note, and finishing it updates the same entry', async () => {
    const first = render(<QuickNote store={store} />);
    const user = userEvent.setup();
    await user.keyboard('Started');
    await waitFor(async () => expect(await repo.count()).toBe(1));
    await waitFor(() => expect(JSON.parse(store.getItem(QUICK_NOTE_KEY)!).id).toEqual(expect.any(String)));
    first.unmount();

    render(<QuickNote store={store} />);
    expect(box()).toHaveValue('Started');
    await user.keyboard(' and finished');
    await user.click(screen.getByRole('button', { name: 'Save note' }));

    await screen.findByText('Saved to your journal.');
    expect((await repo.page(0, 5)).map((e) => e.text)).toEqual(['Started and finished']);
  });

  it('asks for words before saving an empty note, and sends nothing', async () => {
    render(<QuickNote store={store} />);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Save note' }));

    expect(screen.getByText('Write your note first')).toBeInTheDocument();
    expect(box()).toHaveAccessibleDescription(/Write your note first/);
    expect(box()).toHaveFocus();
    expect(sent).toEqual([]);
  });
});
