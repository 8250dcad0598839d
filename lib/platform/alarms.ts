import { browser } from 'wxt/browser';

/**
 * Thin adapter over `alarms`. Alarms outlive the MV3 service worker (an in-memory timer would
 * not), and Chrome's docs advise checking on every start that they still exist: they may be
 * cleared by an update or a browser restart (and Firefox keeps none across restarts).
 */

/** A one-shot alarm at an absolute time; replaces any alarm of the same name. */
export async function setAlarm(name: string, when: Date): Promise<void> {
  await browser.alarms.create(name, { when: when.getTime() });
}

export async function clearAlarm(name: string): Promise<void> {
  await browser.alarms.clear(name);
}

/** When the named alarm is due (ms since the epoch), or null when there is none. */
export async function alarmTime(name: string): Promise<number | null> {
  const alarm = await browser.alarms.get(name);
  return alarm ? alarm.scheduledTime : null;
}

/**
 * Calls back with the time the alarm was due for each time the named alarm fires. The listener
 * returns the callback's promise (browsers ignore it; the fake browser awaits it). Returns the teardown.
 */
export function onAlarm(name: string, callback: (scheduledTime: number) => unknown): () => void {
  const listener = (alarm: { name: string; scheduledTime: number }) => (alarm.name === name ? callback(alarm.scheduledTime) : undefined);
  browser.alarms.onAlarm.addListener(listener);
  return () => browser.alarms.onAlarm.removeListener(listener);
}
