// The journal bench's in-page kit (issue #4). esbuild bundles this file with the REAL journal code
// (lib/journal/*, lib/db/schema.ts, lib/db/journal-repo.ts, Dexie) into an IIFE, and the bench
// serves it from the extension's own origin as bench/journal.html + bench/journal.js in its copy of
// the build, so it reads and writes the extension's IndexedDB 'digital-friend' like the side panel
// does. It exposes `globalThis.dfJournal`; scripts/bench/journal.mjs drives it with page.evaluate.
// Browser code: no Node APIs here.
/* global Blob, indexedDB, performance */
import { createJournalRepo } from '../../lib/db/journal-repo';
import { DB_NAME, DigitalFriendDb } from '../../lib/db/schema';
import { createEntry, entryWords, newEntryId } from '../../lib/journal/entry';
import { PROMPTS } from '../../lib/journal/prompts';
import { buildIndex } from '../../lib/journal/search-index';
import { queryTerms } from '../../lib/journal/text';
import { parseJournalFile, toJournalFile } from '../../lib/journal/transfer';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { entryGenerator, searchQueries } from './journal-data.mjs';

const now = () => performance.now();
const db = new DigitalFriendDb();
const repo = createJournalRepo(db);
const cache = new Map();

/** The dataset of `count` entries for `seed`: JournalEntry objects made by the product's createEntry. */
function entries(count, seed) {
  const key = `${count}:${seed}`;
  if (cache.has(key)) return cache.get(key);
  const generator = entryGenerator({ seed, count, promptIds: PROMPTS.map((p) => p.id) });
  const out = [];
  for (let i = 0; i < count; i++) {
    const { createdAt, updatedAt, fields, random } = generator.next();
    const entry = createEntry(fields, createdAt, newEntryId(createdAt, random));
    entry.updatedAt = updatedAt.toISOString();
    out.push(entry);
  }
  cache.clear(); // one dataset at a time: 50,000 entries are about 50 MB of strings
  cache.set(key, out);
  return out;
}

/** The raw IndexedDB database, opened at whatever version Dexie created (no upgrade from here). */
function rawDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const done = (tx) =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
  return { n: sorted.length, p50: at(50), p95: at(95), max: sorted.at(-1) };
};

globalThis.dfJournal = {
  /** Creates the database with the product's schema (Dexie), if this profile has none yet. */
  async ready() {
    await db.open();
    return { name: db.name, version: db.verno };
  },

  /**
   * Fills the journal with the dataset through the product's own repo.importAll (one transaction:
   * the rows and the search index), as an import of the export file would.
   */
  async seed({ count, seed }) {
    const t0 = now();
    const list = entries(count, seed);
    const tGenerated = now();
    await repo.importAll(list, (done, total) => {
      if (done % 10_000 === 0 || done === total) console.info(`df-bench: seeded ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`);
    });
    return { rows: list.length, generateMs: tGenerated - t0, writeMs: now() - tGenerated };
  },

  /** Empties the journal's tables (raw IndexedDB, so nothing of the repo's is timed or relied on). */
  async clear() {
    const idb = await rawDb();
    try {
      const tables = ['entries', 'searchIndex', 'searchPending'];
      const tx = idb.transaction(tables, 'readwrite');
      for (const table of tables) tx.objectStore(table).clear();
      await done(tx);
    } finally {
      idb.close();
    }
  },

  count: () => repo.count(),
  storedCount: () => db.entries.count(),

  /**
   * Whether the journal holds exactly this dataset: the live count, `sample` rows spread through
   * it equal, field for field, to the generated entries, and a search index covering them all
   * with nothing pending (so a change to the generator or the index shows up as a mismatch).
   */
  async verify({ count, seed, sample = 25 }) {
    const list = entries(count, seed);
    const [live, stored, index] = await Promise.all([repo.count(), db.entries.count(), repo.searchStatus()]);
    const picks = Array.from({ length: sample }, (_, i) => list[Math.floor(((i + 0.5) * list.length) / sample)]);
    const rows = await db.entries.bulkGet(picks.map((e) => e.id));
    const canon = (row) => JSON.stringify(row, Object.keys(row ?? {}).sort());
    const mismatches = picks.filter((e, i) => canon(rows[i]) !== canon(e)).map((e) => e.id);
    if (index.indexed !== count || index.pending !== 0) mismatches.push(`search index (${index.indexed} indexed, ${index.pending} pending)`);
    return { ok: live === count && stored === count && mismatches.length === 0, live, stored, index, mismatches: mismatches.slice(0, 3) };
  },

  /** What the generated dataset looks like, for the report. */
  describe({ count, seed }) {
    const list = entries(count, seed);
    const words = list.map((e) => e.text.split(/\s+/).filter(Boolean).length).sort((a, b) => a - b);
    const vocabulary = new Set();
    let postings = 0;
    for (const e of list) {
      const indexed = entryWords(e);
      postings += indexed.length;
      for (const w of indexed) vocabulary.add(w);
    }
    return {
      entries: list.length,
      wordsPerEntry: { min: words[0], median: words[words.length >> 1], max: words.at(-1) },
      distinctIndexWords: vocabulary.size,
      postings,
      private: list.filter((e) => e.private).length,
      withTags: list.filter((e) => e.tags.length).length,
      distinctTags: new Set(list.flatMap((e) => e.tags)).size,
      withPrompt: list.filter((e) => e.promptId).length,
      accented: list.filter((e) => /café|naïve|Zoë/.test(e.text)).length,
      weeks: new Set(list.map((e) => e.week)).size,
      first: list[0]?.createdAt,
      last: list.at(-1)?.createdAt,
    };
  },

  /** The export file the product would write for this dataset (exportJournal's JSON, same layout). */
  exportFileText({ count, seed, exportedAt }) {
    return JSON.stringify(toJournalFile(entries(count, seed), { ...DEFAULT_SETTINGS }, new Date(exportedAt)), null, 2);
  },

  /** The dataset's search queries: drawn from the vocabulary and from the entries themselves. */
  queries({ count, seed, querySeed }) {
    const list = entries(count, seed);
    const sampleTexts = [];
    for (let i = 0; i < list.length; i += Math.ceil(list.length / 200)) sampleTexts.push(list[i].text);
    return searchQueries({ seed: querySeed, sampleTexts });
  },

  /** repo.search (the product's), each query timed on its own, as the search view calls it (limit 50). */
  async search(queries, { warmup = 5 } = {}) {
    for (const { q } of queries.slice(0, warmup)) await repo.search(q);
    const samples = [];
    for (const { kind, q } of queries) {
      const t0 = now();
      const result = await repo.search(q);
      const ms = now() - t0;
      samples.push({ kind, q, ms, total: result.total, shown: result.entries.length });
    }
    return samples;
  },

  /** Whether an unaccented query finds the accented word: 'cafe' must find entries with 'café'. */
  async accentCheck(query, word) {
    const result = await repo.search(query);
    return { query, word, total: result.total, found: result.entries.some((e) => e.text.includes(word)) };
  },

  /**
   * A search in a page that has not read the search index yet (a second connection, so nothing is
   * cached): the first search after opening the side panel, before the search view's warm-up has
   * finished. Also times the pieces: the base row's read, and decoding it.
   */
  async coldSearch(query) {
    const fresh = new DigitalFriendDb();
    try {
      await fresh.open();
      const t0 = now();
      const result = await createJournalRepo(fresh).search(query);
      const searchMs = now() - t0;
      const t1 = now();
      const base = await fresh.searchIndex.get('base');
      const readMs = now() - t1;
      const bytes = base ? base.ids.length + base.words.length + base.postings.reduce((n, p) => n + p.length, 0) : 0;
      return { query, searchMs, baseReadMs: readMs, baseChars: bytes, words: base ? base.postings.length : 0, total: result.total };
    } finally {
      fresh.close();
    }
  },

  /**
   * repo.search's answers against the definition, for every query: a scan of the generated
   * entries (live, every term the start of a word). Totals and the newest 50 ids must agree.
   */
  async checkSearch({ count, seed, queries }) {
    const list = entries(count, seed);
    const words = list.map((e) => entryWords(e));
    const mismatches = [];
    for (const { q } of queries) {
      const terms = queryTerms(q);
      const expected = [];
      for (let i = 0; i < list.length; i++) if (!list[i].deletedAt && terms.length && terms.every((t) => words[i].some((w) => w.startsWith(t)))) expected.push(list[i].id);
      expected.sort().reverse();
      const result = await repo.search(q);
      const ids = result.entries.map((e) => e.id);
      if (result.total !== expected.length || ids.join() !== expected.slice(0, 50).join()) mismatches.push({ q, total: result.total, expected: expected.length });
    }
    return { queries: queries.length, mismatches: mismatches.slice(0, 5), mismatchCount: mismatches.length };
  },

  /**
   * The autosave path (repo.update of one entry's text) and repo.create, `n` times each, on
   * entries spread through the journal. Puts everything back afterwards: the updated rows as they
   * were, and the created ones deleted, so later measures see the same dataset.
   */
  async save({ n = 50, warmup = 3 }) {
    const ids = await db.entries.toCollection().primaryKeys();
    const targets = Array.from({ length: n + warmup }, (_, i) => ids[Math.floor(((i + 0.5) * ids.length) / (n + warmup))]);
    const originals = await db.entries.bulkGet(targets);
    const update = [];
    const create = [];
    const created = [];
    try {
      for (let i = 0; i < targets.length; i++) {
        const text = `${originals[i].text}\n\nAdded later: a sentence typed while autosave ran (${i}).`;
        const t0 = now();
        await repo.update(targets[i], { text });
        if (i >= warmup) update.push(now() - t0);
      }
      for (let i = 0; i < n + warmup; i++) {
        const t0 = now();
        const entry = await repo.create({ text: `A new entry written during the bench, number ${i}, about the café and the policy team.`, tags: ['bench'] });
        if (i >= warmup) create.push(now() - t0);
        created.push(entry.id);
      }
    } finally {
      // Back as it was, through the repo so the search index follows: the updated rows re-imported
      // as they were, the created ones deleted for good, and the pending rows folded in.
      await repo.importAll(originals);
      for (const id of created) await repo.remove(id);
      await repo.purgeDeleted(new Date(Date.now() + 86_400_000));
      await repo.compactSearch();
    }
    return { update, create };
  },

  /** The repo path of an import, into an empty journal: parseJournalFile on the file's text, then repo.importAll. */
  async importRepo({ count, seed, exportedAt }) {
    const text = this.exportFileText({ count, seed, exportedAt });
    await this.clear();
    const t0 = now();
    const parsed = parseJournalFile(text, new Date());
    const tParsed = now();
    if (!parsed.ok) throw new Error(`the generated file does not parse: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
    let progress = 0;
    const result = await repo.importAll(parsed.file.entries, () => (progress += 1));
    const tEnd = now();
    const stored = await db.entries.count();
    return { bytes: text.length, parseMs: tParsed - t0, importMs: tEnd - tParsed, totalMs: tEnd - t0, added: result.added, replaced: result.replaced, progressCalls: progress, stored };
  },

  /** The repo path of an export: repo.all(), then the product's file layout as JSON, then a Blob. */
  async exportRepo() {
    const t0 = now();
    const all = await repo.all();
    const tRead = now();
    const json = JSON.stringify(toJournalFile(all, { ...DEFAULT_SETTINGS }, new Date()), null, 2);
    const tJson = now();
    const blob = new Blob([json], { type: 'application/json' });
    const tEnd = now();
    return { entries: all.length, bytes: blob.size, readMs: tRead - t0, stringifyMs: tJson - tRead, blobMs: tEnd - tJson, totalMs: tEnd - t0 };
  },

  /**
   * Profiling, not a budget: where an import's time goes. Writes the dataset's rows in one
   * transaction (as importAll does) into a throwaway database whose 'entries' store has only the
   * given indexes (Dexie syntax: "*tags" is multi-entry), then deletes it. Also times the parts of
   * the search index's work that are not writes: the entries' words, and building the base.
   */
  async writeProbe({ count, seed, indexes }) {
    const name = `df-bench-probe-${Math.random().toString(36).slice(2)}`;
    const rows = entries(count, seed);
    const idb = await new Promise((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore('entries', { keyPath: 'id' });
        for (const spec of indexes) store.createIndex(spec.replace(/^\*/, ''), spec.replace(/^\*/, ''), { multiEntry: spec.startsWith('*') });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const t0 = now();
      const tx = idb.transaction('entries', 'readwrite');
      const store = tx.objectStore('entries');
      for (const row of rows) store.put(row);
      await done(tx);
      const writeMs = now() - t0;
      const t1 = now();
      const docs = rows.map((e) => ({ id: e.id, words: entryWords(e) }));
      const t2 = now();
      const base = buildIndex(docs, 'probe');
      const t3 = now();
      return { indexes: indexes.join(', ') || '(none)', rows: rows.length, writeMs, wordsMs: t2 - t1, buildMs: t3 - t2, baseChars: base.ids.length + base.words.length + base.postings.reduce((n, p) => n + p.length, 0) };
    } finally {
      idb.close();
      indexedDB.deleteDatabase(name);
    }
  },

  stats,
};
