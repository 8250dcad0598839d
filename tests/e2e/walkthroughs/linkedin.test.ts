import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations, WCAG_TAGS } from '../harness/axe';
import { expect, test } from '../fixtures';
import { GuideOverlay } from '../pages/GuideOverlay';
import { LearnArea } from '../pages/LearnArea';

/**
 * The LinkedIn walkthroughs, end to end, in both of LinkedIn's interfaces: classic (Ember,
 * artdeco modals, Quill) and the 2025–26 one, whose share dialog lives in the OPEN shadow root of
 * div#interop-outlet (tests/fixtures/sites/linkedin; the cookie df_fixture_ui picks the interface).
 * Then each walkthrough again in its offline practice copy.
 */

type Ui = 'classic' | 'sdui';

const LI = {
  startPost: 'button.share-box-feed-entry__trigger, [aria-label="Start a post"]',
  /** The REAL share dialog's editor, not the placeholder mounted first (CSS locators pierce open shadow roots). */
  realEditor: '[data-fixture-placeholder="false"] .ql-editor[contenteditable="true"]',
  editor: '.share-creation-state__text-editor .ql-editor[contenteditable="true"]',
  postButton: 'button.share-actions__primary-action',
  toast: '[data-test-artdeco-toast-item-type="success"], .artdeco-toast-item',
  articleTitle: '#article-editor-headline__textarea',
  articleBody: '[data-test-article-editor-content-textbox]',
  pencil: 'button[aria-label*="Edit intro"], a[href*="/edit/intro/"]',
};

const opened: Page[] = [];

test.beforeEach(async ({ clearStorage, context }) => {
  await clearStorage();
  await context.clearCookies();
});

afterEach(async () => {
  for (const page of opened.splice(0)) await page.close().catch(() => undefined);
});

/** LinkedIn picks the interface per account; the fixture's cookie stands for the account. */
async function useInterface(context: BrowserContext, ui: Ui) {
  await context.addCookies([{ name: 'df_fixture_ui', value: ui, domain: 'www.linkedin.com', path: '/', secure: true }]);
}

async function startLive(learn: LearnArea, lessonId: string, ui: Ui): Promise<{ site: Page; guide: GuideOverlay }> {
  const site = await learn.startLive(lessonId);
  opened.push(site);
  await site.waitForLoadState('domcontentloaded');
  expect(await site.evaluate(() => document.documentElement.dataset.fixtureUi), 'the interface in use').toBe(ui);
  const guide = new GuideOverlay(site);
  await guide.rewind();
  return { site, guide };
}

async function startPractice(learn: LearnArea, lessonId: string): Promise<{ site: Page; guide: GuideOverlay }> {
  const site = await learn.startPractice(lessonId);
  opened.push(site);
  const guide = new GuideOverlay(site);
  await guide.rewind();
  return { site, guide };
}

// ---- The people's parts ----------------------------------------------------------------------------

/** linkedin-start-post. `editor` is the editor to type in once the dialog has settled. */
async function startPost(site: Page, guide: GuideOverlay, text: string, editor: string) {
  await guide.waitForSpotlight('linkedin-start-post', 0);
  await site.locator(LI.startPost).first().click();
  await guide.waitForStep(2, 4);
  await guide.waitForSpotlight('linkedin-start-post', 1);
  // Wait for the dialog to settle (the live sites swap the placeholder for the real one).
  await site.locator(editor).waitFor();
  expect(await guide.spotlightSurrounds(site.locator(editor)), 'the spotlight is on the editor the person will type in').toBe(true);
  await site.locator(editor).click();
  await site.keyboard.type(text);
  await guide.waitForStep(3, 4);
  await guide.waitForSpotlight('linkedin-start-post', 2);
  await site.locator(LI.postButton).click();
  await guide.waitForStep(4, 4);
  await expect.poll(() => site.locator(LI.toast).first().innerText()).toMatch(/Post successful/);
  await guide.finishButton.click();
  await guide.waitForFinished();
}

async function writeArticle(site: Page, guide: GuideOverlay) {
  await guide.waitForSpotlight('linkedin-write-article', 0);
  await site.locator(LI.articleTitle).click();
  await site.keyboard.type('What our digital skills programme taught us');
  await guide.waitForStep(2, 5);
  await guide.waitForSpotlight('linkedin-write-article', 1);
  await site.locator(LI.articleBody).click();
  await site.keyboard.type('We ran the programme for six months. Here is what worked.');
  await guide.waitForStep(3, 5);
  await guide.waitForSpotlight('linkedin-write-article', 2);
  await site.getByRole('main').getByRole('button', { name: 'Next', exact: true }).click();
  await guide.waitForStep(4, 5);
  await guide.waitForSpotlight('linkedin-write-article', 3);
  await site.locator('[role="dialog"] [role="textbox"][aria-label="Text editor for creating content"]').click();
  await site.keyboard.type('Six months, 40 people, one simple lesson.');
  await guide.waitForStep(5, 5);
  await guide.waitForSpotlight('linkedin-write-article', 4);
  await site.getByRole('button', { name: 'Publish', exact: true }).click();
  await guide.waitForFinished();
}

async function updateHeadline(site: Page, guide: GuideOverlay, headline: string, { displayed }: { displayed: boolean }) {
  await guide.waitForSpotlight('linkedin-headline', 0);
  await site.locator(LI.pencil).first().click();
  await guide.waitForStep(2, 4);
  await guide.waitForSpotlight('linkedin-headline', 1);
  const field = site.getByRole('textbox', { name: 'Headline' });
  expect(await guide.spotlightSurrounds(field)).toBe(true);
  await field.click();
  await site.keyboard.press('ControlOrMeta+A');
  await site.keyboard.type(headline);
  await guide.waitForStep(3, 4);
  await guide.waitForSpotlight('linkedin-headline', 2);
  await site.getByRole('button', { name: 'Save', exact: true }).click();
  await guide.waitForStep(4, 4);
  if (displayed) {
    // Classic: the guide points at the new headline under the name.
    await guide.waitForSpotlight('linkedin-headline', 3);
    await guide.finishButton.click();
  }
  // Otherwise the optional last step has nothing stable to point at and is skipped by itself.
  await guide.waitForFinished();
}

// ---- Live, classic interface ----------------------------------------------------------------------

describe('on the LinkedIn fixture, classic interface', () => {
  test('linkedin-start-post: the guide follows the placeholder dialog swap to the real editor, and the post is made', async ({ sites, sidePanel, context }) => {
    await sites.serve('linkedin');
    await useInterface(context, 'classic');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'linkedin-start-post', 'classic');
    await startPost(site, guide, 'Our team has published its plan for next year.', LI.realEditor);
    // The editor was found twice: first in the placeholder, then in the dialog that replaced it.
    const drawsOnEditor = (await guide.spotlightDraws()).filter((d) => d.lesson === 'linkedin-start-post' && d.step === 1);
    expect(drawsOnEditor.length).toBeGreaterThanOrEqual(2);
    expect(await site.locator('.feed-shared-update-v2').first().innerText()).toContain('Our team has published its plan for next year.');
  });

  test('linkedin-write-article: title, body, Next, a message, Publish', async ({ sites, sidePanel, context }) => {
    await sites.serve('linkedin');
    await useInterface(context, 'classic');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'linkedin-write-article', 'classic');
    await writeArticle(site, guide);
    expect(site.url()).toMatch(/^https:\/\/www\.linkedin\.com\/pulse\/what-our-digital-skills-programme-taught-us-/);
  });

  test('linkedin-headline: pencil → /edit/intro/ by pushState → textarea → Save', async ({ sites, sidePanel, context }) => {
    await sites.serve('linkedin');
    await useInterface(context, 'classic');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'linkedin-headline', 'classic');
    await guide.waitForSpotlight('linkedin-headline', 0);
    expect(site.url()).toBe('https://www.linkedin.com/in/alex-morgan/');
    await site.evaluate(() => ((window as unknown as Record<string, unknown>).__samePage = true));
    await updateHeadline(site, guide, 'Policy adviser, digital skills', { displayed: true });
    expect(await site.locator('[data-fixture-headline]').innerText()).toBe('Policy adviser, digital skills');
    expect(await site.evaluate(() => (window as unknown as Record<string, unknown>).__samePage), 'no page load on the way').toBe(true);
  });

  test("LinkedIn's CSP (hashes and hosts, no inline) is on the responses, and the guide runs under it without a violation", async ({ sites, sidePanel, page, context }) => {
    await sites.serve('linkedin');
    await useInterface(context, 'classic');
    const response = await page.goto('https://www.linkedin.com/feed/');
    const csp = (await response!.allHeaders())['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src [^;]*'sha256-[^']+'/);
    expect(csp).toContain('www.linkedin.com/sc/');
    expect(csp).not.toMatch(/script-src [^;]*'unsafe-inline'/);
    // The shell's own inline script ran (its hash is listed); another inline script is blocked.
    expect(await page.evaluate(() => typeof (window as unknown as Record<string, unknown>).__li)).toBe('object');
    const blocked = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
          const script = document.createElement('script');
          script.textContent = 'window.__inlineRan = true';
          document.body.append(script);
        }),
    );
    expect(blocked).toBe('script-src-elem');
    await page.evaluate(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });

    // Start reuses this tab, already on the feed.
    const learn = await new LearnArea(sidePanel).open();
    await learn.startButton('linkedin-start-post').click();
    await page.bringToFront();
    const guide = new GuideOverlay(page);
    await startPost(page, guide, 'Posted under a strict CSP.', LI.realEditor);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  });

  test('an X tab opened before Start, and a second LinkedIn tab, get no guide and no spotlight', async ({ sites, sidePanel, context }) => {
    await sites.serve('linkedin');
    await sites.serve('x');
    const before = await context.newPage();
    opened.push(before);
    await before.goto('https://x.com/home?composerDelay=0');

    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'linkedin-start-post', 'classic');
    await guide.waitForSpotlight('linkedin-start-post', 0);

    const second = await context.newPage();
    opened.push(second);
    await second.goto('https://www.linkedin.com/feed/?feedDelay=0');
    await second.locator(LI.startPost).first().waitFor();
    await second.waitForTimeout(1_000);
    for (const [name, other] of [['X tab', before], ['second LinkedIn tab', second]] as const) {
      expect(await other.locator('digital-friend-guide').count(), name).toBe(0);
      expect(await new GuideOverlay(other).spotlightDraws(), name).toEqual([]);
    }
    await site.bringToFront();
    await guide.exitButton.click();
  });
});

// ---- Live, 2025–26 interface --------------------------------------------------------------------------

describe('on the LinkedIn fixture, 2025–26 interface (share dialog in the #interop-outlet shadow root)', () => {
  test('linkedin-headline: a link pencil and a contenteditable headline', async ({ sites, sidePanel, context }) => {
    await sites.serve('linkedin');
    await useInterface(context, 'sdui');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'linkedin-headline', 'sdui');
    await updateHeadline(site, guide, 'Head of digital, Department for Education', { displayed: false });
    expect(await site.locator('[data-fixture-headline]').innerText()).toBe('Head of digital, Department for Education');
  });

  test('linkedin-write-article runs the same in the new interface', async ({ sites, sidePanel, context }) => {
    await sites.serve('linkedin');
    await useInterface(context, 'sdui');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'linkedin-write-article', 'sdui');
    await writeArticle(site, guide);
  });

  // LinkedIn's 2026 interface swaps the placeholder share dialog for the real one INSIDE the open
  // shadow root of #interop-outlet; a document's MutationObserver never hears that, so the guide
  // observes every open shadow root it searches too.
  test('linkedin-start-post: "Start a post" is a labelled div; the composer is found inside the open shadow root', async ({ sites, sidePanel, context }) => {
    await sites.serve('linkedin');
    await useInterface(context, 'sdui');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'linkedin-start-post', 'sdui');
    expect(await site.locator('#interop-outlet[data-testid="interop-shadowdom"]').evaluate((el) => el.shadowRoot?.mode)).toBe('open');
    await startPost(site, guide, 'Posted from the new LinkedIn.', LI.realEditor);
    expect(await site.locator('[data-testid="mainFeed"] [role="listitem"]').first().innerText()).toContain('Posted from the new LinkedIn.');
  });

  test('the guide on LinkedIn passes axe (WCAG 2.2 AA) over the share dialog in the shadow root', async ({ sites, sidePanel, context }) => {
    await sites.serve('linkedin');
    await useInterface(context, 'sdui');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'linkedin-start-post', 'sdui');
    await guide.waitForSpotlight('linkedin-start-post', 0);
    const overlay = () => new AxeBuilder({ page: site }).withTags(WCAG_TAGS).include('digital-friend-guide').analyze();
    let results = await overlay();
    expect(describeViolations(results.violations)).toBe('');
    await site.locator(LI.startPost).first().click();
    await guide.waitForStep(2, 4);
    results = await overlay();
    expect(describeViolations(results.violations)).toBe('');
    await guide.exitButton.click();
  });
});

// ---- Practice copies --------------------------------------------------------------------------------------

describe('in the practice copies (practice.html#<lessonId>)', () => {
  test('linkedin-start-post runs to the end in its practice copy, and nothing leaves the page', async ({ sidePanel, blockedRequests }) => {
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startPractice(learn, 'linkedin-start-post');
    const before = blockedRequests.urls.length;
    await startPost(site, guide, 'A practice post.', LI.editor);
    expect(await site.locator('.feed-shared-update-v2').first().innerText()).toContain('A practice post.');
    expect(blockedRequests.urls.slice(before)).toEqual([]);
  });

  test('linkedin-write-article runs to the end in its practice copy', async ({ sidePanel }) => {
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startPractice(learn, 'linkedin-write-article');
    await writeArticle(site, guide);
  });

  // The headline field starts filled (the old headline) and the form is there at once: this is
  // the case where a focusout anywhere used to finish the typing step before any typing (fixed in
  // a42e09f: only leaving the field itself counts).
  test('linkedin-headline runs to the end in its practice copy, waiting for the person to type', async ({ sidePanel }) => {
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startPractice(learn, 'linkedin-headline');
    await updateHeadline(site, guide, 'A practice headline', { displayed: true });
    expect(await site.locator('.text-body-medium').innerText()).toBe('A practice headline');
  });

  test('the LinkedIn practice copy passes axe (WCAG 2.2 AA) with the guide on it, on each screen', async ({ sidePanel }) => {
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startPractice(learn, 'linkedin-start-post');
    await guide.waitForSpotlight('linkedin-start-post', 0);
    const check = async (where: string) => {
      expect(describeViolations(await axeViolations(site)), where).toBe('');
    };
    await check('feed');
    await site.locator(LI.startPost).first().click();
    await guide.waitForSpotlight('linkedin-start-post', 1);
    await check('share dialog');
    await guide.exitButton.click();
    await site.getByRole('button', { name: 'Close' }).click();
    for (const [link, then] of [['Me', 'Edit intro'], ['Write article', 'Next']] as const) {
      await site.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
      await check(link);
      await site.getByRole('button', { name: then, exact: true }).click();
      await check(`${link} → ${then}`);
      if (link === 'Me') await site.getByRole('button', { name: 'Close' }).click();
      else await site.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    }
  });
});
