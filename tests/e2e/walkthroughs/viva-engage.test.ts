import type { Page } from 'playwright-core';
import { describeViolations, axeViolations } from '../harness/axe';
import { expect, test } from '../fixtures';
import { GuideOverlay } from '../pages/GuideOverlay';
import { LearnArea } from '../pages/LearnArea';

/**
 * The Viva Engage walkthroughs, end to end: started from Learn in the side panel, run on the
 * fixture at https://engage.cloud.microsoft (tests/fixtures/sites/viva-engage: late content, node
 * swaps on re-render, pushState routes, Fluent layers, Draft.js editors), and again in each one's
 * offline practice copy. The person's part is the same in both places and is played with real
 * clicks and typing; every walkthrough must reach "You have finished this walkthrough".
 */

const EDITOR = '[contenteditable="true"][role="textbox"]';

/** Pages the walkthroughs open (site tabs, practice copies), closed after each test. */
const opened: Page[] = [];

test.beforeEach(async ({ clearStorage, clearDatabases }) => {
  // No walkthrough left running from an earlier test: Start is disabled while one runs.
  await clearStorage();
  // No progress either, or Start would resume a walkthrough an earlier test left half done.
  await clearDatabases();
});

afterEach(async () => {
  for (const page of opened.splice(0)) await page.close().catch(() => undefined);
});

type Where = 'live' | 'practice';

async function start(learn: LearnArea, lessonId: string, where: Where): Promise<{ site: Page; guide: GuideOverlay }> {
  const site = where === 'live' ? await learn.startLive(lessonId) : await learn.startPractice(lessonId);
  opened.push(site);
  return { site, guide: new GuideOverlay(site) };
}

/** The site's address: the tab's own on the live site, the one the practice copy stands in for. */
async function address(site: Page, where: Where): Promise<URL> {
  return new URL(where === 'live' ? site.url() : ((await site.locator('.df-practice-url').textContent()) ?? ''));
}

// ---- The people's parts: the same actions on the live fixture and in the practice copy. ----------

async function startConversation(site: Page, guide: GuideOverlay, where: Where, words: string): Promise<void> {
  expect((await address(site, where)).pathname).toBe('/main/feed');
  await guide.waitForStep(1, 5);
  await guide.waitForSpotlight('engage-start-conversation', 0);
  const community = site.getByRole('navigation', { name: 'Communities' }).getByRole('link', { name: 'Digital Skills Network' });
  expect(await guide.spotlightSurrounds(community)).toBe(true);
  await community.click();

  // pushState to the community; its publisher mounts after the "fetch".
  await guide.waitForStep(2, 5);
  expect((await address(site, where)).pathname).toMatch(/^\/main\/groups\/[^/]+\/all$/);
  await site.getByRole('button', { name: 'Share thoughts, ideas, or updates' }).click();

  // On the live fixture a placeholder dialog comes first, then the real one with the editor:
  // the editor appearing is what completes step 2.
  await guide.waitForStep(3, 5);
  await site.locator(`[role="dialog"] ${EDITOR}`).click();
  await site.keyboard.type(words);

  await guide.waitForStep(4, 5);
  await site.getByRole('dialog').getByRole('button', { name: 'Post', exact: true }).click();

  await guide.waitForStep(5, 5);
  await expect.poll(() => site.getByRole('article').first().textContent()).toContain(words);
  await guide.finishButton.click();
  await guide.waitForFinished();
}

async function replyAndMention(site: Page, guide: GuideOverlay, where: Where): Promise<void> {
  await guide.waitForSpotlight('engage-reply-mention', 0);
  const draws = (await guide.spotlightDraws()).length;
  // Feed → thread by pushState: the Reply button the guide pointed at is gone, and it must find
  // the thread page's own.
  await site.getByRole('article').first().getByRole('link', { name: '2 hours ago' }).click();
  await expect.poll(async () => (await address(site, where)).pathname).toMatch(/^\/main\/threads\//);
  await guide.waitForSpotlight('engage-reply-mention', 0, { after: draws });
  const reply = site.getByRole('article').getByRole('button', { name: 'Reply', exact: true });
  expect(await guide.spotlightSurrounds(reply)).toBe(true);
  await reply.click();

  await guide.waitForStep(2, 5);
  const box = site.getByRole('textbox', { name: 'Write a reply' });
  await box.click();
  await site.keyboard.type('Thanks Priya, this is useful. @Sa');

  await guide.waitForStep(3, 5);
  const suggestions = site.getByRole('listbox', { name: 'Suggested people' });
  expect(await guide.spotlightSurrounds(suggestions)).toBe(true);
  await suggestions.getByRole('option', { name: 'Sam Patel' }).click();

  await guide.waitForStep(4, 5);
  expect(await box.textContent()).toContain('Sam Patel');
  await site.getByRole('button', { name: 'Post', exact: true }).click();

  await guide.waitForStep(5, 5);
  await expect.poll(() => site.getByRole('article').textContent()).toContain('Sam Patel');
  await guide.finishButton.click();
  await guide.waitForFinished();
}

async function joinCommunity(site: Page, guide: GuideOverlay): Promise<void> {
  await guide.waitForSpotlight('engage-join-community', 0);
  const search = site.getByRole('combobox', { name: 'Search' });
  expect(await guide.spotlightSurrounds(search)).toBe(true);
  await search.click();
  await site.keyboard.type('Wellbeing');

  // Once the person pauses, the guide moves on and points at the suggestions; the callout now sits
  // below them, so the list is free to click.
  await guide.waitForStep(2, 5);
  const suggestions = site.getByRole('listbox', { name: 'Communities' });
  expect(await guide.spotlightSurrounds(suggestions)).toBe(true);
  await suggestions.getByRole('option', { name: /Wellbeing at Work/ }).click();

  await guide.waitForStep(3, 5);
  const heading = site.getByRole('heading', { name: 'Wellbeing at Work', level: 1 });
  await heading.waitFor();
  expect(await guide.spotlightSurrounds(heading)).toBe(true);
  await guide.nextButton.click();

  await guide.waitForStep(4, 5);
  const join = site.getByRole('button', { name: 'Join', exact: true });
  expect(await guide.spotlightSurrounds(join)).toBe(true);
  await join.click();

  await guide.waitForStep(5, 5);
  await site.getByRole('button', { name: 'Joined' }).waitFor();
  await guide.finishButton.click();
  await guide.waitForFinished();
  // The community is now in the left navigation.
  expect(await site.getByRole('navigation', { name: 'Communities' }).getByRole('link', { name: 'Wellbeing at Work' }).count()).toBe(1);
}

async function askQuestion(site: Page, guide: GuideOverlay, words: string): Promise<void> {
  await guide.waitForSpotlight('engage-ask-question', 0);
  await site.getByRole('button', { name: 'Share thoughts, ideas, or updates' }).click();

  await guide.waitForStep(2, 5);
  const question = site.getByRole('tab', { name: 'Question' });
  expect(await guide.spotlightSurrounds(question)).toBe(true);
  await question.click();

  // Choosing a type renders a new editor; the guide points at the new one.
  await guide.waitForStep(3, 5);
  const editor = site.getByRole('textbox', { name: 'What do you want to ask?' });
  expect(await guide.spotlightSurrounds(editor)).toBe(true);
  await editor.click();
  await site.keyboard.type(words);

  await guide.waitForStep(4, 5);
  await site.getByRole('dialog').getByRole('button', { name: 'Post', exact: true }).click();

  await guide.waitForStep(5, 5);
  await expect.poll(() => site.getByRole('article').first().textContent()).toContain(words);
  expect(await site.getByRole('article').first().textContent()).toContain('Question');
  await guide.finishButton.click();
  await guide.waitForFinished();
}

// ---- On the live site (the fixture at engage.cloud.microsoft) ---------------------------------------

describe('on the live site', () => {
  test('engage-start-conversation: a person opens a community, writes and posts, and the side panel follows', async ({ sites, sidePanel }) => {
    await sites.serve('viva-engage');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await start(learn, 'engage-start-conversation', 'live');
    await guide.waitForStep(1, 5);
    expect(await learn.currentStep.textContent()).toContain('Open a community');
    await startConversation(site, guide, 'live', 'Hello everyone. I am new to this community and keen to learn.');
  });

  test('engage-reply-mention: a person opens a thread, replies and mentions a colleague from the typeahead', async ({ sites, sidePanel }) => {
    await sites.serve('viva-engage');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await start(learn, 'engage-reply-mention', 'live');
    await replyAndMention(site, guide, 'live');
  });

  test('engage-reply-mention: when no typeahead appears, the optional step skips itself', async ({ sites, sidePanel }) => {
    await sites.serve('viva-engage');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await start(learn, 'engage-reply-mention', 'live');
    await guide.waitForSpotlight('engage-reply-mention', 0);
    await site.getByRole('button', { name: 'Reply', exact: true }).first().click();
    await guide.waitForStep(2, 5);
    await site.getByRole('textbox', { name: 'Write a reply' }).click();
    // No @: the typeahead (unverified on the real site) never opens.
    await site.keyboard.type('Thanks, this is useful.');
    await guide.waitForStep(3, 5);
    // After the guide's 8 s wait, the optional step gives way to the next one, with no warning.
    await guide.waitForStep(4, 5, 30_000);
    expect(await guide.warning.count()).toBe(0);
    await site.getByRole('button', { name: 'Post', exact: true }).click();
    await guide.waitForStep(5, 5);
    await guide.finishButton.click();
    await guide.waitForFinished();
  });

  test('engage-join-community: a person searches, chooses from the suggestions, looks around first, then joins', async ({ sites, sidePanel }) => {
    await sites.serve('viva-engage');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await start(learn, 'engage-join-community', 'live');
    await joinCommunity(site, guide);
  });

  test('engage-ask-question: a person opens the publisher, chooses Question, writes and posts', async ({ sites, sidePanel }) => {
    await sites.serve('viva-engage');
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await start(learn, 'engage-ask-question', 'live');
    await askQuestion(site, guide, 'Has anyone run a user research session online? Which tool worked well?');
  });
});

// ---- In the practice copies (practice.html#<lessonId>) ----------------------------------------------

describe('in the practice copies', () => {
  test('engage-start-conversation runs to the end in its practice copy, and nothing leaves the page', async ({ sidePanel, blockedRequests }) => {
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await start(learn, 'engage-start-conversation', 'practice');
    const before = blockedRequests.urls.length;
    await startConversation(site, guide, 'practice', 'A practice post.');
    expect(blockedRequests.urls.slice(before)).toEqual([]);
  });

  test('engage-reply-mention runs to the end in its practice copy', async ({ sidePanel }) => {
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await start(learn, 'engage-reply-mention', 'practice');
    await replyAndMention(site, guide, 'practice');
  });

  test('engage-join-community runs to the end in its practice copy', async ({ sidePanel }) => {
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await start(learn, 'engage-join-community', 'practice');
    await joinCommunity(site, guide);
  });

  test('engage-ask-question runs to the end in its practice copy', async ({ sidePanel, blockedRequests }) => {
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await start(learn, 'engage-ask-question', 'practice');
    const before = blockedRequests.urls.length;
    await askQuestion(site, guide, 'Which tool works best for online workshops?');
    expect(blockedRequests.urls.slice(before)).toEqual([]);
  });

  test('the Viva Engage practice copy passes axe (WCAG 2.2 AA) with the guide on it, on each screen', async ({ sidePanel }) => {
    const learn = await new LearnArea(sidePanel).open();
    const { site, guide } = await start(learn, 'engage-reply-mention', 'practice');
    await guide.waitForSpotlight('engage-reply-mention', 0);
    const check = async (where: string) => expect(describeViolations(await axeViolations(site)), where).toBe('');

    await check('Home feed');
    await site.getByRole('button', { name: 'Reply', exact: true }).first().click();
    await guide.waitForStep(2, 5);
    await site.getByRole('textbox', { name: 'Write a reply' }).click();
    await site.keyboard.type('@Sa');
    await site.getByRole('listbox', { name: 'Suggested people' }).waitFor();
    // Typing completes step 2. Wait for step 3 to be drawn: clicking Exit while the callout is
    // being redrawn for it can land on the old button, and the click is lost (a flake seen in CI).
    await guide.waitForStep(3, 5);
    await check('reply box with the people typeahead');
    await site.keyboard.press('Escape');

    // The rest of the screens without the guide, whose callout would sit over what is clicked next.
    await guide.exitButton.click();
    await guide.host.waitFor({ state: 'detached' });
    await site.getByRole('combobox', { name: 'Search' }).fill('Data');
    await site.getByRole('listbox', { name: 'Communities' }).waitFor();
    await check('search suggestions');
    await site.getByRole('option', { name: /Data Science Community/ }).click();
    await site.getByRole('heading', { name: 'Data Science Community', level: 1 }).waitFor();
    await check('a private community');

    await site.getByRole('navigation', { name: 'Communities' }).getByRole('link', { name: 'Digital Skills Network' }).click();
    await site.getByRole('button', { name: 'Share thoughts, ideas, or updates' }).click();
    await site.getByRole('tab', { name: 'Question' }).waitFor();
    await check('the publisher');
  });
});
