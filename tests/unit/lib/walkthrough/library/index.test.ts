// @vitest-environment jsdom
import { TARGET_HOST_PATTERNS } from '../../../../../lib/sites/hosts';
import { findBuiltIn, LIBRARY } from '../../../../../lib/walkthrough/library';
import type { Step, TargetCandidate, Walkthrough } from '../../../../../lib/walkthrough/model';
import { parseRichText } from '../../../../../lib/walkthrough/richtext';
import { matchUrl, originOf } from '../../../../../lib/walkthrough/url';

/**
 * The built-in library is data, and it grows while people write lessons, so every rule here runs
 * over every entry. `problemsOf` is the rule book; the last block proves it catches what it claims
 * to, so a passing library run means something.
 * jsdom supplies a real selector engine to prove each CSS candidate parses.
 */

/** CSS-in-JS and build tools' generated class names, which change with every release. */
function looksHashed(className: string): boolean {
  // React Native for Web (X: r-1awozwy, css-175oi2r), styled-components (sc-), styled-jsx (jsx-),
  // emotion, svelte, CSS modules' leading underscore (_3xg7e).
  if (/^(r|css|sc|jsx|emotion|svelte)-/i.test(className) || className.startsWith('_')) return true;
  // A random run: 5+ characters mixing letters and digits, e.g. x1n2onr6 or Button_primary__3xK9a.
  return className.split(/[-_]+/).some((part) => part.length >= 5 && /\d/.test(part) && /[a-z]/i.test(part));
}

/** Class names a selector relies on: `.name` tokens and [class…="value"] attribute values. */
function classNamesIn(selector: string): string[] {
  const fromAttributes = [...selector.matchAll(/\[\s*class\s*[~|^$*]?=\s*["']?([^"'\]]*)/gi)].flatMap((m) => (m[1] ?? '').split(/\s+/).filter(Boolean));
  const outsideStrings = selector.replace(/"[^"]*"|'[^']*'/g, '""').replace(/\[[^\]]*\]/g, '[]');
  const fromDots = [...outsideStrings.matchAll(/\.((?:\\.|[\w-])+)/g)].map((m) => m[1]!);
  return [...fromDots, ...fromAttributes];
}

/**
 * Whether a selector is written to reach a password field: by its type, or by the names these
 * sites give such fields (name/formcontrolname/autocomplete/id ending in "password").
 * Controls beside the field (generate-password-button) are fine.
 */
function targetsPasswordField(selector: string): boolean {
  const s = selector.toLowerCase();
  return (
    /type\s*[~|^$*]?=\s*["']?\s*password/.test(s) ||
    /\[\s*(name|formcontrolname|autocomplete|id)\s*[~|^$*]?=\s*["']?[\w-]*password\s*["']?\s*(\s[is])?\s*\]/.test(s) ||
    /#[\w-]*password(?![\w-])/.test(s)
  );
}

function isValidSelector(selector: string): boolean {
  try {
    document.querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

function candidatesOf(step: Step): TargetCandidate[] {
  return [...(step.target ?? []), ...(step.done.kind === 'appear' ? step.done.target : [])];
}

/** Unclosed ** or ` left in the words would show as stray symbols. */
function strayMarkers(source: string): string[] {
  return parseRichText(source)
    .flat()
    .filter((t) => t.kind === 'text' && /\*\*|`/.test(t.text))
    .map((t) => t.text);
}

const wildcards = (pattern: string) => pattern.split('*').length - 1;

/** On the lesson's origin: the pattern read as a URL belongs to that host, wildcards included. */
function onOrigin(origin: string, pattern: string): boolean {
  if (!matchUrl(origin, pattern)) return false;
  try {
    return new URL(pattern.replace(/\*/g, 'x')).origin === originOf(origin);
  } catch {
    return false;
  }
}

function problemsOf(w: Walkthrough): string[] {
  const problems: string[] = [];
  const say = (text: string) => problems.push(`${w.id}: ${text}`);

  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(w.id)) say('id is not lower-case-with-hyphens');
  if (!w.title.trim()) say('no title');
  if (w.steps.length < 3 || w.steps.length > 8) say(`has ${w.steps.length} steps (3–8)`);
  if (!(w.minutes > 0 && w.minutes <= 5)) say(`takes ${w.minutes} minutes (at most 5)`);
  if (!w.why?.trim()) say('no "why"');
  for (const field of ['why', 'tip'] as const) {
    const value = w[field];
    if (value && strayMarkers(value).length) say(`${field} has unclosed formatting: ${strayMarkers(value).join(' | ')}`);
  }

  const stepIds = w.steps.map((s) => s.id);
  const dupes = stepIds.filter((id, i) => stepIds.indexOf(id) !== i);
  if (dupes.length) say(`repeats step ids ${dupes.join(', ')}`);

  if (!w.readOnly) {
    if (!w.origin) say('a live walkthrough has no origin');
    else if (!(TARGET_HOST_PATTERNS as readonly string[]).includes(w.origin)) say(`origin ${w.origin} is not in TARGET_HOST_PATTERNS`);
    else {
      if (!onOrigin(w.origin, w.startUrl)) say(`startUrl ${w.startUrl} is not on ${w.origin}`);
      for (const s of w.steps) {
        if (!onOrigin(w.origin, s.url)) say(`step ${s.id}: url ${s.url} is not on ${w.origin}`);
        if (s.goTo && !onOrigin(w.origin, s.goTo)) say(`step ${s.id}: goTo ${s.goTo} is not on ${w.origin}`);
        if (s.done.kind === 'url' && !onOrigin(w.origin, s.done.url)) say(`step ${s.id}: done url ${s.done.url} is not on ${w.origin}`);
      }
    }
  }

  for (const s of w.steps) {
    const where = `step ${s.id}`;
    if (!s.id.trim()) say('a step has an empty id');
    if (!s.title.trim()) say(`${where}: no title`);
    if (parseRichText(s.body).length === 0) say(`${where}: empty body`);
    const stray = strayMarkers(s.body);
    if (stray.length) say(`${where}: unclosed formatting in body: ${stray.join(' | ')}`);
    // Each extra * multiplies url.ts's regex backtracking on a near miss (see url.test.ts).
    for (const pattern of [s.url, s.done.kind === 'url' ? s.done.url : '']) {
      if (wildcards(pattern) > 2) say(`${where}: ${pattern} has more than two wildcards`);
    }
    // A click or input completion watches the target; without one the step could never complete by itself.
    if ((s.done.kind === 'click' || s.done.kind === 'input') && !s.target?.length) say(`${where}: completes on ${s.done.kind} but has no target`);
    if (s.done.kind === 'appear' && !s.done.target.length) say(`${where}: completes on appear with no candidates`);
    if (s.target && s.target.length === 0) say(`${where}: an empty target list`);

    for (const c of candidatesOf(s)) {
      if ('css' in c) {
        if (!isValidSelector(c.css)) say(`${where}: invalid selector ${c.css}`);
        if (targetsPasswordField(c.css)) say(`${where}: selector reaches a password field: ${c.css}`);
        const hashed = classNamesIn(c.css).filter(looksHashed);
        if (hashed.length) say(`${where}: hashed-looking class ${hashed.join(', ')} in ${c.css}`);
      } else if ('role' in c) {
        if (!/^[a-z]+$/.test(c.role)) say(`${where}: role "${c.role}" is not a plain ARIA role`);
        if (!c.name.trim()) say(`${where}: role ${c.role} with an empty name`);
      } else if (!c.text.trim()) say(`${where}: an empty text candidate`);
    }
  }
  return problems;
}

describe('the built-in library', () => {
  it('has walkthroughs', () => {
    expect(LIBRARY.length).toBeGreaterThan(0);
  });

  it('gives every walkthrough a unique id', () => {
    const ids = LIBRARY.map((w) => w.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('finds every walkthrough by its id, and nothing for an unknown or inherited name', () => {
    for (const w of LIBRARY) expect(findBuiltIn(w.id)).toBe(w);
    expect(findBuiltIn('no-such-lesson')).toBeUndefined();
    expect(findBuiltIn('__proto__')).toBeUndefined();
    expect(findBuiltIn('constructor')).toBeUndefined();
  });

  describe.each(LIBRARY.map((w) => [w.id, w] as const))('%s', (_id, w) => {
    it('follows every rule for a lesson', () => {
      expect(problemsOf(w)).toEqual([]);
    });
  });
});

describe('the rule book itself', () => {
  const good: Walkthrough = {
    id: 'good-lesson',
    title: 'A good lesson',
    topic: 'x',
    minutes: 3,
    why: 'It is good.',
    startUrl: 'https://x.com/home',
    origin: 'https://x.com/*',
    steps: [
      { id: 'a', url: 'https://x.com/home', target: [{ css: '[data-testid="tweetTextarea_0"]' }], action: 'click', done: { kind: 'click' }, title: 'A', body: 'Press **Post**.' },
      { id: 'b', url: 'https://x.com/*', target: [{ role: 'button', name: 'Post' }], action: 'click', done: { kind: 'url', url: 'https://x.com/compose/post*' }, title: 'B', body: 'B.' },
      { id: 'c', url: 'https://x.com/*', action: 'read', done: { kind: 'manual' }, title: 'C', body: 'C.' },
    ],
  };
  const withStep = (patch: Partial<Step>): Walkthrough => ({ ...good, steps: [{ ...good.steps[0]!, ...patch }, ...good.steps.slice(1)] });

  it('passes a good lesson', () => {
    expect(problemsOf(good)).toEqual([]);
  });

  it.each<[string, Walkthrough, RegExp]>([
    ['too few steps', { ...good, steps: good.steps.slice(0, 2) }, /2 steps/],
    ['too many steps', { ...good, steps: Array.from({ length: 9 }, (_, i) => ({ ...good.steps[2]!, id: `s${i}` })) }, /9 steps/],
    ['too long', { ...good, minutes: 6 }, /6 minutes/],
    ['no why', { ...good, why: '  ' }, /no "why"/],
    ['repeated step ids', { ...good, steps: [good.steps[0]!, good.steps[0]!, good.steps[2]!] }, /repeats step ids a/],
    ['no origin', { ...good, origin: undefined }, /no origin/],
    ['an origin we never ask for', { ...good, origin: 'https://evil.example/*' }, /not in TARGET_HOST_PATTERNS/],
    ['a start URL elsewhere', { ...good, startUrl: 'https://www.linkedin.com/feed/' }, /startUrl/],
    ['a step on another host', withStep({ url: 'https://x.com.evil.example/*' }), /url .* is not on/],
    ['a wildcard host', withStep({ url: 'https://*/home' }), /url .* is not on/],
    ['a done url elsewhere', withStep({ done: { kind: 'url', url: 'https://evil.example/' } }), /done url/],
    ['a goTo elsewhere', withStep({ goTo: 'https://evil.example/' }), /goTo/],
    ['too many wildcards', withStep({ url: 'https://x.com/*/*/*' }), /more than two wildcards/],
    ['an invalid selector', withStep({ target: [{ css: 'div[data-testid=' }] }), /invalid selector/],
    ['a password type', withStep({ target: [{ css: 'input[type="password"]' }] }), /password field/],
    ['a password type without quotes', withStep({ target: [{ css: 'form input[type=password]' }] }), /password field/],
    ['a password type, case-insensitive flag', withStep({ target: [{ css: 'input[type="PASSWORD" i]' }] }), /password field/],
    ['a password field by id', withStep({ target: [{ css: '#login_input_password' }] }), /password field/],
    ['a password field by name', withStep({ target: [{ css: '[name="password"]' }] }), /password field/],
    ['a password field by autocomplete', withStep({ target: [{ css: 'input[autocomplete="current-password"]' }] }), /password field/],
    ['a password field by formcontrolname', withStep({ target: [{ css: '[formcontrolname=masterPassword]' }] }), /password field/],
    ['a password field in an appear completion', withStep({ done: { kind: 'appear', target: [{ css: 'input[type=password]' }] } }), /password field/],
    ['an X hashed class', withStep({ target: [{ css: 'div.r-1awozwy' }] }), /hashed-looking class r-1awozwy/],
    ['a css- class', withStep({ target: [{ css: '.css-175oi2r > span' }] }), /hashed-looking class css-175oi2r/],
    ['an atomic class', withStep({ target: [{ css: 'div.x1n2onr6' }] }), /hashed-looking class x1n2onr6/],
    ['a CSS-modules class', withStep({ target: [{ css: '.Button_primary__3xK9a' }] }), /hashed-looking class Button_primary__3xK9a/],
    ['a hashed class by attribute', withStep({ target: [{ css: '[class*="sc-bdfBwQ"]' }] }), /hashed-looking class sc-bdfBwQ/],
    ['an unclosed marker', withStep({ body: 'Press **Post.' }), /unclosed formatting/],
    ['a click step with no target', withStep({ target: undefined }), /completes on click but has no target/],
    ['an empty role name', withStep({ target: [{ role: 'button', name: ' ' }] }), /empty name/],
  ])('catches %s', (_label, lesson, message) => {
    const problems = problemsOf(lesson);
    expect(problems.some((p) => message.test(p)), problems.join('\n') || '(no problems found)').toBe(true);
  });

  it('does not mistake stable class names or attribute values for hashed ones', () => {
    for (const css of [
      '.share-box-v2__modal .ql-editor[contenteditable="true"]',
      '.public-DraftEditor-content',
      'body > .cdk-overlay-container [role="dialog"]',
      '[data-testid="tweetTextarea_0"]',
      'a[href="/settings/account/login_verification"]',
      '[data-testid="generate-password-button"]',
      'button.addItemCard.Password',
    ]) {
      expect(problemsOf(withStep({ target: [{ css }] })), css).toEqual([]);
    }
  });

  it('does not demand an origin of a read-only lesson', () => {
    const readOnly: Walkthrough = { ...good, readOnly: true, origin: undefined, startUrl: 'chrome://password-manager/passwords', steps: good.steps.map((s) => ({ ...s, url: 'chrome://password-manager/*' })) };
    expect(problemsOf(readOnly)).toEqual([]);
  });
});
