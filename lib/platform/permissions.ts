import { browser } from 'wxt/browser';

/**
 * Asks for one target site. Call it first thing in a click handler: the browser shows its prompt
 * only in response to a user gesture, and an await before it loses the gesture.
 * Resolves true at once when the site is already granted.
 */
export function requestSite(originPattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern] });
}

export function hasSite(originPattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern] });
}
