import { act, render } from '@testing-library/react';
import JournalArea from '../../../../components/journal/JournalArea';
import { JournalDepsContext, type JournalDeps } from '../../../../components/journal/journalDeps';
import { createJournalRepo } from '../../../../lib/db/journal-repo';
import { DigitalFriendDb } from '../../../../lib/db/schema';
import { createEntry, newEntryId, type JournalEntry } from '../../../../lib/journal/entry';

/** Friday 27 November 2026, 3:04pm local time: ISO week 2026-W48. */
export const NOW = new Date(2026, 10, 27, 15, 4);

/** localStorage's shape over a Map, so each test starts with an empty crash copy. */
export class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

let n = 0;

/** The real repository over a fresh fake-indexeddb database, with a clock the test moves. */
export function journalDeps(now = NOW) {
  const db = new DigitalFriendDb(`journal-test-${(n += 1)}`);
  const clock = { now };
  const deps: JournalDeps & { db: DigitalFriendDb; clock: { now: Date }; backup: MemoryStorage } = {
    db,
    clock,
    now: () => clock.now,
    repo: createJournalRepo(db, () => clock.now),
    backup: new MemoryStorage(),
  };
  return deps;
}

export function renderJournal(hash: string, deps: JournalDeps) {
  window.history.replaceState(null, '', `/sidepanel.html${hash}`);
  return render(
    <JournalDepsContext.Provider value={deps}>
      <JournalArea />
    </JournalDepsContext.Provider>,
  );
}

/** Lets fake-indexeddb (which runs on setImmediate) and Dexie's promises finish what they started. */
export async function settle(rounds = 30): Promise<void> {
  await act(async () => {
    for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setImmediate(resolve));
  });
}

/** An entry as if written at `at`, for seeding with importAll. */
export function entryAt(at: Date, fields: Parameters<typeof createEntry>[0], index = 0): JournalEntry {
  return createEntry(fields, at, newEntryId(at, () => ((index * 7919) % 36) / 36));
}
