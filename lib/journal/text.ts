/**
 * Text normalisation for journal search: case-insensitive and diacritic-insensitive word prefixes.
 * "Café" and "cafe" index and match alike; so do "Ōmura" and "omura".
 */

/** Lower case, accents removed (NFD then strip combining marks). */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Longest word kept in the index: longer runs (pasted hashes, URLs) are cut to this prefix. */
export const MAX_WORD = 24;

/** The distinct normalised words of a text, for the search index (lib/journal/search-index.ts). */
export function indexWords(text: string): string[] {
  const words = new Set<string>();
  for (const m of normalise(text).matchAll(WORD)) words.add(m[0].slice(0, MAX_WORD));
  return [...words];
}

/** The distinct terms of a search query, each matched as a word prefix. */
export function queryTerms(query: string): string[] {
  return [...new Set([...normalise(query).matchAll(WORD)].map((m) => m[0].slice(0, MAX_WORD)))];
}

export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into runs that do and do not match the query terms (as word prefixes), for
 * highlighting. Works on the original text, so accents and case are shown as typed.
 */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  if (terms.length === 0) return [{ text, match: false }];
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const word = normalise(m[0]);
    const term = terms.find((t) => word.startsWith(t));
    if (!term) continue;
    // Highlight the matched prefix only: map its length back onto the original characters.
    let end = m.index;
    let seen = 0;
    while (end < m.index + m[0].length && seen < term.length) {
      end += 1;
      seen = normalise(text.slice(m.index, end)).length;
    }
    if (m.index > last) out.push({ text: text.slice(last, m.index), match: false });
    out.push({ text: text.slice(m.index, end), match: true });
    last = end;
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}
