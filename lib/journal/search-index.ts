/**
 * The journal's full-text search index: an inverted index of word → entries, kept as one compact
 * row ("base") plus a few recent changes ("pending", one small row per changed entry), instead of a
 * multi-entry IndexedDB index. Issue #4's budgets are why: the multi-entry index cost about 86
 * IndexedDB keys per entry, so importing 10,000 entries wrote 860,000 keys (8 s) and a prefix
 * search read thousands of keys at 7–20 µs each (npm run bench).
 *
 * The base lists every indexed entry id in ascending (so time) order; an entry's ordinal is its
 * place in that list. Each dictionary word has a posting list of ordinals, delta-encoded as
 * base-128 varints in a string of char codes 0–255 (a one-byte string in memory; safe in JSON and
 * storage.session). A search decodes only the words under each term's prefix into a bitset over
 * the ordinals, ANDs the terms, and walks the bits newest first: a few milliseconds at 50,000.
 *
 * Pure: no IndexedDB here (lib/db/journal-repo.ts reads and writes the rows).
 */

/** Bumped when the encoding changes; a base in another format is rebuilt, never misread. */
export const INDEX_FORMAT = 1;

/** The stored base: what lib/db keeps in the searchIndex table under the key 'base'. */
export interface IndexBase {
  key: 'base';
  format: typeof INDEX_FORMAT;
  /** Changes with every write of the base, so pages holding a decoded copy know to re-read it. */
  generation: string;
  /** Indexed entry ids, ascending, joined by spaces (ids never contain spaces). */
  ids: string;
  /** Dictionary words, ascending by code unit, joined by spaces (words are letters and digits). */
  words: string;
  /** One posting list per dictionary word, same order. */
  postings: string[];
}

/** The small row read on every search: which base generation is current. */
export interface IndexMeta {
  key: 'meta';
  format: typeof INDEX_FORMAT;
  generation: string;
  /** How many entries the base indexes (for the bench and for checks). */
  entries: number;
}

/**
 * An entry's words as of its last write since the base was built: it overrides the base for that
 * id. No words means the entry matches nothing: emptied, or deleted for good.
 */
export interface PendingWords {
  id: string;
  words: string[];
}

/** A base decoded for searching (kept in memory by the page, per generation). */
export interface OpenIndex {
  generation: string;
  ids: string[];
  words: string[];
  postings: string[];
}

/** The meta row that goes with a base. */
export function metaFor(base: IndexBase): IndexMeta {
  return { key: 'meta', format: INDEX_FORMAT, generation: base.generation, entries: base.ids ? base.ids.split(' ').length : 0 };
}

export function emptyIndex(generation = ''): OpenIndex {
  return { generation, ids: [], words: [], postings: [] };
}

export function openIndex(base: IndexBase | undefined): OpenIndex {
  if (!base || base.format !== INDEX_FORMAT) return emptyIndex(base?.generation);
  const split = (s: string) => (s ? s.split(' ') : []);
  return { generation: base.generation, ids: split(base.ids), words: split(base.words), postings: base.postings };
}

export function newGeneration(random: () => number = Math.random): string {
  let out = '';
  while (out.length < 12) out += Math.floor(random() * 36).toString(36);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Encoding

/** Ascending ordinals → a varint string of the gaps (the first gap is counted from -1). */
export function encodePostings(ordinals: ArrayLike<number>): string {
  const codes: number[] = [];
  let prev = -1;
  for (let i = 0; i < ordinals.length; i++) {
    let gap = ordinals[i]! - prev;
    prev = ordinals[i]!;
    while (gap >= 0x80) {
      codes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    codes.push(gap);
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** Calls `each` with every ordinal in an encoded posting list, ascending. */
export function decodePostings(encoded: string, each: (ordinal: number) => void): void {
  let ordinal = -1;
  for (let i = 0; i < encoded.length; ) {
    let gap = 0;
    let shift = 0;
    let code: number;
    do {
      code = encoded.charCodeAt(i++);
      gap += (code & 0x7f) * 2 ** shift;
      shift += 7;
    } while (code & 0x80);
    ordinal += gap;
    each(ordinal);
  }
}

/** The ordinals of an encoded posting list, ascending. */
export function postingList(encoded: string): number[] {
  const out: number[] = [];
  decodePostings(encoded, (o) => out.push(o));
  return out;
}

/** Sets the bit of every ordinal in an encoded list (a hot loop: decodePostings inlined). */
function orInto(bits: Uint32Array, encoded: string): void {
  let ordinal = -1;
  for (let i = 0; i < encoded.length; ) {
    let code = encoded.charCodeAt(i++);
    let gap = code & 0x7f;
    let shift = 7;
    while (code & 0x80) {
      code = encoded.charCodeAt(i++);
      gap += (code & 0x7f) * 2 ** shift;
      shift += 7;
    }
    ordinal += gap;
    bits[ordinal >>> 5]! |= 1 << (ordinal & 31);
  }
}

// ---------------------------------------------------------------------------------------------
// Building and merging

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A base for these entries' words. Entries without words are left out (they match nothing).
 * Ids must be unique.
 */
export function buildIndex(docs: readonly PendingWords[], generation: string): IndexBase {
  const kept = docs.filter((d) => d.words.length > 0).sort((a, b) => byCodeUnit(a.id, b.id));
  const lists = new Map<string, number[]>();
  kept.forEach((doc, ordinal) => {
    for (const word of doc.words) {
      const list = lists.get(word);
      if (list) {
        // A word twice in one entry's list would give a zero gap: keep each ordinal once.
        if (list[list.length - 1] !== ordinal) list.push(ordinal);
      } else lists.set(word, [ordinal]);
    }
  });
  const words = [...lists.keys()].sort(byCodeUnit);
  return {
    key: 'base',
    format: INDEX_FORMAT,
    generation,
    ids: kept.map((d) => d.id).join(' '),
    words: words.join(' '),
    postings: words.map((w) => encodePostings(lists.get(w)!)),
  };
}

/**
 * The base with `overrides` applied: each overriding id's old postings removed and its new words
 * (if any) added. Used by import (the imported entries override) and by compaction (the pending
 * rows override). The overriding ids need not be in the base.
 */
export function mergeIndex(base: OpenIndex, overrides: ReadonlyMap<string, readonly string[]>, generation: string): IndexBase {
  // Keep the base ids that are not overridden, then fold in the overriding ids that have words.
  const added = [...overrides].filter(([, words]) => words.length > 0).map(([id]) => id).sort(byCodeUnit);
  const ids: string[] = [];
  const remap = new Int32Array(base.ids.length).fill(-1);
  let a = 0;
  for (let i = 0; i < base.ids.length; i++) {
    const id = base.ids[i]!;
    while (a < added.length && added[a]! < id) ids.push(added[a++]!);
    if (overrides.has(id)) continue;
    remap[i] = ids.length;
    ids.push(id);
  }
  while (a < added.length) ids.push(added[a++]!);

  const lists = new Map<string, number[]>();
  base.words.forEach((word, w) => {
    const list: number[] = [];
    decodePostings(base.postings[w]!, (old) => {
      const next = remap[old]!;
      if (next >= 0) list.push(next);
    });
    if (list.length > 0) lists.set(word, list);
  });
  const touched = new Set<string>();
  const ordinalOf = new Map(ids.map((id, i) => [id, i]));
  for (const id of added) {
    const ordinal = ordinalOf.get(id)!;
    for (const word of new Set(overrides.get(id))) {
      const list = lists.get(word);
      if (list) list.push(ordinal);
      else lists.set(word, [ordinal]);
      touched.add(word);
    }
  }
  for (const word of touched) lists.get(word)!.sort((x, y) => x - y);
  const words = [...lists.keys()].sort(byCodeUnit);
  return {
    key: 'base',
    format: INDEX_FORMAT,
    generation,
    ids: ids.join(' '),
    words: words.join(' '),
    postings: words.map((w) => encodePostings(lists.get(w)!)),
  };
}

// ---------------------------------------------------------------------------------------------
// Searching

/** First position in sorted `list` whose value is ≥ `value`. */
function lowerBound(list: readonly string[], value: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The ordinal of `id` in the base, or -1. */
export function ordinalOf(index: OpenIndex, id: string): number {
  const at = lowerBound(index.ids, id);
  return index.ids[at] === id ? at : -1;
}

function popcount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Whether an entry with these words matches every term as a word prefix. */
export function wordsMatch(words: readonly string[], terms: readonly string[]): boolean {
  return terms.every((term) => words.some((w) => w.startsWith(term)));
}

export interface IndexHits {
  /** Matching ids, newest (highest) first, at most `limit`. */
  ids: string[];
  /** How many match in all. */
  total: number;
}

/**
 * Entries matching every term (each a word prefix), newest first. `pending` overrides the base for
 * its ids; `hidden` ids (recently deleted) never match.
 */
export function searchIndex(index: OpenIndex, pending: readonly PendingWords[], hidden: ReadonlySet<string>, terms: readonly string[], limit: number): IndexHits {
  if (terms.length === 0) return { ids: [], total: 0 };
  const size = (index.ids.length + 31) >>> 5;
  let hits: Uint32Array | undefined;
  for (const term of terms) {
    const bits = new Uint32Array(size);
    for (let w = lowerBound(index.words, term); w < index.words.length && index.words[w]!.startsWith(term); w++) orInto(bits, index.postings[w]!);
    if (hits) for (let i = 0; i < size; i++) hits[i]! &= bits[i]!;
    else hits = bits;
  }
  // Pending rows and hidden entries are answered elsewhere (or not at all): clear their bits.
  const clear = (id: string) => {
    const o = ordinalOf(index, id);
    if (o >= 0) hits![o >>> 5]! &= ~(1 << (o & 31));
  };
  for (const row of pending) clear(row.id);
  for (const id of hidden) clear(id);

  let total = 0;
  for (let i = 0; i < size; i++) if (hits![i]) total += popcount(hits![i]!);
  const fromBase: string[] = [];
  for (let i = size - 1; i >= 0 && fromBase.length < limit; i--) {
    let word = hits![i]!;
    while (word !== 0 && fromBase.length < limit) {
      const bit = 31 - Math.clz32(word);
      fromBase.push(index.ids[i * 32 + bit]!);
      word &= ~(1 << bit);
    }
  }
  const fromPending = pending
    .filter((row) => !hidden.has(row.id) && row.words.length > 0 && wordsMatch(row.words, terms))
    .map((row) => row.id)
    .sort(byCodeUnit)
    .reverse();
  total += fromPending.length;
  // Both lists are newest first: merge them and keep the newest `limit`.
  const ids: string[] = [];
  let b = 0;
  let p = 0;
  while (ids.length < limit && (b < fromBase.length || p < fromPending.length)) {
    if (p >= fromPending.length || (b < fromBase.length && fromBase[b]! > fromPending[p]!)) ids.push(fromBase[b++]!);
    else ids.push(fromPending[p++]!);
  }
  return { ids, total };
}
