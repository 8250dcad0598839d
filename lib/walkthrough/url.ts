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
  const body = pattern.replace(/\/$/, '');
  return glob(body, target) || (target.endsWith('/') && glob(body, target.slice(0, -1)));
}

/**
 * `*` wildcard matching without regular expressions: at worst proportional to pattern × text, so
 * a pattern from a lesson pack cannot make a long URL take seconds (a regex of several `.*` can).
 */
function glob(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p += 1;
      t += 1;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p;
      p += 1;
      resume = t;
    } else if (star !== -1) {
      p = star + 1;
      resume += 1;
      t = resume;
    } else return false;
  }
  while (pattern[p] === '*') p += 1;
  return p === pattern.length;
}

/** The origin part of a host permission pattern ("https://x.com/*" → "https://x.com"). */
export function originOf(pattern: string): string {
  return pattern.replace(/\/\*$/, '');
}
