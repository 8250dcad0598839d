import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, WCAG_TAGS } from './harness/axe';
import { expect, test } from './fixtures';
import { AREAS } from './pages/SidePanelPage';

// axe-core against WCAG 2.2 AA on every page and state a person can reach so far.

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations.length, `${what} (${WCAG_TAGS.join(', ')}):\n${describeViolations(violations)}`).toBe(0);
}

test('the popup has no WCAG 2.2 AA violations', async ({ popup }) => {
  await popup.open();
  await expectNoViolations(popup.page, 'popup');
});

test.for(AREAS)('the side panel area "%s" has no WCAG 2.2 AA violations', async (area, { sidePanel }) => {
  await sidePanel.open(area);
  await expectNoViolations(sidePanel.page, `side panel #${area}`);
});

test('Settings showing a time error has no WCAG 2.2 AA violations', async ({ sidePanel }) => {
  await sidePanel.open('settings');
  await sidePanel.settings.enterTimeWithKeyboard('not a time');
  await sidePanel.settings.saveWithKeyboard();
  await sidePanel.settings.errorSummary.waitFor();
  await expectNoViolations(sidePanel.page, 'settings, error state');
});

test('Settings asking "are you sure?" before a reset has no WCAG 2.2 AA violations', async ({ sidePanel }) => {
  await sidePanel.open('settings');
  await sidePanel.settings.startResetWithKeyboard();
  await expectNoViolations(sidePanel.page, 'settings, reset confirmation');
});

test('the welcome page has no WCAG 2.2 AA violations', async ({ welcome }) => {
  await welcome.open();
  await expectNoViolations(welcome.page, 'welcome');
});

test('axe really looks at the page: it flags an image without a text alternative', async ({ sidePanel }) => {
  await sidePanel.open();
  await sidePanel.page.evaluate(() => document.querySelector('main')?.append(document.createElement('img')));
  const violations = await axeViolations(sidePanel.page);
  expect(violations.map((v) => v.id)).toContain('image-alt');
});
