import { browser } from 'wxt/browser';
import { reportableUrl, type ProgressRepo } from '../db/progress-repo';
import type { Handlers } from '../platform/messaging';
import { loadSession, saveSession } from '../platform/session-store';
import { hasSite } from '../platform/permissions';
import { broadcast, injectGuide, openOrFocus, openPage, sendToTab } from '../platform/tabs';
import { parseGuideEvent } from '../walkthrough/events';
import type { Walkthrough } from '../walkthrough/model';
import { guideView, nextStep, startSession, type GuideView, type Session, type SessionEvent } from '../walkthrough/session';
import { matchUrl } from '../walkthrough/url';
import type { ControlEvent, Envelope } from '../messaging/protocol';
import { UserError } from '../messaging/user-error';

export interface WalkthroughDeps {
  findLesson(id: string): Walkthrough | undefined;
  repo: ProgressRepo;
  now?: () => Date;
}

/**
 * Walkthrough sessions, owned by the background: starting, the step machine, progress in Dexie,
 * and (re)injecting the guide into the one tab where the user started a walkthrough.
 * Listeners register synchronously when this is called at start-up.
 */
export function registerWalkthroughs({ findLesson, repo, now = () => new Date() }: WalkthroughDeps): Handlers {
  // One change at a time: events from the guide and the side panel can arrive together.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const viewOf = (session: Session | null): GuideView | null => {
    const lesson = session && findLesson(session.lessonId);
    return session && lesson ? guideView(session, lesson) : null;
  };

  async function push(session: Session, view: GuideView | null) {
    const message: Envelope<'guide/update'> = { df: 1, type: 'guide/update', payload: { view } };
    if (session.mode === 'live') await sendToTab(session.tabId, message);
    else await broadcast(message);
  }

  async function apply(event: SessionEvent, fromTab?: number): Promise<GuideView | null> {
    const session = await loadSession();
    if (!session || (fromTab !== undefined && fromTab !== session.tabId)) return null;
    const next = nextStep(session, event);
    await saveSession(next);
    if (next?.status === 'finished' && session.status !== 'finished') await repo.recordCompletion(session.lessonId, now());
    else if (next && next.stepIndex !== session.stepIndex) await repo.recordStep(next.lessonId, next.stepIndex, now());
    const view = viewOf(next);
    await push(session, view);
    return view;
  }

  async function start(lessonId: string, mode: Session['mode'], resume: boolean, practiceTab?: number) {
    const lesson = findLesson(lessonId);
    if (!lesson || lesson.readOnly) throw new UserError('errorNoWalkthrough', [lessonId]);
    if (mode === 'practice' && !lesson.practice) throw new UserError('errorNoPracticeCopy', [lesson.title]);
    const progress = resume ? await repo.get(lessonId) : undefined;
    const stepIndex = progress?.status === 'started' ? Math.min(progress.stepIndex, lesson.steps.length - 1) : 0;

    if (mode === 'live' && (!lesson.origin || !(await hasSite(lesson.origin)))) {
      throw lesson.origin ? new UserError('errorNeedsSitePermission', [lesson.origin]) : new UserError('errorNeedsPermission');
    }
    // Only once the new walkthrough can start does the old one's guide go.
    const previous = await loadSession();
    if (previous) await push(previous, null);

    let tabId: number;
    let loading = true;
    if (mode === 'live' && lesson.origin) {
      const step = lesson.steps[stepIndex]!;
      const url = stepIndex === 0 ? lesson.startUrl : (step.goTo ?? lesson.startUrl);
      ({ tabId, loading } = await openOrFocus(url, lesson.origin, step.url));
    } else {
      // Started from a practice copy itself: run there rather than opening another tab.
      if (practiceTab !== undefined) {
        tabId = practiceTab;
        loading = false;
      } else tabId = await openPage(`/practice.html#${encodeURIComponent(lessonId)}`);
    }
    const session: Session = { ...startSession({ lessonId, mode, tabId, total: lesson.steps.length, startedAt: now().toISOString() }), stepIndex };
    await saveSession(session);
    await repo.recordStep(lessonId, stepIndex, now());
    // A tab that is already loaded gets the guide now; a loading one gets it from onUpdated.
    if (!loading && mode === 'live') await injectGuide(tabId);
    if (!loading && mode === 'practice') await push(session, guideView(session, lesson));
    return { ok: true as const, tabId };
  }

  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.status !== 'complete') return;
    void serial(async () => {
      const session = await loadSession();
      const lesson = session && findLesson(session.lessonId);
      if (!session || !lesson?.origin || session.mode !== 'live' || session.tabId !== tabId) return;
      // Re-inject after reloads and moves between pages of the same site, and only there.
      if (tab.url && matchUrl(lesson.origin, tab.url) && (await hasSite(lesson.origin))) await injectGuide(tabId);
    });
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void serial(async () => {
      const session = await loadSession();
      // Progress stays in Dexie, so the walkthrough can be resumed from Learn.
      if (session?.tabId === tabId) await saveSession(null);
    });
  });

  return {
    'walkthrough/start': ({ lessonId, mode, resume }, sender) => {
      const practiceTab = sender.tab?.url?.startsWith(browser.runtime.getURL('/practice.html')) ? sender.tab.id : undefined;
      return serial(() => start(String(lessonId), mode === 'practice' ? 'practice' : 'live', resume === true, practiceTab));
    },
    'walkthrough/current': async () => {
      const session = await loadSession();
      const running = session && findLesson(session.lessonId);
      if (session && running) return { current: { lessonId: running.id, title: running.title, mode: session.mode, origin: running.origin } };
      const latest = (await repo.all())
        .filter((p) => p.status === 'started' && findLesson(p.lessonId))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
      const lesson = latest && findLesson(latest.lessonId);
      return { current: lesson ? { lessonId: lesson.id, title: lesson.title, mode: 'live', origin: lesson.origin } : null };
    },
    'walkthrough/control': ({ event }: { event: ControlEvent }) =>
      serial(async () => {
        const parsed = parseGuideEvent(event);
        if (!parsed || parsed.kind === 'report') throw new UserError('errorNotAControl');
        await apply(parsed);
        return { ok: true as const };
      }),
    'guide/hello': (_payload, sender) =>
      serial(async () => {
        const session = await loadSession();
        return { view: session && session.tabId === sender.tab?.id ? viewOf(session) : null };
      }),
    'guide/event': ({ event }, sender) =>
      serial(async () => {
        const parsed = parseGuideEvent(event);
        const tabId = sender.tab?.id;
        if (!parsed || tabId === undefined) return { view: null };
        if (parsed.kind === 'report') {
          const session = await loadSession();
          const lesson = session && session.tabId === tabId ? findLesson(session.lessonId) : undefined;
          const step = lesson?.steps[parsed.stepIndex];
          if (session && lesson && step) {
            await repo.addReport({ lessonId: lesson.id, stepId: step.id, stepIndex: parsed.stepIndex, url: reportableUrl(parsed.url), date: now().toISOString() });
          }
          return { view: viewOf(session) };
        }
        return { view: await apply(parsed, tabId) };
      }),
  };
}
