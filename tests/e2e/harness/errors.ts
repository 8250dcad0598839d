import type { BrowserContext, ConsoleMessage, Page, Worker } from 'playwright-core';

/** One console error or uncaught error raised by the extension's own code. */
export interface ExtensionError {
  source: 'console' | 'pageerror' | 'service-worker';
  /** The page or worker it came from. */
  url: string;
  text: string;
}

/**
 * Collects every console error and uncaught error from the extension's pages (popup, side panel,
 * welcome, … opened as tabs) and from its service worker, for the whole browser context.
 *
 * Web pages (the site fixtures) are ignored: a CSP violation on x.com is the site's business, and
 * tests about it assert it directly.
 *
 * Known gap: Playwright reports no uncaught exceptions from service workers, so a small hook
 * turns them into `console.error` as soon as each worker is seen. An error thrown while the
 * worker's script is first evaluated happens before that; it stops the worker from registering,
 * which `launchExtension` reports instead.
 */
export class ExtensionErrorLog {
  readonly entries: ExtensionError[] = [];
  private readonly allowed: RegExp[] = [];
  private readonly watchedPages = new WeakSet<Page>();
  private readonly watchedWorkers = new WeakSet<Worker>();

  constructor(private readonly extensionOrigin: string) {}

  /** Starts watching every current and future page and service worker of the context. */
  watch(context: BrowserContext): void {
    for (const page of context.pages()) this.watchPage(page);
    context.on('page', (page) => this.watchPage(page));
    for (const worker of context.serviceWorkers()) void this.watchWorker(worker);
    context.on('serviceworker', (worker) => void this.watchWorker(worker));
  }

  /** Everything recorded since `mark()` returned `from`, minus what the current test allowed. */
  since(from: number): ExtensionError[] {
    return this.entries.slice(from).filter((e) => !this.allowed.some((re) => re.test(e.text)));
  }

  mark(): number {
    return this.entries.length;
  }

  /** Lets the current test produce errors matching `pattern` (for tests that provoke them). */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  clearAllowed(): void {
    this.allowed.length = 0;
  }

  static format(errors: readonly ExtensionError[]): string {
    return errors.map((e) => `  [${e.source}] ${e.url}\n    ${e.text.split('\n').join('\n    ')}`).join('\n');
  }

  private isExtension(url: string): boolean {
    return url.startsWith(this.extensionOrigin);
  }

  private watchPage(page: Page): void {
    if (this.watchedPages.has(page)) return;
    this.watchedPages.add(page);
    page.on('console', (message) => {
      // Playwright repeats a service worker's messages on the pages it serves; count them once.
      const worker = message.worker();
      if (message.type() !== 'error' || (worker && this.watchedWorkers.has(worker))) return;
      const url = pageUrlOf(page, message);
      if (this.isExtension(url)) this.entries.push({ source: 'console', url, text: message.text() });
    });
    page.on('pageerror', (error) => {
      const url = page.url();
      if (this.isExtension(url)) this.entries.push({ source: 'pageerror', url, text: error.stack ?? String(error) });
    });
  }

  private async watchWorker(worker: Worker): Promise<void> {
    if (this.watchedWorkers.has(worker) || !this.isExtension(worker.url())) return;
    this.watchedWorkers.add(worker);
    worker.on('console', (message) => {
      if (message.type() === 'error') this.entries.push({ source: 'service-worker', url: worker.url(), text: message.text() });
    });
    await worker
      .evaluate(() => {
        const marker = '__dfErrorHook';
        const scope = self as unknown as Record<string, unknown> & typeof globalThis;
        if (scope[marker]) return;
        scope[marker] = true;
        scope.addEventListener('error', (event: ErrorEvent) => console.error(`Uncaught ${String(event.error?.stack ?? event.message)}`));
        scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
          const reason = event.reason as { stack?: string } | undefined;
          console.error(`Unhandled rejection ${String(reason?.stack ?? reason)}`);
        });
      })
      // The worker may already be stopping; the next one is hooked when it starts.
      .catch(() => undefined);
  }
}

function pageUrlOf(page: Page, message: ConsoleMessage): string {
  const url = page.url();
  return url && url !== 'about:blank' ? url : message.location().url;
}
