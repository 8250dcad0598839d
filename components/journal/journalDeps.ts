import { createContext, useContext } from 'react';
import { getJournalRepo } from '../../lib/db';
import type { JournalRepo } from '../../lib/db/journal-repo';

/**
 * What the journal's components need from outside, passed in rather than reached for, so tests
 * give them a repository over a fresh fake-indexeddb database and a fixed clock.
 */
export interface JournalDeps {
  repo: JournalRepo;
  now(): Date;
  /**
   * A synchronous store for the editor's crash copy (localStorage in extension pages). IndexedDB
   * writes started while a page is closing may never finish; this one always does.
   */
  backup: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
}

export const JournalDepsContext = createContext<JournalDeps | null>(null);

let fallback: JournalDeps | undefined;

function localBackup(): JournalDeps['backup'] {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function useJournalDeps(): JournalDeps {
  const deps = useContext(JournalDepsContext);
  if (deps) return deps;
  fallback ??= { repo: getJournalRepo(), now: () => new Date(), backup: localBackup() };
  return fallback;
}
