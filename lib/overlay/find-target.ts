import type { TargetCandidate } from '../walkthrough/model';

/**
 * Finds the element a step points at, on pages we do not own.
 * - Candidates are tried in order (stable attributes first) across the document, every open
 *   shadow root (LinkedIn's #interop-outlet) and every same-origin iframe (the LastPass vault).
 * - Only rendered elements count: a hidden match (a menu not open yet, the desktop link on a
 *   narrow window) is treated as absent, so the guide keeps waiting for the visible one.
 * - Password inputs are never returned: walkthroughs point at controls, never at secrets.
 * - A malformed selector (from a lesson pack) counts as no match; it never throws.
 */

export interface Found {
  el: Element;
  /** Same-origin iframes from the top document down to the element's document. */
  frames: HTMLIFrameElement[];
}

type Root = { root: Document | ShadowRoot; frames: HTMLIFrameElement[] };

const ROLE_SELECTORS: Record<string, string> = {
  button: 'button,[role="button"],input[type="button"],input[type="submit"]',
  link: 'a[href],[role="link"]',
  textbox: 'input:not([type]),input[type="text"],input[type="email"],input[type="url"],input[type="search"],textarea,[role="textbox"],[contenteditable="true"]',
  checkbox: 'input[type="checkbox"],[role="checkbox"]',
  switch: '[role="switch"]',
  menuitem: '[role="menuitem"]',
  tab: '[role="tab"]',
  dialog: 'dialog,[role="dialog"]',
  navigation: 'nav,[role="navigation"]',
  heading: 'h1,h2,h3,h4,h5,h6,[role="heading"]',
  combobox: 'select,[role="combobox"]',
};

/** Every root to search: the document, open shadow roots, and same-origin iframe documents. */
export function collectRoots(doc: Document, frames: HTMLIFrameElement[] = []): Root[] {
  const roots: Root[] = [{ root: doc, frames }];
  const visit = (scope: Document | ShadowRoot) => {
    const walker = doc.createTreeWalker(scope, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
      // Never our own overlay: its root is open in the end-to-end build, where a step's
      // {role:'button', name:'Next'} would otherwise find the guide's own Next button.
      const shadow = node.localName === 'digital-friend-guide' ? null : node.shadowRoot;
      if (shadow) {
        roots.push({ root: shadow, frames });
        visit(shadow);
      }
      if (node.localName === 'iframe') {
        let inner: Document | null = null;
        try {
          inner = (node as HTMLIFrameElement).contentDocument;
        } catch {
          inner = null; // cross-origin: not ours to reach
        }
        if (inner?.documentElement) roots.push(...collectRoots(inner, [...frames, node as HTMLIFrameElement]));
      }
    }
  };
  visit(doc);
  return roots;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/** A small accessible-name computation: enough for the labels these sites use. */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return norm(label);
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const doc = el.ownerDocument;
    const text = labelledBy
      .split(/\s+/)
      .map((id) => (el.getRootNode() as Document | ShadowRoot).getElementById?.(id) ?? doc.getElementById(id))
      .map((n) => n?.textContent ?? '')
      .join(' ');
    if (norm(text)) return norm(text);
  }
  if (el.localName === 'input' || el.localName === 'textarea') {
    const id = el.id;
    const forLabel = id ? el.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
    const text = forLabel?.textContent ?? el.closest('label')?.textContent ?? el.getAttribute('placeholder');
    if (norm(text)) return norm(text);
  }
  return norm(el.textContent) || norm(el.getAttribute('title')) || norm(el.getAttribute('alt'));
}

export function isVisible(el: Element): boolean {
  return el.getClientRects().length > 0 && getComputedStyleSafe(el)?.visibility !== 'hidden';
}

function getComputedStyleSafe(el: Element): CSSStyleDeclaration | null {
  return el.ownerDocument.defaultView?.getComputedStyle(el) ?? null;
}

/**
 * Password fields, including one the site has switched to type=text to show the password
 * (Bitwarden's "toggle visibility"), recognised by its autocomplete token.
 */
const isSecret = (el: Element) =>
  el.localName === 'input' &&
  ((el as HTMLInputElement).type === 'password' || /password/i.test(el.getAttribute('autocomplete') ?? ''));

function query(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function matchesIn(root: Document | ShadowRoot, candidate: TargetCandidate): Element[] {
  if ('css' in candidate) return query(root, candidate.css);
  if ('role' in candidate) {
    const selector = ROLE_SELECTORS[candidate.role] ?? `[role="${candidate.role.replace(/[^a-z-]/gi, '')}"]`;
    const wanted = norm(candidate.name);
    return query(root, selector).filter((el) => {
      const name = accessibleName(el);
      return name === wanted || name.startsWith(wanted);
    });
  }
  const wanted = norm(candidate.text);
  const tag = candidate.tag?.replace(/[^a-z0-9-]/gi, '') || '*';
  // The innermost element (of the wanted tag, when there is one) whose whole text is the wanted
  // text: <button><span>Post</span></button> matches {text:'Post', tag:'button'} at the button.
  return query(root, tag).filter(
    (el) => norm(el.textContent) === wanted && !query(el, tag).some((inner) => norm(inner.textContent) === wanted),
  );
}

/** Resolves the first candidate that matches a rendered element, most stable candidate first. */
export function findTarget(doc: Document, candidates: readonly TargetCandidate[], roots = collectRoots(doc)): Found | null {
  for (const candidate of candidates) {
    for (const { root, frames } of roots) {
      for (const el of matchesIn(root, candidate)) {
        if (!isSecret(el) && isVisible(el)) return { el, frames };
      }
    }
  }
  return null;
}

/** The element's box in the top document's viewport, adding the offsets of the iframes it is in. */
export function viewportRect(found: Found): DOMRect {
  const r = found.el.getBoundingClientRect();
  let x = r.left;
  let y = r.top;
  for (const frame of found.frames) {
    const fr = frame.getBoundingClientRect();
    x += fr.left + frame.clientLeft;
    y += fr.top + frame.clientTop;
  }
  return new DOMRect(x, y, r.width, r.height);
}

/** Whether a field has content, without ever reading a password field. */
export function hasContent(el: Element): boolean {
  if (isSecret(el)) return false;
  if (el.localName === 'input' || el.localName === 'textarea') return (el as HTMLInputElement).value.trim().length > 0;
  const editable = el.matches('[contenteditable="true"],[contenteditable=""]')
    ? el
    : el.querySelector('[contenteditable="true"],[contenteditable=""]');
  return norm((editable ?? el).textContent).length > 0;
}
