import type { Locator } from 'playwright-core';
import type { MessageKey } from '../../../lib/i18n/messages';
import { text } from '../harness/messages';
import { ExtensionPage } from './ExtensionPage';

/** A message with its $PLACEHOLDERS$ filled in order, as the extension shows it. */
export function words(key: MessageKey, ...subs: string[]): string {
  let i = 0;
  return text(key).replace(/\$[A-Z_]+\$/g, () => subs[i++] ?? '');
}

/** What a stored entry looks like, for checks straight against the database. */
export interface StoredEntrySummary {
  id: string;
  text: string;
  tags: string[];
  private: boolean;
  lessonId?: string;
  promptId?: string;
  deletedAt?: string;
}

/**
 * The journal, in the side panel document (sidepanel.html#journal/…) loaded in a tab. Views are
 * routes: `open('/search?q=cafe')` goes straight to one. Entries are written through the editor
 * like a person would; `entries()` and `clear()` read and empty the extension's own IndexedDB
 * from the page, for checks and for a clean start.
 */
export class JournalPage extends ExtensionPage {
  protected readonly path = 'sidepanel.html';

  async open(route = ''): Promise<this> {
    await this.load(`#journal${route}`);
    return this;
  }

  // Navigation and views

  get views(): Locator {
    return this.page.getByRole('navigation', { name: text('journalNavLabel') });
  }

  viewLink(key: MessageKey): Locator {
    return this.views.getByRole('link', { name: text(key), exact: true });
  }

  /** The open view's h2 (the h1 is always "Journal"). */
  get viewHeading(): Locator {
    return this.page.locator('main h2').first();
  }

  get newEntryButton(): Locator {
    return this.page.getByRole('button', { name: text('journalNew') });
  }

  // Lists

  get feed(): Locator {
    return this.page.getByRole('feed', { name: text('journalFeedLabel') });
  }

  get cards(): Locator {
    return this.feed.getByRole('article');
  }

  card(containing: string): Locator {
    return this.cards.filter({ hasText: containing });
  }

  get count(): Locator {
    return this.page.getByTestId('journal-count');
  }

  /** The words marked as search matches in the list, in order. */
  async marks(): Promise<string[]> {
    return this.feed.locator('mark').allTextContents();
  }

  // Editor

  get textBox(): Locator {
    return this.page.locator('#entry-text');
  }

  get tagsBox(): Locator {
    return this.page.getByRole('textbox', { name: text('journalTagsLabel') });
  }

  get privateBox(): Locator {
    return this.page.getByRole('checkbox', { name: text('journalPrivateLabel') });
  }

  get savedStatus(): Locator {
    return this.page.getByTestId('journal-saved');
  }

  get doneButton(): Locator {
    return this.page.getByRole('button', { name: text('journalDone'), exact: true });
  }

  get editButton(): Locator {
    return this.page.getByRole('button', { name: text('journalEdit'), exact: true });
  }

  get deleteButton(): Locator {
    return this.page.getByRole('button', { name: text('journalDelete'), exact: true });
  }

  get lessonNote(): Locator {
    return this.page.getByTestId('journal-lesson');
  }

  /** Waits for the quiet "Saved at …" status. */
  async waitUntilSaved(): Promise<void> {
    await this.savedStatus.filter({ hasText: text('journalSavedAt').replace(/\$[A-Z]+\$/, '').trim() }).waitFor();
  }

  /** New entry → type → wait for the autosave → Done. Returns on the entry's own page. */
  async write(words: string, options: { tags?: string; private?: boolean } = {}): Promise<void> {
    await this.newEntryButton.click();
    await this.textBox.waitFor();
    await this.textBox.fill(words);
    if (options.tags) await this.tagsBox.fill(options.tags);
    if (options.private) await this.privateBox.check();
    await this.waitUntilSaved();
    await this.doneButton.click();
    await this.editButton.waitFor();
  }

  // Search

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: text('journalSearchLabel') });
  }

  get searchStatus(): Locator {
    return this.page.getByTestId('journal-search-status');
  }

  async search(query: string): Promise<void> {
    await this.searchBox.fill(query);
    await this.searchBox.press('Enter');
    await this.page.waitForURL((url) => url.hash.startsWith('#journal/search?q='));
  }

  // Banner

  get notice(): Locator {
    return this.page.getByTestId('journal-notice');
  }

  get undoButton(): Locator {
    return this.notice.getByRole('button', { name: text('journalUndo') });
  }

  // The database, read and emptied from the page (the extension origin owns it)

  async entries(): Promise<StoredEntrySummary[]> {
    return this.page.evaluate(
      () =>
        new Promise<StoredEntrySummary[]>((resolve, reject) => {
          const open = indexedDB.open('digital-friend');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const all = db.transaction('entries').objectStore('entries').getAll();
            all.onsuccess = () => {
              db.close();
              resolve((all.result as StoredEntrySummary[]).map(({ id, text, tags, private: p, lessonId, promptId, deletedAt }) => ({ id, text, tags, private: p, lessonId, promptId, deletedAt })));
            };
            all.onerror = () => reject(all.error);
          };
        }),
    );
  }

  /** Empties the journal and the editor's crash copy, for a test that needs a clean start. */
  async clear(): Promise<void> {
    await this.open();
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          localStorage.clear();
          const open = indexedDB.open('digital-friend');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            // The entries and the search index built from them, as the repo's clear() does.
            const tables = ['entries', 'searchIndex', 'searchPending'];
            const tx = db.transaction(tables, 'readwrite');
            for (const table of tables) tx.objectStore(table).clear();
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
  }
}
