import type { FirefoxExtension } from '../harness/firefox';

/**
 * Firefox's sidebar, where the extension's side panel lives (`sidebar_action`). Firefox opens it
 * when the extension is installed, so a person has the panel there as well as any tab they open.
 * It is browser UI, reached through the browser window's own document (SidebarController).
 */
export class Sidebar {
  constructor(private readonly firefox: FirefoxExtension) {}

  /** The URL of the page the sidebar shows, or null when it is closed. */
  async shows(): Promise<string | null> {
    return this.firefox.inBrowserWindow(() => {
      const controller = (window as unknown as { SidebarController?: { isOpen: boolean } }).SidebarController;
      if (!controller?.isOpen) return null;
      const frame = document.getElementById('sidebar') as unknown as { contentDocument: Document | null } | null;
      const panel = frame?.contentDocument?.getElementById('webext-panels-browser') as unknown as { currentURI?: { spec: string } } | null;
      return panel?.currentURI?.spec ?? null;
    });
  }

  /** Closes it, as a person does with its × button; its page is unloaded. */
  async close(): Promise<void> {
    await this.firefox.inBrowserWindow(() => (window as unknown as { SidebarController: { hide(): unknown } }).SidebarController.hide());
    for (let tries = 0; (await this.shows()) !== null; tries += 1) {
      if (tries > 50) throw new Error('The sidebar did not close');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
