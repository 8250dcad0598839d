import { createEntry, fromStored, normaliseTags, toStored, type JournalEntry, type StoredEntry } from '../journal/entry';
import { queryTerms } from '../journal/text';
import type { DigitalFriendDb } from './schema';

export interface SearchResult {
  entries: JournalEntry[];
  /** How many entries match in all, or null when there are too many to count quickly. */
  total: number | null;
  /** Whether more matches exist beyond `entries` (read them with a larger limit). */
  more: boolean;
  terms: string[];
}

/** Index keys read before a search term counts as broad (about 9 ms of reading). */
const PROBE_CAP = 1000;
/** Rows read at a time when walking newest first through a broad search. */
const SCAN_BATCH = 250;

/**
 * The journal's storage. Every write goes through here (never raw tables). Reads are paged or
 * indexed: nothing here reads every entry, except export.
 */
export function createJournalRepo(db: DigitalFriendDb, clock: () => Date = () => new Date(), onChange?: () => void) {
  const repo = reads(db, clock);
  if (!onChange) return repo;
  // Tell whoever cares (the weekly prompt's badge) after every successful write.
  const notify =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await write(...args);
      onChange();
      return result;
    };
  return {
    ...repo,
    create: notify(repo.create),
    update: notify(repo.update),
    remove: notify(repo.remove),
    restore: notify(repo.restore),
    purgeDeleted: notify(repo.purgeDeleted),
    importAll: notify(repo.importAll),
    clear: notify(repo.clear),
  };
}

function reads(db: DigitalFriendDb, clock: () => Date) {
  const live = (e: { deletedAt?: string } | undefined) => Boolean(e && !e.deletedAt);

  return {
    async create(fields: Parameters<typeof createEntry>[0]): Promise<JournalEntry> {
      const entry = createEntry(fields, clock());
      await db.entries.add(toStored(entry));
      return entry;
    },

    /** Autosave: replaces the entry's editable fields, bumping updatedAt. */
    async update(id: string, patch: Partial<Pick<JournalEntry, 'text' | 'tags' | 'private' | 'lessonId' | 'promptId'>>): Promise<JournalEntry> {
      return db.transaction('rw', db.entries, async () => {
        const stored = await db.entries.get(id);
        if (!stored) throw new Error('That entry no longer exists.');
        const next: JournalEntry = {
          ...fromStored(stored),
          ...patch,
          ...(patch.tags ? { tags: normaliseTags(patch.tags) } : {}),
          updatedAt: clock().toISOString(),
        };
        await db.entries.put(toStored(next));
        return next;
      });
    },

    async get(id: string): Promise<JournalEntry | undefined> {
      const stored = await db.entries.get(id);
      return stored ? fromStored(stored) : undefined;
    },

    /** Moves an entry to "recently deleted"; `restore` is the undo. */
    async remove(id: string): Promise<void> {
      await db.entries.update(id, { deletedAt: clock().toISOString() });
    },

    async restore(id: string): Promise<void> {
      await db.transaction('rw', db.entries, async () => {
        const stored = await db.entries.get(id);
        if (!stored) return;
        const { deletedAt: _gone, ...rest } = stored;
        await db.entries.put(rest);
      });
    },

    /** Deletes for good what has been in "recently deleted" since before `before`. */
    async purgeDeleted(before: Date): Promise<number> {
      return db.entries.where('deletedAt').below(before.toISOString()).delete();
    },

    async count(): Promise<number> {
      const [all, deleted] = await Promise.all([db.entries.count(), db.entries.where('deletedAt').above('').count()]);
      return all - deleted;
    },

    /** Newest first, `limit` entries from `offset`. */
    async page(offset: number, limit: number): Promise<JournalEntry[]> {
      // Usually nothing is in "recently deleted", and then the page is one indexed range read.
      // A filter would make IndexedDB walk a cursor row by row, which the first render feels.
      const anyDeleted = (await db.entries.where('deletedAt').above('').count()) > 0;
      const newestFirst = db.entries.orderBy('id').reverse();
      const rows = await (anyDeleted ? newestFirst.filter(live) : newestFirst).offset(offset).limit(limit).toArray();
      return rows.map(fromStored);
    },

    async week(key: string): Promise<JournalEntry[]> {
      const rows = await db.entries.where('week').equals(key).filter(live).toArray();
      return rows.map(fromStored).sort((a, b) => b.id.localeCompare(a.id));
    },

    async byTag(tag: string): Promise<JournalEntry[]> {
      const rows = await db.entries.where('tags').equals(tag).filter(live).toArray();
      return rows.map(fromStored).sort((a, b) => b.id.localeCompare(a.id));
    },

    async deleted(): Promise<JournalEntry[]> {
      const rows = await db.entries.where('deletedAt').above('').toArray();
      return rows.map(fromStored).sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''));
    },

    tags: () => db.entries.orderBy('tags').uniqueKeys() as Promise<string[]>,
    weeks: async () => ((await db.entries.orderBy('week').uniqueKeys()) as string[]).reverse(),

    /** Whether the week's reflection has been written: any live entry in that week answering a prompt. */
    async answeredWeek(key: string): Promise<boolean> {
      const hit = await db.entries.where('week').equals(key).filter((e) => live(e) && Boolean(e.promptId)).first();
      return Boolean(hit);
    },

    /**
     * Full-text search by word prefixes, case- and accent-insensitive, newest first. Uses the
     * multi-entry `words` index: one key range per term, intersected on primary keys (which are
     * time-ordered), then only the newest `limit` rows are read.
     */
    async search(query: string, limit = 50): Promise<SearchResult> {
      const terms = queryTerms(query);
      if (terms.length === 0) return { entries: [], total: 0, more: false, terms };
      const matches = (row: StoredEntry) => live(row) && terms.every((term) => row.words.some((w) => w.startsWith(term)));
      // Read each term's index range only up to a cap: each index key costs about 9 µs to read,
      // and a broad prefix ("re") has hundreds of thousands of them in a big journal (measured by
      // npm run bench). Narrow terms are intersected on their keys; broad ones are checked
      // against the candidates' own words.
      const probes = await Promise.all(
        terms.map(async (term) => {
          const keys = (await db.entries.where('words').startsWith(term).limit(PROBE_CAP + 1).primaryKeys()) as string[];
          return keys.length > PROBE_CAP ? null : new Set(keys);
        }),
      );
      const narrow = probes.filter((p): p is Set<string> => p !== null).sort((a, b) => a.size - b.size);
      if (narrow.length > 0) {
        const candidates = [...narrow[0]!].filter((id) => narrow.every((set) => set.has(id))).sort().reverse();
        if (narrow.length === terms.length) {
          // Every term narrow: the intersection is exact; read only the rows shown.
          const rows = await db.entries.bulkGet(candidates.slice(0, limit * 2));
          const entries = rows.filter((r): r is StoredEntry => Boolean(r) && live(r!)).slice(0, limit).map(fromStored);
          return { entries, total: candidates.length, more: candidates.length > limit, terms };
        }
        // Some terms broad: check the narrow candidates newest first, a batch at a time.
        const found: StoredEntry[] = [];
        for (let i = 0; i < candidates.length && found.length <= limit; i += SCAN_BATCH) {
          const rows = await db.entries.bulkGet(candidates.slice(i, i + SCAN_BATCH));
          for (const row of rows) if (row && matches(row)) found.push(row);
        }
        const more = found.length > limit;
        return { entries: found.slice(0, limit).map(fromStored), total: more ? null : found.length, more, terms };
      }
      // Broad: matches are common, so walking the newest entries finds a screenful quickly.
      // The exact total is not worth reading every row for: the list says "at least" and
      // reads on as the person scrolls.
      const found: StoredEntry[] = [];
      let before: string | undefined;
      while (found.length <= limit) {
        const range = before === undefined ? db.entries.orderBy('id') : db.entries.where('id').below(before);
        const batch = await range.reverse().limit(SCAN_BATCH).toArray();
        if (batch.length === 0) break;
        for (const row of batch) if (matches(row)) found.push(row);
        before = batch[batch.length - 1]!.id;
        if (batch.length < SCAN_BATCH) break;
      }
      const more = found.length > limit;
      return { entries: found.slice(0, limit).map(fromStored), total: more ? null : found.length, more, terms };
    },

    /** Every entry, for export (including private and recently deleted: it is the person's own copy). */
    async all(): Promise<JournalEntry[]> {
      return (await db.entries.toArray()).map(fromStored);
    },

    /** How many of these ids are stored already: "adds N, updates M" before an import. Keys only. */
    async countExisting(ids: readonly string[]): Promise<number> {
      const stored = new Set((await db.entries.toCollection().primaryKeys()) as string[]);
      let count = 0;
      for (const id of ids) if (stored.has(id)) count += 1;
      return count;
    },

    /**
     * All-or-nothing import in one transaction. Entries are keyed by id, so importing the same
     * file twice does not double anything. Returns how many were new and how many replaced.
     */
    async importAll(entries: readonly JournalEntry[], onProgress?: (done: number, total: number) => void): Promise<{ added: number; replaced: number }> {
      return db.transaction('rw', db.entries, async () => {
        const ids = entries.map((e) => e.id);
        const existing = new Set((await db.entries.where('id').anyOf(ids).primaryKeys()) as string[]);
        const CHUNK = 2000;
        for (let i = 0; i < entries.length; i += CHUNK) {
          await db.entries.bulkPut(entries.slice(i, i + CHUNK).map(toStored));
          onProgress?.(Math.min(i + CHUNK, entries.length), entries.length);
        }
        return { added: entries.length - existing.size, replaced: existing.size };
      });
    },

    /** Empties the journal (used by "replace everything" imports and tests). */
    clear: () => db.entries.clear(),
  };
}

export type JournalRepo = ReturnType<typeof createJournalRepo>;
