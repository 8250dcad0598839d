import type { Page, Worker } from 'playwright-core';
import { promptForWeek } from '../../lib/journal/prompts';
import { isoWeek } from '../../lib/journal/week';
import { expect, test } from './fixtures';
import { text } from './harness/messages';

// The weekly reflection prompt in Chromium: the real alarm, notification and toolbar badge.
//
// A test cannot click a system notification, and the extension has no test hook to fake one, so
// these tests check that the notification is created and the badge shown; what a click does
// (open sidepanel.html#journal/prompt in a tab) is covered by tests/unit/lib/background/prompts.test.ts.
// Chromium and this test process share the machine's time zone, so local times agree.

const ALARM = 'weekly-prompt';

interface ChromeApi {
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined>; create(name: string, info: { when: number }): Promise<void> };
  /** `dispatch` is how a test clicks a notification: headless Chromium shows none to click. */
  notifications: { getAll(): Promise<Record<string, unknown>>; onClicked: { dispatch(id: string): void } };
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

interface Seen {
  alarm: number | null;
  notifications: string[];
  badge: string;
  title: string;
  state: Record<string, unknown> | undefined;
}

/** What the service worker sees now: the prompt alarm, notifications, the badge and the stored state. */
function seen(worker: Worker): Promise<Seen> {
  return worker.evaluate(async (name) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const alarm = await api.alarms.get(name);
    return {
      alarm: alarm ? alarm.scheduledTime : null,
      notifications: Object.keys(await api.notifications.getAll()),
      badge: await api.action.getBadgeText({}),
      title: await api.action.getTitle({}),
      state: (await api.storage.local.get('promptState')).promptState as Record<string, unknown> | undefined,
    };
  }, ALARM);
}

/** Sends a typed message from an extension page, as the journal's prompt view does. */
function sendFrom(page: Page, type: string, payload: object = {}): Promise<unknown> {
  return page.evaluate(
    ([t, p]) => (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({ df: 1, type: t, payload: p }),
    [type, payload] as const,
  );
}

/**
 * Makes this week's prompt due now: the prompt is set for today at the current minute, and the
 * stored state says prompting began last week (as for anyone who installed before today). Then
 * the alarm is set to fire now, which is what Chrome does at the prompt time.
 */
async function promptFallsDue(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const now = new Date();
    const time = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
    await api.storage.local.set({ settings: { promptDay: now.getDay(), promptTime: time, promptEnabled: true } });
  });
  // The new schedule counts from the moment it was saved; wait for the worker to record that.
  await expect.poll(async () => typeof (await seen(worker)).state?.activeSince).toBe('string');
  await worker.evaluate(async (name) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const { promptState } = await api.storage.local.get('promptState');
    const lastWeek = new Date(Date.now() - 8 * 86_400_000).toISOString();
    await api.storage.local.set({ promptState: { ...(promptState as object), activeSince: lastWeek } });
    await api.alarms.create(name, { when: Date.now() });
  }, ALARM);
}

// "Reset everything" before each test: settings, the prompt's state and the journal all go.
test.beforeEach(async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  expect(await sendFrom(page, 'app/reset')).toEqual({ ok: true });
});

test('saving the prompt day and time in Settings sets one alarm at that local time; turning it off clears it', async ({ sidePanel, serviceWorker }) => {
  await sidePanel.open('settings');
  const { settings } = sidePanel;
  await settings.chooseDayWithKeyboard('Monday');
  await settings.enterTimeWithKeyboard('09:30');
  await settings.saveWithKeyboard();
  await settings.savedBanner.waitFor();

  await expect.poll(async () => {
    const { alarm } = await seen(serviceWorker);
    if (alarm === null) return 'no alarm';
    const when = new Date(alarm);
    const days = (alarm - Date.now()) / 86_400_000;
    return `day ${when.getDay()} at ${when.getHours()}:${when.getMinutes()}, ${days > 0 && days <= 7 ? 'within the next week' : `${days} days away`}`;
  }).toBe('day 1 at 9:30, within the next week');

  const reminder = sidePanel.page.getByRole('checkbox', { name: text('settingsPromptEnabled') });
  expect(await reminder.isChecked()).toBe(true);
  await sidePanel.tabTo(reminder);
  await sidePanel.page.keyboard.press('Space');
  await settings.saveWithKeyboard();
  await expect.poll(async () => (await seen(serviceWorker)).alarm).toBeNull();

  await sidePanel.reload();
  expect(await reminder.isChecked(), 'still off after a reload').toBe(false);
  await sidePanel.tabTo(reminder);
  await sidePanel.page.keyboard.press('Space');
  await settings.saveWithKeyboard();
  await expect.poll(async () => (await seen(serviceWorker)).alarm).not.toBeNull();
});

test('when the prompt falls due, a notification appears, a click on it opens the journal at the question, and the badge shows until an entry answers it', async ({
  serviceWorker,
  context,
  extensionId,
}) => {
  expect((await seen(serviceWorker)).badge).toBe('');
  await promptFallsDue(serviceWorker);

  await expect.poll(async () => (await seen(serviceWorker)).notifications, { timeout: 15_000 }).toEqual([ALARM]);
  const due = await seen(serviceWorker);
  expect(due.badge).toBe(text('promptBadgeText'));
  expect(due.title).toBe(text('promptBadgeTitle'));
  expect(typeof due.state?.lastShown).toBe('string');
  expect(due.alarm, 'the next alarm is set').toBeGreaterThan(Date.now());

  // A click on the notification: the background's own onClicked listener opens the journal at
  // this week's question.
  const week = isoWeek(new Date()).key;
  const opened = context.waitForEvent('page', { timeout: 15_000 });
  await serviceWorker.evaluate((id) => (globalThis as unknown as { chrome: ChromeApi }).chrome.notifications.onClicked.dispatch(id), ALARM);
  const journalPage = await opened;
  await journalPage.waitForURL(`chrome-extension://${extensionId}/sidepanel.html#journal/prompt`);
  await journalPage.getByText(promptForWeek(week).question).first().waitFor({ timeout: 10_000 });
  // Write the answer the way the journal does (an entry with this week's promptId, in the
  // extension's own IndexedDB), then tell the background, as the journal does after saving.
  const answer = await journalPage.evaluate(async ({ week, promptId }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('digital-friend');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const now = new Date().toISOString();
    const entry = {
      id: `e-${Date.now().toString(36).padStart(9, '0')}-e2eprompt`,
      text: 'This week I learned to schedule a post.',
      createdAt: now,
      updatedAt: now,
      week,
      tags: [],
      promptId,
      private: false,
    };
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('entries', 'readwrite');
      tx.objectStore('entries').put(entry);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({ df: 1, type: 'journal/changed', payload: {} });
  }, { week, promptId: promptForWeek(week).id });
  expect(answer).toEqual({ ok: true });

  const done = await seen(serviceWorker);
  expect(done.badge).toBe('');
  expect(done.title).toBe(text('actionTitle'));
  expect(done.notifications, 'the notification is out of date, so it goes').toEqual([]);
  await journalPage.close();
});

test('Snooze and Skip, as the journal’s prompt view offers them (Firefox shows no notification buttons)', async ({ serviceWorker, sidePanel }) => {
  await promptFallsDue(serviceWorker);
  await expect.poll(async () => (await seen(serviceWorker)).notifications, { timeout: 15_000 }).toEqual([ALARM]);
  await sidePanel.open();

  const snoozed = (await sendFrom(sidePanel.page, 'prompt/snooze', { until: 'hour' })) as { ok: boolean; until: string };
  expect(snoozed.ok).toBe(true);
  const inAnHour = Date.parse(snoozed.until) - Date.now();
  expect(inAnHour).toBeGreaterThan(59 * 60_000);
  expect(inAnHour).toBeLessThanOrEqual(60 * 60_000);
  const afterSnooze = await seen(serviceWorker);
  expect(afterSnooze.notifications).toEqual([]);
  expect(afterSnooze.alarm).toBe(Date.parse(snoozed.until));
  expect(afterSnooze.badge, 'still waiting').toBe(text('promptBadgeText'));

  expect(await sendFrom(sidePanel.page, 'prompt/snooze', { until: 'next year' })).toEqual({
    dfError: 'errorSnoozeChoice',
    dfErrorKey: 'errorSnoozeChoice',
    dfErrorSubs: [],
  });

  expect(await sendFrom(sidePanel.page, 'prompt/skip')).toEqual({ ok: true, week: isoWeek(new Date()).key });
  const skipped = await seen(serviceWorker);
  expect(skipped.badge).toBe('');
  expect(skipped.state?.skippedWeek).toBe(isoWeek(new Date()).key);
  expect(skipped.alarm, 'next week’s prompt').toBeGreaterThan(Date.now() + 60 * 60_000);
});
