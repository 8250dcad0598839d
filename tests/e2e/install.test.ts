import { expect, test } from './fixtures';
import { WelcomePage } from './pages/WelcomePage';

// A fresh profile per file, so the first thing this file sees is a first install.

test('the extension installs and its service worker starts without errors', async ({ serviceWorker, extensionId, extensionErrors }) => {
  expect(serviceWorker.url()).toBe(`chrome-extension://${extensionId}/background.js`);
  // The worker answers: it is running, not just registered.
  expect(await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id)).toBe(extensionId);
  expect(extensionErrors.since(0)).toEqual([]);
});

test('Chrome reports no manifest errors or install warnings for it', async ({ page, extensionId }) => {
  // chrome://extensions can read what Chrome thought of the manifest (unknown keys, bad values).
  await page.goto('chrome://extensions/');
  const info = await page.evaluate(
    (id) =>
      new Promise<{ manifestErrors: unknown[]; installWarnings: unknown[] }>((resolve) =>
        (globalThis as unknown as { chrome: { developerPrivate: { getExtensionInfo(id: string, cb: (i: never) => void): void } } }).chrome.developerPrivate.getExtensionInfo(id, resolve),
      ),
    extensionId,
  );
  expect({ manifestErrors: info.manifestErrors, installWarnings: info.installWarnings }).toEqual({
    manifestErrors: [],
    installWarnings: [],
  });
});

test('installing opens the welcome page in a new tab', async ({ context, extensionId }) => {
  const welcomeUrl = `chrome-extension://${extensionId}/welcome.html`;
  const tab =
    context.pages().find((p) => p.url() === welcomeUrl) ??
    (await context.waitForEvent('page', { predicate: (p) => p.url() === welcomeUrl, timeout: 10_000 }));
  const welcome = new WelcomePage(tab, extensionId);
  await welcome.waitUntilReady();
  expect(await welcome.heading.textContent()).toBe('Welcome to Digital Friend');
  expect(context.pages().filter((p) => p.url() === welcomeUrl)).toHaveLength(1);
});
