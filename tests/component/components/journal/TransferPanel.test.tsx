import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JournalDepsContext, type JournalDeps } from '../../../../components/journal/journalDeps';
import TransferPanel from '../../../../components/journal/TransferPanel';
import { createJournalRepo } from '../../../../lib/db/journal-repo';
import { DigitalFriendDb } from '../../../../lib/db/schema';
import { createEntry, type StoredEntry } from '../../../../lib/journal/entry';
import { MAX_FILE_BYTES, parseJournalFile } from '../../../../lib/journal/transfer';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(resolve(here, '../../../fixtures/imports', name), 'utf8');
const fileOf = (name: string, text = fixture(name)) => new File([text], name, { type: 'application/json' });

let n = 0;
let db: DigitalFriendDb;
let deps: JournalDeps;
let downloads: Array<{ name: string; blob: Blob }>;
let blobs: Map<string, Blob>;

beforeEach(() => {
  db = new DigitalFriendDb(`transfer-test-${(n += 1)}`);
  deps = { repo: createJournalRepo(db, () => NOW), now: () => NOW, backup: null };
  // jsdom has neither object URLs nor downloads: keep the Blob behind each URL, and record clicks.
  blobs = new Map();
  downloads = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn((url: string) => void blobs.delete(url));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

function renderPanel() {
  render(
    <JournalDepsContext.Provider value={deps}>
      <TransferPanel />
    </JournalDepsContext.Provider>,
  );
  return userEvent.setup();
}

const rows = (): Promise<StoredEntry[]> => db.entries.orderBy('id').toArray();
const storedSettings = async () => (await fakeBrowser.storage.local.get('settings')).settings as unknown;
const fileInput = () => screen.getByLabelText('Upload a journal file') as HTMLInputElement;

async function choose(user: ReturnType<typeof userEvent.setup>, file: File) {
  await user.upload(fileInput(), file);
  await user.click(screen.getByRole('button', { name: 'Continue' }));
}

async function seed() {
  const mine = createEntry({ text: 'Already here', tags: ['mine'] }, new Date('2026-06-01T09:00:00.000Z'), 'e-mine00001-mine0001');
  await deps.repo.importAll([mine]);
  return rows();
}

describe('TransferPanel: export', () => {
  it('exports everything as one JSON file, private and deleted entries and settings included, showing "Preparing…" then the file', async () => {
    await fakeBrowser.storage.local.set({ settings: { promptDay: 1, promptTime: '08:45', promptEnabled: false } });
    const kept = await deps.repo.create({ text: 'Private thought', private: true, tags: ['team'] });
    const gone = await deps.repo.create({ text: 'Deleted thought' });
    await deps.repo.remove(gone.id);
    const user = renderPanel();

    await user.click(screen.getByRole('button', { name: 'Export a file to import later' }));

    const status = screen.getByTestId('export-status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    const link = await within(status).findByRole('link', { name: /Download digital-friend-journal-2026-11-23\.json \(\d+(\.\d)? KB\)|bytes/ });
    expect(link).toHaveAttribute('download', 'digital-friend-journal-2026-11-23.json');
    expect(downloads.map((d) => d.name)).toEqual(['digital-friend-journal-2026-11-23.json']);
    const parsed = parseJournalFile(await downloads[0]!.blob.text(), NOW);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.file.settings).toEqual({ promptDay: 1, promptTime: '08:45', promptEnabled: false });
    expect(parsed.file.entries.map((e) => e.id).sort()).toEqual([kept.id, gone.id].sort());
    expect(parsed.file.entries.find((e) => e.id === gone.id)?.deletedAt).toBeDefined();
    expect(parsed.file.entries.find((e) => e.id === kept.id)?.private).toBe(true);
  });

  it('says "Preparing…" while it works', async () => {
    let release = () => {};
    const all = deps.repo.all;
    deps.repo = { ...deps.repo, all: () => new Promise((done) => (release = () => void all().then(done))) };
    const user = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Export a file to import later' }));
    expect(screen.getByTestId('export-status')).toHaveTextContent('Preparing…');
    expect(screen.getByRole('button', { name: 'Export a file to import later' })).toBeDisabled();
    release();
    expect(await screen.findByRole('link', { name: /Download/ })).toBeInTheDocument();
  });

  it('exports a Markdown document with one section per week', async () => {
    await deps.repo.importAll([createEntry({ text: 'A week 47 note' }, new Date('2026-11-18T10:00:00.000Z'), 'e-mhzz00001-aaaa0001')]);
    const user = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Export a document to read' }));
    await screen.findByRole('link', { name: /digital-friend-journal-2026-11-23\.md/ });
    const md = await downloads[0]!.blob.text();
    expect(md).toMatch(/^# Reflections journal\n\n## Week 47, 2026/);
    expect(md).toContain('A week 47 note');
  });
});

describe('TransferPanel: import', () => {
  it('says what will happen, asks to confirm, shows progress and imports, keeping settings by default', async () => {
    await seed();
    const user = renderPanel();
    // The file has one entry the journal already has.
    const file = JSON.parse(fixture('valid.json')) as { entries: Array<{ id: string }> };
    file.entries[0]!.id = 'e-mine00001-mine0001';
    await choose(user, fileOf('my-journal.json', JSON.stringify(file)));

    const confirm = await screen.findByTestId('import-confirm');
    // Focus moves in an effect just after the element appears.
    await waitFor(() => expect(within(confirm).getByRole('heading', { name: 'Check before you import' })).toHaveFocus());
    expect(confirm).toHaveTextContent('my-journal.json has 4 entries, exported on 1 October 2026.');
    expect(confirm).toHaveTextContent('Importing it adds 3 entries and updates 1 entry that you already have to the versions in the file.');
    const group = within(confirm).getByRole('group', { name: 'The file also has settings. Which settings do you want?' });
    expect(within(group).getByRole('radio', { name: 'Keep my current settings' })).toBeChecked();
    expect(within(group).getByRole('radio', { name: 'Use the settings from the file' })).toHaveAccessibleDescription('Weekly prompt turned off');
    expect(await rows()).toHaveLength(1);

    await user.click(within(confirm).getByRole('button', { name: 'Import 4 entries' }));

    const done = await screen.findByTestId('import-done');
    // Focus moves in an effect just after the element appears.
    await waitFor(() => expect(done).toHaveFocus());
    expect(done).toHaveTextContent('Import complete: 3 entries added and 1 entry updated.');
    expect(done).toHaveTextContent('Your settings have not changed.');
    expect(await rows()).toHaveLength(4);
    expect(await storedSettings()).toBeUndefined();
  });

  it('applies the file’s settings when asked', async () => {
    const user = renderPanel();
    await choose(user, fileOf('valid.json'));
    await user.click(await screen.findByRole('radio', { name: 'Use the settings from the file' }));
    await user.click(screen.getByRole('button', { name: 'Import 4 entries' }));
    expect(await screen.findByTestId('import-done')).toHaveTextContent('Your settings are now the ones from the file.');
    expect(await storedSettings()).toEqual({ promptDay: 2, promptTime: '09:15', promptEnabled: false });
  });

  it('does not ask about settings that are the same as the person’s', async () => {
    await fakeBrowser.storage.local.set({ settings: { promptDay: 2, promptTime: '09:15', promptEnabled: false } });
    const user = renderPanel();
    await choose(user, fileOf('valid.json'));
    expect(await screen.findByText('The settings in the file are the same as yours.')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('imports the same file twice without doubling anything', async () => {
    const user = renderPanel();
    await choose(user, fileOf('valid.json'));
    await user.click(await screen.findByRole('button', { name: 'Import 4 entries' }));
    await screen.findByTestId('import-done');
    const first = await rows();

    await choose(user, fileOf('valid.json'));
    expect(await screen.findByTestId('import-confirm')).toHaveTextContent('Importing it adds 0 entries and updates 4 entries that you already have');
    await user.click(screen.getByRole('button', { name: 'Import 4 entries' }));
    expect(await screen.findByTestId('import-done')).toHaveTextContent('Import complete: 0 entries added and 4 entries updated.');
    expect(await rows()).toEqual(first);
  });

  it('shows progress in a live region while it imports: "Imported 2,000 of 4,100 entries"', async () => {
    const many = Array.from({ length: 4_100 }, (_, i) => createEntry({ text: `Entry ${i}` }, new Date(Date.UTC(2026, 0, 1) + i * 60_000), `e-${(Date.UTC(2026, 0, 1) + i * 60_000).toString(36).padStart(9, '0')}-many${i}`));
    const text = JSON.stringify({ format: 'digital-friend/journal', version: 1, exportedAt: NOW.toISOString(), settings: { promptDay: 5, promptTime: '16:00', promptEnabled: true }, entries: many });
    const user = renderPanel();
    const region = screen.getByTestId('import-progress');
    expect(region).toHaveAttribute('aria-live', 'polite');
    const heard: string[] = [];
    const observer = new MutationObserver(() => heard.push(region.textContent ?? ''));
    observer.observe(region, { childList: true, subtree: true, characterData: true });

    await choose(user, fileOf('big.json', text));
    await user.click(await screen.findByRole('button', { name: 'Import 4,100 entries' }));
    await screen.findByTestId('import-done', undefined, { timeout: 20_000 });
    observer.disconnect();

    expect(heard).toContain('Checking the file…');
    expect(heard).toContain('Imported 2,000 of 4,100 entriesImporting. Keep this panel open until it has finished.');
    expect(heard).toContain('Imported 4,000 of 4,100 entriesImporting. Keep this panel open until it has finished.');
    expect(screen.getByTestId('import-done')).toHaveTextContent('Import complete: 4,100 entries added and 0 entries updated.');
    expect(await db.entries.count()).toBe(4_100);
  }, 30_000);

  it('cancel imports nothing and goes back to choosing a file', async () => {
    const before = await seed();
    const user = renderPanel();
    await choose(user, fileOf('valid.json'));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(fileInput()).toBeInTheDocument();
    expect(await rows()).toEqual(before);
  });

  it('asks for a file when none was chosen', async () => {
    const user = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const summary = screen.getByTestId('import-errors');
    // Focus moves in an effect just after the element appears.
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByRole('link', { name: 'Select a journal file' })).toHaveAttribute('href', `#${fileInput().id}`);
  });
});

describe('TransferPanel: bad files, each refused with what and where, the journal unchanged', () => {
  it.each([
    ['an empty file', 'empty.json', ['The file is empty.']],
    ['a truncated file', 'truncated.json', [/^This is not a Digital Friend export: it is not valid JSON, or it was cut short/]],
    ['not JSON', 'not-json.txt', [/it is not valid JSON/]],
    ['a newer version', 'newer-version.json', ['This file was made by a newer version of Digital Friend (format 2; this version reads format 1). Update Digital Friend, then import it again.']],
    ['wrong types', 'wrong-types.json', ['Entry 1 (id e-mh0000020-fixt0020), field private: expected boolean but found "yes"', 'Field settings.promptTime: is not a time such as 16:00']],
    ['__proto__ keys', 'proto-pollution.json', ['Field __proto__: is not part of a Digital Friend export']],
    ['duplicate ids', 'duplicate-ids.json', ['Entry 3 (id e-mh0000050-fixt0050): has the same id as entry 1']],
    ['dates in the future', 'future-dates.json', ['Entry 1 (id e-mh0000060-fixt0060), field createdAt: is in the future']],
    ['impossible dates', 'invalid-dates.json', ['Entry 2 (id e-mh0000071-fixt0071), field createdAt: is not a real date']],
  ])('%s', async (_, name, expected) => {
    const before = await seed();
    const user = renderPanel();
    await choose(user, fileOf(name));

    const summary = await screen.findByTestId('import-errors');
    // Focus moves in an effect just after the element appears.
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeInTheDocument();
    expect(summary).toHaveTextContent(`${name} cannot be imported. Nothing has been imported and your journal has not changed.`);
    const problems = within(summary).getAllByRole('link').map((a) => a.textContent);
    for (const problem of expected) expect(problems).toContainEqual(typeof problem === 'string' ? problem : expect.stringMatching(problem));
    expect(fileInput()).toHaveAccessibleDescription(expect.stringContaining('Error: The selected file cannot be imported'));
    expect(await rows()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a file over 50 MB, refused from its size without reading it', async () => {
    const huge = fileOf('huge.json', '{}');
    Object.defineProperty(huge, 'size', { value: MAX_FILE_BYTES + 1 });
    const read = vi.spyOn(huge, 'text');
    const user = renderPanel();
    await choose(user, huge);
    expect(await screen.findByTestId('import-errors')).toHaveTextContent('The selected file must be smaller than 50 MB. It is 50.0 MB.');
    expect(read).not.toHaveBeenCalled();
  });

  it('a full disk during the import: a clear message, and nothing half-written', async () => {
    const before = await seed();
    let writes = 0;
    db.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (table) => {
          const inner = down.table(table);
          return {
            ...inner,
            mutate: async (req) => {
              writes += 1;
              if (table === 'entries' && writes > 1) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              return inner.mutate(req);
            },
          };
        },
      }),
    });
    db.close();
    await db.open();
    const many = Array.from({ length: 2_500 }, (_, i) => createEntry({ text: `Entry ${i}` }, new Date(Date.UTC(2026, 0, 1) + i * 60_000), `e-${(Date.UTC(2026, 0, 1) + i * 60_000).toString(36).padStart(9, '0')}-full${i}`));
    const text = JSON.stringify({ format: 'digital-friend/journal', version: 1, exportedAt: NOW.toISOString(), settings: { promptDay: 5, promptTime: '16:00', promptEnabled: true }, entries: many });
    const user = renderPanel();
    await choose(user, fileOf('big.json', text));
    await user.click(await screen.findByRole('button', { name: 'Import 2,500 entries' }));

    const summary = await screen.findByTestId('import-errors', undefined, { timeout: 10_000 });
    // Focus moves in an effect just after the element appears.
    await waitFor(() => expect(summary).toHaveFocus());
    expect(summary).toHaveTextContent('There is not enough storage space on this computer to import this file. Nothing has been imported and your journal has not changed.');
    expect(await rows()).toEqual(before);
    expect(await storedSettings()).toBeUndefined();
  }, 20_000);
});
