import { closeSidePanels, expect, isSidePanelOpen, test } from './fixtures';

// The welcome page a person sees right after installing.

test('the welcome page explains how Digital Friend treats their privacy', async ({ welcome }) => {
  await welcome.open();
  expect(await welcome.heading.textContent()).toBe('Welcome to Digital Friend');
  await expect.poll(() => welcome.privacyHeading.isVisible()).toBe(true);
  const points = await welcome.privacyPoints.allTextContents();
  expect(points).toEqual([
    'Everything stays on this device. Nothing is sent anywhere.',
    'Digital Friend asks for access to a website only when you start a walkthrough there, and never posts for you.',
    'There are no accounts, no tracking and no adverts.',
  ]);
});

test('"Open the side panel" on the welcome page opens the side panel', async ({ welcome, context, extensionId, serviceWorker }) => {
  await closeSidePanels(context, extensionId, serviceWorker);
  await welcome.open();
  await welcome.openSidePanelButton.click();
  await expect.poll(() => isSidePanelOpen(context, extensionId), { timeout: 5_000 }).toBe(true);
  // Unlike the popup, the welcome tab stays open for reading.
  expect(welcome.page.isClosed()).toBe(false);
});
