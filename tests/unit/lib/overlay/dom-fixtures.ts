import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Helpers for DOM tests against the saved pages in tests/fixtures/dom, run under jsdom.
 * jsdom parses HTML faithfully but has no layout and a few gaps; each helper below fills one gap
 * the way a browser would, and says which. Product code is never changed for jsdom.
 */

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/dom');

export function fixtureHtml(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

/**
 * Declarative shadow DOM (<template shadowrootmode="open|closed">) is how a saved page can hold a
 * shadow root. Browsers attach it while parsing; jsdom does not, so this does the same afterwards,
 * innermost roots included. Returns every root attached, closed ones too, so a test can reach into
 * a closed root that the code under test must not see.
 */
export function attachDeclarativeShadowRoots(scope: Document | ShadowRoot): ShadowRoot[] {
  const attached: ShadowRoot[] = [];
  const doc = scope instanceof Document ? scope : scope.ownerDocument;
  for (const template of Array.from(scope.querySelectorAll('template[shadowrootmode]')) as HTMLTemplateElement[]) {
    const host = template.parentElement;
    const mode = template.getAttribute('shadowrootmode');
    if (!host || (mode !== 'open' && mode !== 'closed')) continue;
    const root = host.attachShadow({ mode });
    root.append(doc.importNode(template.content, true));
    template.remove();
    attached.push(root, ...attachDeclarativeShadowRoots(root));
  }
  return attached;
}

/** Replaces `doc`'s whole tree with a saved page and attaches its shadow roots. */
export function loadFixture(name: string, doc: Document = document): { shadowRoots: ShadowRoot[] } {
  const parsed = new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
  const imported = doc.importNode(parsed.documentElement, true);
  // A frame whose src jsdom did not fetch can be left with no root element at all.
  if (doc.documentElement) doc.replaceChild(imported, doc.documentElement);
  else doc.appendChild(imported);
  return { shadowRoots: attachDeclarativeShadowRoots(doc) };
}

/**
 * jsdom does not load an iframe's src (or srcdoc), but it does give a same-origin iframe its own
 * about:blank document and window. This writes a saved page into that document.
 */
export function loadFixtureIntoFrame(frame: HTMLIFrameElement, name: string): Document {
  const inner = frame.contentDocument;
  if (!inner) throw new Error('the iframe has no document (is it connected?)');
  loadFixture(name, inner);
  return inner;
}

/**
 * jsdom has no layout: getClientRects() is always empty, so every element would count as hidden.
 * This gives an element one box when a browser would: when it is connected and neither it nor an
 * ancestor (across shadow hosts) computes to display:none, which is what `hidden`, inline
 * display:none and the fixtures' own stylesheets produce. `visibility` is left to jsdom's
 * getComputedStyle, which find-target checks itself. Returns the teardown.
 */
export function layOut(win: Window & typeof globalThis): () => void {
  const hasBox = (el: Element): boolean => {
    if (!el.isConnected || el.ownerDocument.defaultView?.getComputedStyle(el).display === 'none') return false;
    const parent = el.parentNode;
    if (parent instanceof win.ShadowRoot) return hasBox(parent.host);
    return parent instanceof win.Element ? hasBox(parent) : true;
  };
  const proto = win.Element.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, 'getClientRects')!;
  Object.defineProperty(proto, 'getClientRects', {
    configurable: true,
    value(this: Element) {
      return hasBox(this) ? [new win.DOMRect(0, 0, 10, 10)] : [];
    },
  });
  return () => Object.defineProperty(proto, 'getClientRects', original);
}

/**
 * jsdom has no `CSS` namespace, and find-target's accessibleName uses CSS.escape for label[for].
 * This is the CSSOM serialisation of an identifier, reduced to what ids need: escape everything
 * but letters, digits, '-' and '_' (and non-ASCII), and a leading digit as a code point.
 */
export function installCssEscape(win: typeof globalThis = globalThis): void {
  if ((win as { CSS?: { escape?: unknown } }).CSS?.escape) return;
  const escape = (value: string) =>
    Array.from(value)
      .map((ch, i) => {
        if (/^\d$/.test(ch) && (i === 0 || (i === 1 && value[0] === '-'))) return `\\${ch.codePointAt(0)!.toString(16)} `;
        return /[\w-]|[^\0-\x7f]/.test(ch) ? ch : `\\${ch}`;
      })
      .join('');
  Object.defineProperty(win, 'CSS', { configurable: true, value: { escape } });
}
