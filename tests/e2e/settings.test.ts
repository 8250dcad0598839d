import { expect, test } from './fixtures';

// Settings: when the weekly reflection prompt comes, and "Reset everything".

test.beforeEach(async ({ clearStorage }) => {
  await clearStorage();
});

test('a keyboard user changes the prompt to Monday 09:30, saves, and it is still set after a reload', async ({ sidePanel }) => {
  await sidePanel.open('settings');
  const { settings } = sidePanel;
  expect(await settings.chosenDay()).toBe('Friday');
  expect(await settings.chosenTime()).toBe('16:00');

  await settings.chooseDayWithKeyboard('Monday');
  await settings.enterTimeWithKeyboard('9:30');
  await settings.saveWithKeyboard();

  await settings.savedBanner.waitFor();
  expect(await sidePanel.isFocused(settings.savedBanner), 'the success message takes focus').toBe(true);
  // The form shows the time as it was saved, on the 24-hour clock.
  expect(await settings.chosenTime()).toBe('09:30');

  await sidePanel.reload();
  expect(await settings.chosenDay()).toBe('Monday');
  expect(await settings.chosenTime()).toBe('09:30');
});

test('an impossible time shows the error summary, and nothing is saved', async ({ sidePanel }) => {
  await sidePanel.open('settings');
  const { settings } = sidePanel;

  await settings.chooseDayWithKeyboard('Wednesday');
  await settings.enterTimeWithKeyboard('25:99');
  await settings.saveWithKeyboard();

  await settings.errorSummary.waitFor();
  expect(await sidePanel.isFocused(settings.errorSummary), 'the error summary takes focus').toBe(true);
  expect(await settings.errorSummary.textContent()).toContain('There is a problem');
  expect(await settings.timeError.isVisible()).toBe(true);
  // The summary's link leads to the field, and Settings stays open.
  await sidePanel.tabTo(settings.errorSummary.getByRole('link'));
  await sidePanel.page.keyboard.press('Enter');
  expect(await sidePanel.isFocused(settings.timeInput)).toBe(true);
  expect(await sidePanel.heading.textContent()).toBe('Settings');
  expect(await settings.savedBanner.count()).toBe(0);

  await sidePanel.reload();
  expect(await settings.chosenDay(), 'the day was not saved either').toBe('Friday');
  expect(await settings.chosenTime()).toBe('16:00');
});

test('cancelling "Reset everything" keeps everything and puts focus back on the button', async ({ sidePanel }) => {
  await sidePanel.open('settings');
  const { settings } = sidePanel;
  await settings.chooseDayWithKeyboard('Tuesday');
  await settings.saveWithKeyboard();
  await settings.savedBanner.waitFor();

  await settings.startResetWithKeyboard();
  expect(await sidePanel.isFocused(settings.resetConfirmation), 'the question takes focus').toBe(true);
  await sidePanel.tabTo(settings.cancelResetButton);
  await sidePanel.page.keyboard.press('Enter');

  await expect.poll(() => sidePanel.isFocused(settings.resetButton)).toBe(true);
  await sidePanel.reload();
  expect(await settings.chosenDay()).toBe('Tuesday');
});

test('confirming "Reset everything" deletes the saved settings', async ({ sidePanel }) => {
  await sidePanel.open('settings');
  const { settings } = sidePanel;
  await settings.chooseDayWithKeyboard('Sunday');
  await settings.enterTimeWithKeyboard('08:15');
  await settings.saveWithKeyboard();
  await settings.savedBanner.waitFor();

  await settings.startResetWithKeyboard();
  await sidePanel.tabTo(settings.confirmResetButton);
  await sidePanel.page.keyboard.press('Enter');

  await settings.resetDoneBanner.waitFor();
  expect(await sidePanel.isFocused(settings.resetDoneBanner), 'the confirmation takes focus').toBe(true);

  await sidePanel.reload();
  expect(await settings.chosenDay()).toBe('Friday');
  expect(await settings.chosenTime()).toBe('16:00');
});
