import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { createEntry, type JournalEntry } from '../../lib/journal/entry';
import { MAX_FILE_BYTES, toJournalFile } from '../../lib/journal/transfer';
import type { Settings } from '../../lib/settings/settings';
import { expect, test } from './fixtures';
import { axeViolations, describeViolations } from './harness/axe';
import { text } from './harness/messages';
import { ROOT } from './harness/paths';
import { JournalPage } from './pages/JournalPage';
import type { SidePanelPage } from './pages/SidePanelPage';

// Export and import of the journal (#4) in Chromium, as a person does it: export, wipe with
// "Reset everything", import, and everything is back; bad and hostile files are refused or shown
// as text; closing the panel part-way through an import leaves all of it or none of it.
//
// Firefox's private browsing (IndexedDB refused, w3c/webextensions#534) cannot be run here: there is
// no Firefox on this machine. The last test makes Chromium refuse IndexedDB the way Firefox does,
// which runs the real fallback in the real build; tests/unit/lib/db/open.test.ts covers the rest.

const fixture = (name: string) => join(ROOT, 'tests', 'fixtures', 'imports', name);
const DAY = 86_400_000;

/** A stored journal row as IndexedDB holds it (the entry plus its search words). */
type Row = JournalEntry & { words: string[] };

interface ChromeStorage {
  chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
}

/**
 * Every row of the journal, read straight from IndexedDB (not through the app), in key order.
 * A database that does not exist yet is left uncreated and reads as empty.
 */
function journalRows(page: Page): Promise<Row[]> {
  return page.evaluate(
    () =>
      new Promise<Row[]>((resolve, reject) => {
        const request = indexedDB.open('digital-friend');
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = (event) => {
          event.preventDefault();
          if (request.error?.name === 'AbortError') resolve([]);
          else reject(request.error);
        };
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('entries')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('entries').objectStore('entries').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as Row[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

const storedSettings = (page: Page) => page.evaluate(async () => (await (globalThis as unknown as ChromeStorage).chrome.storage.local.get('settings')).settings);

/** A journal file made now, so its dates are recent (entries deleted over 30 days ago are purged when the journal opens). */
function journalFile(count: number, settings: Settings, label = 'entry'): string {
  const now = Date.now();
  const entries = Array.from({ length: count }, (_, i): JournalEntry => {
    const at = new Date(now - 20 * DAY + i * 1_000);
    const base = createEntry(
      {
        text: `${label} ${i}: a reflection about posting on Viva Engage, writing a blog and a café chat with the team.`,
        tags: i % 3 === 0 ? ['policy', 'viva-engage'] : [],
        private: i % 4 === 1,
        lessonId: i % 5 === 2 ? 'viva-engage-start-conversation' : undefined,
        promptId: i % 6 === 3 ? 'weekly-reflection' : undefined,
      },
      at,
      `e-${at.getTime().toString(36).padStart(9, '0')}-${label.slice(0, 4)}${String(i).padStart(6, '0')}`,
    );
    return i % 7 === 4 ? { ...base, updatedAt: new Date(at.getTime() + 60_000).toISOString(), deletedAt: new Date(now - 2 * DAY).toISOString() } : base;
  });
  return JSON.stringify(toJournalFile(entries, settings, new Date(now)));
}

/** The export and import panel (#journal/transfer), by the words people read. */
class TransferPanel {
  constructor(readonly panel: SidePanelPage) {}

  get page(): Page {
    return this.panel.page;
  }

  async open(): Promise<this> {
    await this.panel.open('journal');
    await this.page.evaluate(() => {
      location.hash = '#journal/transfer';
    });
    await this.page.getByRole('heading', { name: text('transferHeading') }).waitFor();
    return this;
  }

  get fileInput(): Locator {
    return this.page.getByLabel(text('transferImportLabel'));
  }

  get errors(): Locator {
    return this.page.getByTestId('import-errors');
  }

  get confirmation(): Locator {
    return this.page.getByTestId('import-confirm');
  }

  get progress(): Locator {
    return this.page.getByTestId('import-progress');
  }

  get done(): Locator {
    return this.page.getByTestId('import-done');
  }

  async choose(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.fileInput.setInputFiles(file);
    await this.page.getByRole('button', { name: text('transferCheckButton') }).click();
  }

  async chooseAndConfirm(file: Parameters<TransferPanel['choose']>[0], useFileSettings: boolean): Promise<void> {
    await this.choose(file);
    await this.confirmation.waitFor();
    if (useFileSettings) await this.page.getByRole('radio', { name: text('transferSettingsUse') }).check();
    await this.importButton.click();
  }

  get importButton(): Locator {
    return this.confirmation.getByRole('button', { name: /^Import / });
  }

  /** Clicks an export button and returns the downloaded file's name and text. */
  async export(button: 'transferExportJson' | 'transferExportMarkdown'): Promise<{ name: string; text: string; ms: number }> {
    const started = Date.now();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: text(button) }).click()]);
    const ms = Date.now() - started;
    const path = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8'), ms };
  }
}

const byId = (rows: Row[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

test.beforeEach(async ({ clearStorage, serviceWorker }) => {
  await clearStorage();
  // Every test starts from an empty journal (the profile is shared by the tests in this file).
  await serviceWorker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('digital-friend');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
});

test('export everything, reset everything, import the file: the journal and settings are exactly as they were', async ({ sidePanel }) => {
  const transfer = await new TransferPanel(sidePanel).open();
  const settings: Settings = { promptDay: 2, promptTime: '09:15', promptEnabled: false };
  await transfer.chooseAndConfirm({ name: 'seed.json', mimeType: 'application/json', buffer: Buffer.from(journalFile(60, settings, 'seed')) }, true);
  await expect.poll(() => transfer.done.textContent()).toContain('60 entries added');
  const before = byId(await journalRows(transfer.page));
  expect(before).toHaveLength(60);
  expect(before.filter((r) => r.private).length).toBeGreaterThan(0);
  expect(before.filter((r) => r.deletedAt).length).toBeGreaterThan(0);
  expect(before.filter((r) => r.lessonId).length).toBeGreaterThan(0);
  expect(before.filter((r) => r.promptId).length).toBeGreaterThan(0);
  expect(await storedSettings(transfer.page)).toEqual(settings);

  const exported = await transfer.export('transferExportJson');
  expect(exported.name).toMatch(/^digital-friend-journal-\d{4}-\d\d-\d\d\.json$/);
  await expect.poll(() => transfer.page.getByTestId('export-status').textContent()).toMatch(/Download digital-friend-journal-.*\.json/);

  // Wipe, as a person would: Settings → Reset everything.
  await sidePanel.open('settings');
  await sidePanel.settings.resetButton.click();
  await sidePanel.settings.confirmResetButton.click();
  await sidePanel.settings.resetDoneBanner.waitFor();
  expect(await journalRows(sidePanel.page)).toEqual([]);
  expect(await storedSettings(sidePanel.page)).toBeUndefined();

  await transfer.open();
  await transfer.choose({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await expect.poll(() => transfer.confirmation.textContent()).toContain('Importing it adds 60 entries and updates 0 entries');
  await transfer.page.getByRole('radio', { name: text('transferSettingsUse') }).check();
  await transfer.importButton.click();
  await expect.poll(() => transfer.done.textContent()).toContain('Import complete: 60 entries added and 0 entries updated.');

  const after = byId(await journalRows(transfer.page));
  expect(after).toHaveLength(before.length);
  after.forEach((row, i) => expect(row).toStrictEqual(before[i]));
  expect(await storedSettings(transfer.page)).toEqual(settings);
});

test('the Markdown export has one section per week, private entries marked, deleted ones left out', async ({ sidePanel }) => {
  const transfer = await new TransferPanel(sidePanel).open();
  await transfer.chooseAndConfirm({ name: 'seed.json', mimeType: 'application/json', buffer: Buffer.from(journalFile(30, { promptDay: 5, promptTime: '16:00', promptEnabled: true }, 'mark')) }, false);
  await transfer.done.waitFor();

  const md = await transfer.export('transferExportMarkdown');

  expect(md.name).toMatch(/^digital-friend-journal-\d{4}-\d\d-\d\d\.md$/);
  expect(md.text.startsWith('# Reflections journal\n')).toBe(true);
  expect(md.text).toMatch(/^## Week \d+, \d{4} \(/m);
  expect(md.text).toContain('(private)');
  expect(md.text).toContain('mark 0: a reflection');
  // Entry 4 is in Recently deleted.
  expect(md.text).not.toContain('mark 4: a reflection');
});

test('the same file imported twice is not doubled', async ({ sidePanel }) => {
  const transfer = await new TransferPanel(sidePanel).open();
  const file = { name: 'twice.json', mimeType: 'application/json', buffer: Buffer.from(journalFile(25, { promptDay: 5, promptTime: '16:00', promptEnabled: true }, 'twic')) };
  await transfer.chooseAndConfirm(file, false);
  await transfer.done.waitFor();
  const first = byId(await journalRows(transfer.page));

  await transfer.choose(file);
  await expect.poll(() => transfer.confirmation.textContent()).toContain('Importing it adds 0 entries and updates 25 entries that you already have');
  await transfer.importButton.click();
  await expect.poll(() => transfer.done.textContent()).toContain('0 entries added and 25 entries updated');
  expect(byId(await journalRows(transfer.page))).toEqual(first);
});

test('bad files are refused with what was wrong and where, and the journal is unchanged', async ({ sidePanel }) => {
  const transfer = await new TransferPanel(sidePanel).open();
  await transfer.chooseAndConfirm(fixture('valid.json'), false);
  await transfer.done.waitFor();
  const before = byId(await journalRows(transfer.page));

  const cases: Array<[string, RegExp]> = [
    ['empty.json', /The file is empty\./],
    ['truncated.json', /not valid JSON, or it was cut short/],
    ['newer-version.json', /made by a newer version of Digital Friend \(format 2; this version reads format 1\)\. Update Digital Friend/],
    ['proto-pollution.json', /Field __proto__: is not part of a Digital Friend export/],
    ['constructor-keys.json', /Entry 1 \(id e-mh0000041-fixt0041\), field constructor: is not part of a Digital Friend export/],
    ['duplicate-ids.json', /Entry 3 \(id e-mh0000050-fixt0050\): has the same id as entry 1/],
    ['future-dates.json', /Entry 1 \(id e-mh0000060-fixt0060\), field createdAt: is in the future/],
    ['invalid-dates.json', /Entry 2 \(id e-mh0000071-fixt0071\), field createdAt: is not a real date/],
    ['wrong-types.json', /Entry 1 \(id e-mh0000020-fixt0020\), field private: expected boolean but found "yes"/],
  ];
  for (const [name, problem] of cases) {
    await transfer.choose(fixture(name));
    await transfer.errors.waitFor();
    const summary = await transfer.errors.textContent();
    expect(summary, name).toContain(`${name} cannot be imported. Nothing has been imported and your journal has not changed.`);
    expect(summary, name).toMatch(problem);
    expect(await transfer.errors.evaluate((el) => el === document.activeElement), `${name}: the error summary takes focus`).toBe(true);
  }

  expect(byId(await journalRows(transfer.page))).toEqual(before);
  expect(await transfer.page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted ?? null)).toBeNull();
});

test('a file over 50 MB is refused before it is read', async ({ sidePanel }) => {
  // By path: Playwright hands large files to the browser from disk, as a person's file chooser does.
  const dir = mkdtempSync(join(tmpdir(), 'df-huge-'));
  try {
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    const transfer = await new TransferPanel(sidePanel).open();
    await transfer.choose(huge);
    await transfer.errors.waitFor();
    expect(await transfer.errors.textContent()).toContain('The selected file must be smaller than 50 MB. It is 50.0 MB.');
    expect(await journalRows(transfer.page)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hostile HTML in an imported entry is shown as text and never runs', async ({ sidePanel }) => {
  const transfer = await new TransferPanel(sidePanel).open();
  await transfer.chooseAndConfirm(fixture('hostile-text.json'), false);
  await transfer.done.waitFor();
  const page = transfer.page;

  for (const hash of ['#journal', '#journal/entry/e-mh0000010-fixt0010', '#journal/entry/e-mh0000012-fixt0012', '#journal/search?q=hostile']) {
    await page.evaluate((h) => {
      location.hash = h;
    }, hash);
    await page.getByText('Hostile image', { exact: false }).or(page.getByText('click me', { exact: false })).first().waitFor();
    // Give an onerror handler, had the markup been parsed, every chance to run.
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __dfPwned?: unknown }).__dfPwned ?? null,
      images: document.querySelectorAll('main img').length,
      scripts: [...document.querySelectorAll('main script')].length,
      javascriptLinks: [...document.querySelectorAll('a')].filter((a) => a.getAttribute('href')?.trim().toLowerCase().startsWith('javascript:')).length,
    }));
    expect(state, hash).toEqual({ pwned: null, images: 0, scripts: 0, javascriptLinks: 0 });
  }
  await page.evaluate(() => {
    location.hash = '#journal/entry/e-mh0000010-fixt0010';
  });
  await expect.poll(() => page.locator('main').textContent()).toContain('<img src=x onerror="window.__dfPwned=1">Hostile image');
});

test('closing the panel part-way through a big import leaves all of it or none of it, never part', async ({ sidePanel, context }) => {
  const transfer = await new TransferPanel(sidePanel).open();
  await transfer.chooseAndConfirm(fixture('valid.json'), false);
  await transfer.done.waitFor();
  const before = byId(await journalRows(transfer.page));
  const TOTAL = 30_000;

  await transfer.choose({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(journalFile(TOTAL, { promptDay: 5, promptTime: '16:00', promptEnabled: true }, 'kill')) });
  await transfer.confirmation.waitFor({ timeout: 30_000 });
  await transfer.importButton.click();
  // The first progress report: some entries are written inside the (uncommitted) transaction.
  await transfer.progress.getByText(/Imported [1-9][\d,]* of 30,000 entries/).waitFor({ timeout: 30_000 });
  const said = await transfer.progress.textContent();
  await transfer.page.close();

  const reopened = await context.newPage();
  try {
    await reopened.goto(transfer.panel.url('#journal'));
    const after = byId(await journalRows(reopened));
    const outcome = after.length === before.length ? 'none' : after.length === before.length + TOTAL ? 'all' : 'PART';
    console.info(`Closed at "${said}": ${outcome} of the import was kept (${after.length} rows).`);
    expect(outcome).not.toBe('PART');
    // Before the last chunk the transaction cannot have committed, so none of it may be there.
    if (!said?.includes('30,000 of 30,000')) expect(outcome).toBe('none');
    if (outcome === 'none') expect(after).toEqual(before);
    else expect(after.filter((row) => !row.id.includes('kill'))).toEqual(before);
  } finally {
    await reopened.close();
  }
});

test('10,000 entries: import and export through the panel, with progress shown, and every entry found by search', async ({ sidePanel, extensionId }) => {
  const transfer = await new TransferPanel(sidePanel).open();
  const file = { name: 'ten-thousand.json', mimeType: 'application/json', buffer: Buffer.from(journalFile(10_000, { promptDay: 5, promptTime: '16:00', promptEnabled: true }, 'tenk')) };
  await transfer.choose(file);
  await transfer.confirmation.waitFor({ timeout: 30_000 });

  const started = Date.now();
  await transfer.importButton.click();
  await transfer.done.waitFor({ timeout: 30_000 });
  const importMs = Date.now() - started;
  expect(await transfer.done.textContent()).toContain('10,000 entries added');

  const exported = await transfer.export('transferExportJson');
  expect(JSON.parse(exported.text).entries).toHaveLength(10_000);
  console.info(`10,000 entries: import ${importMs} ms (click to success banner), export ${exported.ms} ms (click to download).`);
  // The budgets (3 s and 1 s) are measured by npm run bench; here only a generous bound, so a busy CI machine does not fail the story.
  expect(importMs).toBeLessThan(9_000);
  expect(exported.ms).toBeLessThan(4_000);

  // The import built the search index in the same transaction: every live entry is found at once.
  // Every 7th entry (i % 7 = 4) is in "recently deleted", which search leaves out: 10,000 − 1,428.
  const journal = await new JournalPage(sidePanel.page, extensionId).open('/search');
  await journal.search('CAFE');
  await journal.searchStatus.filter({ hasText: text('journalSearchMany').replace('$COUNT$', '8,572') }).waitFor();
  await journal.search('tenk 9999');
  await journal.searchStatus.filter({ hasText: text('journalSearchOne') }).waitFor();
  expect(await journal.page.getByRole('article').count()).toBe(1);
});

test('every state of the panel has no WCAG 2.2 AA violations: a refused file, the confirmation, success and an export', async ({ sidePanel }) => {
  const transfer = await new TransferPanel(sidePanel).open();
  const check = async (state: string) => {
    const violations = await axeViolations(transfer.page);
    expect(violations, `${state}:\n${describeViolations(violations)}`).toEqual([]);
  };
  await check('the panel');

  await transfer.choose(fixture('wrong-types.json'));
  await transfer.errors.waitFor();
  await check('a refused file');

  await transfer.choose(fixture('valid.json'));
  await transfer.confirmation.waitFor();
  await check('the confirmation, with the settings question');

  await transfer.importButton.click();
  await transfer.done.waitFor();
  await transfer.page.getByRole('button', { name: text('transferExportJson') }).click();
  await transfer.page.getByTestId('export-status').getByRole('link').waitFor();
  await check('after an import and an export');
});

test('when the browser refuses to store anything (as Firefox private browsing does), the panel says so, keeps notes for the session and exports them', async ({ sidePanel, context }) => {
  // Firefox's refusal, made in Chromium before any of the page's own code runs.
  await sidePanel.page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    };
  });
  const transfer = await new TransferPanel(sidePanel).open();
  const banner = transfer.page.getByRole('region', { name: text('storageWarningTitle') });
  await banner.waitFor();
  expect(await banner.textContent()).toContain(text('storageWarningBrowser'));

  const seed = journalFile(8, { promptDay: 5, promptTime: '16:00', promptEnabled: true }, 'priv');
  await transfer.chooseAndConfirm({ name: 'private.json', mimeType: 'application/json', buffer: Buffer.from(seed) }, false);
  await expect.poll(() => transfer.done.textContent()).toContain('8 entries added');

  // The panel is closed and opened again in the same browser session: the notes are still there.
  await sidePanel.reload();
  await banner.waitFor();
  await transfer.page.evaluate(() => {
    location.hash = '#journal';
  });
  await transfer.page.getByText('priv 7: a reflection', { exact: false }).waitFor();

  const [download] = await Promise.all([transfer.page.waitForEvent('download'), banner.getByRole('button', { name: text('storageWarningExport') }).click()]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { entries: JournalEntry[] };
  const original = JSON.parse(seed) as { entries: JournalEntry[] };
  const sorted = (list: JournalEntry[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  expect(sorted(exported.entries)).toStrictEqual(sorted(original.entries));
  await banner.getByRole('link', { name: /Download digital-friend-journal-/ }).waitFor();

  // Nothing reached the device's IndexedDB, as in Firefox, where nothing can.
  const other = await context.newPage();
  try {
    await other.goto(sidePanel.url('#settings'));
    expect(await journalRows(other)).toEqual([]);
    expect(await other.getByRole('region', { name: text('storageWarningTitle') }).count()).toBe(0);
  } finally {
    await other.close();
  }
});

test('the panel fits a 320 px wide side panel without scrolling sideways, in every state', async ({ sidePanel }) => {
  await sidePanel.page.setViewportSize({ width: 320, height: 640 });
  const transfer = await new TransferPanel(sidePanel).open();
  const fits = async (state: string) => expect(await sidePanel.scrollWidth(), `${state} at 320 px`).toBeLessThanOrEqual(320);
  await fits('the panel');
  await transfer.choose(fixture('invalid-dates.json'));
  await transfer.errors.waitFor();
  await fits('a refused file, with long entry ids');
  await transfer.choose(fixture('valid.json'));
  await transfer.confirmation.waitFor();
  await fits('the confirmation');
  await transfer.importButton.click();
  await transfer.done.waitFor();
  await transfer.page.getByRole('button', { name: text('transferExportJson') }).click();
  await transfer.page.getByTestId('export-status').getByRole('link').waitFor();
  await fits('an export link');
});
