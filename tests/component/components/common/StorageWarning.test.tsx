import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StorageWarning } from '../../../../components/common/StorageWarning';
import { createJournalRepo } from '../../../../lib/db/journal-repo';
import { DigitalFriendDb } from '../../../../lib/db/schema';
import type { StorageStatus } from '../../../../lib/db/open';
import { parseJournalFile } from '../../../../lib/journal/transfer';

// The storage decision itself is tested in tests/unit/lib/db/open.test.ts with factories that fail
// as Firefox's private browsing does; here the banner is given each outcome.
const storage = vi.hoisted(() => ({
  status: { mode: 'device' } as StorageStatus,
  listeners: new Set<(status: StorageStatus) => void>(),
  db: undefined as unknown,
}));

vi.mock('../../../../lib/db', () => ({
  getStorageStatus: async () => storage.status,
  onStorageStatusChange: (listener: (status: StorageStatus) => void) => {
    storage.listeners.add(listener);
    return () => storage.listeners.delete(listener);
  },
  getJournalRepo: () => createJournalRepo(storage.db as DigitalFriendDb),
}));

let db: DigitalFriendDb;
const blobs = new Map<string, Blob>();
const downloads: Array<{ name: string; blob: Blob }> = [];

beforeEach(() => {
  db = new DigitalFriendDb(`storage-warning-${Math.random()}`);
  storage.db = db;
  storage.listeners.clear();
  blobs.clear();
  downloads.length = 0;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const BROWSER = 'Your browser is not letting Digital Friend save to this device, probably because of private browsing. Your notes will be kept only until you close the browser. Export them before you close it.';

describe('StorageWarning', () => {
  it('shows nothing when the journal is saved on the device', async () => {
    storage.status = { mode: 'device' };
    const { container } = render(<StorageWarning />);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(container).toBeEmptyDOMElement();
  });

  it('says plainly that notes last until the browser closes, and offers the export, which holds them all', async () => {
    storage.status = { mode: 'memory', reason: 'InvalidStateError: A mutation operation was attempted on a database that did not allow mutations.', keptUntil: 'browser-closes' };
    const note = await createJournalRepo(db).create({ text: 'Written in a private window', private: true });
    const user = userEvent.setup();
    render(<StorageWarning />);

    const banner = await screen.findByRole('region', { name: 'Important' });
    expect(banner).toHaveTextContent(BROWSER);
    await user.click(within(banner).getByRole('button', { name: 'Export your notes' }));

    expect(await within(banner).findByRole('link', { name: /Download digital-friend-journal-\d{4}-\d\d-\d\d\.json/ })).toBeInTheDocument();
    expect(downloads).toHaveLength(1);
    const parsed = parseJournalFile(await downloads[0]!.blob.text(), new Date());
    expect(parsed.ok && parsed.file.entries).toEqual([note]);
  });

  it('says notes last only while the panel is open when the session cannot keep them either', async () => {
    storage.status = { mode: 'memory', reason: 'x', keptUntil: 'browser-closes' };
    render(<StorageWarning />);
    const banner = await screen.findByRole('region', { name: 'Important' });

    act(() => {
      for (const listener of storage.listeners) listener({ mode: 'memory', reason: 'x', keptUntil: 'page-closes' });
    });

    expect(banner).toHaveTextContent('Your notes will be kept only while this panel is open. Export them before you close it.');
  });
});
