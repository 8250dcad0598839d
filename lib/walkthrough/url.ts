/**
 * URL patterns for steps: a full URL where `*` matches any run of characters (including `/`).
 * The query string is ignored unless the pattern has one; a trailing slash is optional.
 *   https://x.com/home           matches https://x.com/home and https://x.com/home/
 *   https://x.com/compose/post*  matches https://x.com/compose/post/unsent/drafts
 *   https://vault.bitwarden.com/#/vault*  matches hash routes
 */
export function matchUrl(pattern: string, url: string): boolean {
  let target = url;
  // Keep a hash route (#/vault) or a query only when the pattern itself speaks of one.
  if (!pattern.includes('#')) target = target.replace(/#.*$/, '');
  if (!pattern.includes('?')) target = target.replace(/\?[^#]*/, '');
  const body = pattern
    .replace(/\/$/, '')
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}/?$`).test(target);
}

/** The origin part of a host permission pattern ("https://x.com/*" → "https://x.com"). */
export function originOf(pattern: string): string {
  return pattern.replace(/\/\*$/, '');
}
