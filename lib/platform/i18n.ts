import { browser } from 'wxt/browser';
import type { MessageKey } from '../i18n/messages';
import { UserError } from '../messaging/user-error';

/**
 * Looks a UI string up in the extension's locale catalogue (public/_locales).
 * A missing key is a bug, so it shows as the key itself rather than as an empty label.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** Sets the page's `lang` to the locale actually used, so screen readers pronounce it right. */
export function applyDocumentLanguage(doc: Document): void {
  doc.documentElement.lang = t('htmlLang');
}

/**
 * An error as the person reads it: a UserError in its own words, anything else (a fault with the
 * browser's or a library's message) inside "Something went wrong: …".
 */
export function errorText(error: unknown): string {
  if (error instanceof UserError) return t(error.key, [...error.subs]);
  return t('errorGeneric', error instanceof Error ? error.message : String(error));
}
