import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations, WCAG_TAGS } from '../harness/axe';
import { text } from '../harness/messages';
import { expect, test } from '../fixtures';
import { GuideOverlay } from '../pages/GuideOverlay';
import { LearnArea } from '../pages/LearnArea';

/**
 * The X walkthroughs, end to end: started from Learn, run on the X fixture at its real URLs
 * (tests/fixtures/sites/x: late composer, pushState routing, re-rendered nodes, X's CSP), and
 * again in each one's offline practice copy. The person's part is played with real clicks and
 * typing; every walkthrough must reach "You have finished this walkthrough".
 */

const X = {
  homeEditor: '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"][role="textbox"]',
  homePost: 'button[data-testid="tweetButtonInline"]',
  reply: 'article[data-testid="tweet"] [data-testid="reply"]',
  modalEditor: '[role="dialog"] [data-testid="tweetTextarea_0"][role="textbox"]',
  modalButton: '[role="dialog"] button[data-testid="tweetButton"]',
  homeTab: '[data-testid="AppTabBar_Home_Link"]',
  profileLink: '[data-testid="AppTabBar_Profile_Link"]',
  editProfile: '[data-testid="editProfileButton"]',
  bio: 'textarea[name="description"]',
  save: '[data-testid="Profile_Save_Button"]',
  security: 'a[href="/settings/security"]',
  twoFactor: 'a[href="/settings/account/login_verification"]',
};

/** Pages the walkthroughs open (site tabs, practice copies), closed after each test. */
const opened: Page[] = [];

test.beforeEach(async ({ clearStorage }) => {
  // No walkthrough left running from an earlier test: Start is disabled while one runs.
  await clearStorage();
});

afterEach(async () => {
  for (const page of opened.splice(0)) await page.close().catch(() => undefined);
});

async function startLive(learn: LearnArea, lessonId: string): Promise<{ site: Page; guide: GuideOverlay }> {
  const site = await learn.startLive(lessonId);
  opened.push(site);
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

async function newSiteTab(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  opened.push(page);
  await page.goto(url);
  return page;
}

// ---- The people's parts: the same actions on the live fixture and in the practice copy. ----------

async function writePost(site: Page, guide: GuideOverlay, text: string) {
  await guide.waitForSpotlight('x-write-post', 0);
  expect(await guide.spotlightSurrounds(site.locator(X.homeEditor))).toBe(true);
  await site.locator(X.homeEditor).click();
  await guide.waitForStep(2, 4);
  await site.keyboard.type(text);
  await guide.waitForStep(3, 4);
  await guide.waitForSpotlight('x-write-post', 2);
  await site.locator(X.homePost).click();
  await guide.waitForStep(4, 4);
  await guide.finishButton.click();
  await guide.waitForFinished();
}

async function reply(site: Page, guide: GuideOverlay, text: string) {
  await guide.waitForSpotlight('x-reply', 0);
  await site.locator(X.reply).first().click();
  await guide.waitForStep(2, 4);
  await guide.waitForSpotlight('x-reply', 1);
  const dialog = site.locator('#layers [role="dialog"]');
  await expect.poll(() => dialog.innerText()).toContain('Post your reply');
  expect(await guide.spotlightSurrounds(site.locator(X.modalEditor))).toBe(true);
  await site.locator(X.modalEditor).click();
  await site.keyboard.type(text);
  await guide.waitForStep(3, 4);
  await guide.waitForSpotlight('x-reply', 2);
  expect((await site.locator(X.modalButton).innerText()).trim()).toBe('Reply');
  await site.locator(X.modalButton).click();
  await guide.waitForStep(4, 4);
  await guide.finishButton.click();
  await guide.waitForFinished();
}

async function setBio(site: Page, guide: GuideOverlay, bio: string) {
  await guide.waitForSpotlight('x-profile-bio', 0);
  await site.locator(X.profileLink).click();
  await guide.waitForStep(2, 4);
  await guide.waitForSpotlight('x-profile-bio', 1);
  await site.locator(X.editProfile).click();
  await guide.waitForStep(3, 4);
  await guide.waitForSpotlight('x-profile-bio', 2);
  await site.locator(X.bio).click();
  await site.keyboard.type(bio);
  await guide.waitForStep(4, 4);
  await guide.waitForSpotlight('x-profile-bio', 3);
  await site.locator(X.save).click();
  await guide.waitForFinished();
}

/** `press` clicks Next or Finish for the reading steps: the callout's own, unless told otherwise. */
async function turnOnTwoFactor(site: Page, guide: GuideOverlay, press = (key: 'guideNext' | 'guideFinish') => guide.button(key).click()) {
  await guide.waitForSpotlight('x-two-factor', 0);
  await site.locator(X.security).click();
  await guide.waitForStep(2, 6);
  await guide.waitForSpotlight('x-two-factor', 1);
  await site.locator(X.twoFactor).click();
  await guide.waitForStep(3, 6);
  await guide.waitForSpotlight('x-two-factor', 2);
  await site.getByRole('checkbox', { name: 'Authentication app' }).click();
  await guide.waitForStep(4, 6);
  await guide.waitForSpotlight('x-two-factor', 3);
  await site.getByRole('button', { name: 'Get started' }).click();
  // The last two steps are words only: the guide points at nothing while secrets are on screen.
  await guide.waitForStep(5, 6);
  expect(await guide.spotlightBox()).toBeNull();
  await press('guideNext');
  await guide.waitForStep(6, 6);
  expect(await guide.spotlightBox()).toBeNull();
  await press('guideFinish');
  await guide.waitForFinished();
}

// ---- Live, on the fixture at x.com ----------------------------------------------------------------

describe('on the X fixture (x.com)', () => {
  test('x-write-post: a person writes and posts from Home, and the guide follows to the end', async ({ sites, sidePanel }) => {
    await sites.serve('x');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'x-write-post');
    expect(site.url()).toBe('https://x.com/home');
    await writePost(site, guide, 'Thank you to everyone who came to our open day.');
    expect(await site.locator('article [data-testid="tweetText"]').first().innerText()).toBe('Thank you to everyone who came to our open day.');
    // The side panel follows the same walkthrough.
    await expect.poll(() => learn.currentStep.innerText()).toContain('You have finished this walkthrough');
  });

  test('x-write-post with the keyboard only: Tab, Enter, typing, "Show me" and Alt+Shift+F', async ({ sites, sidePanel }) => {
    await sites.serve('x');
    const learn = await new LearnArea(sidePanel).open();
    await sidePanel.tabTo(learn.startButton('x-write-post'));
    const opening = sidePanel.page.context().waitForEvent('page');
    await sidePanel.page.keyboard.press('Enter');
    const site = await opening;
    opened.push(site);
    const guide = new GuideOverlay(site);
    await guide.waitForSpotlight('x-write-post', 0);

    // Step 1: "Show me" takes the cursor to the box; a keyboard user then moves on with Next.
    await guide.focusWithShortcut();
    await guide.pressWithKeyboard('guideShowMe');
    expect(await site.locator(X.homeEditor).evaluate((el) => el === document.activeElement)).toBe(true);
    await guide.focusWithShortcut();
    await guide.pressWithKeyboard('guideNext');
    await guide.waitForStep(2, 4);

    // Step 2: back to the box with "Show me", and type.
    await guide.focusWithShortcut();
    await guide.pressWithKeyboard('guideShowMe');
    await site.keyboard.type('Our report on digital skills is out today.');
    await guide.waitForStep(3, 4);

    // Step 3: "Show me" puts focus on Post; Enter presses it.
    await guide.focusWithShortcut();
    await guide.pressWithKeyboard('guideShowMe');
    expect(await site.locator(X.homePost).evaluate((el) => el === document.activeElement)).toBe(true);
    await site.keyboard.press('Enter');
    await guide.waitForStep(4, 4);
    await expect.poll(() => site.locator('[data-testid="toast"]').innerText()).toContain('Your post was sent.');

    await guide.focusWithShortcut();
    await guide.pressWithKeyboard('guideFinish');
    await guide.waitForFinished();
  });

  test('when X replaces the composer mid-step (Home tab), the spotlight is drawn again on the new node', async ({ sites, sidePanel }) => {
    await sites.serve('x');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'x-write-post');
    await guide.waitForSpotlight('x-write-post', 0);
    await site.locator(X.homeEditor).evaluate((el) => el.setAttribute('data-fixture-old', ''));
    const before = (await guide.spotlightDraws()).length;

    await site.locator(X.homeTab).click();
    await guide.waitForSpotlight('x-write-post', 0, { after: before });
    const fresh = site.locator(`${X.homeEditor}:not([data-fixture-old])`);
    expect(await fresh.count()).toBe(1);
    expect(await site.locator('[data-fixture-old]').count(), 'the old node is gone').toBe(0);
    expect(await guide.spotlightSurrounds(fresh)).toBe(true);
    await guide.waitForStep(1, 4);

    // And the walkthrough carries on with the new node.
    await writePostFromClick(site, guide);
  });

  // Every render() rebuilds the callout, whenever the guide re-renders on its own (the target
  // appearing late, the site replacing the node, "missing"/"found"); the control that had keyboard
  // focus must keep it, or a keyboard user who pressed Alt+Shift+F is dropped at the top of the page.
  test('keyboard focus stays in the guide when the site re-renders the target on its own', async ({ sites, sidePanel }) => {
    await sites.serve('x');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'x-write-post');
    await guide.waitForSpotlight('x-write-post', 0);
    await guide.focusWithShortcut();
    const before = (await guide.spotlightDraws()).length;
    // X re-renders by itself (new posts arriving, a timeline refresh): modelled by the app's own
    // Home handler, run without any input from the person.
    await site.evaluate((sel) => document.querySelector<HTMLElement>(sel)?.click(), X.homeTab);
    await guide.waitForSpotlight('x-write-post', 0, { after: before });
    const focused = await site.evaluate(() => document.activeElement?.localName);
    await guide.exitButton.click();
    expect(focused).toBe('digital-friend-guide');
  });

  test('x-reply: a person replies to a post in the reply window (pushState to /compose/post)', async ({ sites, sidePanel }) => {
    await sites.serve('x');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'x-reply');
    await site.evaluate(() => ((window as unknown as Record<string, unknown>).__samePage = true));
    await reply(site, guide, 'Thank you, this is really useful.');
    expect(await site.evaluate(() => (window as unknown as Record<string, unknown>).__samePage)).toBe(true);
  });

  test('x-profile-bio: profile → Edit profile → /settings/profile modal, all by pushState; the bio is saved', async ({ sites, sidePanel }) => {
    await sites.serve('x');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'x-profile-bio');
    await site.evaluate(() => ((window as unknown as Record<string, unknown>).__samePage = true));
    const urls: string[] = [];
    site.on('framenavigated', (frame) => frame === site.mainFrame() && urls.push(frame.url()));

    await setBio(site, guide, 'Policy adviser. I post about digital skills.');
    await expect.poll(() => site.locator('[data-testid="UserDescription"]').innerText()).toBe('Policy adviser. I post about digital skills.');
    expect(urls).toEqual(expect.arrayContaining(['https://x.com/DigitalFriendUK', 'https://x.com/settings/profile']));
    // Every move was in-page: the marker set before the first click survived.
    expect(await site.evaluate(() => (window as unknown as Record<string, unknown>).__samePage)).toBe(true);
  });

  test('x-two-factor: security settings → two-factor → Authentication app, and it stops before any secret; the side panel moves it on', async ({ sites, sidePanel }) => {
    await sites.serve('x');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'x-two-factor');
    expect(site.url()).toBe('https://x.com/settings/security_and_account_access');
    // The reading steps are moved on from the side panel's current step, which has the same controls.
    await turnOnTwoFactor(site, guide, (key) => learn.currentStep.getByRole('button', { name: text(key), exact: true }).click());
    expect(await site.locator('input[type="password"]').inputValue(), 'nobody typed the password').toBe('');
  });

  test("the guide runs under X's strict CSP, with no violation, in a tab the person already had open", async ({ sites, sidePanel, page }) => {
    await sites.serve('x');
    const response = await page.goto('https://x.com/home');
    const csp = (await response!.allHeaders())['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src [^;]*'nonce-[^']+'/);
    expect(csp).toContain("default-src 'self'");
    await page.evaluate(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });

    // Start reuses this tab: it is already on the first step's page.
    const learn = await new LearnArea(sidePanel).open();
    await learn.startButton('x-write-post').click();
    const guide = new GuideOverlay(page);
    await page.bringToFront();
    await writePost(page, guide, 'Posted under a strict CSP.');
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  });

  test('a second X tab, opened while a walkthrough runs, gets no guide and no spotlight', async ({ sites, sidePanel, context }) => {
    await sites.serve('x');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'x-write-post');
    await guide.waitForSpotlight('x-write-post', 0);

    const other = await newSiteTab(context, 'https://x.com/home?composerDelay=0');
    await other.locator(X.homeEditor).waitFor();
    await other.reload();
    await other.locator(X.homeEditor).waitFor();
    await other.waitForTimeout(1_000);
    expect(await other.locator('digital-friend-guide').count()).toBe(0);
    expect(await new GuideOverlay(other).spotlightDraws()).toEqual([]);

    await site.bringToFront();
    await guide.exitButton.click();
    await expect.poll(() => site.locator('digital-friend-guide').count()).toBe(0);
  });

  test('the guide on X passes axe (WCAG 2.2 AA), in the normal state and when a step cannot be found', async ({ sites, sidePanel }) => {
    await sites.serve('x');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startLive(learn, 'x-write-post');
    await guide.waitForSpotlight('x-write-post', 0);
    const overlay = () => new AxeBuilder({ page: site }).withTags(WCAG_TAGS).include('digital-friend-guide').analyze();
    let results = await overlay();
    expect(describeViolations(results.violations)).toBe('');
    expect(results.passes.length).toBeGreaterThan(0);

    // Take the composer away for good: after the timeout the guide offers "I've done it", "Skip", "Report".
    await site.evaluate(() => document.querySelector('[data-testid="primaryColumn"] .r-compose')?.parentElement?.remove());
    await guide.doneItButton.waitFor({ timeout: 15_000 });
    results = await overlay();
    expect(describeViolations(results.violations)).toBe('');
    await guide.exitButton.click();
  });
});

// The re-render test's second half: the person carries on after the swap.
async function writePostFromClick(site: Page, guide: GuideOverlay) {
  await site.locator(X.homeEditor).click();
  await guide.waitForStep(2, 4);
  await site.keyboard.type('Still here after the re-render.');
  await guide.waitForStep(3, 4);
  await site.locator(X.homePost).click();
  await guide.waitForStep(4, 4);
  await guide.finishButton.click();
  await guide.waitForFinished();
}

// ---- Practice copies --------------------------------------------------------------------------------

describe('in the practice copies (practice.html#<lessonId>)', () => {
  test('x-write-post runs to the end in its practice copy, and nothing leaves the page', async ({ sidePanel, blockedRequests }) => {
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startPractice(learn, 'x-write-post');
    const before = blockedRequests.urls.length;
    await writePost(site, guide, 'A practice post.');
    expect(await site.locator('article [data-testid="tweetText"]').first().innerText()).toBe('A practice post.');
    expect(blockedRequests.urls.slice(before)).toEqual([]);
  });

  test('x-reply runs to the end in its practice copy', async ({ sidePanel }) => {
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startPractice(learn, 'x-reply');
    await reply(site, guide, 'A practice reply.');
  });

  test('x-profile-bio runs to the end in its practice copy', async ({ sidePanel }) => {
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startPractice(learn, 'x-profile-bio');
    await setBio(site, guide, 'Practising my bio.');
    await expect.poll(() => site.locator('[data-testid="UserDescription"]').innerText()).toBe('Practising my bio.');
  });

  test('x-two-factor runs to the end in its practice copy, which never asks for a password', async ({ sidePanel }) => {
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startPractice(learn, 'x-two-factor');
    await turnOnTwoFactor(site, guide);
    expect(await site.locator('input[type="password"]').count()).toBe(0);
  });

  test('the X practice copy passes axe (WCAG 2.2 AA) with the guide on it, on each screen', async ({ sidePanel }) => {
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await startPractice(learn, 'x-reply');
    await guide.waitForSpotlight('x-reply', 0);
    const check = async (where: string) => {
      expect(describeViolations(await axeViolations(site)), where).toBe('');
    };
    await check('home');
    await site.locator(X.reply).first().click();
    await guide.waitForSpotlight('x-reply', 1);
    await check('reply window');
    await guide.exitButton.click();
    for (const nav of ['Profile', 'Settings']) {
      await site.getByRole('navigation').getByRole('link', { name: nav, exact: true }).click();
      await check(nav);
    }
  });
});
