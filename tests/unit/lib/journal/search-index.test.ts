import { describe, expect, it } from 'vitest';
import {
  buildIndex,
  decodePostings,
  encodePostings,
  INDEX_FORMAT,
  mergeIndex,
  openIndex,
  ordinalOf,
  postingList,
  searchIndex,
  wordsMatch,
  type IndexBase,
  type PendingWords,
} from '../../../../lib/journal/search-index';

const doc = (id: string, ...words: string[]): PendingWords => ({ id, words });
const none = new Set<string>();

/** What the base says about each id: its words, read back from the postings. */
function wordsById(base: IndexBase): Record<string, string[]> {
  const index = openIndex(base);
  const out: Record<string, string[]> = Object.fromEntries(index.ids.map((id) => [id, []]));
  index.words.forEach((word, w) => decodePostings(index.postings[w]!, (o) => out[index.ids[o]!]!.push(word)));
  for (const list of Object.values(out)) list.sort();
  return out;
}

describe('posting lists', () => {
  it('round-trip ascending ordinals, small gaps and large', () => {
    for (const list of [[], [0], [5], [0, 1, 2, 3], [127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 300_000_000]]) {
      expect(postingList(encodePostings(list))).toEqual(list);
    }
  });

  it('take one char code per gap under 128, all below 256', () => {
    const encoded = encodePostings(Array.from({ length: 1000 }, (_, i) => i * 3));
    expect(encoded).toHaveLength(1000);
    const long = encodePostings(Array.from({ length: 50_000 }, (_, i) => i * 1000));
    for (let i = 0; i < long.length; i++) expect(long.charCodeAt(i)).toBeLessThan(256);
  });

  it('survive JSON (storage.session keeps the in-memory copy as JSON)', () => {
    const encoded = encodePostings([0, 10, 200, 70_000]);
    expect(JSON.parse(JSON.stringify(encoded))).toBe(encoded);
  });
});

describe('buildIndex', () => {
  it('orders ids and words, leaves out entries without words, and stores each word once per entry', () => {
    const base = buildIndex([doc('e-3', 'tea', 'team'), doc('e-1', 'team', 'team'), doc('e-2')], 'g1');
    expect(base).toMatchObject({ key: 'base', format: INDEX_FORMAT, generation: 'g1', ids: 'e-1 e-3', words: 'tea team' });
    expect(wordsById(base)).toEqual({ 'e-1': ['team'], 'e-3': ['tea', 'team'] });
  });

  it('makes an empty base for no entries', () => {
    const index = openIndex(buildIndex([], 'g'));
    expect(index).toEqual({ generation: 'g', ids: [], words: [], postings: [] });
    expect(searchIndex(index, [], none, ['a'], 10)).toEqual({ ids: [], total: 0 });
  });
});

describe('openIndex', () => {
  it('treats a missing base, or one in another format, as empty (rebuilt, never misread)', () => {
    expect(openIndex(undefined).ids).toEqual([]);
    const other = { ...buildIndex([doc('e-1', 'a')], 'g'), format: 99 } as unknown as IndexBase;
    expect(openIndex(other).ids).toEqual([]);
  });

  it('finds ordinals by id', () => {
    const index = openIndex(buildIndex([doc('e-2', 'b'), doc('e-1', 'a')], 'g'));
    expect(ordinalOf(index, 'e-1')).toBe(0);
    expect(ordinalOf(index, 'e-2')).toBe(1);
    expect(ordinalOf(index, 'e-15')).toBe(-1);
  });
});

describe('mergeIndex', () => {
  it('replaces overridden entries, drops emptied ones and adds new ones', () => {
    const base = buildIndex([doc('e-1', 'apple', 'tea'), doc('e-2', 'tea'), doc('e-4', 'zoo')], 'g1');
    const merged = mergeIndex(
      openIndex(base),
      new Map([
        ['e-2', ['coffee']],
        ['e-4', []],
        ['e-3', ['tea', 'tea', 'zoo']],
        ['e-0', ['apple']],
      ]),
      'g2',
    );
    expect(merged.generation).toBe('g2');
    expect(merged.ids).toBe('e-0 e-1 e-2 e-3');
    expect(wordsById(merged)).toEqual({ 'e-0': ['apple'], 'e-1': ['apple', 'tea'], 'e-2': ['coffee'], 'e-3': ['tea', 'zoo'] });
  });

  it('gives what building from scratch gives', () => {
    const docs = Array.from({ length: 300 }, (_, i) => doc(`e-${String(i).padStart(4, '0')}`, ...['a', 'b', 'c', 'd'].filter((_, k) => (i >> k) & 1)));
    const half = buildIndex(docs.slice(0, 150), 'x');
    const merged = mergeIndex(openIndex(half), new Map(docs.slice(150).map((d) => [d.id, d.words])), 'y');
    expect({ ...merged, generation: '' }).toEqual({ ...buildIndex(docs, 'y'), generation: '' });
  });
});

describe('searchIndex', () => {
  const base = buildIndex([doc('e-1', 'policy', 'team'), doc('e-2', 'police'), doc('e-3', 'report', 'team'), doc('e-4', 'politics', 'report')], 'g');
  const index = openIndex(base);

  it('ANDs word prefixes and lists the newest first, with the total', () => {
    expect(searchIndex(index, [], none, ['pol'], 10)).toEqual({ ids: ['e-4', 'e-2', 'e-1'], total: 3 });
    expect(searchIndex(index, [], none, ['pol', 'rep'], 10)).toEqual({ ids: ['e-4'], total: 1 });
    expect(searchIndex(index, [], none, ['pol'], 2)).toEqual({ ids: ['e-4', 'e-2'], total: 3 });
    expect(searchIndex(index, [], none, ['zzz'], 10)).toEqual({ ids: [], total: 0 });
    expect(searchIndex(index, [], none, [], 10)).toEqual({ ids: [], total: 0 });
  });

  it('lets pending rows override the base and hides deleted entries', () => {
    const pending = [doc('e-2', 'coffee'), doc('e-5', 'polling'), doc('e-0', 'policy')];
    expect(searchIndex(index, pending, none, ['pol'], 10)).toEqual({ ids: ['e-5', 'e-4', 'e-1', 'e-0'], total: 4 });
    expect(searchIndex(index, pending, new Set(['e-4', 'e-5']), ['pol'], 10)).toEqual({ ids: ['e-1', 'e-0'], total: 2 });
    expect(searchIndex(index, pending, none, ['pol'], 2)).toEqual({ ids: ['e-5', 'e-4'], total: 4 });
  });

  it('walks bits across word boundaries of the bitset (more than 32 entries)', () => {
    const docs = Array.from({ length: 100 }, (_, i) => doc(`e-${String(i).padStart(3, '0')}`, i % 3 === 0 ? 'three' : 'other'));
    const big = openIndex(buildIndex(docs, 'g'));
    const hits = searchIndex(big, [], none, ['thr'], 1000);
    expect(hits.total).toBe(34);
    expect(hits.ids).toEqual(docs.filter((_, i) => i % 3 === 0).map((d) => d.id).reverse());
  });

  it('wordsMatch needs each term to start some word', () => {
    expect(wordsMatch(['policy', 'team'], ['pol', 'te'])).toBe(true);
    expect(wordsMatch(['policy'], ['pol', 'te'])).toBe(false);
  });
});
