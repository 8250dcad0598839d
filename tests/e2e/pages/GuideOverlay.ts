import type { Locator, Page } from 'playwright-core';
import { SPOTLIGHT_MARK } from '../../../lib/overlay/guide';
import type { MessageKey } from '../../../lib/i18n/messages';
import { text } from '../harness/messages';

/** What each spotlight draw records: `performance.mark(SPOTLIGHT_MARK, { detail })`. */
export interface SpotlightDraw {
  lesson: string;
  step: number;
}

/**
 * The in-page guide as a person meets it: a callout (role=dialog, "Digital Friend guide") with the
 * step, its buttons and a spotlight, inside the <digital-friend-guide> host. The end-to-end build
 * opens its shadow root, so these locators reach in; the production build keeps it closed.
 * Works the same on a site tab and on a practice copy (practice.html#<lessonId>).
 */
export class GuideOverlay {
  constructor(readonly page: Page) {}

  /** The host element the guide adds to the page; absent where no walkthrough runs. */
  get host(): Locator {
    return this.page.locator('digital-friend-guide');
  }

  /**
   * The callout (role=dialog). Found inside the host rather than by its accessible name: the
   * callout carries both aria-label ("Digital Friend guide") and aria-labelledby (the step's
   * heading), and aria-labelledby wins, so its name is the step title.
   */
  get callout(): Locator {
    return this.host.locator('[role="dialog"]');
  }

  get title(): Locator {
    return this.callout.locator('h2');
  }

  /** "Step 2 of 4", or the lesson title once finished. */
  get counter(): Locator {
    return this.callout.locator('p.n');
  }

  /** The red warning shown when a step's target cannot be found. */
  get warning(): Locator {
    return this.callout.locator('p.w');
  }

  button(key: MessageKey): Locator {
    return this.callout.getByRole('button', { name: text(key), exact: true });
  }

  get nextButton(): Locator {
    return this.button('guideNext');
  }
  get backButton(): Locator {
    return this.button('guideBack');
  }
  get finishButton(): Locator {
    return this.button('guideFinish');
  }
  get showMeButton(): Locator {
    return this.button('guideShowMe');
  }
  get exitButton(): Locator {
    return this.button('guideExit');
  }
  get closeButton(): Locator {
    return this.button('guideClose');
  }
  get doneItButton(): Locator {
    return this.button('guideDoneIt');
  }
  get skipButton(): Locator {
    return this.button('guideSkip');
  }
  get reportButton(): Locator {
    return this.button('guideReport');
  }

  /** The words of the step counter for step `n` (1-based) of `total`. */
  static stepOf(n: number, total: number): string {
    return text('guideStepOf').replace('$N$', String(n)).replace('$TOTAL$', String(total));
  }

  /** Waits until the callout shows step `n` (1-based) of `total`. */
  async waitForStep(n: number, total: number, timeout = 15_000): Promise<void> {
    await this.counter.filter({ hasText: GuideOverlay.stepOf(n, total) }).waitFor({ timeout });
  }

  /** Waits for "You have finished this walkthrough". */
  async waitForFinished(timeout = 15_000): Promise<void> {
    await this.title.filter({ hasText: text('guideFinishedTitle') }).waitFor({ timeout });
  }

  /**
   * Goes back to step 1 with the guide's Back button. Learn resumes a walkthrough left half-way
   * (it offers only "Resume" then), so a test that needs the first step calls this after starting.
   */
  async rewind(): Promise<void> {
    await this.counter.waitFor();
    for (let i = 0; i < 10 && (await this.backButton.count()) > 0; i += 1) {
      const before = await this.counter.innerText();
      await this.backButton.click();
      await this.page.waitForFunction(
        ({ host, before }) => document.querySelector(host)?.shadowRoot?.querySelector('p.n')?.textContent !== before,
        { host: 'digital-friend-guide', before },
      );
    }
  }

  /** Every spotlight drawn in this document so far, oldest first. */
  async spotlightDraws(): Promise<SpotlightDraw[]> {
    return this.page.evaluate(
      (mark) => performance.getEntriesByName(mark, 'mark').map((e) => (e as PerformanceMark).detail as { lesson: string; step: number }),
      SPOTLIGHT_MARK,
    );
  }

  /** Waits for a spotlight on step `step` (0-based) of `lesson`, beyond the first `after` draws. */
  async waitForSpotlight(lesson: string, step: number, { after = 0, timeout = 15_000 } = {}): Promise<void> {
    await this.page.waitForFunction(
      ({ mark, lesson, step, after }) =>
        performance
          .getEntriesByName(mark, 'mark')
          .slice(after)
          .some((e) => {
            const d = (e as PerformanceMark).detail as { lesson?: string; step?: number } | null;
            return d?.lesson === lesson && d.step === step;
          }),
      { mark: SPOTLIGHT_MARK, lesson, step, after },
      { timeout },
    );
  }

  /** The spotlight's box in viewport pixels, or null while it is hidden. */
  async spotlightBox(): Promise<{ left: number; top: number; width: number; height: number } | null> {
    return this.host.evaluate((host) => {
      const spot = host.shadowRoot?.querySelector<HTMLElement>('.s');
      if (!spot || spot.hidden) return null;
      const r = spot.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    });
  }

  /**
   * Whether the spotlight surrounds `target` now (it is drawn a few pixels outside the element).
   * The spotlight is positioned on the next frame after a change, so this polls briefly.
   */
  async spotlightSurrounds(target: Locator, timeout = 3_000): Promise<boolean> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const [spot, box] = await Promise.all([this.spotlightBox(), target.boundingBox()]);
      if (spot && box) {
        const inside = spot.left <= box.x && spot.top <= box.y && spot.left + spot.width >= box.x + box.width && spot.top + spot.height >= box.y + box.height;
        const close = box.x - spot.left < 16 && box.y - spot.top < 16;
        if (inside && close) return true;
      }
      if (Date.now() > deadline) return false;
      await this.page.waitForTimeout(50);
    }
  }

  /** Alt+Shift+F: brings keyboard focus back to the callout's heading from anywhere on the page. */
  async focusWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Alt+Shift+KeyF');
    await this.page.waitForFunction(() => document.activeElement?.localName === 'digital-friend-guide');
  }

  /** Presses Tab until the guide button `key` has focus, then Enter: the keyboard way to press it. */
  async pressWithKeyboard(key: MessageKey, maxPresses = 12): Promise<void> {
    const wanted = text(key);
    for (let i = 0; i < maxPresses; i += 1) {
      await this.page.keyboard.press('Tab');
      const focused = await this.host
        .evaluate((host) => {
          const el = host.shadowRoot?.activeElement;
          return el?.localName === 'button' ? (el.textContent ?? '') : '';
        })
        .catch(() => '');
      if (focused === wanted) {
        await this.page.keyboard.press('Enter');
        return;
      }
    }
    throw new Error(`Tab never reached the guide's "${wanted}" button`);
  }
}
