import type { BrowserContext, Page, Worker } from 'playwright-core';

/**
 * Chrome's real side panel is not a tab, and Playwright does not attach to it. The DevTools
 * protocol still lists it as a `page` target with the panel's URL, which is enough to prove it
 * opened. Area-by-area tests load sidepanel.html in an ordinary tab instead.
 */

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Every DevTools target of the browser (pages, side panels, workers, browser UI). */
export async function listTargets(context: BrowserContext): Promise<TargetInfo[]> {
  // A CDP session needs a page to hang from. Not the popup: it closes itself once it has opened
  // the panel. A throwaway page is fine if nothing else is open.
  const existing = context.pages().find((p) => !p.isClosed() && !p.url().includes('/popup.html'));
  const page: Page = existing ?? (await context.newPage());
  const session = await context.newCDPSession(page);
  try {
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    return targetInfos;
  } finally {
    await session.detach().catch(() => undefined);
    if (!existing) await page.close();
  }
}

export async function sidePanelTargets(context: BrowserContext, extensionId: string): Promise<TargetInfo[]> {
  const prefix = `chrome-extension://${extensionId}/sidepanel.html`;
  return (await listTargets(context)).filter((t) => t.type === 'page' && t.url.startsWith(prefix));
}

export async function isSidePanelOpen(context: BrowserContext, extensionId: string): Promise<boolean> {
  return (await sidePanelTargets(context, extensionId)).length > 0;
}

/**
 * Closes the side panel in every window (chrome.sidePanel.close, Chrome 141+), so a test can
 * open it again and see that its own action did it. Resolves once no panel target is left.
 */
export async function closeSidePanels(context: BrowserContext, extensionId: string, serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { sidePanel: { close(o: { windowId: number }): Promise<void> }; windows: { getAll(): Promise<{ id?: number }[]> } } }).chrome;
    for (const win of await api.windows.getAll()) {
      if (win.id !== undefined) await api.sidePanel.close({ windowId: win.id }).catch(() => undefined);
    }
  });
  const deadline = Date.now() + 5_000;
  while (await isSidePanelOpen(context, extensionId)) {
    if (Date.now() > deadline) throw new Error('The side panel did not close');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
