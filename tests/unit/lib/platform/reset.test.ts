import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetEverything } from '../../../../lib/platform/reset';

/**
 * The fake browser does not implement `permissions`, so this small in-memory one stands in for
 * it: the state a user builds up by granting sites, and the calls that removed them.
 */
function installFakePermissions(origins: string[]) {
  const state = { origins: [...origins], removeCalls: 0 };
  Object.assign(fakeBrowser.permissions, {
    getAll: async () => ({ origins: [...state.origins], permissions: ['storage'] }),
    remove: async (request: { origins?: string[] }) => {
      state.removeCalls += 1;
      state.origins = state.origins.filter((origin) => !request.origins?.includes(origin));
      return true;
    },
  });
  return state;
}

function openDatabase(idb: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = idb.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('things', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function databaseNames(idb: IDBFactory): Promise<string[]> {
  return (await idb.databases()).map((db) => db.name ?? '').sort();
}

describe('resetEverything', () => {
  let idb: IDBFactory;

  beforeEach(() => {
    idb = new IDBFactory();
  });

  it('clears local and session storage', async () => {
    installFakePermissions([]);
    await fakeBrowser.storage.local.set({ settings: { promptDay: 1, promptTime: '09:00' }, other: 1 });
    await fakeBrowser.storage.session.set({ walkthrough: { lessonId: 'x-first-post' } });

    await resetEverything(idb);

    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });

  it('deletes every IndexedDB database of the extension origin', async () => {
    installFakePermissions([]);
    (await openDatabase(idb, 'digital-friend')).close();
    (await openDatabase(idb, 'some-other-store')).close();
    expect(await databaseNames(idb)).toEqual(['digital-friend', 'some-other-store']);

    await resetEverything(idb);

    expect(await databaseNames(idb)).toEqual([]);
  });

  it('finishes even while a Dexie database is still open, because Dexie closes on versionchange', async () => {
    installFakePermissions([]);
    const db = new Dexie('digital-friend', { indexedDB: idb, IDBKeyRange });
    db.version(1).stores({ journal: '++id, weekStart' });
    await db.table('journal').add({ weekStart: '2026-11-16', text: 'Posted on Viva Engage' });

    await resetEverything(idb);

    expect(db.isOpen()).toBe(false);
    expect(await databaseNames(idb)).toEqual([]);
  });

  it('removes every site permission the user granted', async () => {
    const permissions = installFakePermissions(['https://x.com/*', 'https://www.linkedin.com/*']);

    await resetEverything(idb);

    expect(permissions.origins).toEqual([]);
    expect(permissions.removeCalls).toBe(1);
  });

  it('does not call permissions.remove when no site was granted', async () => {
    const permissions = installFakePermissions([]);

    await resetEverything(idb);

    expect(permissions.removeCalls).toBe(0);
  });
});
