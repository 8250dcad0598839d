import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { failOnExtensionErrors } from './harness/errors';
import { FirefoxExtension } from './harness/firefox';
import { JournalTab } from './pages/JournalTab';

// Firefox with an ordinary profile: the journal lives in the extension's IndexedDB on the device.

describe('Firefox, ordinary profile', () => {
  let firefox: FirefoxExtension;
  let journal: JournalTab;

  beforeAll(async () => {
    firefox = await FirefoxExtension.launch();
    journal = new JournalTab(firefox);
  });
  afterAll(() => firefox?.close());
  failOnExtensionErrors(() => firefox);

  test('a note written in the side panel is kept on the device, and no storage warning shows', async () => {
    await journal.open();
    expect(await journal.inPrivateWindow()).toBe(false);
    expect(await journal.tryIndexedDb()).toBe('ok');

    await journal.write('Learnt to pin a tab in Firefox');
    await journal.reload();
    await journal.waitForText('Learnt to pin a tab in Firefox');

    expect(await journal.entriesOnDevice()).toContain('Learnt to pin a tab in Firefox');
    expect(await journal.storageWarning()).toBeNull();
  });
});
