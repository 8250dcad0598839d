import type { Locator, Page } from 'playwright-core';
import { AREAS, AREA_LABEL, type Area } from '../../../components/sidepanel/areas';
import { text } from '../harness/messages';
import { ExtensionPage } from './ExtensionPage';

export { AREAS, type Area };

/** The words on an area's navigation link ("Learn", "Settings", …). */
export const areaLabel = (area: Area): string => text(AREA_LABEL[area]);

/**
 * The side panel app (Learn · Journal · Drafts · Packs · Settings), loaded in a tab. Chrome's
 * real panel shows the same document; tests that need the real panel check its target instead.
 */
export class SidePanelPage extends ExtensionPage {
  protected readonly path = 'sidepanel.html';
  readonly settings: SettingsSection;

  constructor(page: Page, extensionId: string) {
    super(page, extensionId);
    this.settings = new SettingsSection(this);
  }

  /** Opens the panel at an area's deep link (`sidepanel.html#settings`), or at its home. */
  async open(area?: Area): Promise<this> {
    await this.load(area ? `#${area}` : '');
    return this;
  }

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: text('navLabel') });
  }

  navLink(label: string): Locator {
    return this.navigation.getByRole('link', { name: label, exact: true });
  }

  /** The link marked aria-current="page". */
  get currentNavLink(): Locator {
    return this.navigation.locator('a[aria-current="page"]');
  }

  /** The open area's h1. */
  get heading(): Locator {
    return this.page.locator('main h1');
  }

  /** Goes to an area by clicking its link. */
  async navigateTo(label: string): Promise<void> {
    await this.navLink(label).click();
    await this.currentNavLink.filter({ hasText: label }).waitFor();
    await this.heading.waitFor();
  }

  /** Goes to an area with the keyboard only: Tab to its link, then Enter. */
  async navigateByKeyboard(label: string): Promise<void> {
    await this.tabTo(this.navLink(label));
    await this.page.keyboard.press('Enter');
    await this.currentNavLink.filter({ hasText: label }).waitFor();
    await this.heading.waitFor();
  }

  async headingHasFocus(): Promise<boolean> {
    await this.heading.waitFor();
    // The heading takes focus in an effect after it renders.
    return this.page
      .waitForFunction(() => document.activeElement?.matches('main h1') ?? false, undefined, { timeout: 2_000 })
      .then(() => true, () => false);
  }
}

/** Settings: the weekly prompt form and "Reset everything". */
export class SettingsSection {
  private readonly page: Page;

  constructor(private readonly panel: SidePanelPage) {
    this.page = panel.page;
  }

  /** Tab to the day list and type the start of the day's name, as keyboard users pick from a list. */
  async chooseDayWithKeyboard(day: string): Promise<void> {
    await this.panel.tabTo(this.daySelect);
    await this.page.keyboard.type(day);
  }

  /** Tab to the time box, select what is there and type over it. */
  async enterTimeWithKeyboard(time: string): Promise<void> {
    await this.panel.tabTo(this.timeInput);
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(time);
  }

  /** Tab to "Save settings" and press Enter. */
  async saveWithKeyboard(): Promise<void> {
    await this.panel.tabTo(this.saveButton);
    await this.page.keyboard.press('Enter');
  }

  /** Tab to "Reset everything" and press Enter: the confirmation question appears. */
  async startResetWithKeyboard(): Promise<void> {
    await this.panel.tabTo(this.resetButton);
    await this.page.keyboard.press('Enter');
    await this.resetConfirmation.waitFor();
  }

  get daySelect(): Locator {
    return this.page.getByLabel(text('settingsPromptDay'), { exact: true });
  }

  get timeInput(): Locator {
    return this.page.getByLabel(text('settingsPromptTime'), { exact: true });
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: text('settingsSave') });
  }

  get errorSummary(): Locator {
    return this.page.locator('.govuk-error-summary');
  }

  get timeError(): Locator {
    return this.page.locator('.govuk-error-message', { hasText: text('settingsPromptTimeError') });
  }

  get savedBanner(): Locator {
    return this.page.getByRole('alert').filter({ hasText: text('settingsSaved') });
  }

  get resetButton(): Locator {
    return this.page.getByRole('button', { name: text('resetStart'), exact: true });
  }

  get resetConfirmation(): Locator {
    return this.page.getByRole('group', { name: text('resetConfirmQuestion') });
  }

  get confirmResetButton(): Locator {
    return this.page.getByRole('button', { name: text('resetConfirm') });
  }

  get cancelResetButton(): Locator {
    return this.page.getByRole('button', { name: text('resetCancel'), exact: true });
  }

  get resetDoneBanner(): Locator {
    return this.page.getByRole('alert').filter({ hasText: text('resetDone') });
  }

  /** The chosen day as its visible name ("Friday"). */
  async chosenDay(): Promise<string> {
    return this.daySelect.evaluate((el) => {
      const select = el as HTMLSelectElement;
      return select.selectedOptions[0]?.textContent ?? '';
    });
  }

  async chosenTime(): Promise<string> {
    return this.timeInput.inputValue();
  }
}
