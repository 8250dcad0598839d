import { browser } from 'wxt/browser';

/**
 * Puts the extension back to how it was at install: every storage area, every IndexedDB database
 * of the extension's origin, and every optional site permission the user granted.
 * The background runs it, so that it is one place and the UI can close before it starts.
 */
export async function resetEverything(idb: IDBFactory = indexedDB): Promise<void> {
  await browser.storage.local.clear();
  await browser.storage.session?.clear();
  const databases = typeof idb.databases === 'function' ? await idb.databases() : [];
  await Promise.all(
    databases
      .map((db) => db.name)
      .filter((name): name is string => Boolean(name))
      .map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const request = idb.deleteDatabase(name);
            request.onsuccess = () => resolve();
            request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
            // Another page still holds it open: Dexie closes on versionchange, so this settles.
            request.onblocked = () => undefined;
          }),
      ),
  );
  const granted = await browser.permissions.getAll();
  if (granted.origins?.length) await browser.permissions.remove({ origins: granted.origins });
}
