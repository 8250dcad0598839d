import { parseQuickNote, reflectPath, registerJournal } from '../../../../lib/background/journal';
import { createJournalRepo } from '../../../../lib/db/journal-repo';
import { DigitalFriendDb } from '../../../../lib/db/schema';
import type { Browser } from 'wxt/browser';
import { findLesson } from '../../../../lib/walkthrough/catalogue';

const sender = {} as Browser.runtime.MessageSender;
let db: DigitalFriendDb;
let opened: string[];
let handlers: ReturnType<typeof registerJournal>;
let n = 0;

beforeEach(() => {
  db = new DigitalFriendDb(`journal-bg-${(n += 1)}`);
  opened = [];
  handlers = registerJournal({
    repo: createJournalRepo(db),
    findLesson,
    openPage: async (path) => {
      opened.push(path);
      return 1;
    },
  });
});

afterEach(() => db.delete());

const quickNote = (payload: unknown) => handlers['journal/quick-note']!(payload as { text: string }, sender);

describe('parseQuickNote', () => {
  it('keeps the text and a well-formed id, and nothing else', () => {
    expect(parseQuickNote({ text: 'Idea', extra: 1 })).toEqual({ text: 'Idea' });
    expect(parseQuickNote({ text: 'Idea', id: 'e-00mhx3k2p-abcd1234' })).toEqual({ text: 'Idea', id: 'e-00mhx3k2p-abcd1234' });
  });

  it.each([
    ['no text', {}],
    ['empty text', { text: '' }],
    ['only spaces', { text: ' \n\t ' }],
    ['a number', { text: 42 }],
    ['too long', { text: 'a'.repeat(100_001) }],
    ['a bad id', { text: 'x', id: '../../etc' }],
    ['an id that is not a string', { text: 'x', id: 7 }],
    ['an array', ['text']],
    ['null', null],
    ['fields under __proto__', JSON.parse('{"__proto__": {"text": "x"}}') as unknown],
  ])('rejects %s', (_name, payload) => {
    expect(parseQuickNote(payload)).toBeNull();
  });

  it('accepts exactly 100,000 characters', () => {
    expect(parseQuickNote({ text: 'a'.repeat(100_000) })).not.toBeNull();
  });
});

describe('journal/quick-note', () => {
  it('creates an entry, then autosave updates the same one', async () => {
    const repo = createJournalRepo(db);
    const { id } = await quickNote({ text: 'First words' });
    expect((await repo.get(id))?.text).toBe('First words');

    expect(await quickNote({ text: 'First words, more', id })).toEqual({ id });
    expect(await repo.count()).toBe(1);
    expect((await repo.get(id))?.text).toBe('First words, more');
  });

  it('starts a new entry when the one being written was deleted meanwhile', async () => {
    const repo = createJournalRepo(db);
    const { id } = await quickNote({ text: 'Kept' });
    await repo.remove(id);

    const next = await quickNote({ text: 'Kept, and more', id });

    expect(next.id).not.toBe(id);
    expect((await repo.get(id))?.text).toBe('Kept');
    expect((await repo.get(next.id))?.text).toBe('Kept, and more');
  });

  it('refuses an empty note and stores nothing', async () => {
    await expect(quickNote({ text: '   ' })).rejects.toMatchObject({ key: 'errorQuickNoteSize' });
    expect(await createJournalRepo(db).count()).toBe(0);
  });
});

describe('guide/reflect', () => {
  const reflect = (payload: unknown) => handlers['guide/reflect']!(payload as { lessonId: string }, sender);

  it('opens the journal with a new entry about a known lesson', async () => {
    await reflect({ lessonId: 'x-write-post' });
    expect(opened).toEqual([reflectPath('x-write-post')]);
    expect(opened[0]).toBe('/sidepanel.html#journal/new?lesson=x-write-post');
  });

  it.each([{ lessonId: 'no-such-lesson' }, { lessonId: 3 }, {}, { lessonId: 'x'.repeat(500) }, null])('opens nothing for %j', async (payload) => {
    await expect(reflect(payload)).rejects.toThrow();
    expect(opened).toEqual([]);
  });
});
