import type { Locator, Page } from 'playwright-core';
import { text } from '../harness/messages';
import type { SidePanelPage } from './SidePanelPage';

/**
 * Learn, in the side panel: a card per walkthrough with Start (or "Start again" / "Resume") and
 * "Practise offline", and the running walkthrough's current step. Starting opens (or focuses) the
 * site's tab, or a practice copy; both come back as the page to carry on in.
 */
export class LearnArea {
  constructor(readonly panel: SidePanelPage) {}

  get page(): Page {
    return this.panel.page;
  }

  async open(): Promise<this> {
    await this.panel.open('learn');
    return this;
  }

  card(lessonId: string): Locator {
    return this.page.locator(`li[data-lesson="${lessonId}"]`);
  }

  /** The live-start button, whatever progress has made its words ("Start", "Start again", "Resume"). */
  startButton(lessonId: string): Locator {
    const words = [text('learnStart'), text('learnStartAgain'), text('learnResume')].join('|');
    return this.card(lessonId).getByRole('button', { name: new RegExp(`^(${words}) `) });
  }

  practiseButton(lessonId: string): Locator {
    return this.card(lessonId).getByRole('button', { name: new RegExp(`^${text('learnPractise')} `) });
  }

  /** The running walkthrough's step, with the same controls as the in-page callout. */
  get currentStep(): Locator {
    return this.page.locator('[data-testid="current-step"]');
  }

  /** Presses Start on a card and returns the site tab the walkthrough opened. */
  async startLive(lessonId: string): Promise<Page> {
    return this.startAndCatchTab(this.startButton(lessonId), (url) => /^https:/.test(url));
  }

  /** Presses "Practise offline" and returns the practice copy's tab (practice.html#<lessonId>). */
  async startPractice(lessonId: string): Promise<Page> {
    return this.startAndCatchTab(this.practiseButton(lessonId), (url) => url.includes(`/practice.html#${lessonId}`));
  }

  private async startAndCatchTab(button: Locator, wanted: (url: string) => boolean): Promise<Page> {
    const context = this.page.context();
    await button.waitFor();
    const opened = context.waitForEvent('page', { predicate: (p) => p !== this.page, timeout: 15_000 });
    await button.click();
    const page = await opened;
    await page.waitForURL((url) => wanted(url.href), { timeout: 15_000 });
    return page;
  }
}
