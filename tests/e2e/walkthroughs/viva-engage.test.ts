import type { Page } from 'playwright-core';
import { expect, test } from '../fixtures';
import { GuideOverlay } from '../pages/GuideOverlay';
import { LearnArea } from '../pages/LearnArea';

// Viva Engage walkthroughs, run as a person would: started from Learn in the side panel, on the
// fixture served at https://engage.cloud.microsoft (tests/fixtures/sites/viva-engage), and again
// on each offline practice copy. The fixture mounts content late, swaps nodes on re-render and
// routes with pushState, so these runs also prove the guide keeps up with all three.

const EDITOR = '[contenteditable="true"][role="textbox"]';

/** The fixture's signs of life: its shell, then each route's content (after a fake fetch). */
async function contentMounted(site: Page, count = 1): Promise<void> {
  await site.waitForFunction((n) => performance.getEntriesByName('ve-fixture:content', 'mark').length >= n, count);
}

test('engage-start-conversation: a person opens a community, writes and posts, and the guide follows every step', async ({ sites, sidePanel, clearStorage }) => {
  await clearStorage();
  await sites.serve('viva-engage');
  const learn = await new LearnArea(sidePanel).open();
  const site = await learn.startLive('engage-start-conversation');
  const guide = new GuideOverlay(site);
  expect(new URL(site.url()).pathname).toBe('/main/feed');

  await guide.waitForStep(1, 5);
  await guide.waitForSpotlight('engage-start-conversation', 0);
  const community = site.getByRole('navigation', { name: 'Communities' }).getByRole('link', { name: 'Digital Skills Network' });
  expect(await guide.spotlightSurrounds(community)).toBe(true);
  await community.click();

  // pushState to the community; its publisher mounts after the "fetch".
  await guide.waitForStep(2, 5);
  expect(new URL(site.url()).pathname).toMatch(/^\/main\/groups\/[^/]+\/all$/);
  await site.getByRole('button', { name: 'Share thoughts, ideas, or updates' }).click();

  // A placeholder dialog, then the real one with the editor: that is what completes step 2.
  await guide.waitForStep(3, 5);
  await site.locator(`[role="dialog"] ${EDITOR}`).click();
  await site.keyboard.type('Hello everyone. I am new to this community and keen to learn.');

  await guide.waitForStep(4, 5);
  await site.getByRole('dialog').getByRole('button', { name: 'Post', exact: true }).click();

  await guide.waitForStep(5, 5);
  await expect.poll(() => site.locator('[role="article"]').first().textContent()).toContain('I am new to this community');
  expect(await learn.currentStep.textContent()).toContain('Your post is at the top');
  await guide.finishButton.click();
  await guide.waitForFinished();
  await site.close();
});

test('engage-reply-mention: a person opens a thread, replies and mentions a colleague from the typeahead', async ({ sites, sidePanel, clearStorage }) => {
  await clearStorage();
  await sites.serve('viva-engage');
  const learn = await new LearnArea(sidePanel).open();
  const site = await learn.startLive('engage-reply-mention');
  const guide = new GuideOverlay(site);

  await guide.waitForSpotlight('engage-reply-mention', 0);
  const draws = (await guide.spotlightDraws()).length;
  // Community → thread by pushState: the Reply button the guide pointed at is gone, and it must
  // find the thread page's own.
  await site.getByRole('article').first().getByRole('link', { name: '2 hours ago' }).click();
  await site.waitForURL(/\/main\/threads\//);
  await guide.waitForSpotlight('engage-reply-mention', 0, { after: draws });
  const reply = site.getByRole('article').getByRole('button', { name: 'Reply', exact: true });
  expect(await guide.spotlightSurrounds(reply)).toBe(true);
  await reply.click();

  await guide.waitForStep(2, 5);
  await site.getByRole('textbox', { name: 'Write a reply' }).click();
  await site.keyboard.type('Thanks Priya, this is useful. @Sa');

  await guide.waitForStep(3, 5);
  const suggestions = site.getByRole('listbox', { name: 'Suggested people' });
  expect(await guide.spotlightSurrounds(suggestions)).toBe(true);
  await suggestions.getByRole('option', { name: 'Sam Patel' }).click();

  await guide.waitForStep(4, 5);
  expect(await site.getByRole('textbox', { name: 'Write a reply' }).textContent()).toContain('Sam Patel');
  await site.getByRole('button', { name: 'Post', exact: true }).click();

  await guide.waitForStep(5, 5);
  await expect.poll(() => site.getByRole('article').textContent()).toContain('Sam Patel');
  await guide.finishButton.click();
  await guide.waitForFinished();
  await site.close();
});

test('engage-reply-mention: when no typeahead appears, the optional step skips itself', async ({ sites, sidePanel, clearStorage }) => {
  await clearStorage();
  await sites.serve('viva-engage');
  const learn = await new LearnArea(sidePanel).open();
  const site = await learn.startLive('engage-reply-mention');
  const guide = new GuideOverlay(site);

  await guide.waitForSpotlight('engage-reply-mention', 0);
  await site.getByRole('button', { name: 'Reply', exact: true }).first().click();
  await guide.waitForStep(2, 5);
  await site.getByRole('textbox', { name: 'Write a reply' }).click();
  // No @: the network's typeahead (unverified on the real site) never opens.
  await site.keyboard.type('Thanks, this is useful.');
  await guide.waitForStep(3, 5);
  // After the guide's 8 s wait, the optional step gives way to the next one.
  await guide.waitForStep(4, 5, 15_000);
  expect(await guide.warning.count()).toBe(0);
  await site.getByRole('button', { name: 'Post', exact: true }).click();
  await guide.waitForStep(5, 5);
  await guide.finishButton.click();
  await guide.waitForFinished();
  await site.close();
});

test('engage-join-community: a person searches, chooses from the suggestions, looks around first, then joins', async ({ sites, sidePanel, clearStorage }) => {
  await clearStorage();
  await sites.serve('viva-engage');
  const learn = await new LearnArea(sidePanel).open();
  const site = await learn.startLive('engage-join-community');
  const guide = new GuideOverlay(site);

  await guide.waitForSpotlight('engage-join-community', 0);
  const search = site.getByRole('combobox', { name: 'Search' });
  expect(await guide.spotlightSurrounds(search)).toBe(true);
  await search.click();
  await site.keyboard.type('Wellbeing');

  // Once the person pauses, the guide moves on and points at the suggestions, below which the
  // callout now sits, so the list is free to click.
  await guide.waitForStep(2, 5);
  const suggestions = site.getByRole('listbox', { name: 'Communities' });
  expect(await guide.spotlightSurrounds(suggestions)).toBe(true);
  await suggestions.getByRole('option', { name: /Wellbeing at Work/ }).click();

  await guide.waitForStep(3, 5);
  await contentMounted(site, 2);
  expect(await guide.spotlightSurrounds(site.getByRole('heading', { name: 'Wellbeing at Work', level: 1 }))).toBe(true);
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
  await site.close();
});

test('engage-ask-question: a person opens the publisher, chooses Question, writes and posts', async ({ sites, sidePanel, clearStorage }) => {
  await clearStorage();
  await sites.serve('viva-engage');
  const learn = await new LearnArea(sidePanel).open();
  const site = await learn.startLive('engage-ask-question');
  const guide = new GuideOverlay(site);

  await guide.waitForSpotlight('engage-ask-question', 0);
  await site.getByRole('button', { name: 'Share thoughts, ideas, or updates' }).click();

  await guide.waitForStep(2, 5);
  const question = site.getByRole('tab', { name: 'Question' });
  expect(await guide.spotlightSurrounds(question)).toBe(true);
  await question.click();

  // Choosing a type swaps the editor node; the guide points at the new one.
  await guide.waitForStep(3, 5);
  const editor = site.getByRole('textbox', { name: 'What do you want to ask?' });
  expect(await guide.spotlightSurrounds(editor)).toBe(true);
  await editor.click();
  await site.keyboard.type('Has anyone run a user research session online? Which tool worked well?');

  await guide.waitForStep(4, 5);
  await site.getByRole('dialog').getByRole('button', { name: 'Post', exact: true }).click();

  await guide.waitForStep(5, 5);
  await expect.poll(() => site.locator('[role="article"]').first().textContent()).toContain('Which tool worked well?');
  expect(await site.locator('[role="article"]').first().textContent()).toContain('Question');
  await guide.finishButton.click();
  await guide.waitForFinished();
  await site.close();
});
