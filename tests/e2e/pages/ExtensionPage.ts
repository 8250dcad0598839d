import type { Locator, Page } from 'playwright-core';
import { READY_MARK } from '../../../components/common/readyMark';

/** What every extension page object shares: its URL, the ready mark, keyboard helpers. */
export abstract class ExtensionPage {
  protected abstract readonly path: string;

  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  url(hash = ''): string {
    return `chrome-extension://${this.extensionId}/${this.path}${hash}`;
  }

  /** Loads the page in a fresh document (never a same-document hash change) and waits for real content. */
  protected async load(hash = ''): Promise<void> {
    // Background tabs get no animation frames, and Playwright waits for two before each click.
    await this.page.bringToFront();
    if (this.page.url().startsWith(this.url())) await this.page.goto('about:blank');
    await this.page.goto(this.url(hash));
    await this.waitUntilReady();
  }

  /** Waits for the 'digital-friend:ready' User Timing mark: the first render of real content. */
  async waitUntilReady(): Promise<void> {
    await this.page.waitForFunction((mark) => performance.getEntriesByName(mark, 'mark').length > 0, READY_MARK);
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilReady();
  }

  /** The element that has keyboard focus now. */
  get focused(): Locator {
    return this.page.locator('*:focus');
  }

  async isFocused(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => el === document.activeElement).catch(() => false);
  }

  /**
   * Presses Tab, as a keyboard user would, until `target` has focus. Fails with the path focus
   * took when it never gets there.
   */
  async tabTo(target: Locator, maxPresses = 40): Promise<void> {
    await target.waitFor();
    const path: string[] = [];
    for (let i = 0; i < maxPresses; i += 1) {
      await this.page.keyboard.press('Tab');
      if (await this.isFocused(target)) return;
      path.push(
        await this.page
          .evaluate(() => {
            const el = document.activeElement;
            if (!el) return '(nothing)';
            const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
            return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${name ? ` "${name}"` : ''}`;
          })
          .catch(() => '?'),
      );
    }
    throw new Error(`Tab never reached ${target.toString()} after ${maxPresses} presses. Focus went: ${path.join(' → ')}`);
  }

  /** Widest content in CSS pixels: more than the viewport means a horizontal scroll bar. */
  async scrollWidth(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth);
  }
}
