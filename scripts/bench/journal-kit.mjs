// The journal bench's in-page kit (issue #4). esbuild bundles this file with the REAL journal code
// (lib/journal/*, lib/db/schema.ts, lib/db/journal-repo.ts, Dexie) into an IIFE, and the bench
// serves it from the extension's own origin as bench/journal.html + bench/journal.js in its copy of
// the build, so it reads and writes the extension's IndexedDB 'digital-friend' like the side panel
// does. It exposes `globalThis.dfJournal`; scripts/bench/journal.mjs drives it with page.evaluate.
// Browser code: no Node APIs here.
/* global Blob, IDBKeyRange, indexedDB, performance */
import { createJournalRepo } from '../../lib/db/journal-repo';
import { DB_NAME, DigitalFriendDb } from '../../lib/db/schema';
import { createEntry, newEntryId, toStored } from '../../lib/journal/entry';
import { PROMPTS } from '../../lib/journal/prompts';
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

  /** Writes the dataset as StoredEntry rows (toStored: the entry plus its derived words), raw IndexedDB, in batches. */
  async seed({ count, seed, from = 0, batch = 2000 }) {
    const t0 = now();
    const list = entries(count, seed);
    const tGenerated = now();
    const idb = await rawDb();
    try {
      for (let i = from; i < list.length; i += batch) {
        const tx = idb.transaction('entries', 'readwrite', { durability: 'relaxed' });
        const store = tx.objectStore('entries');
        for (const entry of list.slice(i, i + batch)) store.put(toStored(entry));
        await done(tx);
        if ((i + batch) % 10_000 < batch) console.info(`df-bench: seeded ${Math.min(i + batch, list.length).toLocaleString('en-GB')} of ${list.length.toLocaleString('en-GB')}`);
      }
    } finally {
      idb.close();
    }
    return { rows: list.length - from, generateMs: tGenerated - t0, writeMs: now() - tGenerated };
  },

  /** Empties the entries table (raw IndexedDB, so nothing of the repo's is timed or relied on). */
  async clear() {
    const idb = await rawDb();
    try {
      const tx = idb.transaction('entries', 'readwrite');
      tx.objectStore('entries').clear();
      await done(tx);
    } finally {
      idb.close();
    }
  },

  count: () => repo.count(),
  storedCount: () => db.entries.count(),

  /**
   * Whether the journal holds exactly this dataset: the live count, and `sample` rows spread
   * through it equal, field for field, to what the product's toStored makes of the generated
   * entries (so a change to the words index or to the generator shows up as a mismatch).
   */
  async verify({ count, seed, sample = 25 }) {
    const list = entries(count, seed);
    const [live, stored] = await Promise.all([repo.count(), db.entries.count()]);
    const picks = Array.from({ length: sample }, (_, i) => list[Math.floor(((i + 0.5) * list.length) / sample)]);
    const rows = await db.entries.bulkGet(picks.map((e) => e.id));
    const canon = (row) => JSON.stringify(row, Object.keys(row ?? {}).sort());
    const mismatches = picks.filter((e, i) => canon(rows[i]) !== canon(toStored(e))).map((e) => e.id);
    return { ok: live === count && stored === count && mismatches.length === 0, live, stored, mismatches: mismatches.slice(0, 3) };
  },

  /** What the generated dataset looks like, for the report. */
  describe({ count, seed }) {
    const list = entries(count, seed);
    const words = list.map((e) => e.text.split(/\s+/).filter(Boolean).length).sort((a, b) => a - b);
    const vocabulary = new Set();
    let indexKeys = 0;
    for (const e of list) {
      const stored = toStored(e);
      indexKeys += stored.words.length;
      for (const w of stored.words) vocabulary.add(w);
    }
    return {
      entries: list.length,
      wordsPerEntry: { min: words[0], median: words[words.length >> 1], max: words.at(-1) },
      distinctIndexWords: vocabulary.size,
      indexKeys,
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
   * Where one search's time goes, replaying repo.search's steps with the same Dexie calls:
   * per term, the multi-entry index range read (keys returned, duplicates included) and the
   * intersection; then the sort and the bulkGet of the newest rows.
   */
  async profileSearch(query, limit = 50) {
    const t0 = now();
    const terms = queryTerms(query);
    const ordered = [...terms].sort((a, b) => b.length - a.length);
    const steps = [];
    let ids = null;
    for (const term of ordered) {
      const tRead = now();
      const keys = await db.entries.where('words').startsWith(term).primaryKeys();
      const tIntersect = now();
      const current = ids ?? new Set(keys);
      ids = ids ? new Set(keys.filter((k) => current.has(k))) : current;
      steps.push({ term, keys: keys.length, distinct: new Set(keys).size, readMs: tIntersect - tRead, setMs: now() - tIntersect, remaining: ids.size });
      if (ids.size === 0) break;
    }
    const tSort = now();
    const sorted = [...(ids ?? [])].sort().reverse();
    const tGet = now();
    const rows = await db.entries.bulkGet(sorted.slice(0, limit * 2));
    const tEnd = now();
    // Outside the replay: the same ranges read with the raw IndexedDB API (is it Dexie or the
    // store?), and only counted (what reading the keys costs beyond walking them).
    const idb = await rawDb();
    try {
      for (const step of steps) {
        const range = IDBKeyRange.bound(step.term, `${step.term}\uffff`);
        const index = () => idb.transaction('entries').objectStore('entries').index('words');
        const request = (make) =>
          new Promise((resolve, reject) => {
            const r = make();
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          });
        const t1 = now();
        await request(() => index().getAllKeys(range));
        const t2 = now();
        await request(() => index().count(range));
        step.rawGetAllKeysMs = t2 - t1;
        step.rawCountMs = now() - t2;
      }
    } finally {
      idb.close();
    }
    return { query, steps, matches: sorted.length, sortMs: tGet - tSort, bulkGetMs: tEnd - tGet, rows: rows.length, totalMs: tEnd - t0 };
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
      await db.entries.bulkDelete(created);
      await db.entries.bulkPut(originals);
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
   * Profiling, not a budget: writes the dataset's StoredEntry rows in one transaction (as
   * importAll does) into a throwaway database whose 'entries' store has only the given indexes
   * (Dexie syntax: "*words" is multi-entry), then deletes it. Comparing index sets shows what each
   * index costs a write. Also times a raw getAllKeys on each prefix, to tell IndexedDB's own time
   * from Dexie's in a search.
   */
  async writeProbe({ count, seed, indexes, prefixes = [] }) {
    const name = `df-bench-probe-${Math.random().toString(36).slice(2)}`;
    const rows = entries(count, seed).map(toStored);
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
      const reads = [];
      for (const prefix of prefixes) {
        if (!indexes.includes('*words')) break;
        const t1 = now();
        const keys = await new Promise((resolve, reject) => {
          const request = idb.transaction('entries').objectStore('entries').index('words').getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        reads.push({ prefix, keys: keys.length, ms: now() - t1 });
      }
      return { indexes: indexes.join(', ') || '(none)', rows: rows.length, indexKeys: indexes.includes('*words') ? rows.reduce((n, r) => n + r.words.length, 0) : 0, writeMs, reads };
    } finally {
      idb.close();
      indexedDB.deleteDatabase(name);
    }
  },

  stats,
};
