import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerInstallHandler } from '../../../../lib/platform/install';

type InstalledDetails = Parameters<typeof fakeBrowser.runtime.onInstalled.trigger>[0];

const WELCOME = 'chrome-extension://test-extension-id/welcome.html';

/** Fires onInstalled and returns the URLs of the tabs opened as a result. */
async function install(reason: string) {
  const opened: (string | undefined)[] = [];
  fakeBrowser.tabs.onCreated.addListener((tab) => {
    opened.push(tab.url);
  });
  await fakeBrowser.runtime.onInstalled.trigger({ reason, temporary: false } as InstalledDetails);
  // The handler does not wait for tabs.create; let it settle before looking.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return opened;
}

describe('registerInstallHandler', () => {
  it('opens the welcome page on first install', async () => {
    registerInstallHandler();
    expect(await install('install')).toEqual([WELCOME]);
  });

  it.each(['update', 'chrome_update', 'shared_module_update'] as const)('opens nothing on %s', async (reason) => {
    registerInstallHandler();
    expect(await install(reason)).toEqual([]);
  });

  it('returns a teardown that stops it', async () => {
    const stop = registerInstallHandler();
    stop();
    expect(await install('install')).toEqual([]);
  });
});
