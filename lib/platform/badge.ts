import { browser } from 'wxt/browser';

/**
 * Thin adapter over the toolbar button's badge. Screen readers do not read badge text, so the
 * button's title (its accessible name and tooltip) says the same thing in words.
 */
export async function showBadge({ text, title, color }: { text: string; title: string; color: string }): Promise<void> {
  await Promise.all([
    browser.action.setBadgeBackgroundColor({ color }),
    browser.action.setBadgeText({ text }),
    browser.action.setTitle({ title }),
  ]);
}

/** Removes the badge and puts back the button's usual title. */
export async function clearBadge(title: string): Promise<void> {
  await Promise.all([browser.action.setBadgeText({ text: '' }), browser.action.setTitle({ title })]);
}
