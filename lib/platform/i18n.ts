import { browser } from 'wxt/browser';
import type { MessageKey } from '../i18n/messages';

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
