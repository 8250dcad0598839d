import type { Page } from 'playwright-core';
import { findLesson } from '../../lib/walkthrough/catalogue';
import { axeViolations, describeViolations, WCAG_TAGS } from './harness/axe';
import { text } from './harness/messages';
import { expect, test } from './fixtures';
import { GuideOverlay } from './pages/GuideOverlay';
import { JournalPage, words } from './pages/JournalPage';
import { LearnArea } from './pages/LearnArea';

// The journal (#4) as a person uses it: writing with autosave, searching, editing, deleting with
// undo, a quick note from the popup, "Reflect on this" after a walkthrough, keyboard only, and
// WCAG 2.2 AA on every view.

const LESSON = 'x-write-post';
const LESSON_TITLE = findLesson(LESSON)!.title;

async function journalIn(page: Page, extensionId: string): Promise<JournalPage> {
  const journal = new JournalPage(page, extensionId);
  await journal.clear();
  return journal.open();
}

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations.length, `${what} (${WCAG_TAGS.join(', ')}):\n${describeViolations(violations)}`).toBe(0);
}

test('a person writes an entry: it saves as they type, and shows with its formatting', async ({ sidePanel, extensionId }) => {
  const journal = await journalIn(sidePanel.page, extensionId);

  await journal.newEntryButton.click();
  await expect.poll(() => journal.isFocused(journal.textBox)).toBe(true);
  await journal.page.keyboard.type('Showed the team **Viva Engage**.\n\n- post *weekly*\n- see https://www.gov.uk/guidance');
  await journal.waitUntilSaved();

  // Saved as typed: no Save button was pressed.
  await expect.poll(async () => (await journal.entries()).map((e) => e.text)).toEqual(['Showed the team **Viva Engage**.\n\n- post *weekly*\n- see https://www.gov.uk/guidance']);
  expect(journal.page.url()).toMatch(/#journal\/entry\/e-[0-9a-z-]+\/edit$/);

  await journal.doneButton.click();
  await expect.poll(() => journal.page.locator('.df-entry-text strong').textContent()).toBe('Viva Engage');
  expect(await journal.page.locator('.df-entry-text li em').textContent()).toBe('weekly');
  const link = journal.page.locator('.df-entry-text a');
  expect(await link.getAttribute('href')).toBe('https://www.gov.uk/guidance');
  expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  expect(await link.getAttribute('target')).toBe('_blank');

  await journal.viewLink('journalNavEntries').click();
  await journal.card('Showed the team').waitFor();
  expect(await journal.count.textContent()).toBe(text('journalCountOne'));
});

test('search finds word prefixes whatever the accents and capitals, and marks them', async ({ sidePanel, extensionId }) => {
  const journal = await journalIn(sidePanel.page, extensionId);
  await journal.write('Coffee at the Café Rouge with the Ōmura team');
  await journal.open();
  await journal.write('Budget planning, nothing else');

  await journal.open('/search');
  await journal.search('CAFE omu');

  await journal.searchStatus.filter({ hasText: text('journalSearchOne') }).waitFor();
  expect(await journal.cards.count()).toBe(1);
  expect(await journal.marks()).toEqual(['Café', 'Ōmu']);
  expect(await journal.feed.textContent()).not.toContain('Budget');
});

test('editing an entry changes it in place', async ({ sidePanel, extensionId }) => {
  const journal = await journalIn(sidePanel.page, extensionId);
  await journal.write('First thoughts');

  await journal.editButton.click();
  await journal.textBox.waitFor();
  await journal.textBox.press('End');
  await journal.page.keyboard.type(', then second thoughts');
  await journal.tagsBox.fill('team, Policy');
  await journal.privateBox.check();
  await journal.waitUntilSaved();
  await journal.doneButton.click();

  await journal.page.getByText('First thoughts, then second thoughts').waitFor();
  const [entry] = await journal.entries();
  expect(entry).toMatchObject({ text: 'First thoughts, then second thoughts', tags: ['team', 'policy'], private: true });
  await journal.viewLink('journalNavEntries').click();
  await journal.card('second thoughts').getByText(text('journalPrivate'), { exact: true }).waitFor();
});

test('deleting says so with Undo; Undo brings it back, and Recently deleted can too', async ({ sidePanel, extensionId }) => {
  const journal = await journalIn(sidePanel.page, extensionId);
  await journal.write('Keep me');

  await journal.deleteButton.click();

  await journal.notice.waitFor();
  expect(await journal.notice.textContent()).toContain(text('journalDeletedNotice'));
  expect(await journal.isFocused(journal.notice)).toBe(true);
  await journal.page.getByText(text('journalNothingYet')).waitFor();
  expect((await journal.entries())[0]?.deletedAt).toBeTruthy();

  await journal.undoButton.click();
  await journal.notice.getByText(text('journalRestoredNotice')).waitFor();
  await journal.card('Keep me').waitFor();
  expect((await journal.entries())[0]?.deletedAt).toBeUndefined();

  await journal.card('Keep me').getByRole('link').click();
  await journal.deleteButton.click();
  await journal.viewLink('journalNavDeleted').click();
  await journal.card('Keep me').getByRole('button', { name: new RegExp(`^${text('journalRestore')}`) }).click();
  await journal.page.getByText(text('journalDeletedEmpty')).waitFor();
  expect((await journal.entries())[0]?.deletedAt).toBeUndefined();
});

test('a reload in the middle of typing keeps every word', async ({ sidePanel, extensionId }) => {
  const journal = await journalIn(sidePanel.page, extensionId);
  await journal.newEntryButton.click();
  await journal.textBox.waitFor();
  const typed = 'Nothing I type here is lost, even mid-sentence';
  await journal.page.keyboard.type(typed);

  // No waiting for "Saved": reload at once, as closing the side panel would.
  await journal.reload();

  await expect.poll(() => journal.textBox.inputValue().catch(() => ''), { timeout: 5_000 }).toBe(typed);
  await expect.poll(async () => (await journal.entries()).map((e) => e.text)).toEqual([typed]);
});

test('a quick note from the popup lands in the side panel journal', async ({ popup, sidePanel, extensionId }) => {
  const journal = await journalIn(sidePanel.page, extensionId);
  await popup.open();

  // Two actions: the box already has focus, so type, then Ctrl+Enter.
  expect(await popup.isFocused(popup.page.getByRole('textbox', { name: text('popupQuickNote') }))).toBe(true);
  await popup.page.keyboard.type('Ask Priya about the Engage community');
  await popup.page.keyboard.press('Control+Enter');
  await popup.page.getByText(text('quickNoteSaved')).waitFor();

  await journal.open();
  await journal.card('Ask Priya about the Engage community').waitFor();
  expect(await journal.count.textContent()).toBe(text('journalCountOne'));
});

test('"Reflect on this" after a practice walkthrough opens an entry linked to it, from the side panel and from the guide', async ({ sidePanel, extensionId, clearStorage, context }) => {
  await clearStorage();
  const journal = await journalIn(sidePanel.page, extensionId);

  // Side panel: finish the practice walkthrough with the panel's own controls.
  const learn = await new LearnArea(sidePanel).open();
  const practice = await learn.startPractice(LESSON);
  const step = learn.currentStep;
  await step.waitFor();
  for (let i = 0; i < 4; i += 1) {
    const next = step.getByRole('button', { name: new RegExp(`^(${text('guideNext')}|${text('guideFinish')})$`) });
    await next.click();
  }
  await step.getByRole('button', { name: text('journalReflect') }).click();

  await journal.lessonNote.waitFor();
  expect(await journal.lessonNote.textContent()).toBe(words('journalReflectingOn', LESSON_TITLE));
  await journal.textBox.fill('Posting was less scary than I expected');
  await journal.waitUntilSaved();
  expect(await journal.entries()).toMatchObject([{ lessonId: LESSON, text: 'Posting was less scary than I expected' }]);
  await journal.doneButton.click();
  await journal.page.getByText(LESSON_TITLE, { exact: true }).waitFor();

  // The guide: practise again, finish, and press the callout's own button.
  await practice.close();
  await learn.open();
  const again = await learn.startPractice(LESSON);
  const guide = new GuideOverlay(again);
  await learn.currentStep.waitFor();
  for (let i = 0; i < 4; i += 1) {
    await learn.currentStep.getByRole('button', { name: new RegExp(`^(${text('guideNext')}|${text('guideFinish')})$`) }).click();
  }
  await guide.waitForFinished();
  const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes('/sidepanel.html#journal/new') });
  await again.bringToFront();
  await guide.button('journalReflect').click();
  const tab = await opened;
  expect(tab.url()).toContain(`#journal/new?lesson=${LESSON}`);
  const fromGuide = new JournalPage(tab, extensionId);
  await fromGuide.lessonNote.waitFor();
  expect(await fromGuide.lessonNote.textContent()).toBe(words('journalReflectingOn', LESSON_TITLE));
  await tab.close();
  await again.close().catch(() => undefined);
});

test('the journal works with the keyboard alone', async ({ sidePanel, extensionId }) => {
  const journal = await journalIn(sidePanel.page, extensionId);
  const { keyboard } = journal.page;

  // Write: Tab to "New entry", type, Tab through tags and "private" to Done.
  await journal.tabTo(journal.newEntryButton);
  await keyboard.press('Enter');
  await expect.poll(() => journal.isFocused(journal.textBox)).toBe(true);
  await keyboard.type('Typed without a mouse');
  await keyboard.press('Tab');
  expect(await journal.isFocused(journal.tagsBox)).toBe(true);
  await keyboard.type('keyboard');
  await keyboard.press('Tab');
  expect(await journal.isFocused(journal.privateBox)).toBe(true);
  await keyboard.press('Space');
  await journal.tabTo(journal.doneButton);
  await keyboard.press('Enter');
  await journal.editButton.waitFor();
  expect(await journal.entries()).toMatchObject([{ text: 'Typed without a mouse', tags: ['keyboard'], private: true }]);
  // The entry's heading has focus: the person hears where they are.
  expect(await journal.isFocused(journal.viewHeading)).toBe(true);

  // Views: Tab to "Search", type, Enter, then Tab to the result and open it.
  await journal.tabTo(journal.viewLink('journalNavSearch'));
  await keyboard.press('Enter');
  await expect.poll(() => journal.isFocused(journal.viewHeading)).toBe(true);
  await journal.tabTo(journal.searchBox);
  await keyboard.type('mous');
  await keyboard.press('Enter');
  await journal.searchStatus.filter({ hasText: text('journalSearchOne') }).waitFor();
  await journal.tabTo(journal.card('Typed without').getByRole('link'));
  await keyboard.press('Enter');
  await journal.editButton.waitFor();

  // Edit from the keyboard, then delete and undo.
  await journal.tabTo(journal.editButton);
  await keyboard.press('Enter');
  await journal.textBox.waitFor();
  await journal.tabTo(journal.textBox);
  await keyboard.press('ControlOrMeta+End');
  await keyboard.type(' at all');
  await journal.tabTo(journal.deleteButton);
  await keyboard.press('Enter');
  await journal.notice.waitFor();
  await expect.poll(() => journal.isFocused(journal.notice)).toBe(true);
  await keyboard.press('Tab');
  expect(await journal.isFocused(journal.undoButton)).toBe(true);
  await keyboard.press('Enter');
  await journal.card('Typed without a mouse at all').waitFor();
});

test('Page Down and Page Up move between entries in a long list', async ({ sidePanel, extensionId }) => {
  const journal = await journalIn(sidePanel.page, extensionId);
  for (const n of [1, 2, 3]) {
    await journal.open();
    await journal.write(`Entry ${n}`);
  }
  await journal.open();
  await journal.tabTo(journal.card('Entry 3').getByRole('link'));

  await journal.page.keyboard.press('PageDown');
  await expect.poll(() => journal.page.evaluate(() => document.activeElement?.getAttribute('aria-posinset'))).toBe('2');
  await journal.page.keyboard.press('PageDown');
  await expect.poll(() => journal.page.evaluate(() => document.activeElement?.getAttribute('aria-posinset'))).toBe('3');
  await journal.page.keyboard.press('PageUp');
  await expect.poll(() => journal.page.evaluate(() => document.activeElement?.getAttribute('aria-posinset'))).toBe('2');
});

/** Writes one public tagged entry and one private one; returns the public one's id. */
async function twoEntries(journal: JournalPage): Promise<string> {
  await journal.write('A public thought about **policy**, see https://www.gov.uk', { tags: 'policy, team' });
  await journal.open();
  await journal.write('A private one', { private: true });
  return (await journal.entries()).find((e) => !e.private)!.id;
}

async function expectViewsAccessible(journal: JournalPage, views: [string, string][]): Promise<void> {
  for (const [what, route] of views) {
    await journal.open(route);
    await journal.viewHeading.waitFor();
    await expectNoViolations(journal.page, `journal: ${what}`);
  }
}

test('the journal’s lists have no WCAG 2.2 AA violations', async ({ sidePanel, extensionId }) => {
  const journal = await journalIn(sidePanel.page, extensionId);
  await expectViewsAccessible(journal, [['entries, empty', '']]);
  const id = await twoEntries(journal);

  await expectViewsAccessible(journal, [
    ['entries', ''],
    ['this week', '/week'],
    ['weeks', '/weeks'],
    ['tags', '/tags'],
    ['one tag', '/tags/policy'],
    ['search with results', '/search?q=poli'],
    ['search without results', '/search?q=zebra'],
    ['recently deleted, empty', '/deleted'],
  ]);

  await journal.open('/weeks');
  await journal.page.locator('main ul.govuk-list a').first().click();
  await journal.feed.waitFor();
  await expectNoViolations(journal.page, 'journal: one week');

  // The banner after a delete, and Recently deleted with an entry in it.
  await journal.open(`/entry/${id}`);
  await journal.deleteButton.click();
  await journal.notice.waitFor();
  await expectNoViolations(journal.page, 'journal: deleted banner');
  await journal.viewLink('journalNavDeleted').click();
  await journal.feed.waitFor();
  await expectNoViolations(journal.page, 'journal: recently deleted with an entry');
});

test('the journal’s entry, editor and other views have no WCAG 2.2 AA violations', async ({ sidePanel, extensionId }) => {
  const journal = await journalIn(sidePanel.page, extensionId);
  const id = await twoEntries(journal);

  await expectViewsAccessible(journal, [
    ['new entry', '/new'],
    ['new entry about a walkthrough', `/new?lesson=${LESSON}`],
    ["this week's question", '/prompt'],
    ['an entry', `/entry/${id}`],
    ['editing an entry', `/entry/${id}/edit`],
    ['an entry that does not exist', '/entry/e-000000000-nothing'],
    ['export and import', '/transfer'],
  ]);
});

test('the popup with a quick note has no WCAG 2.2 AA violations, before and after saving', async ({ popup }) => {
  await popup.open();
  await expectNoViolations(popup.page, 'popup');
  await popup.page.getByRole('button', { name: text('quickNoteSave') }).click();
  await popup.page.getByText(text('quickNoteEmpty')).waitFor();
  await expectNoViolations(popup.page, 'popup, empty note error');
  await popup.page.keyboard.type('Note');
  await popup.page.keyboard.press('Control+Enter');
  await popup.page.getByText(text('quickNoteSaved')).waitFor();
  await expectNoViolations(popup.page, 'popup, note saved');
});
