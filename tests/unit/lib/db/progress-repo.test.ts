import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createProgressRepo, reportableUrl, type ProgressRepo } from '../../../../lib/db/progress-repo';
import { DigitalFriendDb } from '../../../../lib/db/schema';

/** A fresh, empty database in its own in-memory IndexedDB for every test. */
function freshDb(): DigitalFriendDb {
  return new DigitalFriendDb('progress-test', { indexedDB: new IDBFactory(), IDBKeyRange });
}

const at = (iso: string) => new Date(iso);
const T1 = '2026-11-16T09:00:00.000Z';
const T2 = '2026-11-16T09:05:00.000Z';
const T3 = '2026-11-17T10:00:00.000Z';
const T4 = '2026-11-18T11:30:00.000Z';

describe('createProgressRepo', () => {
  let db: DigitalFriendDb;
  let repo: ProgressRepo;

  beforeEach(() => {
    db = freshDb();
    repo = createProgressRepo(db);
  });
  afterEach(() => db.close());

  describe('recordStep', () => {
    it('creates a started row on the first step', async () => {
      await repo.recordStep('x-write-post', 0, at(T1));
      expect(await repo.get('x-write-post')).toEqual({
        lessonId: 'x-write-post',
        status: 'started',
        stepIndex: 0,
        startedAt: T1,
        updatedAt: T1,
        completions: [],
      });
    });

    it('updates the step and time, keeping when it started', async () => {
      await repo.recordStep('x-write-post', 0, at(T1));
      await repo.recordStep('x-write-post', 2, at(T2));
      expect(await repo.get('x-write-post')).toEqual({
        lessonId: 'x-write-post',
        status: 'started',
        stepIndex: 2,
        startedAt: T1,
        updatedAt: T2,
        completions: [],
      });
    });

    it('records going back as well as forward', async () => {
      await repo.recordStep('x-write-post', 3, at(T1));
      await repo.recordStep('x-write-post', 1, at(T2));
      expect((await repo.get('x-write-post'))?.stepIndex).toBe(1);
    });

    it('keeps one row per lesson', async () => {
      await repo.recordStep('x-write-post', 1, at(T1));
      await repo.recordStep('x-reply', 2, at(T2));
      await repo.recordStep('x-write-post', 3, at(T3));
      const all = await repo.all();
      expect(all.map((r) => [r.lessonId, r.stepIndex]).sort()).toEqual([['x-reply', 2], ['x-write-post', 3]]);
    });

    it('keeps a finished lesson finished, with its completions, when it is started again', async () => {
      await repo.recordStep('x-write-post', 0, at(T1));
      await repo.recordCompletion('x-write-post', at(T2));
      await repo.recordStep('x-write-post', 0, at(T3));
      expect(await repo.get('x-write-post')).toEqual({
        lessonId: 'x-write-post',
        status: 'completed',
        stepIndex: 0,
        startedAt: T1,
        updatedAt: T3,
        completions: [T2],
      });
    });

    it('does not lose a step when two are recorded at once', async () => {
      await Promise.all([repo.recordStep('x-write-post', 1, at(T1)), repo.recordStep('x-reply', 1, at(T1)), repo.recordStep('x-write-post', 2, at(T2))]);
      expect((await repo.get('x-write-post'))?.stepIndex).toBe(2);
      expect((await repo.get('x-write-post'))?.startedAt).toBe(T1);
      expect(await repo.all()).toHaveLength(2);
    });
  });

  describe('recordCompletion', () => {
    it('marks the lesson completed, resets the step and appends the completion', async () => {
      await repo.recordStep('x-write-post', 3, at(T1));
      await repo.recordCompletion('x-write-post', at(T2));
      expect(await repo.get('x-write-post')).toEqual({
        lessonId: 'x-write-post',
        status: 'completed',
        stepIndex: 0,
        startedAt: T1,
        updatedAt: T2,
        completions: [T2],
      });
    });

    it('appends every later completion, oldest first', async () => {
      await repo.recordCompletion('x-write-post', at(T1));
      await repo.recordStep('x-write-post', 2, at(T2));
      await repo.recordCompletion('x-write-post', at(T3));
      await repo.recordCompletion('x-write-post', at(T4));
      const row = await repo.get('x-write-post');
      expect(row?.completions).toEqual([T1, T3, T4]);
      expect(row?.stepIndex).toBe(0);
      expect(row?.updatedAt).toBe(T4);
    });

    it('creates the row when there was none, started when it finished', async () => {
      await repo.recordCompletion('x-reply', at(T3));
      expect(await repo.get('x-reply')).toEqual({
        lessonId: 'x-reply',
        status: 'completed',
        stepIndex: 0,
        startedAt: T3,
        updatedAt: T3,
        completions: [T3],
      });
    });

    it('leaves other lessons alone', async () => {
      await repo.recordStep('x-reply', 2, at(T1));
      await repo.recordCompletion('x-write-post', at(T2));
      expect((await repo.get('x-reply'))?.status).toBe('started');
      expect((await repo.get('x-reply'))?.stepIndex).toBe(2);
    });
  });

  describe('reports', () => {
    const report = (date: string, stepIndex = 0) => ({ lessonId: 'x-write-post', stepId: `step-${stepIndex}`, stepIndex, url: 'https://x.com/home', date });

    it('stores a report with a new id and reads it back', async () => {
      const id = await repo.addReport(report(T1));
      expect(typeof id).toBe('number');
      expect(await repo.reports()).toEqual([{ ...report(T1), id }]);
    });

    it('lists reports oldest first by date, not by the order they were added', async () => {
      await repo.addReport(report(T3, 3));
      await repo.addReport(report(T1, 1));
      await repo.addReport(report(T2, 2));
      expect((await repo.reports()).map((r) => r.stepIndex)).toEqual([1, 2, 3]);
    });

    it('gives each report its own id, even on the same step', async () => {
      const a = await repo.addReport(report(T1));
      const b = await repo.addReport(report(T1));
      expect(a).not.toBe(b);
      expect(await repo.reports()).toHaveLength(2);
    });

    it('is empty at first', async () => {
      expect(await repo.reports()).toEqual([]);
      expect(await repo.all()).toEqual([]);
      expect(await repo.get('x-write-post')).toBeUndefined();
    });
  });
});

describe('reportableUrl', () => {
  it.each([
    ['keeps origin and path', 'https://x.com/home', 'https://x.com/home'],
    ['strips a query', 'https://x.com/search?q=my%20name&src=typed', 'https://x.com/search'],
    ['drops a fragment that is not a route', 'https://www.linkedin.com/feed/#main', 'https://www.linkedin.com/feed/'],
    ['keeps a Bitwarden hash route', 'https://vault.bitwarden.com/#/vault', 'https://vault.bitwarden.com/#/vault'],
    ['keeps a hash route without its own query', 'https://vault.bitwarden.com/#/vault?itemId=1234&organizationId=abcd', 'https://vault.bitwarden.com/#/vault'],
    ['strips the query before the hash route', 'https://vault.bitwarden.com/?email=jo%40example.gov.uk#/login', 'https://vault.bitwarden.com/#/login'],
    ['drops user name and password in the URL', 'https://jo:secret@x.com/home?x=1', 'https://x.com/home'],
    ['keeps a port', 'http://localhost:8080/feed/?a=1', 'http://localhost:8080/feed/'],
    ['normalises the host case', 'https://X.COM/Home', 'https://x.com/Home'],
    ['strips an empty query', 'https://x.com/home?', 'https://x.com/home'],
  ])('%s', (_label, input, expected) => {
    expect(reportableUrl(input)).toBe(expected);
  });

  // Only the part of the hash after a '?' is dropped, so data carried in a fragment that is not a
  // route (OAuth's implicit flow: #access_token=…&state=…) is stored as it is.
  it('drops a fragment that carries data rather than naming a screen', () => {
    expect(reportableUrl('https://x.com/i/oauth#access_token=abc123&state=xyz')).toBe('https://x.com/i/oauth');
  });

  it.each(['', 'not a url', '/home', 'x.com/home', 'https://', 'http://[::1'])('is empty for an invalid URL: %j', (input) => {
    expect(reportableUrl(input)).toBe('');
  });

  it('never lets a query through, whatever the scheme or shape', () => {
    // (Extension URLs are in this list but not checked for their origin above: Node gives
    // chrome-extension:// URLs an opaque "null" origin, Chrome gives them their real one.)
    for (const input of ['chrome-extension://abcdefgh/practice.html?lesson=x#x-write-post', 'https://x.com/?a=1', 'https://x.com/a/b?c=d#e', 'https://vault.bitwarden.com/#/a?b=c', 'https://x.com/#?token=1']) {
      expect(reportableUrl(input), input).not.toContain('=');
    }
  });
});
