import { browser } from 'wxt/browser';

/**
 * Thin adapter over `notifications` (system notifications). Chrome and Edge show up to two
 * buttons; Firefox has none (it warns about the option and never fires onButtonClicked), and does
 * not support `requireInteraction`, so both are left out there and the same actions are offered
 * inside the extension instead.
 */
const FIREFOX = import.meta.env.BROWSER === 'firefox';

export interface NotificationContent {
  title: string;
  message: string;
  /** At most two; dropped where the browser has no notification buttons. */
  buttons?: string[];
}

/** Shows (or replaces) the notification with this id. */
export async function showNotification(id: string, { title, message, buttons = [] }: NotificationContent): Promise<void> {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
    // Not sticky: a reminder that waits in the notification centre, not one that blocks the screen.
    ...(FIREFOX ? {} : { requireInteraction: false, buttons: buttons.slice(0, 2).map((text) => ({ title: text })) }),
  });
}

export async function clearNotification(id: string): Promise<void> {
  await browser.notifications.clear(id);
}

/**
 * Calls back when the person clicks the body of the notification with this id. Listeners return
 * the callback's promise (browsers ignore it; the fake browser awaits it). Returns the teardown.
 */
export function onNotificationClicked(id: string, callback: () => unknown): () => void {
  const listener = (clicked: string) => (clicked === id ? callback() : undefined);
  browser.notifications.onClicked.addListener(listener);
  return () => browser.notifications.onClicked.removeListener(listener);
}

/** Calls back with the button's index (0 or 1) when one of its buttons is clicked. Returns the teardown. */
export function onNotificationButtonClicked(id: string, callback: (index: number) => unknown): () => void {
  const event = browser.notifications.onButtonClicked as typeof browser.notifications.onButtonClicked | undefined;
  if (!event) return () => undefined;
  const listener = (clicked: string, index: number) => (clicked === id ? callback(index) : undefined);
  event.addListener(listener);
  return () => event.removeListener(listener);
}
