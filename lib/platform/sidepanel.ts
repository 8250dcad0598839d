import { browser } from 'wxt/browser';

/**
 * Opening the side panel needs a user gesture in both Chrome (`sidePanel.open`) and Firefox
 * (`sidebarAction.open`), and an `await` before the call loses the gesture. So the window id is
 * looked up when the page loads, and `openSidePanel` makes the call synchronously from the click.
 */
interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

type WithSidePanels = { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebarAction };

function apis(): WithSidePanels {
  // The polyfill's types know neither API, and the polyfill does not wrap `sidePanel`.
  const g = globalThis as { chrome?: WithSidePanels; browser?: WithSidePanels };
  return { sidePanel: g.chrome?.sidePanel, sidebarAction: g.browser?.sidebarAction ?? (browser as WithSidePanels).sidebarAction };
}

export function canOpenSidePanel(): boolean {
  const { sidePanel, sidebarAction } = apis();
  return Boolean(sidePanel?.open ?? sidebarAction?.open);
}

/** Resolves the current window id ahead of the click. */
export async function currentWindowId(): Promise<number | undefined> {
  const win = await browser.windows.getCurrent();
  return win.id;
}

/** Call straight from a click handler, with the id from `currentWindowId`. */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const { sidePanel, sidebarAction } = apis();
  if (sidebarAction?.open) return sidebarAction.open();
  if (sidePanel?.open && windowId !== undefined) return sidePanel.open({ windowId });
  return Promise.reject(new Error('No side panel API in this browser'));
}
