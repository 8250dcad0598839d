import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings } from '../../../../lib/platform/settings-store';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/settings/settings';

describe('settings store', () => {
  it('gives the defaults (Friday at 16:00, prompt on) when nothing is stored', async () => {
    await expect(loadSettings()).resolves.toEqual({ promptDay: 5, promptTime: '16:00', promptEnabled: true });
  });

  it('reads back what it saved, under the "settings" key of storage.local', async () => {
    const mine: Settings = { promptDay: 1, promptTime: '08:30', promptEnabled: false };
    await saveSettings(mine);
    await expect(loadSettings()).resolves.toEqual(mine);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: mine });
  });

  it('repairs junk found in storage, keeping the fields that are valid', async () => {
    await fakeBrowser.storage.local.set({ settings: { promptDay: 3, promptTime: 'after lunch', promptEnabled: 'no', theme: 'dark' } });
    await expect(loadSettings()).resolves.toEqual({ promptDay: 3, promptTime: '16:00', promptEnabled: true });

    await fakeBrowser.storage.local.set({ settings: 'not an object' });
    await expect(loadSettings()).resolves.toEqual(DEFAULT_SETTINGS);

    await fakeBrowser.storage.local.set({ settings: [5, '16:00'] });
    await expect(loadSettings()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('never writes invalid or unknown fields', async () => {
    const junk = { promptDay: 12, promptTime: '25:00', extra: true } as unknown as Settings;
    await saveSettings(junk);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: DEFAULT_SETTINGS });
  });
});
