import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { isQuotaError } from '../../../../components/journal/TransferActions';
import { createJournalRepo, type JournalRepo } from '../../../../lib/db/journal-repo';
import { DigitalFriendDb } from '../../../../lib/db/schema';
import { createEntry, type JournalEntry, type StoredEntry } from '../../../../lib/journal/entry';
import { parseJournalFile, toJournalFile } from '../../../../lib/journal/transfer';
import type { Settings } from '../../../../lib/settings/settings';

// Import is all or nothing: a fault anywhere in it (a full disk, a bug, the page closing) leaves
// the journal exactly as it was. Every test compares whole stored rows before and after.

const NOW = new Date('2026-11-23T12:00:00.000Z');
const SETTINGS: Settings = { promptDay: 3, promptTime: '08:30', promptEnabled: true };

let db: DigitalFriendDb;
let repo: JournalRepo;

beforeEach(() => {
  db = new DigitalFriendDb(`import-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  repo = createJournalRepo(db, () => NOW);
});

afterEach(() => db.close());

function makeEntries(count: number, prefix = 'file', start = Date.UTC(2026, 0, 5)): JournalEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(start + i * 3_600_000);
    const id = `e-${at.getTime().toString(36).padStart(9, '0')}-${prefix}${String(i).padStart(5, '0')}`;
    return {
      ...createEntry({ text: `Entry ${i} from ${prefix}: meetings, blogs and a café`, tags: i % 3 ? ['policy'] : [], private: i % 5 === 0, lessonId: i % 7 ? undefined : 'x-post' }, at, id),
      ...(i % 11 === 0 ? { deletedAt: new Date(at.getTime() + 60_000).toISOString() } : {}),
    };
  });
}

/** Every stored entry row, in key order. */
const snapshot = (): Promise<StoredEntry[]> => db.entries.orderBy('id').toArray();

/** Every row of the journal's tables, the search index included: "unchanged" means equal to this. */
const everything = async () => ({ entries: await snapshot(), searchIndex: await db.searchIndex.toArray(), searchPending: await db.searchPending.toArray() });

/** `count` imported entries plus one written since, so the search index has a base and a pending row. */
async function seed(count = 25): Promise<StoredEntry[]> {
  await repo.importAll(makeEntries(count - 1, 'mine', Date.UTC(2025, 5, 1)));
  await repo.create({ text: 'Written since the import', tags: ['mine'] });
  return snapshot();
}

describe('importAll', () => {
  it('stores every entry as it was, and indexes it for search', async () => {
    const entries = makeEntries(30);
    expect(await repo.importAll(entries)).toEqual({ added: 30, replaced: 0 });
    const all = (await repo.all()).sort((a, b) => a.id.localeCompare(b.id));
    expect(all).toStrictEqual([...entries].sort((a, b) => a.id.localeCompare(b.id)));
    // Three of the 30 are in "recently deleted" (every 11th), which search leaves out.
    expect((await repo.search('café')).total).toBe(27);
    expect(await repo.searchStatus()).toEqual({ indexed: 30, pending: 0 });
  });

  it('does not double an entry imported twice: the second time it is an update', async () => {
    const entries = makeEntries(40);
    await repo.importAll(entries);
    const first = await snapshot();

    expect(await repo.importAll(entries)).toEqual({ added: 0, replaced: 40 });
    expect(await db.entries.count()).toBe(40);
    expect(await snapshot()).toStrictEqual(first);
  });

  it('adds new entries, replaces ones with the same id by the file’s version, and leaves the rest alone', async () => {
    const mine = await seed(10);
    const changed = { ...(await repo.get(mine[0]!.id))!, text: 'Changed in the file', updatedAt: '2026-11-01T00:00:00.000Z' };
    const fresh = makeEntries(5);

    expect(await repo.importAll([changed, ...fresh])).toEqual({ added: 5, replaced: 1 });
    expect(await db.entries.count()).toBe(15);
    expect(await repo.get(changed.id)).toStrictEqual(changed);
    const untouched = (await snapshot()).filter((row) => row.id !== changed.id && !row.id.includes('file'));
    expect(untouched).toStrictEqual(mine.slice(1));
  });

  it('counts the ids it already has, for "adds N, updates M" before the import', async () => {
    const mine = await seed(10);
    expect(await repo.countExisting([mine[0]!.id, mine[9]!.id, 'e-000000000-nothere'])).toBe(2);
    expect(await repo.countExisting([])).toBe(0);
  });

  it('reports progress, in chunks, up to the total', async () => {
    const progress: Array<[number, number]> = [];
    await repo.importAll(makeEntries(4_500), (done, total) => progress.push([done, total]));
    expect(progress).toEqual([
      [2_000, 4_500],
      [4_000, 4_500],
      [4_500, 4_500],
    ]);
  });

  it('imports nothing, and reports nothing, for an empty file', async () => {
    const mine = await seed(3);
    const progress = vi.fn();
    expect(await repo.importAll([], progress)).toEqual({ added: 0, replaced: 0 });
    expect(await snapshot()).toStrictEqual(mine);
  });
});

describe('export → wipe → import', () => {
  it('gives back identical data: every field, private, tags, deleted-but-not-purged, lesson and prompt links', async () => {
    const entries = makeEntries(120).map((e, i) => (i % 4 === 0 ? { ...e, promptId: `weekly-${e.week}` } : e));
    await repo.importAll(entries);
    await repo.update(entries[1]!.id, { text: 'Edited after writing', private: true });
    await repo.remove(entries[2]!.id);
    const before = await snapshot();
    expect(before.some((e) => e.deletedAt)).toBe(true);
    expect(before.some((e) => e.private)).toBe(true);

    const text = JSON.stringify(toJournalFile(await repo.all(), SETTINGS, NOW), null, 2);
    await repo.clear();
    expect(await db.entries.count()).toBe(0);
    const parsed = parseJournalFile(text, NOW);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await repo.importAll(parsed.file.entries);

    expect(await snapshot()).toStrictEqual(before);
    expect(parsed.file.settings).toStrictEqual(SETTINGS);
  });
});

describe('all or nothing', () => {
  /** A fake storage layer that runs out of space after `allowed` more writes, as a full disk does. */
  async function fillUpAfter(allowed: number, error: () => Error = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'), failingTable = 'entries') {
    let writes = 0;
    db.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: async (req) => {
              writes += 1;
              if (name === failingTable && writes > allowed) throw error();
              return table.mutate(req);
            },
          };
        },
      }),
    });
    // Dexie builds its middleware stack when it opens.
    db.close();
    await db.open();
  }

  it('a full disk part-way through: a quota error, and the journal exactly as before', async () => {
    await seed(25);
    const whole = await everything();
    await fillUpAfter(1);

    const failure = await repo.importAll(makeEntries(3_000)).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(Error);
    expect(isQuotaError(failure)).toBe(true);
    expect(await db.entries.count()).toBe(25);
    expect(await everything()).toStrictEqual(whole);
  });

  it('a quota error in the middle of a chunk, from the object store itself', async () => {
    await seed(25);
    const whole = await everything();
    const put = FakeObjectStore.prototype.put;
    let calls = 0;
    const spy = vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: InstanceType<typeof FakeObjectStore>, ...args: Parameters<typeof put>) {
      calls += 1;
      // Well into the second chunk: 2,000 rows of the first chunk are already written in the transaction.
      if (calls === 2_500) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    try {
      const failure = await repo.importAll(makeEntries(3_000)).catch((error: unknown) => error);
      expect(calls).toBeGreaterThanOrEqual(2_500);
      expect(isQuotaError(failure)).toBe(true);
    } finally {
      spy.mockRestore();
    }
    expect(await everything()).toStrictEqual(whole);
  });

  it('replacing entries it already had: none of them changed when the import fails', async () => {
    const before = await seed(25);
    const whole = await everything();
    const edits = before.map((e) => ({ ...e, text: `${e.text} (edited in the file)` }));
    await fillUpAfter(0);
    await expect(repo.importAll([...edits, ...makeEntries(10)])).rejects.toThrow();
    expect(await everything()).toStrictEqual(whole);
  });

  it('a full disk while writing the search index, after every entry is in: nothing changes', async () => {
    await seed(25);
    const whole = await everything();
    // The entries' writes go through; the first write to the search index fails.
    await fillUpAfter(0, undefined, 'searchIndex');
    const failure = await repo.importAll(makeEntries(300)).catch((error: unknown) => error);
    expect(isQuotaError(failure)).toBe(true);
    expect(await everything()).toStrictEqual(whole);
    expect((await repo.search('file')).total).toBe(0);
  });

  it('a bug in a table hook part-way through', async () => {
    await seed(10);
    const whole = await everything();
    let seen = 0;
    db.entries.hook('creating', () => {
      seen += 1;
      if (seen === 3_000) throw new TypeError('Cannot read properties of undefined');
    });
    await expect(repo.importAll(makeEntries(4_000))).rejects.toThrow(/Cannot read properties/);
    expect(await everything()).toStrictEqual(whole);
  });

  it('the page going away part-way through (the transaction is aborted)', async () => {
    await seed(10);
    const whole = await everything();
    const failure = await repo
      .importAll(makeEntries(4_500), (done) => {
        // What closing the side panel does to a transaction still running in it.
        if (done === 4_000) Dexie.currentTransaction?.abort();
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(isQuotaError(failure)).toBe(false);
    expect(await everything()).toStrictEqual(whole);
  });

  it('an error thrown by the progress callback', async () => {
    await seed(10);
    const whole = await everything();
    await expect(
      repo.importAll(makeEntries(3_000), () => {
        throw new Error('progress display broke');
      }),
    ).rejects.toThrow('progress display broke');
    expect(await everything()).toStrictEqual(whole);
  });
});

describe('isQuotaError', () => {
  it.each([
    ['the browser’s DOMException', new DOMException('x', 'QuotaExceededError')],
    ['Dexie’s wrapper', Object.assign(new Error('AbortError'), { name: 'AbortError', inner: new DOMException('x', 'QuotaExceededError') })],
    ['a bulk error listing failures', Object.assign(new Error('1 of 2000 operations failed'), { name: 'BulkError', failures: [new DOMException('x', 'QuotaExceededError')] })],
    ['a bulk error keyed by position', Object.assign(new Error('failed'), { name: 'BulkError', failures: { 12: new DOMException('x', 'QuotaExceededError') } })],
    ['a message about quota', new Error('QUOTA_BYTES quota exceeded')],
  ])('recognises %s', (_, error) => {
    expect(isQuotaError(error)).toBe(true);
  });

  it.each([[new Error('other')], [new DOMException('x', 'AbortError')], [null], ['QuotaExceededError']])('not %s', (error) => {
    expect(isQuotaError(error)).toBe(false);
  });
});
