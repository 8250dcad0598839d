import { closeSidePanels, expect, isSidePanelOpen, test } from './fixtures';

// A person clicks Digital Friend's toolbar button: the popup offers to open the side panel.

test('the popup shows what Digital Friend is and a button to open it', async ({ popup }) => {
  await popup.open();
  expect(await popup.heading.textContent()).toBe('Digital Friend');
  await expect.poll(() => popup.openDigitalFriendButton.isVisible()).toBe(true);
});

test('"Open Digital Friend" opens the side panel and closes the popup', async ({ popup, context, extensionId, serviceWorker }) => {
  await closeSidePanels(context, extensionId, serviceWorker);
  await popup.open();
  await popup.openDigitalFriend();
  await expect.poll(() => isSidePanelOpen(context, extensionId), { timeout: 5_000 }).toBe(true);
  await popup.waitUntilClosed();
});

test('a keyboard user opens the side panel from the popup with Tab and Enter', async ({ popup, context, extensionId, serviceWorker }) => {
  await closeSidePanels(context, extensionId, serviceWorker);
  await popup.open();
  await popup.openDigitalFriendWithKeyboard();
  await expect.poll(() => isSidePanelOpen(context, extensionId), { timeout: 5_000 }).toBe(true);
  await popup.waitUntilClosed();
});
