import type { Locator } from 'playwright-core';
import { text } from '../harness/messages';
import { ExtensionPage } from './ExtensionPage';

/** The page opened in a new tab when the extension is installed. */
export class WelcomePage extends ExtensionPage {
  protected readonly path = 'welcome.html';

  async open(): Promise<this> {
    await this.load();
    return this;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The "Your privacy" section: its heading and the list under it. */
  get privacyHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: text('welcomePrivacyHeading') });
  }

  get privacyPoints(): Locator {
    return this.page.locator(`h2:has-text("${text('welcomePrivacyHeading')}") + ul > li`);
  }

  get openSidePanelButton(): Locator {
    return this.page.getByRole('button', { name: text('welcomeOpenButton') });
  }
}
