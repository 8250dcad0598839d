import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJournalRepo, type JournalRepo } from '../../../../lib/db/journal-repo';
import { DigitalFriendDb } from '../../../../lib/db/schema';
import { createEntry, type JournalEntry } from '../../../../lib/journal/entry';

// Search reads an index range only while it is narrow; a broad prefix switches to walking the
// newest entries and stops at a screenful (issue #4's search budgets, measured by npm run bench).
let db: DigitalFriendDb;
let repo: JournalRepo;

const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000);
const entry = (i: number, text: string): JournalEntry => createEntry({ text }, at(i), `e-${at(i).getTime().toString(36).padStart(9, '0')}-${String(i).padStart(4, '0')}`);

beforeEach(() => {
  db = new DigitalFriendDb(`search-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  repo = createJournalRepo(db, () => at(0));
});
afterEach(() => db.close());

describe('journal search', () => {
  it('counts a narrow term exactly and returns the newest matches first', async () => {
    await repo.importAll([entry(1, 'A café on Whitehall'), entry(2, 'Nothing here'), entry(3, 'Another cafe visit')]);
    const result = await repo.search('CAFE');
    expect(result.total).toBe(2);
    expect(result.more).toBe(false);
    expect(result.entries.map((e) => e.text)).toEqual(['Another cafe visit', 'A café on Whitehall']);
  });

  it('checks the other terms against the candidates of the narrowest one', async () => {
    await repo.importAll([entry(1, 'policy report draft'), entry(2, 'policy lunch'), entry(3, 'report only')]);
    const result = await repo.search('rep pol');
    expect(result.entries.map((e) => e.text)).toEqual(['policy report draft']);
    expect(result.total).toBe(1);
  });

  it('walks a broad term newest first, stops at a screenful, and says there are more', async () => {
    const many = Array.from({ length: 2400 }, (_, i) => entry(i + 1, i % 2 ? `weekly report number ${i}` : `stand-up notes ${i}`));
    await repo.importAll(many);
    const result = await repo.search('re', 50);
    expect(result.entries).toHaveLength(50);
    expect(result.total).toBeNull();
    expect(result.more).toBe(true);
    // Newest first, and every one really matches.
    const ids = result.entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(ids[0]).toBe(many[many.length - 1]!.id);
    for (const e of result.entries) expect(e.text).toMatch(/\bre/i);
  });

  it('counts a broad search exactly when the walk reaches the oldest entry', async () => {
    const many = Array.from({ length: 1100 }, (_, i) => entry(i + 1, `report ${i}`));
    await repo.importAll(many);
    const result = await repo.search('report', 2000);
    expect(result.entries).toHaveLength(1100);
    expect(result.total).toBe(1100);
    expect(result.more).toBe(false);
  });

  it('pairs a narrow term with a broad one by checking the narrow candidates only', async () => {
    const many = Array.from({ length: 1100 }, (_, i) => entry(i + 1, `report ${i}${i % 100 === 0 ? ' zebra' : ''}`));
    await repo.importAll([...many, entry(5000, 'zebra crossing')]);
    const result = await repo.search('zebra report');
    expect(result.entries.map((e) => e.text)).toEqual(many.filter((_, i) => i % 100 === 0).map((e) => e.text).reverse());
    expect(result.total).toBe(11);
    expect(result.more).toBe(false);
  });

  it('leaves recently deleted entries out of both kinds of search', async () => {
    const many = Array.from({ length: 1100 }, (_, i) => entry(i + 1, `report ${i}`));
    await repo.importAll([...many, entry(5000, 'rare word zebra')]);
    await repo.remove(many[many.length - 1]!.id);
    await repo.remove(entry(5000, '').id);
    expect((await repo.search('zebra')).entries).toEqual([]);
    expect((await repo.search('report', 10)).entries.map((e) => e.id)).not.toContain(many[many.length - 1]!.id);
  });
});
