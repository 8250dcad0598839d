import Dexie from 'dexie';
import { createEntry, entryWords, fromStored, normaliseTags, type JournalEntry, type StoredEntry } from '../journal/entry';
import { INDEX_FORMAT, emptyIndex, mergeIndex, metaFor, newGeneration, openIndex, searchIndex, type IndexBase, type IndexMeta, type OpenIndex, type PendingWords } from '../journal/search-index';
import { queryTerms } from '../journal/text';
import type { DigitalFriendDb } from './schema';

export interface SearchResult {
  entries: JournalEntry[];
  /** How many entries match in all. */
  total: number;
  /** Whether more matches exist beyond `entries` (read them with a larger limit). */
  more: boolean;
  terms: string[];
}

/**
 * Pending rows (entries written since the search index's base was built) a search reads before it
 * folds them into a new base. Each costs a little on every search; folding costs about as much as
 * one cold search (npm run bench).
 */
export const PENDING_LIMIT = 200;

/** Each open database's decoded search index, for the generation it was read at. */
const openIndexes = new WeakMap<DigitalFriendDb, OpenIndex>();
/** Databases with a fold of their pending rows under way. */
const compacting = new WeakSet<DigitalFriendDb>();

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

/** The search index's base as of `meta`, decoded once per generation and kept for the page's life. */
async function loadIndex(db: DigitalFriendDb, meta: IndexMeta | IndexBase | undefined): Promise<OpenIndex> {
  if (!meta || meta.format !== INDEX_FORMAT) return emptyIndex();
  const cached = openIndexes.get(db);
  if (cached?.generation === meta.generation) return cached;
  const base = (await db.searchIndex.get('base')) as IndexBase | undefined;
  const index = openIndex(base);
  openIndexes.set(db, index);
  return index;
}

/** Writes a new base and its meta row (inside the caller's transaction) and empties pending. */
async function writeBase(db: DigitalFriendDb, base: IndexBase): Promise<void> {
  await db.searchIndex.bulkPut([base, metaFor(base)]);
  await db.searchPending.clear();
  // This page's next search need not read it back. (Should the transaction fail, its generation
  // never reaches the meta row, so this copy is never used.)
  openIndexes.set(db, openIndex(base));
}

/**
 * Folds the pending rows into a new base, in one transaction with them: a write from another page
 * either lands before (and is folded) or after (and stays pending).
 */
async function compact(db: DigitalFriendDb, minimum = PENDING_LIMIT): Promise<boolean> {
  return db.transaction('rw', db.searchIndex, db.searchPending, async () => {
    const pending = await db.searchPending.toArray();
    if (pending.length <= minimum) return false;
    const index = await loadIndex(db, await db.searchIndex.get('meta'));
    await writeBase(db, mergeIndex(index, new Map(pending.map((row) => [row.id, row.words])), newGeneration()));
    return true;
  });
}

function reads(db: DigitalFriendDb, clock: () => Date) {
  const live = (e: { deletedAt?: string } | undefined) => Boolean(e && !e.deletedAt);
  const pendingOf = (entry: Pick<JournalEntry, 'id' | 'text' | 'tags'>): PendingWords => ({ id: entry.id, words: entryWords(entry) });

  return {
    async create(fields: Parameters<typeof createEntry>[0]): Promise<JournalEntry> {
      const entry = createEntry(fields, clock());
      await db.transaction('rw', db.entries, db.searchPending, async () => {
        await db.entries.add(entry);
        await db.searchPending.put(pendingOf(entry));
      });
      return entry;
    },

    /** Autosave: replaces the entry's editable fields, bumping updatedAt. */
    async update(id: string, patch: Partial<Pick<JournalEntry, 'text' | 'tags' | 'private' | 'lessonId' | 'promptId'>>): Promise<JournalEntry> {
      return db.transaction('rw', db.entries, db.searchPending, async () => {
        const stored = await db.entries.get(id);
        if (!stored) throw new Error('That entry no longer exists.');
        const next: JournalEntry = {
          ...fromStored(stored),
          ...patch,
          ...(patch.tags ? { tags: normaliseTags(patch.tags) } : {}),
          updatedAt: clock().toISOString(),
        };
        await db.entries.put(next);
        // Only the text and tags are searched: a change of flag or link leaves the index alone.
        if (patch.text !== undefined || patch.tags !== undefined) await db.searchPending.put(pendingOf(next));
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
      return db.transaction('rw', db.entries, db.searchPending, async () => {
        const ids = (await db.entries.where('deletedAt').below(before.toISOString()).primaryKeys()) as string[];
        if (ids.length === 0) return 0;
        await db.entries.bulkDelete(ids);
        // No words: gone from search until the next fold drops them from the base.
        await db.searchPending.bulkPut(ids.map((id) => ({ id, words: [] })));
        return ids.length;
      });
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
     * Full-text search by word prefixes, case- and accent-insensitive, newest first, with the exact
     * number of matches. Reads the search index's small meta row, the pending rows and the ids of
     * recently deleted entries, then only the `limit` rows shown (lib/journal/search-index.ts).
     */
    async search(query: string, limit = 50): Promise<SearchResult> {
      const terms = queryTerms(query);
      if (terms.length === 0) return { entries: [], total: 0, more: false, terms };
      const { hits, rows, pending } = await db.transaction('r', db.entries, db.searchIndex, db.searchPending, async () => {
        const [meta, pending, hidden] = await Promise.all([
          db.searchIndex.get('meta'),
          db.searchPending.toArray(),
          db.entries.where('deletedAt').above('').primaryKeys() as Promise<string[]>,
        ]);
        const index = await loadIndex(db, meta);
        const hits = searchIndex(index, pending, new Set(hidden), terms, limit);
        return { hits, rows: await db.entries.bulkGet(hits.ids), pending: pending.length };
      });
      if (pending > PENDING_LIMIT && !compacting.has(db)) {
        // Later, outside this (read-only, maybe live) query.
        compacting.add(db);
        setTimeout(() => {
          void Dexie.ignoreTransaction(() => compact(db))
            .catch(() => false)
            .finally(() => compacting.delete(db));
        }, 0);
      }
      const entries = rows.filter((r): r is StoredEntry => live(r)).map(fromStored);
      return { entries, total: hits.total, more: hits.total > limit, terms };
    },

    /** Reads the search index into memory ahead of the first search (the search view calls it on opening). */
    async warmSearch(): Promise<void> {
      await db.transaction('r', db.searchIndex, async () => {
        await loadIndex(db, await db.searchIndex.get('meta'));
      });
    },

    /** Folds any pending rows into the base now (tests and the bench; searches do it past PENDING_LIMIT). */
    compactSearch: () => compact(db, 0),

    /** What the search index holds: entries in its base and pending rows. */
    async searchStatus(): Promise<{ indexed: number; pending: number }> {
      const [meta, pending] = await Promise.all([db.searchIndex.get('meta'), db.searchPending.count()]);
      return { indexed: meta && 'entries' in meta ? meta.entries : 0, pending };
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
      // The words first, outside the transaction: the longest part of the work that is not a write.
      const words = new Map(entries.map((e) => [e.id, entryWords(e)]));
      return db.transaction('rw', db.entries, db.searchIndex, db.searchPending, async () => {
        const stored = new Set((await db.entries.toCollection().primaryKeys()) as string[]);
        let replaced = 0;
        for (const e of entries) if (stored.has(e.id)) replaced += 1;
        const CHUNK = 2000;
        for (let i = 0; i < entries.length; i += CHUNK) {
          await db.entries.bulkPut(entries.slice(i, i + CHUNK));
          onProgress?.(Math.min(i + CHUNK, entries.length), entries.length);
        }
        // One new base: the old one, with the pending rows and then the imported entries over it.
        const pending = await db.searchPending.toArray();
        const overrides = new Map(pending.map((row) => [row.id, row.words]));
        for (const [id, list] of words) overrides.set(id, list);
        const index = await loadIndex(db, await db.searchIndex.get('meta'));
        await writeBase(db, mergeIndex(index, overrides, newGeneration()));
        return { added: entries.length - replaced, replaced };
      });
    },

    /** Empties the journal and its search index (used by "replace everything" imports and tests). */
    clear: () =>
      db.transaction('rw', db.entries, db.searchIndex, db.searchPending, async () => {
        await Promise.all([db.entries.clear(), db.searchIndex.clear(), db.searchPending.clear()]);
      }),
  };
}

export type JournalRepo = ReturnType<typeof createJournalRepo>;
