/**
 * The end-to-end fixture: Chromium with the extension loaded, handed to each test.
 *
 *   import { test, expect } from './fixtures';
 *
 *   test('a user opens Settings', async ({ sidePanel }) => {
 *     await sidePanel.open('settings');
 *     expect(await sidePanel.heading.textContent()).toBe('Settings');
 *   });
 *
 * One browser, with a fresh temporary profile, per test FILE: launching costs about a second,
 * and this machine has two cores. Tests in a file share the profile, so a test that needs clean
 * extension storage asks for `clearStorage` and calls it. A test that needs a brand-new profile
 * (install-time behaviour) goes in its own file.
 *
 * Every test also fails if the extension's pages or service worker logged a console error or
 * threw an uncaught error while it ran. A test that provokes errors on purpose calls
 * `extensionErrors.allow(/pattern/)` first.
 *
 * The network is closed: every http(s) request that no fixture route answers is aborted and
 * listed in `blockedRequests.urls`. Serve a site for one test with `sites.serve('x')` or
 * `sites.route(url, file, { csp })`; ./harness/network has the same as plain functions
 * (`serveSite(context, 'x')`, `routeSite(context, url, file, options)`) for other harnesses.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { expect, test as base } from 'vitest';
import { ExtensionErrorLog, type ExtensionError } from './harness/errors';
import { currentServiceWorker, launchExtension, type LaunchedExtension } from './harness/launch';
import { blockExternalRequests, routeSite, serveSite, type BlockedRequests, type RouteOptions } from './harness/network';
import { PopupPage } from './pages/PopupPage';
import { SidePanelPage } from './pages/SidePanelPage';
import { WelcomePage } from './pages/WelcomePage';

export { expect };
export { routeSite, serveSite, loadSite, type RouteOptions, type SiteDefinition } from './harness/network';
export { closeSidePanels, isSidePanelOpen, listTargets, sidePanelTargets } from './harness/sidepanel';

interface Browserful extends LaunchedExtension {
  errors: ExtensionErrorLog;
  blocked: BlockedRequests;
}

export interface ExtensionFixtures {
  /** File-scoped: the launched browser with everything below. */
  extension: Browserful;
  /** File-scoped: the persistent browser context (one per test file). */
  context: BrowserContext;
  /** File-scoped: the extension's id, as in chrome-extension://<id>/. */
  extensionId: string;
  /** The extension's service worker as it is when the test starts (MV3 restarts it at will). */
  serviceWorker: Worker;
  /** File-scoped: every console and uncaught error from extension pages and the worker. */
  extensionErrors: ExtensionErrorLog;
  /** File-scoped: http(s) requests aborted because no fixture route answered them. */
  blockedRequests: BlockedRequests;
  /** Auto: fails the test if the extension logged an error while it ran. */
  failOnExtensionErrors: void;
  /** Empties storage.local and storage.session, as at install (settings back to defaults). */
  clearStorage: () => Promise<void>;
  /** Deletes the extension's IndexedDB databases (progress, journal), as at install. */
  clearDatabases: () => Promise<void>;
  /**
   * Site fixtures for this test only (routes are removed when it ends):
   * `await sites.serve('x')` serves tests/fixtures/sites/x/site.json;
   * `await sites.route('https://x.com/i/*', 'x/home.html', { csp })` serves one file.
   */
  sites: {
    serve(site: Parameters<typeof serveSite>[1]): Promise<void>;
    route(url: string, fixturePath: string, options?: RouteOptions): Promise<void>;
  };
  /** A new tab, closed after the test. */
  page: Page;
  /** Page objects, each on its own new tab, closed after the test. Call `.open()` first. */
  popup: PopupPage;
  sidePanel: SidePanelPage;
  welcome: WelcomePage;
}

/** Console messages arrive a moment after the code that caused them. */
const SETTLE_MS = 150;

/** Fails with every error the extension logged since `mark`, listed, if there is any. */
export function expectNoExtensionErrors(log: ExtensionErrorLog, mark = 0): void {
  const errors: ExtensionError[] = log.since(mark);
  if (errors.length > 0) {
    throw new Error(`The extension logged ${errors.length} error(s):\n${ExtensionErrorLog.format(errors)}`);
  }
}

export const test = base.extend<ExtensionFixtures>({
  extension: [
    // eslint-disable-next-line no-empty-pattern -- Vitest reads fixture dependencies from the pattern.
    async ({}, use) => {
      const launched = await launchExtension();
      const errors = new ExtensionErrorLog(launched.origin);
      errors.watch(launched.context);
      const blocked = await blockExternalRequests(launched.context);
      try {
        await use({ ...launched, errors, blocked });
      } finally {
        await launched.close();
      }
    },
    { scope: 'file' },
  ],
  context: [async ({ extension }, use) => use(extension.context), { scope: 'file' }],
  extensionId: [async ({ extension }, use) => use(extension.extensionId), { scope: 'file' }],
  extensionErrors: [async ({ extension }, use) => use(extension.errors), { scope: 'file' }],
  blockedRequests: [async ({ extension }, use) => use(extension.blocked), { scope: 'file' }],

  serviceWorker: async ({ extension }, use) => use(await currentServiceWorker(extension.context, extension.extensionId)),

  failOnExtensionErrors: [
    async ({ extensionErrors }, use) => {
      const mark = extensionErrors.mark();
      await use();
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      try {
        expectNoExtensionErrors(extensionErrors, mark);
      } finally {
        extensionErrors.clearAllowed();
      }
    },
    { auto: true },
  ],

  clearStorage: async ({ extension }, use) =>
    use(async () => {
      const worker = await currentServiceWorker(extension.context, extension.extensionId);
      await worker.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { storage: { local: { clear(): Promise<void> }; session: { clear(): Promise<void> } } } }).chrome;
        await api.storage.local.clear();
        await api.storage.session.clear();
      });
    }),

  clearDatabases: async ({ extension }, use) =>
    use(async () => {
      const worker = await currentServiceWorker(extension.context, extension.extensionId);
      await worker.evaluate(async () => {
        for (const { name } of await indexedDB.databases()) {
          if (!name) continue;
          await new Promise((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = () => resolve(null);
          });
        }
      });
    }),

  sites: async ({ context }, use) => {
    const removers: Array<() => Promise<void>> = [];
    await use({
      async serve(site) {
        removers.push(await serveSite(context, site));
      },
      async route(url, fixturePath, options) {
        removers.push(await routeSite(context, url, fixturePath, options));
      },
    });
    for (const remove of removers.reverse()) await remove().catch(() => undefined);
  },

  page: async ({ context }, use) => {
    const page = await context.newPage();
    await use(page);
    await page.close().catch(() => undefined);
  },
  popup: async ({ context, extensionId }, use) => {
    const page = await context.newPage();
    await use(new PopupPage(page, extensionId));
    await page.close().catch(() => undefined);
  },
  sidePanel: async ({ context, extensionId }, use) => {
    const page = await context.newPage();
    await use(new SidePanelPage(page, extensionId));
    await page.close().catch(() => undefined);
  },
  welcome: async ({ context, extensionId }, use) => {
    const page = await context.newPage();
    await use(new WelcomePage(page, extensionId));
    await page.close().catch(() => undefined);
  },
});
