// @vitest-environment jsdom
import { createGuide, SPOTLIGHT_MARK, type GuideEvent, type GuideHost } from '../../../../lib/overlay/guide';
import { x } from '../../../../lib/sites/x';
import type { Step, Walkthrough } from '../../../../lib/walkthrough/model';
import { guideView, startSession, type GuideView } from '../../../../lib/walkthrough/session';
import { installCssEscape, layOut, loadFixture } from './dom-fixtures';

/*
 * jsdom gaps, filled here rather than in product code:
 * - ResizeObserver does not exist. The guide only needs to construct one, observe the root and
 *   disconnect it, so FakeResizeObserver records exactly that (and never calls back: jsdom has no
 *   layout to change).
 * - adoptedStyleSheets is not implemented on ShadowRoot. Assigning it just sets a plain property,
 *   which the guide never reads back, so nothing is needed; CSSStyleSheet and replaceSync exist.
 * - getClientRects() is always empty (no layout): layOut() in dom-fixtures.ts gives rendered
 *   elements a box, as in find-target.test.ts. CSS.escape is missing: installCssEscape().
 * - HTMLElement.isContentEditable is missing; the guide reads it to avoid stealing focus from
 *   someone typing in X's contenteditable editor. The getter below follows the HTML spec for the
 *   attribute values the fixtures use ("true" and "", inherited from an ancestor).
 * - The overlay's shadow root is closed in production. The e2e build opens it through
 *   import.meta.env.DF_GUIDE_SHADOW (view.ts); these tests use the same switch to look inside,
 *   and one test checks that the default stays closed.
 */
class FakeResizeObserver {
  static instances: FakeResizeObserver[] = [];
  observed: Element[] = [];
  disconnected = false;
  constructor(readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.instances.push(this);
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  unobserve() {}
  disconnect() {
    this.disconnected = true;
  }
}

const step = (id: string, extra: Partial<Step>): Step => ({
  id,
  url: 'https://x.com/home',
  action: 'read',
  done: { kind: 'manual' },
  title: `Title ${id}`,
  body: `Body of ${id}`,
  ...extra,
});

const lesson: Walkthrough = {
  id: 'guide-test',
  title: 'Guide test lesson',
  topic: 'x',
  minutes: 3,
  why: 'Tests.',
  startUrl: 'https://x.com/home',
  origin: 'https://x.com/*',
  steps: [
    step('click-editor', { target: x.homeEditor, action: 'click', done: { kind: 'click' }, lookFor: 'the box that says What’s happening?' }),
    step('type', { target: x.homeEditor, action: 'type', done: { kind: 'input' } }),
    step('compose', { target: x.sideNavCompose, action: 'click', done: { kind: 'url', url: 'https://x.com/compose/post*' } }),
    step('toast', { url: 'https://x.com/*', target: x.sentToast, optional: true }),
    step('dialog', { url: 'https://x.com/*', done: { kind: 'appear', target: [{ css: '#layers [role="dialog"]' }] } }),
    step('untargeted', { url: 'https://x.com/*', body: 'Press **Next** or `Enter`. <img src=x onerror="alert(1)">' }),
  ],
};

function viewAt(index: number, patch: Partial<GuideView> = {}): GuideView {
  const session = { ...startSession({ lessonId: lesson.id, mode: 'live', tabId: 1, total: lesson.steps.length, startedAt: 'now' }), stepIndex: index };
  return { ...guideView(session, lesson)!, ...patch };
}

let url: string;
let sent: GuideEvent[];
let closed: number;
let restoreLayout: () => void;
/** Every guide a test made, destroyed afterwards so none keeps listening to the next test's page. */
let guides: ReturnType<typeof createGuide>[] = [];

function makeGuide(extra: Partial<GuideHost> = {}) {
  const guide = createGuide({
    doc: document,
    url: () => url,
    t: (key, subs) => (subs ? `${key}(${subs.join('|')})` : key),
    send: (event) => sent.push(event),
    timeoutMs: 1000,
    onClose: () => {
      closed += 1;
    },
    ...extra,
  });
  guides.push(guide);
  return guide;
}

const guideHost = () => document.querySelector('digital-friend-guide');
const shadow = () => guideHost()!.shadowRoot!;
const spotlight = () => shadow().querySelector<HTMLElement>('.s')!;
const buttons = () => Array.from(shadow().querySelectorAll<HTMLButtonElement>('button')).map((b) => b.dataset.act);
const marks = () => performance.getEntriesByName(SPOTLIGHT_MARK).map((m) => (m as PerformanceMark).detail as unknown);
/** MutationObserver callbacks run as microtasks, which fake timers leave alone. */
const flushMutations = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};
const editor = () => document.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]')!;

beforeAll(() => {
  installCssEscape();
  if (!('isContentEditable' in HTMLElement.prototype)) {
    Object.defineProperty(HTMLElement.prototype, 'isContentEditable', {
      configurable: true,
      get(this: HTMLElement) {
        return this.closest('[contenteditable]:not([contenteditable="false"])') !== null;
      },
    });
  }
  Object.defineProperty(window, 'ResizeObserver', { configurable: true, writable: true, value: FakeResizeObserver });
});

beforeEach(() => {
  vi.stubEnv('DF_GUIDE_SHADOW', 'open');
  // Only the timers: faking `performance` would drop the marks this suite reads.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
  loadFixture('x-home.html');
  restoreLayout = layOut(window);
  url = 'https://x.com/home';
  sent = [];
  closed = 0;
  FakeResizeObserver.instances = [];
  performance.clearMarks(SPOTLIGHT_MARK);
});

afterEach(() => {
  for (const guide of guides) guide.destroy();
  guides = [];
  restoreLayout();
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('createGuide', () => {
  describe('showing a step', () => {
    it('mounts its host element with the step’s words and draws the spotlight on a target that is there', () => {
      const guide = makeGuide();
      guide.show(viewAt(0));
      expect(guide.active).toBe(true);
      expect(guideHost()).not.toBeNull();
      expect(shadow().querySelector('h2')?.textContent).toBe('Title click-editor');
      expect(shadow().querySelector('.n')?.textContent).toBe('guideStepOf(1|6)');
      expect(spotlight().hidden).toBe(false);
      expect(marks()).toEqual([{ lesson: 'guide-test', step: 0 }]);
      expect(buttons()).toEqual(['show', 'next', 'exit']);
    });

    it('keeps its shadow root closed unless the end-to-end build opens it', () => {
      vi.unstubAllEnvs();
      makeGuide().show(viewAt(0));
      expect(guideHost()).not.toBeNull();
      expect(guideHost()!.shadowRoot).toBeNull();
    });

    it('renders the body as text and formatting elements only, never as HTML', () => {
      makeGuide().show(viewAt(5));
      const body = shadow().querySelectorAll('.c > p')[1]!;
      expect(body.querySelector('strong')?.textContent).toBe('Next');
      expect(body.querySelector('kbd')?.textContent).toBe('Enter');
      expect(shadow().querySelector('img')).toBeNull();
      expect(body.textContent).toContain('<img src=x onerror="alert(1)">');
    });

    it('announces the step once in its live region', () => {
      makeGuide().show(viewAt(5));
      expect(shadow().querySelector('[aria-live]')?.textContent).toBe('guideStepOf(6|6): Title untargeted. Press Next or Enter. <img src=x onerror="alert(1)">');
    });

    it('observes the page’s size through a ResizeObserver', () => {
      makeGuide().show(viewAt(0));
      expect(FakeResizeObserver.instances).toHaveLength(1);
      expect(FakeResizeObserver.instances[0]!.observed).toEqual([document.documentElement]);
    });

    it('hides the spotlight for a step without a target and sends nothing, however long it waits', () => {
      makeGuide().show(viewAt(5));
      expect(spotlight().hidden).toBe(true);
      vi.advanceTimersByTime(60_000);
      expect(sent).toEqual([]);
    });
  });

  describe('a target that is not there', () => {
    beforeEach(() => editor().remove());

    it('sends "missing" for the step after the timeout, and not before', () => {
      makeGuide().show(viewAt(1));
      vi.advanceTimersByTime(999);
      expect(sent).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(sent).toEqual([{ kind: 'missing', stepIndex: 1 }]);
      expect(spotlight().hidden).toBe(true);
    });

    it('waits 8 seconds when the host sets no timeout', () => {
      makeGuide({ timeoutMs: undefined }).show(viewAt(1));
      vi.advanceTimersByTime(7999);
      expect(sent).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(sent).toEqual([{ kind: 'missing', stepIndex: 1 }]);
    });

    it('sends "skip" instead when the step is optional', () => {
      makeGuide().show(viewAt(3));
      vi.advanceTimersByTime(1000);
      expect(sent).toEqual([{ kind: 'skip', stepIndex: 3 }]);
    });

    it('draws the spotlight as soon as the target is inserted, and never reports it missing', async () => {
      makeGuide().show(viewAt(1));
      vi.advanceTimersByTime(500);
      expect(marks()).toEqual([]);
      const late = document.createElement('div');
      late.setAttribute('data-testid', 'tweetTextarea_0');
      late.setAttribute('role', 'textbox');
      late.setAttribute('contenteditable', 'true');
      document.querySelector('[data-testid="primaryColumn"]')!.append(late);
      await flushMutations();
      expect(marks()).toEqual([{ lesson: 'guide-test', step: 1 }]);
      expect(spotlight().hidden).toBe(false);
      vi.advanceTimersByTime(10_000);
      expect(sent).toEqual([]);
    });

    it('shows the missing warning with done, skip and report once the background says so', () => {
      const guide = makeGuide();
      guide.show(viewAt(1));
      vi.advanceTimersByTime(1000);
      guide.show(viewAt(1, { missing: true }));
      expect(shadow().querySelector('.w')?.textContent).toBe('guideMissing(Title type)');
      expect(buttons()).toEqual(['back', 'done', 'skip', 'report', 'exit']);
    });

    it('sends "found" when the target turns up after it was reported missing', async () => {
      const guide = makeGuide();
      guide.show(viewAt(0));
      vi.advanceTimersByTime(1000);
      guide.show(viewAt(0, { missing: true }));
      sent = [];
      const late = document.createElement('div');
      late.setAttribute('role', 'textbox');
      late.setAttribute('aria-label', 'Post text');
      document.querySelector('[data-testid="primaryColumn"]')!.append(late);
      await flushMutations();
      expect(sent).toEqual([{ kind: 'found', stepIndex: 0 }]);
    });
  });

  describe('a target the site replaces', () => {
    it('waits for its successor and draws again, without a "missing" if it comes in time', async () => {
      makeGuide().show(viewAt(1));
      expect(marks()).toHaveLength(1);
      const parent = editor().parentElement!;
      const copy = editor().cloneNode(true) as HTMLElement;
      editor().remove();
      await flushMutations();
      expect(spotlight().hidden).toBe(true);
      vi.advanceTimersByTime(500);
      parent.append(copy);
      await flushMutations();
      expect(marks()).toEqual([{ lesson: 'guide-test', step: 1 }, { lesson: 'guide-test', step: 1 }]);
      vi.advanceTimersByTime(5000);
      expect(sent).toEqual([]);
    });

    it('reports it missing when the successor never comes', async () => {
      makeGuide().show(viewAt(1));
      editor().remove();
      await flushMutations();
      vi.advanceTimersByTime(1000);
      expect(sent).toEqual([{ kind: 'missing', stepIndex: 1 }]);
    });
  });

  describe('completion', () => {
    // jsdom cannot make a trusted click, so the positive case (a real click completes the step)
    // is left to the end-to-end tests; here the target is found and a page-made click is refused.
    it('does not count a synthetic (untrusted) click on the target', () => {
      makeGuide().show(viewAt(0));
      expect(marks()).toEqual([{ lesson: 'guide-test', step: 0 }]);
      editor().dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      editor().click();
      expect(sent).toEqual([]);
    });

    it('completes a typing step once the field has text and the person pauses', () => {
      makeGuide().show(viewAt(1));
      editor().querySelector('span')!.textContent = 'Hello from the team';
      editor().dispatchEvent(new InputEvent('input', { bubbles: true }));
      vi.advanceTimersByTime(1199);
      expect(sent).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(sent).toEqual([{ kind: 'completed', stepIndex: 1 }]);
    });

    it('waits again while the person keeps typing', () => {
      makeGuide().show(viewAt(1));
      editor().querySelector('span')!.textContent = 'Hel';
      editor().dispatchEvent(new InputEvent('input', { bubbles: true }));
      vi.advanceTimersByTime(1000);
      editor().querySelector('span')!.textContent = 'Hello';
      editor().dispatchEvent(new InputEvent('input', { bubbles: true }));
      vi.advanceTimersByTime(1000);
      expect(sent).toEqual([]);
      vi.advanceTimersByTime(200);
      expect(sent).toEqual([{ kind: 'completed', stepIndex: 1 }]);
    });

    it('does not complete a typing step whose text was deleted before the pause ended', () => {
      makeGuide().show(viewAt(1));
      editor().querySelector('span')!.textContent = 'Oops';
      editor().dispatchEvent(new InputEvent('input', { bubbles: true }));
      editor().querySelector('span')!.textContent = '';
      vi.advanceTimersByTime(5000);
      expect(sent).toEqual([]);
    });

    it('completes a typing step at once when focus leaves a field with text (a trusted focusout)', () => {
      makeGuide().show(viewAt(1));
      editor().focus();
      editor().querySelector('span')!.textContent = 'Hello';
      editor().blur(); // jsdom, like browsers, fires a trusted focusout for this
      expect(sent).toEqual([{ kind: 'completed', stepIndex: 1 }]);
      vi.advanceTimersByTime(5000);
      expect(sent).toHaveLength(1);
    });

    it('does not complete on focusout from an empty field', () => {
      makeGuide().show(viewAt(1));
      editor().focus();
      editor().blur();
      expect(sent).toEqual([]);
    });

    it('completes a url step when the address changes and the page mutates', async () => {
      makeGuide().show(viewAt(2));
      url = 'https://x.com/compose/post';
      document.getElementById('layers')!.append(document.createElement('div'));
      await flushMutations();
      expect(sent).toEqual([{ kind: 'completed', stepIndex: 2 }]);
    });

    it('does not complete a url step for an address that does not match', async () => {
      makeGuide().show(viewAt(2));
      url = 'https://x.com/explore';
      document.getElementById('layers')!.append(document.createElement('div'));
      await flushMutations();
      expect(sent).toEqual([]);
    });

    it('completes a url step on a history change alone, at the next frame', () => {
      makeGuide().show(viewAt(2));
      url = 'https://x.com/compose/post/unsent/drafts';
      window.dispatchEvent(new PopStateEvent('popstate'));
      vi.advanceTimersByTime(50);
      expect(sent).toEqual([{ kind: 'completed', stepIndex: 2 }]);
    });

    it('completes an appear step when the element appears', async () => {
      makeGuide().show(viewAt(4));
      expect(sent).toEqual([]);
      const dialog = document.createElement('div');
      dialog.setAttribute('role', 'dialog');
      document.getElementById('layers')!.append(dialog);
      await flushMutations();
      expect(sent).toEqual([{ kind: 'completed', stepIndex: 4 }]);
    });

    it('sends "completed" once per step, however often the condition is met', async () => {
      makeGuide().show(viewAt(2));
      url = 'https://x.com/compose/post';
      for (let i = 0; i < 3; i += 1) {
        document.getElementById('layers')!.append(document.createElement('div'));
        await flushMutations();
      }
      expect(sent).toEqual([{ kind: 'completed', stepIndex: 2 }]);
    });
  });

  describe('the overlay’s own controls', () => {
    it('ignore synthetic clicks, so a page cannot press them for the person', () => {
      makeGuide().show(viewAt(1));
      expect(buttons()).toEqual(['back', 'show', 'next', 'exit']);
      for (const button of shadow().querySelectorAll('button')) {
        button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        button.click();
      }
      expect(sent).toEqual([]);
      expect(guideHost()).not.toBeNull();
    });

    it('ignore a synthetic Escape', () => {
      makeGuide().show(viewAt(1));
      shadow().querySelector('h2')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      expect(sent).toEqual([]);
      expect(closed).toBe(0);
      expect(guideHost()).not.toBeNull();
    });

    it('ignore a synthetic Alt+Shift+F, so a page cannot pull focus into the guide', () => {
      makeGuide().show(viewAt(1));
      editor().focus();
      document.dispatchEvent(new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyF', bubbles: true }));
      expect(document.activeElement).toBe(editor());
    });
  });

  describe('destroy', () => {
    it('removes the host element and stops listening to the page', async () => {
      const guide = makeGuide();
      guide.show(viewAt(1));
      guide.destroy();
      expect(guide.active).toBe(false);
      expect(guideHost()).toBeNull();
      expect(FakeResizeObserver.instances[0]!.disconnected).toBe(true);

      // Typing, focus changes, mutations, history changes and time: nothing reaches the host.
      editor().focus();
      editor().querySelector('span')!.textContent = 'Hello';
      editor().dispatchEvent(new InputEvent('input', { bubbles: true }));
      editor().blur();
      url = 'https://x.com/compose/post';
      editor().remove();
      await flushMutations();
      window.dispatchEvent(new PopStateEvent('popstate'));
      vi.advanceTimersByTime(60_000);
      expect(sent).toEqual([]);
      expect(guideHost()).toBeNull();
    });

    it('cancels a pending "missing" report', () => {
      editor().remove();
      const guide = makeGuide();
      guide.show(viewAt(1));
      guide.destroy();
      vi.advanceTimersByTime(10_000);
      expect(sent).toEqual([]);
    });

    it('happens when shown nothing (the walkthrough ended elsewhere)', () => {
      const guide = makeGuide();
      guide.show(viewAt(0));
      guide.show(null);
      expect(guide.active).toBe(false);
      expect(guideHost()).toBeNull();
    });
  });

  describe('moving between steps', () => {
    it('starts the timeout again for the new step and forgets the old one', () => {
      editor().remove();
      const guide = makeGuide();
      guide.show(viewAt(0));
      vi.advanceTimersByTime(900);
      guide.show(viewAt(1));
      vi.advanceTimersByTime(900);
      expect(sent).toEqual([]);
      vi.advanceTimersByTime(100);
      expect(sent).toEqual([{ kind: 'missing', stepIndex: 1 }]);
    });

    it('shows the finished screen with only a close button', () => {
      const guide = makeGuide();
      guide.show(viewAt(5, { finished: true }));
      expect(shadow().querySelector('h2')?.textContent).toBe('guideFinishedTitle');
      expect(buttons()).toEqual(['exit']);
      vi.advanceTimersByTime(60_000);
      expect(sent).toEqual([]);
    });

    it('takes focus to the step title when it starts', () => {
      makeGuide().show(viewAt(0));
      expect(shadow().activeElement).toBe(shadow().querySelector('h2'));
    });

    it('leaves focus in a field the person is typing in when the step changes', () => {
      const guide = makeGuide();
      guide.show(viewAt(0));
      editor().focus();
      guide.show(viewAt(1));
      expect(document.activeElement).toBe(editor());
    });
  });
});
