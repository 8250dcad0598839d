import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJournalRepo, PENDING_LIMIT, type JournalRepo } from '../../../../lib/db/journal-repo';
import { DigitalFriendDb } from '../../../../lib/db/schema';
import { createEntry, entryWords, type JournalEntry } from '../../../../lib/journal/entry';
import { queryTerms } from '../../../../lib/journal/text';

// Search reads the journal's own index (lib/journal/search-index.ts): a base built at import or
// fold time, plus pending rows for entries written since. These tests check it against the
// obvious definition (scan every live entry) through every kind of write.
let db: DigitalFriendDb;
let repo: JournalRepo;
let clockMs = Date.UTC(2026, 0, 1);

const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000);
const entry = (i: number, text: string, tags: string[] = []): JournalEntry =>
  createEntry({ text, tags }, at(i), `e-${at(i).getTime().toString(36).padStart(9, '0')}-${String(i).padStart(4, '0')}`);

beforeEach(() => {
  clockMs = Date.UTC(2026, 5, 1);
  db = new DigitalFriendDb(`search-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  // Each write a minute later, so created ids stay in time order.
  repo = createJournalRepo(db, () => new Date((clockMs += 60_000)));
});
afterEach(() => db.close());

/** The definition: every live entry whose words include a prefix of each term, newest first. */
async function scan(query: string): Promise<string[]> {
  const terms = queryTerms(query);
  const all = await repo.all();
  return all
    .filter((e) => !e.deletedAt && terms.length > 0 && terms.every((t) => entryWords(e).some((w) => w.startsWith(t))))
    .map((e) => e.id)
    .sort()
    .reverse();
}

async function expectLikeScan(query: string, limit = 50) {
  const expected = await scan(query);
  const result = await repo.search(query, limit);
  expect(result.total, query).toBe(expected.length);
  expect(
    result.entries.map((e) => e.id),
    query,
  ).toEqual(expected.slice(0, limit));
  expect(result.more, query).toBe(expected.length > limit);
}

describe('journal search', () => {
  it('finds word prefixes regardless of capitals and accents, newest first', async () => {
    await repo.importAll([entry(1, 'A café on Whitehall'), entry(2, 'Nothing here'), entry(3, 'Another cafe visit')]);
    const result = await repo.search('CAFE');
    expect(result.total).toBe(2);
    expect(result.more).toBe(false);
    expect(result.entries.map((e) => e.text)).toEqual(['Another cafe visit', 'A café on Whitehall']);
    expect((await repo.search('whiteh')).entries.map((e) => e.text)).toEqual(['A café on Whitehall']);
    expect(result.terms).toEqual(['cafe']);
  });

  it('needs every term to match, each as the start of a word', async () => {
    await repo.importAll([entry(1, 'policy report draft'), entry(2, 'policy lunch'), entry(3, 'report only'), entry(4, 'apolicy')]);
    expect((await repo.search('rep pol')).entries.map((e) => e.text)).toEqual(['policy report draft']);
    expect((await repo.search('pol')).total).toBe(2);
    expect((await repo.search('olicy')).total).toBe(0);
  });

  it('finds tags as words', async () => {
    await repo.importAll([entry(1, 'Lunch with the team', ['viva-engage'])]);
    expect((await repo.search('engage')).total).toBe(1);
  });

  it('counts a broad search exactly and reads only a screenful of rows', async () => {
    const many = Array.from({ length: 2400 }, (_, i) => entry(i + 1, i % 2 ? `weekly report number ${i}` : `stand-up notes ${i}`));
    await repo.importAll(many);
    const result = await repo.search('re', 50);
    expect(result.entries).toHaveLength(50);
    expect(result.total).toBe(1200);
    expect(result.more).toBe(true);
    const ids = result.entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(ids[0]).toBe(many[many.length - 1]!.id);
    for (const e of result.entries) expect(e.text).toMatch(/\bre/i);
    // A bigger limit reads on from the same order.
    const next = await repo.search('re', 100);
    expect(next.entries.slice(0, 50).map((e) => e.id)).toEqual(ids);
  });

  it('pairs a rare term with a common one', async () => {
    const many = Array.from({ length: 1100 }, (_, i) => entry(i + 1, `report ${i}${i % 100 === 0 ? ' zebra' : ''}`));
    await repo.importAll([...many, entry(5000, 'zebra crossing')]);
    const result = await repo.search('zebra report');
    expect(result.entries.map((e) => e.text)).toEqual(many.filter((_, i) => i % 100 === 0).map((e) => e.text).reverse());
    expect(result.total).toBe(11);
  });

  it('leaves recently deleted entries out, and finds them again after undo', async () => {
    const many = Array.from({ length: 30 }, (_, i) => entry(i + 1, `report ${i}`));
    await repo.importAll([...many, entry(5000, 'rare word zebra')]);
    await repo.remove(many[many.length - 1]!.id);
    await repo.remove(entry(5000, '').id);
    expect((await repo.search('zebra')).entries).toEqual([]);
    expect((await repo.search('report')).total).toBe(29);
    await repo.restore(entry(5000, '').id);
    expect((await repo.search('zebra')).total).toBe(1);
  });

  it('finds a new entry at once, and an edited one by its new words only', async () => {
    await repo.importAll([entry(1, 'old words here')]);
    const fresh = await repo.create({ text: 'Brand new reflection', tags: ['fresh'] });
    expect((await repo.search('brand')).entries.map((e) => e.id)).toEqual([fresh.id]);
    await repo.update(entry(1, '').id, { text: 'rewritten completely' });
    expect((await repo.search('old')).total).toBe(0);
    expect((await repo.search('rewrit')).total).toBe(1);
    await repo.update(fresh.id, { tags: ['renamed'] });
    expect((await repo.search('fresh')).total).toBe(0);
    expect((await repo.search('renamed')).total).toBe(1);
    expect(await repo.searchStatus()).toEqual({ indexed: 1, pending: 2 });
  });

  it('forgets entries deleted for good', async () => {
    await repo.importAll([entry(1, 'keep this'), entry(2, 'purge this')]);
    await repo.remove(entry(2, '').id);
    expect(await repo.purgeDeleted(new Date(Date.UTC(2030, 0, 1)))).toBe(1);
    await repo.restore(entry(2, '').id); // nothing left to restore
    await expectLikeScan('this');
    expect((await repo.search('purge')).total).toBe(0);
    await repo.compactSearch();
    expect(await repo.searchStatus()).toEqual({ indexed: 1, pending: 0 });
    expect((await repo.search('this')).entries.map((e) => e.text)).toEqual(['keep this']);
  });

  it(`folds pending rows into the base once a search sees more than ${PENDING_LIMIT}`, async () => {
    await repo.importAll([entry(1, 'base entry about policy')]);
    for (let i = 0; i < PENDING_LIMIT + 1; i++) await repo.create({ text: `pending entry ${i} about policy` });
    expect((await repo.search('policy')).total).toBe(PENDING_LIMIT + 2);
    // The fold runs after the search returns, in its own transaction.
    await expect.poll(() => repo.searchStatus()).toEqual({ indexed: PENDING_LIMIT + 2, pending: 0 });
    await expectLikeScan('policy');
    await expectLikeScan('pending 1');
  });

  it('an import overrides what was pending for the same entry', async () => {
    const mine = await repo.create({ text: 'written here first' });
    await repo.importAll([{ ...mine, text: 'the file says otherwise' }]);
    expect((await repo.search('first')).total).toBe(0);
    expect((await repo.search('otherwise')).total).toBe(1);
    expect(await repo.searchStatus()).toEqual({ indexed: 1, pending: 0 });
  });

  it('clear empties the index too', async () => {
    await repo.importAll([entry(1, 'something')]);
    await repo.create({ text: 'something else' });
    await repo.clear();
    expect((await repo.search('something')).total).toBe(0);
    expect(await repo.searchStatus()).toEqual({ indexed: 0, pending: 0 });
  });

  it('matches a scan of every entry through a long mix of writes', async () => {
    // A small vocabulary, so terms collide a lot; a seeded generator, so a failure replays.
    const vocabulary = ['policy', 'police', 'report', 'reply', 'café', 'cafe', 'team', 'tea', 'blog', 'draft', 'Zoë', 'zoo', 'minister', 'mind', 'data'];
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const text = () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(vocabulary)).join(' ');
    const queries = ['pol', 'police', 're rep', 'cafe', 'CAFÉ', 'te', 'zo', 'min dat', 'b d', 'nothing', 'policy team draft'];
    let n = 0;
    await repo.importAll(Array.from({ length: 120 }, () => entry((n += 1), text(), random() < 0.2 ? [pick(vocabulary)] : [])));
    const ids = async () => (await repo.all()).map((e) => e.id);
    for (let step = 0; step < 150; step++) {
      const roll = random();
      const known = await ids();
      if (roll < 0.25) await repo.create({ text: text(), tags: random() < 0.3 ? [pick(vocabulary)] : [] });
      else if (roll < 0.5) await repo.update(pick(known), random() < 0.8 ? { text: text() } : { tags: [pick(vocabulary)] });
      else if (roll < 0.6) await repo.remove(pick(known));
      else if (roll < 0.7) await repo.restore(pick(known));
      else if (roll < 0.75) await repo.purgeDeleted(new Date(Date.UTC(2030, 0, 1)));
      else if (roll < 0.82) await repo.importAll(Array.from({ length: 5 }, () => ({ ...entry((n += 1), text()), ...(random() < 0.5 ? { id: pick(known) } : {}) })));
      else if (roll < 0.86) await repo.compactSearch();
      if (step % 10 === 0) for (const q of queries) await expectLikeScan(q, 7);
    }
    for (const q of queries) await expectLikeScan(q, 500);
  });
});
