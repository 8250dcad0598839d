import { READY_MARK } from '../../../components/common/readyMark';
import { MEMORY_ROW_PREFIX } from '../../../lib/db/open';
import type { MessageKey } from '../../../lib/i18n/messages';
import { text } from '../../e2e/harness/messages';
import type { ElementRef, FirefoxExtension } from '../harness/firefox';

/**
 * The journal in the side panel document (sidepanel.html#journal), opened as a tab in Firefox.
 * Controls are found by their role and the words a person reads (the en-GB messages), as the
 * Chromium page objects do; the functions passed to `evaluate` run in the page.
 */
export class JournalTab {
  constructor(readonly firefox: FirefoxExtension) {}

  async open(route = ''): Promise<this> {
    await this.firefox.open(`sidepanel.html#journal${route}`);
    await this.waitUntilReady();
    return this;
  }

  /** Reloads the document (a new page, a new database connection) and waits for real content. */
  async reload(): Promise<void> {
    await this.firefox.reload();
    await this.waitUntilReady();
  }

  /** The 'digital-friend:ready' User Timing mark: the first render of real content. */
  async waitUntilReady(): Promise<void> {
    await this.firefox.waitFor('the page to show its content', (mark) => performance.getEntriesByName(mark, 'mark').length > 0, [READY_MARK]);
  }

  /** A button by its visible words (a `<button>`, or a link styled and marked as one). */
  async button(key: MessageKey, within = 'body'): Promise<ElementRef> {
    return this.firefox.waitFor(
      `the "${text(key)}" button`,
      (name, scope) =>
        Array.from(document.querySelectorAll<HTMLElement>(`${scope} button, ${scope} [role="button"]`)).find(
          (el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim() === name,
        ) as unknown as ElementRef | undefined,
      [text(key), within],
    );
  }

  /** New entry → type → the quiet "Saved at …" → Done. Ends on the entry's own page. */
  async write(words: string): Promise<void> {
    await this.firefox.click(await this.button('journalNew'));
    const box = await this.firefox.waitFor('the entry text box', () => document.querySelector('#entry-text') as unknown as ElementRef | null, []);
    await this.firefox.type(box, words);
    await this.waitUntilSaved();
    await this.firefox.click(await this.button('journalDone'));
    await this.button('journalEdit');
  }

  async waitUntilSaved(): Promise<void> {
    const saved = text('journalSavedAt').replace(/\$[A-Z]+\$/, '').trim();
    await this.firefox.waitFor(
      `"${saved} …"`,
      (prefix) => document.querySelector('[data-testid="journal-saved"]')?.textContent?.startsWith(prefix) ?? false,
      [saved],
    );
  }

  /** Waits until the page shows these words in its main content. */
  async waitForText(words: string, timeoutMs = 5_000): Promise<void> {
    await this.firefox.waitFor(`"${words}" on the page`, (w) => document.querySelector('main')?.textContent?.includes(w) ?? false, [words], timeoutMs);
  }

  // The private-browsing banner (components/common/StorageWarning.tsx)

  /**
   * The banner's words, or null when there is none. Ask once the page has shown something it read
   * from the database: by then the banner has been told where the data lives.
   */
  async storageWarning(): Promise<string | null> {
    return this.firefox.evaluate((title) => {
      const region = Array.from(document.querySelectorAll('[role="region"]')).find((el) => {
        const label = document.getElementById(el.getAttribute('aria-labelledby') ?? '');
        return label?.textContent?.trim() === title;
      });
      return region ? (region.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
    }, text('storageWarningTitle'));
  }

  /** Waits for the banner (it appears once the database has been tried) and returns its words. */
  async waitForStorageWarning(): Promise<string> {
    return this.firefox.waitFor(
      'the storage warning banner',
      () => document.querySelector('[data-testid="storage-warning"]')?.textContent?.replace(/\s+/g, ' ').trim(),
      [],
    );
  }

  /** Presses the banner's "Export your notes" and returns the words of the download link it shows. */
  async exportFromWarning(): Promise<string> {
    await this.firefox.click(await this.button('storageWarningExport', '[data-testid="storage-warning"]'));
    return this.firefox.waitFor('the export to be ready', () => document.querySelector('[data-testid="export-status"] a')?.textContent?.trim(), []);
  }

  // What the browser holds, read from the page (the extension origin owns it)

  /** Whether this page is in a private window, as the extension sees it. */
  async inPrivateWindow(): Promise<boolean> {
    return this.firefox.evaluate(() => (globalThis as unknown as { browser: { extension: { inIncognitoContext: boolean } } }).browser.extension.inIncognitoContext);
  }

  /** Opens (and deletes) a throwaway IndexedDB database: 'ok', or the browser's error. */
  async tryIndexedDb(): Promise<string> {
    return this.firefox.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const name = `df-e2e-probe-${Math.random()}`;
          let request: IDBOpenDBRequest;
          try {
            request = indexedDB.open(name);
          } catch (error) {
            resolve(`${(error as DOMException).name}: ${(error as DOMException).message}`);
            return;
          }
          request.onsuccess = () => {
            request.result.close();
            indexedDB.deleteDatabase(name);
            resolve('ok');
          };
          request.onerror = () => resolve(`${request.error?.name}: ${request.error?.message}`);
        }),
    );
  }

  /** The words of every entry in the extension's IndexedDB on the device. */
  async entriesOnDevice(): Promise<string[]> {
    return this.firefox.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const request = indexedDB.open('digital-friend');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const all = db.transaction('entries').objectStore('entries').getAll();
            all.onsuccess = () => {
              db.close();
              resolve((all.result as { text: string }[]).map((entry) => entry.text));
            };
            all.onerror = () => reject(all.error);
          };
        }),
    );
  }

  /** The words of every entry in the in-memory database's copy in `storage.session` (one item per row). */
  async entriesInSessionCopy(): Promise<string[]> {
    return this.firefox.evaluate(async (prefix) => {
      const session = (globalThis as unknown as { browser: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).browser.storage.session;
      const items = await session.get(null);
      return Object.entries(items)
        .filter(([item]) => item.startsWith(`${prefix}entries:`))
        .map(([, row]) => (row as { text: string }).text);
    }, MEMORY_ROW_PREFIX);
  }
}
