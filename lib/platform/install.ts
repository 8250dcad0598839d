import { browser } from 'wxt/browser';

/** On first install only (not on update or browser update), open the welcome page. */
export function registerInstallHandler(): () => void {
  const listener = (details: { reason: string }) => {
    if (details.reason !== 'install') return;
    void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  };
  browser.runtime.onInstalled.addListener(listener);
  return () => browser.runtime.onInstalled.removeListener(listener);
}
