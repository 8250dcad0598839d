import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { StoredEntry } from '../journal/entry';
import type { IndexBase, IndexMeta, PendingWords } from '../journal/search-index';
import { MIGRATIONS } from './migrations';

/**
 * The extension's own IndexedDB database (extension origin only: content scripts never open it,
 * they would get the web page's database instead; Dexie #233, #1978).
 * Its versions come from lib/db/migrations, where every version that ever shipped is kept.
 */
export const DB_NAME = 'digital-friend';

export interface ProgressRow {
  lessonId: string;
  status: 'started' | 'completed';
  /** The step to resume at. */
  stepIndex: number;
  startedAt: string;
  updatedAt: string;
  /** Every time the walkthrough was finished, oldest first (ISO date-times). */
  completions: string[];
}

export interface BrokenStepReport {
  id?: number;
  lessonId: string;
  stepId: string;
  stepIndex: number;
  /** Origin and path only: queries can carry personal data. */
  url: string;
  date: string;
}

async function applyUpgrade(tx: Transaction, upgrade: NonNullable<(typeof MIGRATIONS)[number]['upgrade']>) {
  const names = tx.storeNames;
  const before: Record<string, unknown[]> = {};
  for (const name of names) before[name] = await tx.table(name).toArray();
  const after = upgrade(before);
  for (const name of Object.keys(after)) {
    const table = tx.table(name);
    await table.clear();
    await table.bulkAdd(after[name]!);
  }
}

export class DigitalFriendDb extends Dexie {
  progress!: EntityTable<ProgressRow, 'lessonId'>;
  reports!: EntityTable<BrokenStepReport, 'id'>;
  entries!: EntityTable<StoredEntry, 'id'>;
  /** The journal's search index: 'meta' (read on every search) and 'base' (see lib/journal/search-index). */
  searchIndex!: EntityTable<IndexMeta | IndexBase, 'key'>;
  /** Entries written since the base was built, with their words (they override the base). */
  searchPending!: EntityTable<PendingWords, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const migration of MIGRATIONS) {
      const version = this.version(migration.version).stores(migration.stores);
      const { upgrade } = migration;
      if (upgrade) version.upgrade((tx) => applyUpgrade(tx, upgrade));
    }
  }
}
