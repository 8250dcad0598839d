import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { text } from '../e2e/harness/messages';
import { failOnExtensionErrors } from './harness/errors';
import { FirefoxExtension, type ElementRef } from './harness/firefox';
import { JournalTab } from './pages/JournalTab';
import { Sidebar } from './pages/Sidebar';

// Issue #4: in a Firefox private window, or with "never remember history", extension IndexedDB
// fails (w3c/webextensions#534). The side panel must say so plainly, keep working in memory for
// the session (mirrored to storage.session), and offer an export before the data is lost.

describe('Firefox, "never remember history", extension allowed in private windows', () => {
  let firefox: FirefoxExtension;
  let journal: JournalTab;
  let sidebar: Sidebar;

  beforeAll(async () => {
    firefox = await FirefoxExtension.launch({ neverRememberHistory: true });
    journal = new JournalTab(firefox);
    sidebar = new Sidebar(firefox);
  });
  afterAll(() => firefox?.close());
  failOnExtensionErrors(() => firefox);

  test('Firefox refuses the extension its IndexedDB, and the side panel says so plainly', async () => {
    await journal.open();
    expect(await journal.inPrivateWindow()).toBe(true);
    // The browser's refusal itself: if a Firefox release fixes bugzilla 1982707, this says so first.
    expect(await journal.tryIndexedDb()).toMatch(/^InvalidStateError: .*did not allow mutations/);

    const banner = await journal.waitForStorageWarning();
    expect(banner).toContain(text('storageWarningTitle'));
    expect(banner).toContain(text('storageWarningBrowser'));
    expect(banner).toContain(text('storageWarningExport'));
  });

  test('the export offer saves the notes kept in memory to a file', async () => {
    await journal.open();
    await journal.write('Practised spotting a phishing email');

    const link = await journal.exportFromWarning();
    expect(link).toMatch(/^Download digital-friend-journal-\d{4}-\d\d-\d\d\.json/);

    // Firefox saved it, as it saves any download: the note is in the file.
    const saved = await waitForDownload(firefox.downloadsDir);
    expect(saved.name).toMatch(/^digital-friend-journal-\d{4}-\d\d-\d\d\.json$/);
    expect(saved.text).toContain('Practised spotting a phishing email');
  });

  test('with the sidebar open, as Firefox leaves it after install, a note can be written in a tab too', async () => {
    expect(await sidebar.shows()).toMatch(/\/sidepanel\.html/);
    await journal.open();
    await journal.write('Written while the sidebar was open');
  });

  // This suite found a bug here: each page kept its own in-memory database and mirrored all of it
  // to one storage.session item, so the idle sidebar's empty copy overwrote this tab's note, which
  // was gone after a reload. lib/db/open.ts now keeps one session item per row: each page writes
  // only the rows it changed, and copies in the rows other pages change.
  test('…and it is still there after a reload', async () => {
    await expect.poll(() => journal.entriesInSessionCopy()).toContain('Written while the sidebar was open');
    await journal.reload();
    await journal.waitForText('Written while the sidebar was open', 3_000);
    expect(await sidebar.shows()).toMatch(/\/sidepanel\.html/);
  });

  test('a quick note from the popup is kept too (the background is refused IndexedDB as well) and shows in the journal', async () => {
    await firefox.open('popup.html');
    const box = await firefox.waitFor('the quick note box', () => document.querySelector('#quick-note') as unknown as ElementRef | null, []);
    await firefox.type(box, 'Quick note in a private window');
    await firefox.click(await journal.button('quickNoteSave'));
    await firefox.waitFor('the saved message', (saved) => document.body.textContent?.includes(saved) ?? false, [text('quickNoteSaved')]);

    await journal.open();
    await journal.waitForText('Quick note in a private window');
    expect(await journal.entriesInSessionCopy()).toContain('Quick note in a private window');
  });

  test('with the side panel open only in this tab, a note is kept across a reload, in storage.session', async () => {
    await sidebar.close();
    await journal.open();
    await journal.write('Found the settings for two-step sign-in');
    // The in-memory database is copied to storage.session after each change.
    await expect.poll(() => journal.entriesInSessionCopy()).toContain('Found the settings for two-step sign-in');

    await journal.reload();
    await journal.waitForText('Found the settings for two-step sign-in');
    expect(await journal.waitForStorageWarning()).toContain(text('storageWarningBrowser'));
  });
});

async function waitForDownload(dir: string): Promise<{ name: string; text: string }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    // Firefox writes to a .part file, then renames it.
    const name = readdirSync(dir).find((file) => !file.endsWith('.part'));
    if (name) return { name, text: readFileSync(join(dir, name), 'utf8') };
    if (Date.now() > deadline) throw new Error(`No download in ${dir} after 10 s: ${readdirSync(dir).join(', ') || '(empty)'}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
