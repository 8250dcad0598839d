import type { Step } from '../walkthrough/model';
import { parseRichText, plainText } from '../walkthrough/richtext';
import type { GuideEvent } from '../walkthrough/events';
import type { GuideView } from '../walkthrough/session';
import { matchUrl } from '../walkthrough/url';
import { collectRoots, findTarget, hasContent, isVisible, viewportRect, type Found } from './find-target';
import { createView, type Act, type CalloutModel } from './view';

/**
 * The guide engine: shows one step at a time on a page we do not own.
 * It waits for late targets with a MutationObserver (no polling), re-finds targets the site
 * re-rendered, follows in-app navigation, detects when a step is done, and reports events to its
 * host (the background, through the guide content script or the practice page).
 */

export type { GuideEvent } from '../walkthrough/events';

export interface GuideHost {
  doc: Document;
  /** The URL steps are matched against (practice pages stand in for the real site's URL). */
  url(): string;
  t(key: string, substitutions?: string[]): string;
  send(event: GuideEvent): void;
  /** How long to wait for a target before saying it cannot be found. */
  timeoutMs?: number;
  /** Called after focus leaves the guide for good (exit), to return it to the page. */
  onClose?(): void;
  /** "Reflect on this" after the last step: the host asks the background to open the journal. */
  reflect?(lessonId: string): void;
}

export const SPOTLIGHT_MARK = 'digital-friend:spotlight';
const INPUT_SETTLE_MS = 1200;

/** The focused element, looking inside same-origin iframes (the LastPass vault) and shadow roots. */
function deepActive(doc: Document): HTMLElement | null {
  let active = doc.activeElement as HTMLElement | null;
  for (;;) {
    let inner: Element | null = null;
    try {
      inner = active?.shadowRoot?.activeElement ?? (active as HTMLIFrameElement | null)?.contentDocument?.activeElement ?? null;
    } catch {
      inner = null; // cross-origin frame
    }
    if (!inner || inner === active) return active;
    active = inner as HTMLElement;
  }
}

export function createGuide(host: GuideHost) {
  const { doc, t } = host;
  const win = doc.defaultView!;
  let view: GuideView | null = null;
  let found: Found | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let lastUrl = host.url();
  let reported = false;
  let completedIndex = -1;
  const returnFocus = doc.activeElement as HTMLElement | null;
  const ui = createView(doc, onAct);
  const teardown = new AbortController();
  const signal = teardown.signal;

  function send(event: GuideEvent) {
    host.send(event);
  }

  function complete(index: number) {
    if (!view || view.index !== index || completedIndex === index) return;
    completedIndex = index;
    send({ kind: 'completed', stepIndex: index });
  }

  function onAct(act: Act) {
    if (!view) return;
    const i = view.index;
    if (act === 'exit') return exit();
    if (act === 'reflect') {
      host.reflect?.(view.lessonId);
      return exit();
    }
    if (act === 'back') return send({ kind: 'back' });
    if (act === 'next') return view.finished ? exit() : send({ kind: 'next' });
    if (act === 'done') return complete(i);
    if (act === 'skip') return send({ kind: 'skip', stepIndex: i });
    if (act === 'report') {
      reported = true;
      send({ kind: 'report', stepIndex: i, url: host.url() });
      return render();
    }
    if (act === 'show' && found) {
      const el = found.el as HTMLElement;
      el.scrollIntoView?.({ block: 'center' });
      el.focus?.();
    }
  }

  function exit() {
    send({ kind: 'exit' });
    destroy();
    if (returnFocus?.isConnected) returnFocus.focus();
    host.onClose?.();
  }

  /** The node we point at was removed, or hidden, by the site. */
  const lost = (f: Found) => !f.el.isConnected || !isVisible(f.el);

  function onPage(step: Step) {
    return matchUrl(step.url, host.url());
  }

  function model(): CalloutModel {
    const v = view!;
    const s = v.step;
    const counter = t('guideStepOf', [String(v.index + 1), String(v.total)]);
    if (v.finished) {
      return { counter: v.lessonTitle, title: t('guideFinishedTitle'), body: parseRichText(t('guideFinishedBody')), buttons: host.reflect ? [['reflect', t('journalReflect'), true], ['exit', t('guideClose')]] : [['exit', t('guideClose'), true]], announce: t('guideFinishedTitle'), label: t('guideLabel') };
    }
    const buttons: CalloutModel['buttons'] = [];
    if (v.index > 0) buttons.push(['back', t('guideBack')]);
    let warning: string | undefined;
    if (v.missing) {
      warning = t('guideMissing', [s.lookFor ?? s.title]);
      buttons.push(['done', t('guideDoneIt'), true], ['skip', t('guideSkip')]);
      if (!reported) buttons.push(['report', t('guideReport')]);
    } else {
      if (found) buttons.push(['show', t('guideShowMe')]);
      buttons.push(['next', v.index + 1 === v.total ? t('guideFinish') : t('guideNext'), s.done.kind === 'manual']);
    }
    buttons.push(['exit', t('guideExit')]);
    return {
      counter,
      title: s.title,
      body: parseRichText(s.body),
      warning: reported ? `${warning ?? ''} ${t('guideReported')}`.trim() : warning,
      buttons,
      hint: t('guideHint'),
      announce: `${counter}: ${s.title}. ${plainText(s.body)}`,
      label: t('guideLabel'),
    };
  }

  function render() {
    if (!view) return;
    ui.render(model());
    place();
  }

  function place() {
    ui.position(found && found.el.isConnected ? viewportRect(found) : null);
  }

  function draw(f: Found) {
    found = f;
    render();
    performance.mark(SPOTLIGHT_MARK, { detail: { lesson: view!.lessonId, step: view!.index } });
    if (view!.missing) send({ kind: 'found', stepIndex: view!.index });
  }

  /** Looks for the current step's target; draws it when found. Cheap enough for every mutation. */
  function search(): void {
    if (!view || view.finished) return;
    const s = view.step;
    if (s.done.kind === 'url' && matchUrl(s.done.url, host.url())) return complete(view.index);
    if (s.done.kind === 'appear' && findTarget(doc, s.done.target)) return complete(view.index);
    if (!s.target || !onPage(s)) return;
    if (found && !lost(found)) return;
    const roots = collectRoots(doc);
    // Open shadow roots (LinkedIn's #interop-outlet) do not report to a document's observer.
    for (const { root } of roots) if (root !== doc) watchRoot(root);
    const f = findTarget(doc, s.target, roots);
    if (f) {
      clearTimeout(timer);
      draw(f);
    } else if (found) {
      // The site replaced the node we pointed at: wait for its successor.
      found = null;
      render();
      armTimeout();
    }
  }

  function armTimeout() {
    clearTimeout(timer);
    if (!view?.step.target) return;
    const index = view.index;
    timer = setTimeout(() => {
      if (!view || view.index !== index || found) return;
      if (view.step.optional) send({ kind: 'skip', stepIndex: index });
      else send({ kind: 'missing', stepIndex: index });
    }, host.timeoutMs ?? 8000);
  }

  // Completion by the person's own actions. Only trusted events count.
  const onClick = (e: Event) => {
    if (!e.isTrusted || !view || view.step.done.kind !== 'click' || !found) return;
    if (e.composedPath().includes(found.el)) complete(view.index);
  };
  const onInput = () => {
    if (!view || view.step.done.kind !== 'input' || !found) return;
    const index = view.index;
    clearTimeout(settle);
    // Typing is done when the field has text and the person pauses or moves on; advancing on the
    // first keystroke would pull the next step out from under them.
    if (hasContent(found.el)) settle = setTimeout(() => found && hasContent(found.el) && complete(index), INPUT_SETTLE_MS);
  };
  // Leaving the field itself (not any focus change elsewhere) with text in it finishes typing.
  const onFocusOut = (e: Event) => {
    if (e.isTrusted && view?.step.done.kind === 'input' && found && e.composedPath().includes(found.el) && hasContent(found.el)) complete(view.index);
  };
  // Alt+Shift+F brings keyboard users back to the instructions from anywhere on the page.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isTrusted && e.altKey && e.shiftKey && e.code === 'KeyF') {
      e.preventDefault();
      ui.focus();
    }
  };
  // When the site opens a modal dialog or a popover after the guide, put the guide back on top of
  // the top layer. toggle does not bubble, but a capturing listener on the document still hears it.
  let raising = 0;
  const onToggle = (e: Event) => {
    if (e.target === ui.host || (e as ToggleEvent).newState !== 'open' || raising || !view) return;
    raising = win.requestAnimationFrame(() => {
      raising = 0;
      if (view) ui.mount(true);
    });
  };

  const schedulePlace = () => {
    if (!frame) frame = win.requestAnimationFrame(() => {
      frame = 0;
      // A frame that appeared or loaded since last time may already hold the target.
      if (watchFrames()) search();
      if (host.url() !== lastUrl) {
        lastUrl = host.url();
        search();
      }
      if (found && lost(found)) search();
      place();
    });
  };

  // Searching straight from the observer's callback, not a later frame, draws a late target in the
  // same frame it arrived in (issue #3's budget: one frame).
  const mutations = new MutationObserver(() => {
    if (!view) return;
    // Only the cheap check here: visibility needs layout, so it waits for the next frame.
    if (!found || !found.el.isConnected || view.step.done.kind === 'appear' || host.url() !== lastUrl) {
      lastUrl = host.url();
      search();
    }
    schedulePlace();
  });

  /** Listens to one document: the page itself, or a same-origin iframe's (the LastPass vault). */
  const watched = new WeakSet<Document>();
  const watchedRoots = new WeakSet<Node>();
  function watchDoc(d: Document) {
    if (watched.has(d)) return;
    watched.add(d);
    const opts = { capture: true, signal };
    d.addEventListener('click', onClick, opts);
    d.addEventListener('input', onInput, opts);
    d.addEventListener('focusout', onFocusOut, opts);
    d.addEventListener('keydown', onKeyDown, opts);
    d.addEventListener('toggle', onToggle, opts);
    d.defaultView?.addEventListener('scroll', schedulePlace, { capture: true, passive: true, signal });
    // Attributes too: sites show and hide targets with classes, styles and [hidden].
    watchRoot(d);
  }
  function watchRoot(root: Document | ShadowRoot) {
    if (watchedRoots.has(root)) return;
    watchedRoots.add(root);
    mutations.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'aria-hidden', 'open'] });
  }
  /** Same-origin iframes, including ones that appear or reload later. True if any were new. */
  function watchFrames(): boolean {
    let added = false;
    for (const f of doc.querySelectorAll('iframe')) {
      let inner: Document | null = null;
      try {
        inner = f.contentDocument;
      } catch {
        inner = null; // cross-origin: not ours to reach
      }
      if (inner && !watched.has(inner)) {
        added = true;
        watchDoc(inner);
        f.addEventListener('load', schedulePlace, { signal });
      }
    }
    return added;
  }
  watchDoc(doc);
  watchFrames();
  win.addEventListener('resize', schedulePlace, { signal });
  win.addEventListener('popstate', schedulePlace, { signal });
  win.addEventListener('hashchange', schedulePlace, { signal });
  // pushState that changes no elements (React reusing a link) is still seen through the
  // Navigation API where the browser has it (Chromium); elsewhere the next mutation notices.
  (win as Window & { navigation?: EventTarget }).navigation?.addEventListener('currententrychange', schedulePlace, { signal });
  const resize = new ResizeObserver(schedulePlace);
  resize.observe(doc.documentElement);

  function show(next: GuideView | null) {
    if (!next) return destroy();
    const sameStep = view && view.lessonId === next.lessonId && view.index === next.index;
    const firstShow = !view;
    view = next;
    if (!sameStep) {
      found = null;
      reported = false;
      completedIndex = -1;
      clearTimeout(settle);
      render();
      search();
      if (!found && !next.finished) armTimeout();
      // Focus moves into the guide when it starts and when the person is not busy typing on the
      // page; otherwise the live region announces the new step without stealing their cursor.
      const active = deepActive(doc);
      const typing = active?.isContentEditable || active?.localName === 'input' || active?.localName === 'textarea';
      if (firstShow || !typing || ui.hasFocus()) ui.focus();
    } else {
      render();
      if (next.missing) clearTimeout(timer);
    }
  }

  function destroy() {
    view = null;
    clearTimeout(timer);
    clearTimeout(settle);
    if (frame) win.cancelAnimationFrame(frame);
    if (raising) win.cancelAnimationFrame(raising);
    mutations.disconnect();
    resize.disconnect();
    teardown.abort();
    ui.destroy();
  }

  return { show, destroy, get active() { return view !== null; } };
}

export type Guide = ReturnType<typeof createGuide>;
