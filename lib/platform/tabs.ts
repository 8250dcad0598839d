import { browser } from 'wxt/browser';
import { matchUrl } from '../walkthrough/url';

/** Injects the guide into one tab, top frame only (it reaches same-origin iframes itself). */
export async function injectGuide(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/guide.js'] });
}

/**
 * Focuses a tab already on the site (going to `url` unless it already matches `stepPattern`),
 * or opens a new one. Returns the tab id and whether it is navigating.
 */
export async function openOrFocus(url: string, originPattern: string, stepPattern: string): Promise<{ tabId: number; loading: boolean }> {
  const [existing] = await browser.tabs.query({ url: originPattern, currentWindow: true });
  if (existing?.id !== undefined) {
    const alreadyThere = existing.url !== undefined && matchUrl(stepPattern, existing.url);
    await browser.tabs.update(existing.id, alreadyThere ? { active: true } : { active: true, url });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true });
    return { tabId: existing.id, loading: !alreadyThere || existing.status !== 'complete' };
  }
  const created = await browser.tabs.create({ url, active: true });
  return { tabId: created.id!, loading: true };
}

export async function openPage(path: string): Promise<number> {
  const created = await browser.tabs.create({ url: browser.runtime.getURL(path as '/practice.html'), active: true });
  return created.id!;
}

export async function sendToTab(tabId: number, message: unknown): Promise<void> {
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}

/** Extension pages (practice copies) hear runtime broadcasts; nobody listening is fine. */
export async function broadcast(message: unknown): Promise<void> {
  await browser.runtime.sendMessage(message).catch(() => undefined);
}
