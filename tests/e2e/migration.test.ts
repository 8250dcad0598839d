import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { text } from './harness/messages';
import { ROOT } from './harness/paths';
import { JournalPage } from './pages/JournalPage';

// "Never lose a note" in a real browser: a journal that an older release left in Chromium's
// IndexedDB (tests/fixtures/db/vN.json, exactly as that release wrote it) opens in this one.
// The unit tests (tests/unit/lib/db/schema.test.ts) check every version's upgrade field by field
// in fake-indexeddb; this checks the same upgrade runs in Chromium's own IndexedDB.

interface SchemaFixture {
  idbVersion: number;
  stores: Record<string, { keyPath: string; autoIncrement: boolean; indexes: { name: string; keyPath: string; unique: boolean; multiEntry: boolean }[] }>;
  rows: Record<string, Record<string, unknown>[]>;
}

const fixture = (version: number): SchemaFixture => JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'db', `v${version}.json`), 'utf8'));

test('a journal kept by 0.2.0 (schema v2) opens with every entry, and search finds them', async ({ clearDatabases, serviceWorker, sidePanel, extensionId }) => {
  const v2 = fixture(2);
  await clearDatabases();
  // Written from the service worker, as 0.2.0 left it: the old layout, the old rows (with their
  // words). The delete and the open are queued together, so nothing of today's (the background
  // reopening its connection, say) can create today's database between them.
  await serviceWorker.evaluate(
    (f) =>
      new Promise<void>((resolve, reject) => {
        indexedDB.deleteDatabase('digital-friend');
        const open = indexedDB.open('digital-friend', f.idbVersion);
        open.onupgradeneeded = () => {
          for (const [name, shape] of Object.entries(f.stores)) {
            const store = open.result.createObjectStore(name, { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
            for (const index of shape.indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
          }
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(Object.keys(f.stores), 'readwrite');
          for (const [name, rows] of Object.entries(f.rows)) for (const row of rows) tx.objectStore(name).put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    v2,
  );

  const journal = new JournalPage(sidePanel.page, extensionId);
  await journal.open();
  // Every entry is still there, field for field (the derived words have moved to the search index).
  const expected = v2.rows.entries!.map(({ id, text, tags, private: p, lessonId, promptId, deletedAt }) => ({ id: String(id), text, tags, private: p, lessonId, promptId, deletedAt }));
  await expect.poll(async () => (await journal.entries()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected.sort((a, b) => a.id.localeCompare(b.id)));

  const layout = await journal.page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[]; entryIndexes: string[]; progress: number; withWords: number }>((resolve, reject) => {
        const open = indexedDB.open('digital-friend');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['entries', 'progress']);
          const count = tx.objectStore('progress').count();
          const rows = tx.objectStore('entries').getAll();
          const entryIndexes = Array.from(tx.objectStore('entries').indexNames).sort();
          tx.oncomplete = () => {
            const withWords = (rows.result as object[]).filter((row) => 'words' in row).length;
            resolve({ version: db.version, stores: Array.from(db.objectStoreNames).sort(), entryIndexes, progress: count.result, withWords });
            db.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  expect(layout).toEqual({ version: 30, stores: ['entries', 'progress', 'reports', 'searchIndex', 'searchPending'], entryIndexes: ['deletedAt', 'tags', 'week'], progress: v2.rows.progress!.length, withWords: 0 });

  // Search finds the old entries by their words, accents ignored; the one in "recently deleted" stays hidden.
  await journal.open('/search');
  await journal.search('CAFE');
  await journal.searchStatus.filter({ hasText: text('journalSearchOne') }).waitFor();
  await journal.search('politics');
  await journal.searchStatus.filter({ hasText: text('journalSearchOne') }).waitFor();
  await journal.search('omura');
  await journal.searchStatus.filter({ hasText: text('journalSearchNone').replace('$QUERY$', 'omura') }).waitFor();
});
