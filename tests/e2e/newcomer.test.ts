/**
 * Issue #3's "done when": a newcomer can finish a practice walkthrough with the keyboard alone,
 * starting from the first thing the welcome page offers.
 */
import { text } from './harness/messages';
import { expect, test } from './fixtures';
import { GuideOverlay } from './pages/GuideOverlay';

const EDITOR = '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"][role="textbox"]';
const POST = 'button[data-testid="tweetButtonInline"]';

test('a newcomer tries the practice walkthrough from the welcome page, with the keyboard only', async ({ welcome, context }) => {
  await welcome.open();
  const tryIt = welcome.page.getByRole('button', { name: text('welcomeTryButton') });
  await welcome.tabTo(tryIt);
  const opening = context.waitForEvent('page', (p) => p.url().includes('/practice.html'));
  await welcome.page.keyboard.press('Enter');
  const practice = await opening;
  const guide = new GuideOverlay(practice);
  await guide.waitForSpotlight('x-write-post', 0);

  // Step 1: "Show me" takes the cursor to the box; Next moves on.
  await guide.focusWithShortcut();
  await guide.pressWithKeyboard('guideShowMe');
  expect(await practice.locator(EDITOR).evaluate((el) => el === document.activeElement)).toBe(true);
  await guide.focusWithShortcut();
  await guide.pressWithKeyboard('guideNext');
  await guide.waitForStep(2, 4);

  // Step 2: back to the box, and type.
  await guide.focusWithShortcut();
  await guide.pressWithKeyboard('guideShowMe');
  await practice.keyboard.type('Practising my first post.');
  await guide.waitForStep(3, 4);

  // Step 3: "Show me" puts focus on Post; Enter presses it.
  await guide.focusWithShortcut();
  await guide.pressWithKeyboard('guideShowMe');
  expect(await practice.locator(POST).evaluate((el) => el === document.activeElement)).toBe(true);
  await practice.keyboard.press('Enter');
  await guide.waitForStep(4, 4);

  await guide.focusWithShortcut();
  await guide.pressWithKeyboard('guideFinish');
  await guide.waitForFinished();
  await practice.close();
});
