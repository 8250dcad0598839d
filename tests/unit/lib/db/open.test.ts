import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createEntry } from '../../../../lib/journal/entry';
import { createJournalRepo } from '../../../../lib/db/journal-repo';
import { isStorageBlocked, MEMORY_ROW_PREFIX, memoryRowKey, StorageAwareDb, type IdbDeps, type SessionArea } from '../../../../lib/db/open';

/**
 * Firefox private browsing (and "never remember history") refuses IndexedDB to extension pages
 * (w3c/webextensions#534). These factories fail the way it does, so the fallback is proven
 * without Firefox.
 */
const MUTATION = 'A mutation operation was attempted on a database that did not allow mutations.';

/** `indexedDB.open` throws at once, as older Firefox did. */
function throwingFactory(error: () => unknown): IdbDeps & { opens: number } {
  const state = {
    opens: 0,
    indexedDB: {
      open() {
        state.opens += 1;
        throw error();
      },
      deleteDatabase() {
        throw error();
      },
      cmp: () => 0,
      databases: async () => [],
    } as unknown as globalThis.IDBFactory,
    IDBKeyRange: IDBKeyRange as unknown as typeof globalThis.IDBKeyRange,
  };
  return state;
}

/** `indexedDB.open` returns a request that then fails with `error`, as current Firefox does. */
function failingRequestFactory(error: DOMException): IdbDeps {
  return {
    indexedDB: {
      open() {
        const request = { error, result: undefined } as unknown as IDBOpenDBRequest & { onerror?: (event: Event) => void };
        setTimeout(() => {
          const event = { target: request, type: 'error', preventDefault() {}, stopPropagation() {} } as unknown as Event;
          request.onerror?.(event);
        }, 0);
        return request;
      },
      deleteDatabase() {
        throw error;
      },
      cmp: () => 0,
      databases: async () => [],
    } as unknown as globalThis.IDBFactory,
    IDBKeyRange: IDBKeyRange as unknown as typeof globalThis.IDBKeyRange,
  };
}

const fakeDevice = (): IdbDeps => ({ indexedDB: new IDBFactory() as unknown as globalThis.IDBFactory, IDBKeyRange: IDBKeyRange as unknown as typeof globalThis.IDBKeyRange });

/** storage.session as the browser gives it to every page: one store, and a change event for all. */
function memorySession(): SessionArea & { data: Record<string, unknown>; writes: number; failing: boolean } {
  const listeners = new Set<(changes: Record<string, { newValue?: unknown }>) => void>();
  // The browser tells every page, the writer included, a moment later.
  const tell = (changes: Record<string, { newValue?: unknown }>) => setTimeout(() => listeners.forEach((listener) => listener(structuredClone(changes))), 1);
  const area = {
    data: {} as Record<string, unknown>,
    writes: 0,
    failing: false,
    async getAll() {
      return structuredClone(area.data);
    },
    async set(items: Record<string, unknown>) {
      if (area.failing) throw new Error('QUOTA_BYTES quota exceeded');
      area.writes += 1;
      Object.assign(area.data, structuredClone(items));
      tell(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }])));
    },
    async remove(keys: string[]) {
      for (const key of keys) delete area.data[key];
      tell(Object.fromEntries(keys.map((k) => [k, {}])));
    },
    onChanged(listener: (changes: Record<string, { newValue?: unknown }>) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return area;
}

/** The entries the session holds, as the in-memory databases wrote them there. */
const sessionEntries = (session: { data: Record<string, unknown> }) =>
  Object.entries(session.data)
    .filter(([item]) => item.startsWith(`${MEMORY_ROW_PREFIX}entries:`))
    .map(([, row]) => row as { id: string; text: string });

let opened: StorageAwareDb[] = [];
function open(options: ConstructorParameters<typeof StorageAwareDb>[0]) {
  const db = new StorageAwareDb({ name: `df-test-${Math.random()}`, ...options });
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened) db.close();
  opened = [];
});

const until = async (check: () => boolean | Promise<boolean>, ms = 2000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('isStorageBlocked', () => {
  it.each([
    ['Firefox private browsing', new DOMException(MUTATION, 'InvalidStateError')],
    ['a SecurityError', new DOMException('The operation is insecure.', 'SecurityError')],
    ['Dexie wrapping it', Object.assign(new Error(`InvalidStateError ${MUTATION}`), { name: 'OpenFailedError', inner: new DOMException(MUTATION, 'InvalidStateError') })],
    ['Dexie with no IndexedDB at all', new Dexie.MissingAPIError('IndexedDB API missing')],
    ['the message alone', new Error(MUTATION)],
  ])('says yes to %s', (_, error) => {
    expect(isStorageBlocked(error)).toBe(true);
  });

  it.each([
    ['a newer database on disk', new DOMException('The requested version is less than the existing version.', 'VersionError')],
    ['a full disk', new DOMException('quota', 'QuotaExceededError')],
    ['a failed migration', Object.assign(new Error('upgrade failed'), { name: 'UpgradeError', inner: new TypeError('x is undefined') })],
    ['nothing', undefined],
    ['a string', 'InvalidStateError'],
  ])('says no to %s, which falling back would hide', (_, error) => {
    expect(isStorageBlocked(error)).toBe(false);
  });
});

describe('StorageAwareDb', () => {
  it('uses the device when IndexedDB works, and never loads the in-memory copy', async () => {
    const loadMemory = vi.fn();
    const device = fakeDevice();
    const db = open({ device, loadMemory });

    expect(await db.storage()).toEqual({ mode: 'device' });
    await db.entries.add({ ...createEntry({ text: 'kept' }, new Date()), words: ['kept'] });
    expect(loadMemory).not.toHaveBeenCalled();
    expect((await device.indexedDB.databases()).map((d) => d.name)).toContain(db.name);
  });

  it('falls back to memory when opening throws InvalidStateError, and still stores and reads entries', async () => {
    const device = throwingFactory(() => new DOMException(MUTATION, 'InvalidStateError'));
    const loadMemory = vi.fn(async () => fakeDevice());
    const db = open({ device, loadMemory });

    const status = await db.storage();

    expect(status).toMatchObject({ mode: 'memory', keptUntil: 'page-closes' });
    expect(status.mode === 'memory' && status.reason).toMatch(/InvalidStateError.*did not allow mutations/);
    expect(device.opens).toBeGreaterThan(0);
    expect(loadMemory).toHaveBeenCalledTimes(1);
    const repo = createJournalRepo(db);
    const entry = await repo.create({ text: 'Session only', tags: ['private-mode'] });
    expect(await repo.get(entry.id)).toEqual(entry);
    expect(await repo.search('session')).toMatchObject({ total: 1 });
  });

  it('falls back when the open request fails later, as Firefox reports it', async () => {
    const db = open({ device: failingRequestFactory(new DOMException(MUTATION, 'InvalidStateError')), loadMemory: async () => fakeDevice() });
    expect(await db.storage()).toMatchObject({ mode: 'memory' });
  });

  it('falls back with a SecurityError, and when there is no IndexedDB at all', async () => {
    const secure = open({ device: throwingFactory(() => new DOMException('The operation is insecure.', 'SecurityError')), loadMemory: async () => fakeDevice() });
    const missing = open({ device: undefined, loadMemory: async () => fakeDevice() });
    expect(await secure.storage()).toMatchObject({ mode: 'memory' });
    expect(await missing.storage()).toMatchObject({ mode: 'memory', reason: expect.stringMatching(/missing/i) });
  });

  it('lets queries made before the decision wait for it and succeed', async () => {
    const db = open({ device: throwingFactory(() => new DOMException(MUTATION, 'InvalidStateError')), loadMemory: async () => fakeDevice() });
    // No storage() call first: the way a component's first useLiveQuery reaches the database.
    const [count, added] = await Promise.all([db.entries.count(), db.progress.put({ lessonId: 'x', status: 'started', stepIndex: 0, startedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', completions: [] })]);
    expect(count).toBe(0);
    expect(added).toBe('x');
    expect(await db.progress.count()).toBe(1);
  });

  it('does not fall back for other failures: they are real faults, shown as errors', async () => {
    const loadMemory = vi.fn(async () => fakeDevice());
    const db = open({ device: throwingFactory(() => new DOMException('The requested version is less than the existing version.', 'VersionError')), loadMemory });
    await expect(db.storage()).rejects.toThrow(/version/i);
    await expect(db.entries.count()).rejects.toThrow(/version/i);
    expect(loadMemory).not.toHaveBeenCalled();
  });

  it('mirrors the in-memory database to the session and refills it from there in the next page', async () => {
    const session = memorySession();
    const blocked = () => throwingFactory(() => new DOMException(MUTATION, 'InvalidStateError'));
    const first = open({ name: 'df-session', device: blocked(), loadMemory: async () => fakeDevice(), session });
    expect(await first.storage()).toMatchObject({ mode: 'memory', keptUntil: 'browser-closes' });
    const entry = await createJournalRepo(first).create({ text: 'Written in a private window', private: true });
    await until(() => sessionEntries(session).length === 1);
    expect(session.data[memoryRowKey('entries', entry.id)]).toEqual(entry);
    first.close();

    // The side panel is closed and opened again: a new page, a new in-memory database.
    const second = open({ name: 'df-session', device: blocked(), loadMemory: async () => fakeDevice(), session });
    expect(await createJournalRepo(second).get(entry.id)).toEqual(entry);
  });

  describe('with two pages open at once (Firefox’s sidebar and a tab), each with its own copy in memory', () => {
    const blocked = () => throwingFactory(() => new DOMException(MUTATION, 'InvalidStateError'));
    const page = (session: SessionArea) => open({ name: 'df-two-pages', device: blocked(), loadMemory: async () => fakeDevice(), session });
    const sessionTexts = (session: ReturnType<typeof memorySession>) => sessionEntries(session).map((e) => e.text).sort();

    it('an idle page never writes its copy over another page’s notes, and takes them in', async () => {
      const session = memorySession();
      const sidebar = page(session);
      await sidebar.storage();
      const tab = page(session);
      await tab.storage();

      const note = await createJournalRepo(tab).create({ text: 'Written in the tab' });
      await until(() => sessionTexts(session).length === 1);
      // The sidebar hears of it and copies it in, without writing anything itself.
      await until(async () => (await createJournalRepo(sidebar).get(note.id)) !== undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sessionTexts(session)).toEqual(['Written in the tab']);

      // The panel is opened again: the note is there.
      expect(await createJournalRepo(page(session)).get(note.id)).toEqual(note);
    });

    it('notes written in both pages all reach the session, and deletions too', async () => {
      const session = memorySession();
      const sidebar = page(session);
      const tab = page(session);
      await Promise.all([sidebar.storage(), tab.storage()]);
      const fromTab = await createJournalRepo(tab).create({ text: 'From the tab' });
      const fromSidebar = await createJournalRepo(sidebar).create({ text: 'From the sidebar' });
      await until(() => sessionTexts(session).length === 2);
      expect(sessionTexts(session)).toEqual(['From the sidebar', 'From the tab']);

      // Deleted for good in one page: gone from the session and from the other page.
      await until(async () => (await createJournalRepo(tab).get(fromSidebar.id)) !== undefined);
      await createJournalRepo(tab).remove(fromSidebar.id);
      await until(async () => Boolean((await createJournalRepo(tab).get(fromSidebar.id))?.deletedAt));
      await createJournalRepo(tab).purgeDeleted(new Date(Date.now() + 60_000));
      await until(() => sessionTexts(session).length === 1);
      await until(async () => (await createJournalRepo(sidebar).get(fromSidebar.id)) === undefined);
      expect(await createJournalRepo(page(session)).get(fromTab.id)).toEqual(fromTab);
    });

    it('a page keeps what it has typed but not yet written out when another page’s copy arrives', async () => {
      const session = memorySession();
      const sidebar = page(session);
      const tab = page(session);
      await Promise.all([sidebar.storage(), tab.storage()]);
      const entry = await createJournalRepo(tab).create({ text: 'Draft' });
      await until(async () => (await createJournalRepo(sidebar).get(entry.id)) !== undefined);
      // Both edit the same entry; the last write wins in both pages and in the session.
      await createJournalRepo(sidebar).update(entry.id, { text: 'Draft, edited in the sidebar' });
      await createJournalRepo(tab).update(entry.id, { text: 'Draft, edited in the tab last' });
      await until(() => sessionTexts(session)[0] === 'Draft, edited in the tab last');
      await until(async () => (await createJournalRepo(sidebar).get(entry.id))?.text === 'Draft, edited in the tab last');
    });
  });

  it('says honestly that notes last only while the page is open when the session cannot hold them', async () => {
    const session = memorySession();
    session.failing = true;
    const db = open({ device: throwingFactory(() => new DOMException(MUTATION, 'InvalidStateError')), loadMemory: async () => fakeDevice(), session });
    const changes: unknown[] = [];
    db.onStorageChange((status) => changes.push(status));
    await db.storage();
    await createJournalRepo(db).create({ text: 'x' });
    await until(() => changes.length > 0);
    expect(changes.at(-1)).toMatchObject({ mode: 'memory', keptUntil: 'page-closes' });
    expect(await db.storage()).toMatchObject({ keptUntil: 'page-closes' });
  });
});
