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
  // Only optional grants can be taken back: asking to remove a host the manifest requires (the
  // end-to-end build's host_permissions) throws "You cannot remove required permissions."
  const required = new Set(requiredHosts());
  const granted = (await browser.permissions.getAll()).origins?.filter((origin) => !required.has(origin)) ?? [];
  if (granted.length) await browser.permissions.remove({ origins: granted });
}

function requiredHosts(): string[] {
  try {
    return browser.runtime.getManifest().host_permissions ?? [];
  } catch {
    // Test doubles without a manifest: nothing is required.
    return [];
  }
}
