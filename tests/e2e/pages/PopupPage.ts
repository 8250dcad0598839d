import type { Locator } from 'playwright-core';
import { text } from '../harness/messages';
import { ExtensionPage } from './ExtensionPage';

/**
 * The toolbar popup, loaded in a tab (automation cannot click the toolbar button). It behaves the
 * same: its button opens the real side panel, then the popup closes itself.
 */
export class PopupPage extends ExtensionPage {
  protected readonly path = 'popup.html';

  async open(): Promise<this> {
    await this.load();
    return this;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get openDigitalFriendButton(): Locator {
    return this.page.getByRole('button', { name: text('popupOpenSidePanel') });
  }

  async openDigitalFriend(): Promise<void> {
    await this.openDigitalFriendButton.click();
  }

  async openDigitalFriendWithKeyboard(): Promise<void> {
    await this.tabTo(this.openDigitalFriendButton);
    // The popup closes itself while the key is still going down; that is success, not an error.
    await this.page.keyboard.press('Enter').catch((error: unknown) => {
      if (!/closed/i.test(String(error))) throw error;
    });
  }

  /** Resolves when the popup has closed itself, as it does after opening the side panel. */
  async waitUntilClosed(timeout = 5_000): Promise<void> {
    if (!this.page.isClosed()) await this.page.waitForEvent('close', { timeout });
  }
}
