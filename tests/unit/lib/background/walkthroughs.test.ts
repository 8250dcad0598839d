import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerWalkthroughs } from '../../../../lib/background/walkthroughs';
import { createProgressRepo, type ProgressRepo } from '../../../../lib/db/progress-repo';
import { DigitalFriendDb } from '../../../../lib/db/schema';
import type { ControlEvent } from '../../../../lib/messaging/protocol';
import { UserError } from '../../../../lib/messaging/user-error';
import { t } from '../../../../lib/platform/i18n';
import { loadSession, saveSession } from '../../../../lib/platform/session-store';
import type { Handlers } from '../../../../lib/platform/messaging';
import type { GuideEvent } from '../../../../lib/walkthrough/events';
import type { Step, Walkthrough } from '../../../../lib/walkthrough/model';
import { matchUrl } from '../../../../lib/walkthrough/url';

/*
 * WXT's fake browser implements tabs, windows, runtime and storage in memory, and resets them
 * before every test (tests/setup/fake-browser.ts). It leaves these unimplemented (they throw), so
 * this file installs small in-memory stand-ins before each test:
 * - permissions.contains: answers from a set of granted origin patterns the test controls.
 * - scripting.executeScript: records which tab got which files (the guide injection).
 * - tabs.sendMessage: records what each tab was sent (guide/update).
 * And two fake behaviours differ from a browser, so they are adjusted:
 * - tabs.query compares `url` with ===; browsers treat it as a match pattern. The stand-in
 *   filters with matchUrl, which agrees with match patterns for the "https://host/*" patterns
 *   lessons use.
 * - windows.getCurrent() is undefined until a window is focused, and tabs.query({currentWindow})
 *   then throws; a focused window is opened first, as a browser always has one.
 */

/**
 * What the person is told when a request is refused: the background throws a UserError (a message
 * key and substitutions, no English), and the page words it from the en-GB catalogue.
 */
async function refusal(pending: unknown): Promise<string> {
  const error = await Promise.resolve(pending).then(
    () => {
      throw new Error('Expected a refusal, but the request succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  const { key, subs } = error as UserError;
  return t(key, [...subs]);
}

const step = (id: string, extra: Partial<Step> = {}): Step => ({
  id,
  url: 'https://x.com/home',
  action: 'read',
  done: { kind: 'manual' },
  title: `Title ${id}`,
  body: `Body ${id}`,
  ...extra,
});

const LIVE: Walkthrough = {
  id: 'live-lesson',
  title: 'A live lesson',
  topic: 'x',
  minutes: 3,
  why: 'Tests.',
  startUrl: 'https://x.com/home',
  origin: 'https://x.com/*',
  practice: true,
  steps: [step('one'), step('two'), step('three', { url: 'https://x.com/settings/profile', goTo: 'https://x.com/settings/profile' }), step('four')],
};
const NO_PRACTICE: Walkthrough = { ...LIVE, id: 'no-practice', title: 'No practice', practice: false };
const READ_ONLY: Walkthrough = { ...LIVE, id: 'read-only', title: 'Read only', readOnly: true, origin: undefined };
const ODD_ID: Walkthrough = { ...LIVE, id: 'pack/odd id#1', title: 'Odd id' };
const LINKEDIN: Walkthrough = {
  ...LIVE,
  id: 'linkedin-lesson',
  title: 'A LinkedIn lesson',
  topic: 'linkedin',
  startUrl: 'https://www.linkedin.com/feed/',
  origin: 'https://www.linkedin.com/*',
  steps: LIVE.steps.map((s) => ({ ...s, url: 'https://www.linkedin.com/feed/' })),
};
const CATALOGUE = new Map([LIVE, NO_PRACTICE, READ_ONLY, ODD_ID, LINKEDIN].map((w) => [w.id, w]));
const findLesson = (id: string) => CATALOGUE.get(id);

const OWN_ID = fakeBrowser.runtime.id;
const originalQuery = fakeBrowser.tabs.query;

let granted: Set<string>;
let injected: { tabId: number; files: string[] }[];
let tabMessages: { tabId: number; message: unknown }[];
let broadcasts: unknown[];
let db: DigitalFriendDb;
let repo: ProgressRepo;
let handlers: Handlers;
let clock: number;

beforeEach(async () => {
  granted = new Set();
  injected = [];
  tabMessages = [];
  broadcasts = [];
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o)),
  });
  Object.assign(fakeBrowser.scripting, {
    executeScript: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      injected.push({ tabId: target.tabId, files });
      return [];
    },
  });
  Object.assign(fakeBrowser.tabs, {
    sendMessage: async (tabId: number, message: unknown) => {
      tabMessages.push({ tabId, message });
    },
    query: async (info: Parameters<typeof originalQuery>[0]) => {
      const { url, ...rest } = info;
      const tabs = await originalQuery(rest);
      const patterns = url === undefined ? [] : Array.isArray(url) ? url : [url];
      return patterns.length ? tabs.filter((t) => t.url && patterns.some((p) => matchUrl(p, t.url!))) : tabs;
    },
  });
  await fakeBrowser.windows.create({ focused: true });
  // Practice pages hear runtime broadcasts; this stands in for one that is open.
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    broadcasts.push(message);
  });
  db = new DigitalFriendDb('walkthroughs-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  repo = createProgressRepo(db);
  clock = Date.parse('2026-11-16T09:00:00.000Z');
  handlers = registerWalkthroughs({ findLesson, repo, now: () => new Date((clock += 1000)) });
});

afterEach(() => {
  fakeBrowser.tabs.query = originalQuery;
  db.close();
});

const sidePanel: Browser.runtime.MessageSender = { id: OWN_ID, url: fakeBrowser.runtime.getURL('/sidepanel.html') };
const fromTab = (tabId: number, url = 'https://x.com/home'): Browser.runtime.MessageSender => ({ id: OWN_ID, url, tab: { id: tabId, url } as Browser.tabs.Tab });

const start = (lessonId: string, mode: 'live' | 'practice' = 'live', resume = false, sender = sidePanel) =>
  handlers['walkthrough/start']!({ lessonId, mode, resume }, sender);
const guideEvent = (event: unknown, sender: Browser.runtime.MessageSender) => handlers['guide/event']!({ event: event as GuideEvent }, sender);
const control = (event: unknown) => handlers['walkthrough/control']!({ event: event as ControlEvent }, sidePanel);
const updatesTo = (tabId: number) =>
  tabMessages.filter((m) => m.tabId === tabId).map((m) => (m.message as { payload: { view: { index: number } | null } }).payload.view);

/**
 * A tab finishing (or starting) a load, as tabs.onUpdated listeners see it. The fake's update()
 * merges any property into the tab and fires onUpdated with it, so `status` (which real
 * tabs.update does not take) is how a test says "this page has loaded".
 */
const loadTab = (tabId: number, changes: { status: 'loading' | 'complete'; url?: string }) =>
  fakeBrowser.tabs.update(tabId, changes as Browser.tabs.UpdateProperties);

/** The fake's events can say whether anyone listens; the browser's own types do not show it. */
const listening = (event: object) => (event as { hasListeners(): boolean }).hasListeners();

/** Starts LIVE in a tab that is already on x.com/home and loaded, so the guide goes in at once. */
async function startLiveInLoadedTab(): Promise<number> {
  granted.add('https://x.com/*');
  const tab = await fakeBrowser.tabs.create({ url: 'https://x.com/home' });
  await loadTab(tab.id!, { status: 'complete' });
  const { tabId } = await start('live-lesson');
  expect(tabId).toBe(tab.id);
  return tabId;
}

/** Lets listeners that queue work (tabs.onUpdated) finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('registerWalkthroughs', () => {
  it('returns the walkthrough handlers and registers its tab listeners at once', () => {
    expect(Object.keys(handlers).sort()).toEqual(['guide/event', 'guide/hello', 'walkthrough/control', 'walkthrough/current', 'walkthrough/start']);
    expect(listening(fakeBrowser.tabs.onUpdated)).toBe(true);
    expect(listening(fakeBrowser.tabs.onRemoved)).toBe(true);
  });

  describe('walkthrough/start', () => {
    it.each(['nope', '', '__proto__', 'constructor'])('rejects an unknown lesson %j with a clear message', async (id) => {
      expect(await refusal(start(id))).toBe(`There is no walkthrough called "${id}" to start.`);
      expect(await loadSession()).toBeNull();
    });

    it('rejects a read-only lesson, which has no live overlay', async () => {
      expect(await refusal(start('read-only'))).toBe('There is no walkthrough called "read-only" to start.');
    });

    it('rejects a live start without the site permission, and changes nothing', async () => {
      const tabsBefore = (await fakeBrowser.tabs.query({})).length;
      expect(await refusal(start('live-lesson'))).toBe('Digital Friend needs your permission to guide you on https://x.com/*.');
      expect(await loadSession()).toBeNull();
      expect(await repo.all()).toEqual([]);
      expect((await fakeBrowser.tabs.query({})).length).toBe(tabsBefore);
      expect(injected).toEqual([]);
    });

    it('does not accept permission for another site', async () => {
      granted.add('https://www.linkedin.com/*');
      expect(await refusal(start('live-lesson'))).toMatch(/needs your permission/);
    });

    it('opens the start page in a new tab, saves the session and records step 0', async () => {
      granted.add('https://x.com/*');
      const { ok, tabId } = await start('live-lesson');
      expect(ok).toBe(true);
      expect((await fakeBrowser.tabs.get(tabId))?.url).toBe('https://x.com/home');
      expect(await loadSession()).toMatchObject({ lessonId: 'live-lesson', mode: 'live', tabId, stepIndex: 0, total: 4, status: 'active', missing: false });
      expect(await repo.get('live-lesson')).toMatchObject({ status: 'started', stepIndex: 0 });
      // The new tab is still loading: the guide goes in when it has loaded, not before.
      expect(injected).toEqual([]);
    });

    it('injects the guide when the walkthrough’s tab finishes loading on the site, and only then', async () => {
      granted.add('https://x.com/*');
      const { tabId } = await start('live-lesson');
      const other = await fakeBrowser.tabs.create({ url: 'https://x.com/explore' });
      await loadTab(other.id!, { status: 'complete' });
      await loadTab(tabId, { status: 'loading' });
      await settle();
      expect(injected).toEqual([]);

      await loadTab(tabId, { status: 'complete' });
      await settle();
      expect(injected).toEqual([{ tabId, files: ['/guide.js'] }]);
    });

    it('does not inject when the tab has left the site, or the permission was withdrawn', async () => {
      granted.add('https://x.com/*');
      const { tabId } = await start('live-lesson');
      await loadTab(tabId, { url: 'https://evil.example/x.com/', status: 'complete' });
      await settle();
      expect(injected).toEqual([]);

      granted.clear();
      await loadTab(tabId, { url: 'https://x.com/home', status: 'complete' });
      await settle();
      expect(injected).toEqual([]);
    });

    it('reuses a loaded tab already on the step’s page and injects the guide at once', async () => {
      const tabId = await startLiveInLoadedTab();
      expect(injected).toEqual([{ tabId, files: ['/guide.js'] }]);
    });

    it('opens a practice copy at practice.html#<lesson id> and does not inject anything', async () => {
      const { tabId } = await start('live-lesson', 'practice');
      expect((await fakeBrowser.tabs.get(tabId))?.url).toBe(fakeBrowser.runtime.getURL('/practice.html#live-lesson'));
      expect(await loadSession()).toMatchObject({ lessonId: 'live-lesson', mode: 'practice', tabId, stepIndex: 0 });
      expect(injected).toEqual([]);
    });

    it('needs no site permission to practise', async () => {
      await expect(start('live-lesson', 'practice')).resolves.toMatchObject({ ok: true });
    });

    it('encodes an awkward lesson id in the practice address', async () => {
      const { tabId } = await start('pack/odd id#1', 'practice');
      expect((await fakeBrowser.tabs.get(tabId))?.url).toBe(fakeBrowser.runtime.getURL('/practice.html#pack%2Fodd%20id%231'));
    });

    it('rejects practice for a lesson without a practice copy', async () => {
      expect(await refusal(start('no-practice', 'practice'))).toBe('"No practice" has no practice copy.');
    });

    it('runs in the practice page that asked, and shows the first step there at once', async () => {
      const practice = await fakeBrowser.tabs.create({ url: fakeBrowser.runtime.getURL('/practice.html#live-lesson') });
      const tabsBefore = (await fakeBrowser.tabs.query({})).length;
      const { tabId } = await start('live-lesson', 'practice', false, fromTab(practice.id!, practice.url));
      expect(tabId).toBe(practice.id);
      expect((await fakeBrowser.tabs.query({})).length).toBe(tabsBefore);
      expect(broadcasts).toContainEqual({ df: 1, type: 'guide/update', payload: { view: expect.objectContaining({ lessonId: 'live-lesson', index: 0 }) } });
    });

    it('treats an unknown mode as live', async () => {
      expect(await refusal(handlers['walkthrough/start']!({ lessonId: 'live-lesson', mode: 'sideways' as 'live' }, sidePanel))).toMatch(/needs your permission/);
    });

    // start() tells the running walkthrough's tab to drop its guide before it checks the new
    // lesson's permission; when that check fails, the old session stays saved but its guide has
    // gone until the tab reloads.
    it('leaves a running walkthrough’s guide alone when starting another one fails', async () => {
      const first = await startLiveInLoadedTab();
      expect(await refusal(start('linkedin-lesson'))).toMatch(/needs your permission/);
      expect((await loadSession())?.tabId).toBe(first);
      expect(updatesTo(first)).toEqual([]);
    });

    it('takes the guide out of the previous walkthrough’s tab when another starts', async () => {
      const first = await startLiveInLoadedTab();
      await start('live-lesson', 'practice');
      expect(updatesTo(first)).toEqual([null]);
    });

    describe('resume', () => {
      it('resumes a started lesson at its step, opening that step’s page', async () => {
        await repo.recordStep('live-lesson', 2, new Date());
        granted.add('https://x.com/*');
        const { tabId } = await start('live-lesson', 'live', true);
        expect((await loadSession())?.stepIndex).toBe(2);
        expect((await fakeBrowser.tabs.get(tabId))?.url).toBe('https://x.com/settings/profile');
      });

      it('starts a completed lesson from the beginning', async () => {
        await repo.recordCompletion('live-lesson', new Date());
        await start('live-lesson', 'practice', true);
        expect((await loadSession())?.stepIndex).toBe(0);
      });

      it('clamps a saved step beyond the lesson (a lesson that has shrunk) to its last step', async () => {
        await repo.recordStep('live-lesson', 40, new Date());
        await start('live-lesson', 'practice', true);
        expect((await loadSession())?.stepIndex).toBe(3);
      });

      it('ignores saved progress unless asked to resume', async () => {
        await repo.recordStep('live-lesson', 2, new Date());
        await start('live-lesson', 'practice');
        expect((await loadSession())?.stepIndex).toBe(0);
      });
    });
  });

  describe('guide/event', () => {
    it('ignores an event from a tab other than the walkthrough’s', async () => {
      const tabId = await startLiveInLoadedTab();
      await expect(guideEvent({ kind: 'completed', stepIndex: 0 }, fromTab(tabId + 100))).resolves.toEqual({ view: null });
      await expect(guideEvent({ kind: 'exit' }, fromTab(tabId + 100))).resolves.toEqual({ view: null });
      expect(await loadSession()).toMatchObject({ stepIndex: 0, status: 'active' });
    });

    it('ignores an event that comes from no tab', async () => {
      await startLiveInLoadedTab();
      await expect(guideEvent({ kind: 'next' }, { id: OWN_ID })).resolves.toEqual({ view: null });
      expect((await loadSession())?.stepIndex).toBe(0);
    });

    it.each([
      ['null', null],
      ['a string', 'completed'],
      ['an unknown kind', { kind: 'finish-everything' }],
      ['a huge step index', { kind: 'completed', stepIndex: 1e9 }],
      ['a kind hidden under __proto__', JSON.parse('{"__proto__":{"kind":"next"}}') as unknown],
    ])('ignores a malformed event: %s', async (_label, event) => {
      const tabId = await startLiveInLoadedTab();
      await expect(guideEvent(event, fromTab(tabId))).resolves.toEqual({ view: null });
      expect((await loadSession())?.stepIndex).toBe(0);
    });

    it('advances on "completed", records the step, and tells the tab', async () => {
      const tabId = await startLiveInLoadedTab();
      const { view } = await guideEvent({ kind: 'completed', stepIndex: 0 }, fromTab(tabId));
      expect(view).toMatchObject({ lessonId: 'live-lesson', index: 1, total: 4, finished: false, step: { id: 'two' } });
      expect((await loadSession())?.stepIndex).toBe(1);
      expect(await repo.get('live-lesson')).toMatchObject({ status: 'started', stepIndex: 1 });
      expect(updatesTo(tabId).map((v) => v?.index)).toEqual([1]);
    });

    it('ignores a late "completed" for a step already left', async () => {
      const tabId = await startLiveInLoadedTab();
      await guideEvent({ kind: 'completed', stepIndex: 0 }, fromTab(tabId));
      const { view } = await guideEvent({ kind: 'completed', stepIndex: 0 }, fromTab(tabId));
      expect(view?.index).toBe(1);
      expect((await loadSession())?.stepIndex).toBe(1);
    });

    it('advances once when the same completion arrives twice at the same time', async () => {
      const tabId = await startLiveInLoadedTab();
      await Promise.all([guideEvent({ kind: 'completed', stepIndex: 0 }, fromTab(tabId)), guideEvent({ kind: 'completed', stepIndex: 0 }, fromTab(tabId))]);
      expect((await loadSession())?.stepIndex).toBe(1);
    });

    it('records a completion when the last step is done, once', async () => {
      const tabId = await startLiveInLoadedTab();
      for (let i = 0; i < 4; i += 1) await guideEvent({ kind: 'completed', stepIndex: i }, fromTab(tabId));
      expect(await loadSession()).toMatchObject({ status: 'finished', stepIndex: 3 });
      const row = await repo.get('live-lesson');
      expect(row).toMatchObject({ status: 'completed', stepIndex: 0 });
      expect(row?.completions).toHaveLength(1);

      const { view } = await guideEvent({ kind: 'next' }, fromTab(tabId));
      expect(view?.finished).toBe(true);
      expect((await repo.get('live-lesson'))?.completions).toHaveLength(1);
    });

    it('marks a step missing and found without moving or recording it', async () => {
      const tabId = await startLiveInLoadedTab();
      const before = await repo.get('live-lesson');
      expect((await guideEvent({ kind: 'missing', stepIndex: 0 }, fromTab(tabId))).view).toMatchObject({ index: 0, missing: true });
      expect((await guideEvent({ kind: 'found', stepIndex: 0 }, fromTab(tabId))).view).toMatchObject({ index: 0, missing: false });
      expect(await repo.get('live-lesson')).toEqual(before);
    });

    it('ends the walkthrough on exit, keeping progress, and clears the tab', async () => {
      const tabId = await startLiveInLoadedTab();
      await guideEvent({ kind: 'completed', stepIndex: 0 }, fromTab(tabId));
      await expect(guideEvent({ kind: 'exit' }, fromTab(tabId))).resolves.toEqual({ view: null });
      expect(await loadSession()).toBeNull();
      expect((await repo.get('live-lesson'))?.stepIndex).toBe(1);
      expect(updatesTo(tabId).at(-1)).toBeNull();
    });

    it('sends practice updates by runtime broadcast, not to a tab', async () => {
      const { tabId } = await start('live-lesson', 'practice');
      await guideEvent({ kind: 'completed', stepIndex: 0 }, fromTab(tabId, fakeBrowser.runtime.getURL('/practice.html#live-lesson')));
      expect(tabMessages).toEqual([]);
      expect(broadcasts).toContainEqual({ df: 1, type: 'guide/update', payload: { view: expect.objectContaining({ index: 1 }) } });
    });

    describe('report', () => {
      it('stores a report for the step with the query stripped from the address', async () => {
        const tabId = await startLiveInLoadedTab();
        const { view } = await guideEvent({ kind: 'report', stepIndex: 1, url: 'https://x.com/home?session=secret&name=jo#top' }, fromTab(tabId));
        expect(view?.index).toBe(0);
        const reports = await repo.reports();
        expect(reports).toEqual([{ id: expect.any(Number), lessonId: 'live-lesson', stepId: 'two', stepIndex: 1, url: 'https://x.com/home', date: expect.any(String) }]);
        expect(reports[0]!.url).not.toContain('secret');
      });

      it('does not move the walkthrough on', async () => {
        const tabId = await startLiveInLoadedTab();
        await guideEvent({ kind: 'report', stepIndex: 0, url: 'https://x.com/home' }, fromTab(tabId));
        expect((await loadSession())?.stepIndex).toBe(0);
      });

      it.each([
        ['from another tab', { kind: 'report', stepIndex: 0, url: 'https://x.com/home' }, 999],
        ['for a step the lesson does not have', { kind: 'report', stepIndex: 4, url: 'https://x.com/home' }, undefined],
        ['with a javascript: address', { kind: 'report', stepIndex: 0, url: 'javascript:alert(1)' }, undefined],
        ['with an address over 2048 characters', { kind: 'report', stepIndex: 0, url: `https://x.com/${'a'.repeat(2048)}` }, undefined],
      ])('stores nothing %s', async (_label, event, otherTab) => {
        const tabId = await startLiveInLoadedTab();
        await guideEvent(event, fromTab(otherTab ?? tabId));
        expect(await repo.reports()).toEqual([]);
      });

      it('stores nothing when no walkthrough is running', async () => {
        await guideEvent({ kind: 'report', stepIndex: 0, url: 'https://x.com/home' }, fromTab(5));
        expect(await repo.reports()).toEqual([]);
      });
    });
  });

  describe('walkthrough/control', () => {
    it.each([
      ['report', { kind: 'report', stepIndex: 0, url: 'https://x.com/home' }],
      ['an unknown kind', { kind: 'teleport' }],
      ['nothing', undefined],
      ['a string', 'next'],
    ])('rejects %s', async (_label, event) => {
      await startLiveInLoadedTab();
      expect(await refusal(control(event))).toBe('That is not a walkthrough control.');
      expect((await loadSession())?.stepIndex).toBe(0);
    });

    it('moves the walkthrough on and back, and tells the guide', async () => {
      const tabId = await startLiveInLoadedTab();
      await expect(control({ kind: 'next' })).resolves.toEqual({ ok: true });
      await control({ kind: 'next' });
      await control({ kind: 'back' });
      expect((await loadSession())?.stepIndex).toBe(1);
      expect(updatesTo(tabId).map((v) => v?.index)).toEqual([1, 2, 1]);
    });

    it('ends the walkthrough on exit', async () => {
      await startLiveInLoadedTab();
      await control({ kind: 'exit' });
      expect(await loadSession()).toBeNull();
    });

    it('does nothing, without failing, when no walkthrough is running', async () => {
      await expect(control({ kind: 'next' })).resolves.toEqual({ ok: true });
      expect(await loadSession()).toBeNull();
    });
  });

  describe('guide/hello', () => {
    it('gives the walkthrough’s tab its view and every other tab nothing', async () => {
      const tabId = await startLiveInLoadedTab();
      expect((await handlers['guide/hello']!({}, fromTab(tabId))).view).toMatchObject({ lessonId: 'live-lesson', index: 0 });
      expect(await handlers['guide/hello']!({}, fromTab(tabId + 1))).toEqual({ view: null });
      expect(await handlers['guide/hello']!({}, { id: OWN_ID })).toEqual({ view: null });
    });

    it('gives nothing for a session whose lesson no longer exists', async () => {
      await saveSession({ lessonId: 'gone', mode: 'live', tabId: 3, stepIndex: 0, total: 4, missing: false, status: 'active', startedAt: 'then' });
      expect(await handlers['guide/hello']!({}, fromTab(3))).toEqual({ view: null });
    });
  });

  describe('walkthrough/current', () => {
    it('names the running walkthrough', async () => {
      await startLiveInLoadedTab();
      expect(await handlers['walkthrough/current']!({}, sidePanel)).toEqual({
        current: { lessonId: 'live-lesson', title: 'A live lesson', mode: 'live', origin: 'https://x.com/*' },
      });
    });

    it('otherwise names the most recently touched unfinished lesson', async () => {
      await repo.recordStep('no-practice', 1, new Date('2026-11-01T00:00:00Z'));
      await repo.recordStep('live-lesson', 1, new Date('2026-11-10T00:00:00Z'));
      await repo.recordStep('gone-lesson', 1, new Date('2026-11-20T00:00:00Z'));
      await repo.recordCompletion('pack/odd id#1', new Date('2026-11-21T00:00:00Z'));
      expect((await handlers['walkthrough/current']!({}, sidePanel)).current?.lessonId).toBe('live-lesson');
    });

    it('is null when nothing is running or unfinished', async () => {
      expect(await handlers['walkthrough/current']!({}, sidePanel)).toEqual({ current: null });
    });
  });

  describe('tab closed', () => {
    it('ends the session when the walkthrough’s tab closes, keeping progress', async () => {
      const tabId = await startLiveInLoadedTab();
      await guideEvent({ kind: 'completed', stepIndex: 0 }, fromTab(tabId));
      await fakeBrowser.tabs.onRemoved.trigger(tabId, { isWindowClosing: false, windowId: 1 });
      await settle();
      expect(await loadSession()).toBeNull();
      expect((await repo.get('live-lesson'))?.stepIndex).toBe(1);
    });

    it('keeps the session when another tab closes', async () => {
      const tabId = await startLiveInLoadedTab();
      await fakeBrowser.tabs.onRemoved.trigger(tabId + 1, { isWindowClosing: false, windowId: 1 });
      await settle();
      expect((await loadSession())?.tabId).toBe(tabId);
    });
  });
});
