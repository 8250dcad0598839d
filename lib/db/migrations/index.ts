import { entryWords, type JournalEntry } from '../../journal/entry';
import { buildIndex, metaFor } from '../../journal/search-index';

/**
 * Every schema version that ever shipped, in order, kept forever (ARCHITECTURE.md habit 5).
 * `stores` is that version's Dexie schema. `upgrade` is its data migration: a pure function over
 * plain rows, so it is tested from fixtures without a database; Dexie applies it on upgrade.
 * Never edit a shipped entry: add a new one.
 */
export interface Migration {
  version: number;
  /** What changed, for people reading this list. */
  note: string;
  stores: Record<string, string | null>;
  /** Rows of each table before → rows after. Must be idempotent (Dexie #2097: downgrade then re-upgrade). */
  upgrade?: (tables: Record<string, unknown[]>) => Record<string, unknown[]>;
}

/** The v3 upgrade's base generation: fixed, so the upgrade is a pure function of its rows. */
const MIGRATED_GENERATION = 'migrated-v3';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    note: '0.1.0: walkthrough progress and broken-step reports.',
    stores: { progress: 'lessonId, updatedAt', reports: '++id, lessonId, date' },
  },
  {
    version: 2,
    note: '0.2.0: the reflections journal. A new table only, so no rows change.',
    stores: { entries: 'id, createdAt, updatedAt, week, *tags, lessonId, deletedAt, *words' },
  },
  {
    version: 3,
    note:
      '0.3.0: journal search moves from the multi-entry words index (86 index keys per entry) to a compact inverted index in ' +
      'searchIndex, with recent changes in searchPending. Entries lose their words field and the unused createdAt, updatedAt ' +
      'and lessonId indexes.',
    stores: { entries: 'id, week, *tags, deletedAt', searchIndex: 'key', searchPending: 'id' },
    upgrade: (tables) => {
      const entries = (tables.entries ?? []) as (JournalEntry & { words?: unknown })[];
      const stripped = entries.map(({ words: _words, ...entry }) => entry);
      const base = buildIndex(
        stripped.map((e) => ({ id: e.id, words: entryWords(e) })),
        MIGRATED_GENERATION,
      );
      return { entries: stripped, searchIndex: [metaFor(base), base], searchPending: [] };
    },
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
