/**
 * The production build asks for a site only from the user's click (issue #3, least privilege).
 * Automation cannot answer Chrome's permission prompt, so this goes as far as the browser allows:
 * the production build starts with no site access, Start raises the request and then waits for
 * the person, and nothing is opened or injected until they say yes.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { launchExtension, type LaunchedExtension } from './harness/launch';
import { blockExternalRequests } from './harness/network';
import { ROOT } from './harness/paths';

// Page functions run inside the extension page, where `chrome` is the extension API.
declare const chrome: typeof browser;

describe('a live walkthrough on a site the person has not granted (production build)', () => {
  let ext: LaunchedExtension;
  beforeAll(async () => {
    ext = await launchExtension({ extensionDir: join(ROOT, '.output', 'chrome-mv3') });
    await blockExternalRequests(ext.context);
  });
  afterAll(() => ext?.close());

  it('has no site access at install', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${ext.origin}/sidepanel.html#learn`);
    const granted = await page.evaluate(() => chrome.permissions.getAll());
    expect(granted.origins ?? []).toEqual([]);
    await page.close();
  });

  it('asks for the site when Start is pressed, and opens and injects nothing while the question is open', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${ext.origin}/sidepanel.html#learn`);
    await page.getByRole('button', { name: 'Start Write and post on X' }).click();
    // The prompt is up and unanswerable by automation: give the extension time to misbehave.
    await page.waitForTimeout(1500);
    const urls = ext.context.pages().map((p) => p.url());
    expect(urls.some((u) => u.startsWith('https://x.com'))).toBe(false);
    expect(await page.evaluate(() => chrome.permissions.contains({ origins: ['https://x.com/*'] }))).toBe(false);
    const session = await page.evaluate(() => chrome.storage.session.get('walkthroughSession'));
    expect(session).toEqual({});
    await page.close();
  });

  it('still offers the offline practice copy, which needs no permission', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${ext.origin}/sidepanel.html#learn`);
    const practiceOpened = ext.context.waitForEvent('page', (p) => p.url().includes('/practice.html'));
    await page.getByRole('button', { name: 'Practise offline Write and post on X' }).click();
    const practice = await practiceOpened;
    await practice.waitForFunction(() => performance.getEntriesByName('digital-friend:spotlight').length > 0);
    expect(await page.evaluate(() => chrome.permissions.getAll().then((p) => p.origins ?? []))).toEqual([]);
    await practice.close();
    await page.close();
  });
});
