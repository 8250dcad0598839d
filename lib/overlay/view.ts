import type { Paragraph } from '../walkthrough/richtext';
import { placeCallout, spotlightBox, type Box } from './geometry';
import { GUIDE_CSS } from './styles';

/** The guide's actions, named by the buttons' data-act attribute. */
export type Act = 'back' | 'next' | 'exit' | 'done' | 'skip' | 'report' | 'show' | 'reflect';

export interface CalloutModel {
  counter: string;
  title: string;
  body: Paragraph[];
  /** Extra paragraph shown as a warning (target not found). */
  warning?: string;
  /** Buttons in order: [action, label, primary?]. */
  buttons: [Act, string, boolean?][];
  hint?: string;
  /** Text for the live region, read once when the step changes. */
  announce: string;
  label: string;
}

type Child = Node | string | null | undefined | false;

export function createView(doc: Document, onAct: (act: Act) => void) {
  const h = (tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement => {
    const el = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    for (const c of children) if (c) el.append(c);
    return el;
  };
  const host = doc.createElement('digital-friend-guide');
  // Closed, so the page cannot reach in. Only the end-to-end build opens it, because Playwright
  // and axe-core cannot see inside a closed root (wxt.config.ts defines the flag).
  const root = host.attachShadow({ mode: import.meta.env.DF_GUIDE_SHADOW === 'open' ? 'open' : 'closed' });
  const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
  sheet.replaceSync(GUIDE_CSS);
  root.adoptedStyleSheets = [sheet];
  const spot = h('div', { class: 's', hidden: '' });
  const callout = h('div', { class: 'c', role: 'dialog', 'aria-modal': 'false' });
  const live = h('div', { class: 'v', 'aria-live': 'polite', role: 'status' });
  root.append(spot, callout, live);

  const visible = () => host.checkVisibility?.({ opacityProperty: true, visibilityProperty: true } as CheckVisibilityOptions) !== false;
  // Only trusted input from a visible overlay counts: a page cannot press our buttons for the
  // person, nor trick them into it through an invisible copy (ARCHITECTURE.md, security notes).
  root.addEventListener('click', (e) => {
    const act = (e.target as Element).closest?.('button')?.dataset.act as Act | undefined;
    if (act && e.isTrusted && visible()) onAct(act);
  });
  root.addEventListener('keydown', (e) => {
    const ke = e as KeyboardEvent;
    if (ke.key === 'Escape' && ke.isTrusted) {
      ke.stopPropagation();
      onAct('exit');
    }
  });

  let lastAnnounce = '';
  let calloutSize: { width: number; height: number } | null = null;
  let spotDims = '';
  let sizedFor = 0;
  /** Connects the guide and shows it in the top layer; `raise` moves it back above newer entries. */
  const mount = (raise = false) => {
    if (!host.isConnected) doc.documentElement.append(host);
    // The top layer keeps the guide above the site's own modals and popovers.
    if (!('showPopover' in host)) return;
    host.popover = 'manual';
    const open = host.matches(':popover-open');
    if (open && !raise) return;
    const focused = root.activeElement as HTMLElement | null;
    if (open) host.hidePopover();
    host.showPopover();
    focused?.focus();
  };

  return {
    host,
    mount,
    render(model: CalloutModel) {
      mount();
      calloutSize = null;
      callout.setAttribute('aria-label', model.label);
      // Re-rendering replaces the callout's nodes: keep keyboard focus on the same control.
      const focusedAct = (root.activeElement as HTMLElement | null)?.dataset?.act;
      const headingFocused = root.activeElement?.id === 'df-t';
      callout.replaceChildren(
        h('p', { class: 'n' }, model.counter),
        h('h2', { id: 'df-t', tabindex: '-1' }, model.title),
        ...model.body.map((p) => h('p', {}, ...p.map((i) => (i.kind === 'text' ? i.text : h(i.kind === 'strong' ? 'strong' : 'kbd', {}, i.text))))),
        model.warning ? h('p', { class: 'w' }, model.warning) : '',
        h('div', { class: 'a' }, ...model.buttons.map(([act, label, primary]) => h('button', { type: 'button', 'data-act': act, class: primary ? 'p' : '' }, label))),
        model.hint ? h('p', { class: 'h' }, model.hint) : '',
      );
      if (headingFocused) (root.getElementById('df-t') as HTMLElement | null)?.focus();
      else if (focusedAct) (callout.querySelector(`[data-act="${focusedAct}"]`) as HTMLElement | null ?? (root.getElementById('df-t') as HTMLElement | null))?.focus();
      if (model.announce !== lastAnnounce) {
        lastAnnounce = model.announce;
        live.textContent = model.announce;
      }
    },
    /**
     * Draws the spotlight on `target` (viewport coordinates) and anchors the callout to it.
     * Runs on every scroll frame, so it reads layout first, writes only what changed, and moves
     * both boxes with transforms on their own layers: scrolling repaints nothing of ours.
     */
    position(target: Box | null) {
      const view = doc.defaultView!;
      if (view.innerWidth !== sizedFor) calloutSize = null;
      sizedFor = view.innerWidth;
      const size = calloutSize ?? (calloutSize = { width: callout.offsetWidth, height: callout.offsetHeight });
      const p = placeCallout(target, size, { width: view.innerWidth, height: view.innerHeight });
      const b = target && spotlightBox(target);
      spot.hidden = !b;
      if (b) {
        const dims = `${b.width}x${b.height}`;
        if (dims !== spotDims) {
          spotDims = dims;
          spot.style.width = `${b.width}px`;
          spot.style.height = `${b.height}px`;
        }
        spot.style.transform = `translate(${b.left}px,${b.top}px)`;
      }
      callout.style.transform = `translate(${p.left}px,${p.top}px)`;
    },
    focus() {
      (root.getElementById('df-t') as HTMLElement | null)?.focus();
    },
    hasFocus: () => root.activeElement !== null,
    destroy() {
      host.remove();
    },
  };
}

export type GuideViewDom = ReturnType<typeof createView>;
