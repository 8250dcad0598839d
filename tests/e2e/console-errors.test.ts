import { expect, expectNoExtensionErrors, test } from './fixtures';
import { AREAS, areaLabel } from './pages/SidePanelPage';

// Every test fails on an extension console error anyway (fixtures.ts); this file walks every page
// on purpose, and proves that the net really catches what it should.

test('no extension page logs a console error or throws: popup, every side panel area, welcome', async ({
  popup,
  sidePanel,
  welcome,
  extensionErrors,
}) => {
  const mark = extensionErrors.mark();
  await popup.open();
  await welcome.open();
  for (const area of AREAS) {
    await sidePanel.open(area); // by deep link, in a fresh document
    expect(await sidePanel.currentNavLink.textContent()).toBe(areaLabel(area));
  }
  for (const area of AREAS) await sidePanel.navigateTo(areaLabel(area)); // and by navigating

  await new Promise((resolve) => setTimeout(resolve, 300));
  expectNoExtensionErrors(extensionErrors, mark);
});

test('the error net catches console errors and uncaught errors from pages and the service worker', async ({
  sidePanel,
  serviceWorker,
  extensionErrors,
}) => {
  extensionErrors.allow(/provoked/);
  const mark = extensionErrors.mark();
  await sidePanel.open();

  await sidePanel.page.evaluate(() => console.error('provoked: console.error in the side panel'));
  await sidePanel.page.evaluate(() => {
    setTimeout(() => {
      throw new Error('provoked: uncaught in the side panel');
    });
  });
  await serviceWorker.evaluate(() => {
    setTimeout(() => {
      throw new Error('provoked: uncaught in the service worker');
    });
    void Promise.reject(new Error('provoked: rejected in the service worker'));
  });

  await expect.poll(() => extensionErrors.entries.slice(mark).map((e) => e.source).sort()).toEqual([
    'console',
    'pageerror',
    'service-worker',
    'service-worker',
  ]);

  // Allowed, they pass; not allowed, the same check fails and lists them.
  expectNoExtensionErrors(extensionErrors, mark);
  extensionErrors.clearAllowed();
  expect(() => expectNoExtensionErrors(extensionErrors, mark)).toThrow(/logged 4 error\(s\)[\s\S]*provoked: uncaught in the service worker/);
  extensionErrors.allow(/provoked/);
});
