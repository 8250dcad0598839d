import { browser } from 'wxt/browser';
import { parseSettings, type Settings } from '../settings/settings';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return parseSettings(stored[KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  // Re-parse so that nothing invalid is ever written.
  await browser.storage.local.set({ [KEY]: parseSettings(settings) });
}
