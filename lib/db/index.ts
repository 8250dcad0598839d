import { browser } from 'wxt/browser';
import { send } from '../platform/messaging';
import { createJournalRepo } from './journal-repo';
import { StorageAwareDb, type IdbDeps, type SessionArea, type StorageStatus } from './open';
import type { DigitalFriendDb } from './schema';

export type { StorageStatus } from './open';

let db: StorageAwareDb | undefined;

function deviceIdb(): IdbDeps | undefined {
  try {
    // Reading the property itself can throw (SecurityError) where storage is forbidden.
    return typeof indexedDB === 'undefined' ? undefined : { indexedDB, IDBKeyRange };
  } catch {
    return undefined;
  }
}

function sessionArea(): SessionArea | undefined {
  const session = browser.storage?.session;
  if (!session) return undefined;
  return {
    getAll: () => session.get(null),
    set: (items) => session.set(items),
    remove: (keys) => session.remove(keys),
    onChanged(listener) {
      const heard = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'session') listener(changes);
      };
      browser.storage.onChanged.addListener(heard);
      return () => browser.storage.onChanged.removeListener(heard);
    },
  };
}

/**
 * The page's one connection to the extension's database, opened on first use. It lives on the
 * device, or in memory where the browser refuses storage (Firefox private browsing): see ./open.
 */
export function getDb(): DigitalFriendDb {
  db ??= new StorageAwareDb({ device: deviceIdb(), session: sessionArea() });
  return db;
}

/** Where the database lives (opening it if need be), for the warning banner. */
export function getStorageStatus(): Promise<StorageStatus> {
  getDb();
  return db!.storage();
}

/** Called when the storage status changes after it was first decided. */
export function onStorageStatusChange(listener: (status: StorageStatus) => void): () => void {
  getDb();
  return db!.onStorageChange(listener);
}

let noticeTimer: ReturnType<typeof setTimeout> | undefined;
/** Autosave writes often: one 'journal/changed' a second is plenty for the badge. */
function journalChanged() {
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => void send('journal/changed', {}).catch(() => undefined), 1000);
}

export function getJournalRepo() {
  return createJournalRepo(getDb(), undefined, journalChanged);
}
