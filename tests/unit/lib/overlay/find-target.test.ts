// @vitest-environment jsdom
import { accessibleName, collectRoots, findTarget, hasContent, isVisible, viewportRect, type Found } from '../../../../lib/overlay/find-target';
import { bitwarden } from '../../../../lib/sites/bitwarden';
import { lastpass } from '../../../../lib/sites/lastpass';
import { linkedin } from '../../../../lib/sites/linkedin';
import { x } from '../../../../lib/sites/x';
import type { TargetCandidate } from '../../../../lib/walkthrough/model';
import { installCssEscape, layOut, loadFixture, loadFixtureIntoFrame } from './dom-fixtures';

const restores: (() => void)[] = [];
beforeAll(() => installCssEscape());
beforeEach(() => {
  restores.push(layOut(window));
});
afterEach(() => {
  while (restores.length) restores.pop()!();
});

const $ = (selector: string, root: Document | ShadowRoot = document) => {
  const el = root.querySelector(selector);
  if (!el) throw new Error(`fixture has no ${selector}`);
  return el;
};
const find = (candidates: TargetCandidate[]) => findTarget(document, candidates)?.el ?? null;

describe('findTarget on X’s home timeline (x-home.html)', () => {
  beforeEach(() => loadFixture('x-home.html'));

  it('finds the composer with the site’s own candidate list', () => {
    expect(find(x.homeEditor)).toBe($('[data-testid="tweetTextarea_0"]'));
    expect(find(x.homePostButton)).toBe($('[data-testid="tweetButtonInline"]'));
    expect(find(x.sideNavCompose)).toBe($('[data-testid="SideNav_NewTweet_Button"]'));
    expect(find(x.firstTweetReply)).toBe(document.querySelectorAll('[data-testid="reply"]')[0]);
  });

  it('returns the frames list empty for an element in the top document', () => {
    expect(findTarget(document, x.homeEditor)?.frames).toEqual([]);
  });

  describe('candidates in order', () => {
    it('uses the first candidate that matches, even when a later one would too', () => {
      const candidates = [{ css: '[data-testid="tweetButtonInline"]' }, { css: '[data-testid="tweetTextarea_0"]' }];
      expect(find(candidates)).toBe($('[data-testid="tweetButtonInline"]'));
    });

    it('falls through candidates that match nothing', () => {
      $('[data-testid="tweetTextarea_0"]').removeAttribute('data-testid');
      // The first candidate no longer matches; the second (aria-label) still does.
      expect(find(x.homeEditor)).toBe($('[aria-label="Post text"]'));
    });

    it('reaches the role-and-name candidate when no CSS matches', () => {
      const editor = $('[data-testid="tweetTextarea_0"]');
      editor.removeAttribute('data-testid');
      $('[data-testid="primaryColumn"]').removeAttribute('data-testid');
      expect(find(x.homeEditor)).toBe(editor);
    });

    it('returns null when nothing matches', () => {
      expect(find([{ css: '[data-testid="nope"]' }, { role: 'button', name: 'Launch rocket' }, { text: 'Nowhere' }])).toBeNull();
      expect(find([])).toBeNull();
    });
  });

  describe('visible before hidden', () => {
    it('skips a hidden match for a visible one of the same candidate', () => {
      // Both compose links match; the mobile one is display:none on a wide window.
      const mobileFirst = $('[data-testid="FloatingActionButtons_Tweet_Button"]').parentElement!;
      document.body.prepend(mobileFirst);
      expect(find([{ css: 'a[href="/compose/post"]' }])).toBe($('[data-testid="SideNav_NewTweet_Button"]'));
    });

    it('treats a hidden match as absent, so the guide keeps waiting for a visible one', () => {
      expect(find([{ css: '[data-testid="fileInput"]' }])).toBeNull();
    });

    it('treats visibility:hidden as hidden', () => {
      const link = $('[data-testid="SideNav_NewTweet_Button"]') as HTMLElement;
      link.style.visibility = 'hidden';
      expect(isVisible(link)).toBe(false);
      expect(isVisible($('[data-testid="AppTabBar_Home_Link"]'))).toBe(true);
    });

    it('treats an element in a display:none subtree as hidden (the layout stub at work)', () => {
      expect(isVisible($('[data-testid="FloatingActionButtons_Tweet_Button"]'))).toBe(false);
      expect(isVisible($('[data-testid="fileInput"]'))).toBe(false);
      expect(isVisible($('[data-testid="tweetTextarea_0"]'))).toBe(true);
    });

    // The module's doc says "a hidden match is used only if nothing visible matches", but the
    // loop returns the first candidate's hidden match before trying later candidates. On a narrow
    // window X hides the side-nav link and shows the floating button; the guide then spotlights
    // an element with no box (a 0×0 rectangle at the corner) and never reports "missing".
    it('prefers a later candidate’s visible match over an earlier candidate’s hidden one', () => {
      ($('[data-testid="SideNav_NewTweet_Button"]') as HTMLElement).hidden = true;
      ($('[data-testid="FloatingActionButtons_Tweet_Button"]').parentElement as HTMLElement).classList.remove('r-hidden');
      expect(find(x.sideNavCompose)).toBe($('[data-testid="FloatingActionButtons_Tweet_Button"]'));
    });
  });

  describe('role and name', () => {
    it('matches aria-label case-insensitively and with spaces collapsed', () => {
      expect(find([{ role: 'textbox', name: '  POST   text ' }])).toBe($('[data-testid="tweetTextarea_0"]'));
    });

    it('matches a name by its start, not its middle', () => {
      expect(find([{ role: 'button', name: 'Add a' }])).toBe($('[data-testid="gifSearchButton"]'));
      // aria-label wins over the visible text ("GIF"), as in the accessible-name algorithm.
      expect(find([{ role: 'button', name: 'GIF' }])).toBeNull();
      expect(find([{ role: 'button', name: 'Reply' }])).toBeNull(); // "0 Replies. Reply": Reply is at the end.
    });

    it('takes an element’s text when it has no label', () => {
      expect(find([{ role: 'button', name: 'Post' }])).toBe($('[data-testid="tweetButtonInline"]'));
    });

    it('names an element by aria-labelledby', () => {
      expect(accessibleName($('section[role="region"]'))).toBe('your home timeline');
    });

    it('finds native roles as well as explicit ones', () => {
      expect(find([{ role: 'link', name: 'Profile' }])).toBe($('[data-testid="AppTabBar_Profile_Link"]'));
      expect(find([{ role: 'navigation', name: 'Primary' }])).toBe($('nav'));
      expect(find([{ role: 'heading', name: 'Home' }])).toBe($('h2[role="heading"]'));
    });

    it('does not let a role name break out of its attribute selector', () => {
      expect(() => find([{ role: 'x"],*,[x="', name: '' }])).not.toThrow();
      // Sanitised to [role="x"]: nothing has that role, so nothing matches, rather than everything.
      expect(find([{ role: 'x"],*,[x="', name: '' }])).toBeNull();
    });
  });

  describe('text', () => {
    it('picks the innermost element whose whole text matches', () => {
      expect(find([{ text: 'What’s happening?' }])).toBe($('.public-DraftEditorPlaceholder-inner'));
      expect(find([{ text: 'Post' }])).toBe($('[data-testid="SideNav_NewTweet_Button"] span span'));
    });

    it('restricts to a tag when asked', () => {
      expect(find([{ text: 'Poll', tag: 'button' }])).toBe($('[data-testid="createPollButton"]'));
      expect(find([{ text: 'Home', tag: 'span' }])).toBe($('[data-testid="AppTabBar_Home_Link"] span'));
    });

    // With a tag, the "innermost" rule still looks at children of any tag, so a <button> whose
    // label sits in a <span> (X, Fluent UI in Viva Engage, Angular Material) never matches
    // { text, tag: 'button' }: those fallbacks in lib/sites are dead.
    it('matches a tagged element whose text is wrapped in a child of another tag', () => {
      expect(find([{ text: 'Home', tag: 'h2' }])).toBe($('h2[role="heading"]'));
    });

    it('does not match part of a text', () => {
      expect(find([{ text: 'Applications for the digital' }])).toBeNull();
    });

    it('ignores case and extra spaces', () => {
      expect(find([{ text: '  your   HOME timeline ' }])).toBe($('#accessible-list-0'));
    });

    it('sanitises the tag, so it cannot widen the search', () => {
      expect(() => find([{ text: 'Poll', tag: 'button, *' }])).not.toThrow();
      expect(find([{ text: 'Poll', tag: 'button, *' }])).toBe($('[data-testid="createPollButton"]'));
      expect(find([{ text: 'Poll', tag: '"]' }])).toBe($('[data-testid="createPollButton"]')); // '' → any tag
    });
  });

  describe('malformed selectors (from a lesson pack)', () => {
    it.each(['', 'div[', '[data-testid="x"', '!!!', ':has(', '>>>', 'a:nth-child(', `${'div '.repeat(2000)}[`])('%j returns null without throwing', (css) => {
      expect(() => findTarget(document, [{ css }])).not.toThrow();
      expect(find([{ css }])).toBeNull();
    });

    it('moves on to the next candidate after a malformed one', () => {
      expect(find([{ css: 'div[' }, { css: '[data-testid="tweetButtonInline"]' }])).toBe($('[data-testid="tweetButtonInline"]'));
    });
  });

  describe('hasContent', () => {
    it('is false for X’s empty Draft.js editor and its wrapper, though the wrapper shows a placeholder', () => {
      expect(hasContent($('[data-testid="tweetTextarea_0"]'))).toBe(false);
      expect(hasContent($('.DraftEditor-root'))).toBe(false);
    });

    it('is true once the editor holds text, asked of the editor or of its wrapper', () => {
      $('[data-testid="tweetTextarea_0"] span[data-offset-key]').replaceChildren('Hello from the team');
      expect(hasContent($('[data-testid="tweetTextarea_0"]'))).toBe(true);
      expect(hasContent($('.DraftEditor-root'))).toBe(true);
    });

    it('ignores whitespace-only text', () => {
      $('[data-testid="tweetTextarea_0"] span[data-offset-key]').replaceChildren('  \n\t ');
      expect(hasContent($('[data-testid="tweetTextarea_0"]'))).toBe(false);
    });
  });
});

describe('findTarget on LinkedIn’s feed with its shadow roots (linkedin-feed.html)', () => {
  let shadowRoots: ShadowRoot[];
  beforeEach(() => {
    ({ shadowRoots } = loadFixture('linkedin-feed.html'));
  });

  it('attached the fixture’s shadow roots: two open, one nested, one closed', () => {
    expect(shadowRoots.map((r) => r.mode)).toEqual(['open', 'open', 'closed']);
    expect($('#interop-outlet').shadowRoot).toBe(shadowRoots[0]);
    expect($('#msg-overlay').shadowRoot).toBeNull();
  });

  it('collects the document, the same-origin messaging iframe and every open shadow root, nested ones included, but no closed one', () => {
    const frame = $('iframe[data-testid="interop-iframe"]') as HTMLIFrameElement;
    const roots = collectRoots(document);
    expect(roots.map((r) => r.root)).toEqual([document, frame.contentDocument, shadowRoots[0], shadowRoots[1]]);
    expect(roots.map((r) => r.frames)).toEqual([[], [frame], [], []]);
  });

  it('finds the share editor inside #interop-outlet’s open shadow root with the site’s list', () => {
    const editor = $('.ql-editor', shadowRoots[0]);
    expect(find(linkedin.postEditor)).toBe(editor);
    expect(find(linkedin.postButton)).toBe($('button.share-actions__primary-action', shadowRoots[0]));
    expect(find(linkedin.startPost)).toBe($('[aria-label="Start a post"]'));
  });

  it('finds by role and name inside a nested shadow root', () => {
    expect(find([{ role: 'button', name: 'Open emoji' }])).toBe($('#emoji-button', shadowRoots[1]));
  });

  it('resolves aria-labelledby inside the shadow root it is in', () => {
    expect(find([{ role: 'dialog', name: 'Create a post' }])).toBe($('[role="dialog"]', shadowRoots[0]));
  });

  it('never reaches into a closed shadow root', () => {
    const closed = shadowRoots[2]!;
    expect(find([{ css: '#decoy' }])).toBeNull();
    expect(find([{ role: 'textbox', name: 'Write a message' }])).toBeNull();
    expect(find([{ role: 'button', name: 'Post' }])).not.toBe($('#decoy', closed));
  });

  it('hasContent sees text typed into the Quill editor', () => {
    const editor = $('.ql-editor', shadowRoots[0]);
    expect(hasContent(editor)).toBe(false);
    editor.firstElementChild!.textContent = 'Our annual report is out';
    expect(hasContent(editor)).toBe(true);
  });
});

describe('findTarget in LastPass’s same-origin vault iframe (lastpass-vault.html)', () => {
  let frame: HTMLIFrameElement;
  let inner: Document;
  beforeEach(() => {
    loadFixture('lastpass-vault.html');
    frame = $('iframe#newvault') as HTMLIFrameElement;
    inner = loadFixtureIntoFrame(frame, 'lastpass-vault-frame.html');
    restores.push(layOut(frame.contentWindow as Window & typeof globalThis));
  });

  it('finds the vault’s controls inside the frame with the site’s lists, naming the frame', () => {
    const found = findTarget(document, lastpass.addButton);
    expect(found?.el).toBe(inner.getElementById('openAddDialog'));
    expect(found?.frames).toEqual([frame]);
    expect(findTarget(document, lastpass.siteUrl)?.el).toBe(inner.getElementById('siteDialogURL'));
    expect(findTarget(document, lastpass.save)?.el).toBe(inner.getElementById('siteDialogSave'));
  });

  it('names fields by <label for>, a wrapping <label>, and a placeholder', () => {
    expect(find([{ role: 'textbox', name: 'URL' }])).toBe(inner.getElementById('siteDialogURL'));
    expect(find([{ role: 'textbox', name: 'Name' }])).toBe(inner.getElementById('siteDialogName'));
    expect(find([{ role: 'textbox', name: 'Search my vault' }])).toBe(inner.getElementById('vaultSearch'));
  });

  it('never returns the site password field, however it is asked for', () => {
    for (const candidates of [
      [{ css: '#siteDialogPassword' }],
      [{ css: 'input[type="password"]' }],
      [{ css: '#siteDialog input:not([type="url"]):not([type="text"])' }],
      [{ role: 'textbox', name: 'Site password' }],
      [{ css: '[autocomplete="new-password"]' }],
    ]) {
      expect(findTarget(document, candidates), JSON.stringify(candidates)).toBeNull();
    }
  });

  it('skips a password field and returns the next element the same selector matches', () => {
    expect(find([{ css: '#siteDialog input[id^="siteDialogP"], #siteDialogSave' }])).toBe(inner.getElementById('siteDialogSave'));
  });

  it('hasContent is true for a filled input and false for an empty one', () => {
    expect(hasContent(inner.getElementById('siteDialogURL')!)).toBe(true);
    expect(hasContent(inner.getElementById('siteDialogName')!)).toBe(false);
    (inner.getElementById('siteDialogName') as HTMLInputElement).value = '   ';
    expect(hasContent(inner.getElementById('siteDialogName')!)).toBe(false);
    (inner.getElementById('siteDialogName') as HTMLInputElement).value = 'GOV.UK';
    expect(hasContent(inner.getElementById('siteDialogName')!)).toBe(true);
  });

  it('hasContent never reports on a password field, even a filled one', () => {
    const password = inner.getElementById('siteDialogPassword') as HTMLInputElement;
    expect(password.value).not.toBe('');
    expect(hasContent(password)).toBe(false);
  });

  it('skips a frame whose document it may not read (cross-origin)', () => {
    const foreign = document.createElement('iframe');
    document.body.append(foreign);
    Object.defineProperty(foreign, 'contentDocument', {
      get() {
        throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
      },
    });
    expect(() => collectRoots(document)).not.toThrow();
    expect(collectRoots(document).map((r) => r.root)).toEqual([document, inner]);
  });

  describe('viewportRect', () => {
    const rect = (el: Element, left: number, top: number, width = 0, height = 0) => {
      // jsdom's getBoundingClientRect is always zero: give these elements the boxes a page would.
      el.getBoundingClientRect = () => new DOMRect(left, top, width, height);
    };

    it('adds the frame’s position and border to the element’s own box', () => {
      const el = inner.getElementById('siteDialogSave')!;
      rect(el, 10, 20, 80, 30);
      rect(frame, 100, 200, 800, 600);
      Object.defineProperty(frame, 'clientLeft', { value: 2 });
      Object.defineProperty(frame, 'clientTop', { value: 3 });
      const box = viewportRect(findTarget(document, lastpass.save)!);
      expect([box.left, box.top, box.width, box.height]).toEqual([112, 223, 80, 30]);
    });

    it('adds every frame on the way down', () => {
      const nested = inner.createElement('iframe');
      inner.body.append(nested);
      const deepest = loadFixtureIntoFrame(nested, 'x-home.html');
      restores.push(layOut(nested.contentWindow as Window & typeof globalThis));
      rect(frame, 100, 200);
      rect(nested, 30, 40);
      const button = deepest.querySelector('[data-testid="tweetButtonInline"]')!;
      rect(button, 5, 6, 50, 20);
      const found = findTarget(document, x.homePostButton);
      expect(found?.frames).toEqual([frame, nested]);
      const box = viewportRect(found!);
      expect([box.left, box.top, box.width, box.height]).toEqual([135, 246, 50, 20]);
    });

    it('is the element’s own box when there is no frame', () => {
      const el = $('#topBarHelp');
      rect(el, 7, 8, 9, 10);
      const found: Found = { el, frames: [] };
      const box = viewportRect(found);
      expect([box.left, box.top, box.width, box.height]).toEqual([7, 8, 9, 10]);
    });
  });
});

describe('findTarget in Bitwarden’s item dialog (bitwarden-vault-item.html)', () => {
  beforeEach(() => loadFixture('bitwarden-vault-item.html'));

  it('finds the controls walkthroughs use with the site’s lists', () => {
    expect(find(bitwarden.cipherForm)).toBe($('form#cipherForm'));
    expect(find(bitwarden.itemName)).toBe($('[formcontrolname="name"]'));
    expect(find(bitwarden.generatePasswordInForm)).toBe($('[data-testid="generate-password-button"]'));
    expect(find(bitwarden.saveItem)).toBe($('button[form="cipherForm"]'));
    expect(find(bitwarden.openDialog)).toBe($('bit-dialog'));
  });

  it('names a field by <label for> even when the label holds more text', () => {
    expect(accessibleName($('#bit-input-0'))).toBe('item name (required)');
    expect(find([{ role: 'textbox', name: 'Item name' }])).toBe($('#bit-input-0'));
    expect(find([{ role: 'textbox', name: 'Notes' }])).toBe($('#bit-input-4'));
  });

  it('names the dialog from every id in aria-labelledby', () => {
    expect(accessibleName($('bit-dialog'))).toBe('new login my vault');
    expect(find([{ role: 'dialog', name: 'New login' }])).toBe($('bit-dialog'));
  });

  it('never returns the password field, by any route', () => {
    for (const candidates of [
      [{ css: '#bit-input-2' }],
      [{ css: '[formcontrolname="password"]' }],
      [{ role: 'textbox', name: 'Password' }],
      [{ css: 'form#cipherForm input' }, { css: 'nothing' }],
    ] as TargetCandidate[][]) {
      const el = find(candidates);
      expect(el?.getAttribute('type'), JSON.stringify(candidates)).not.toBe('password');
    }
    expect(find([{ css: '[formcontrolname="password"]' }])).toBeNull();
  });

  it('returns the first non-password input when a broad selector matches several', () => {
    expect(find([{ css: 'form#cipherForm bit-form-field:nth-child(3) input, form#cipherForm bit-form-field:nth-child(4) input' }])).toBe($('#bit-input-3'));
  });

  it('hasContent reads inputs and textareas but never the password field', () => {
    expect(hasContent($('#bit-input-1'))).toBe(true);
    expect(hasContent($('#bit-input-0'))).toBe(false);
    expect(hasContent($('#bit-input-2'))).toBe(false);
    expect(hasContent($('#bit-input-4'))).toBe(false);
    ($('#bit-input-4') as HTMLTextAreaElement).value = 'Shared team account';
    expect(hasContent($('#bit-input-4'))).toBe(true);
  });

  it('hasContent treats contenteditable="" as editable too', () => {
    const div = document.createElement('div');
    div.innerHTML = '<p>Label</p><div contenteditable="">typed</div>';
    document.body.append(div);
    expect(hasContent(div)).toBe(true);
    div.querySelector('[contenteditable]')!.textContent = '';
    expect(hasContent(div)).toBe(false);
  });
});
