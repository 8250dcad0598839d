/**
 * The little formatting a step's words may use, parsed into tokens that the overlay and the side
 * panel turn into DOM nodes with textContent. Nothing is ever parsed as HTML.
 *   blank line   → new paragraph
 *   **words**    → strong emphasis
 *   `Ctrl + V`   → a key or literal label
 */
export type Inline = { kind: 'text' | 'strong' | 'key'; text: string };
export type Paragraph = Inline[];

const INLINE = /\*\*([^*]+)\*\*|`([^`]+)`/g;

export function parseRichText(source: string): Paragraph[] {
  return source
    .split(/\n\s*\n/)
    .map((block) => block.trim().replace(/\s*\n\s*/g, ' '))
    .filter(Boolean)
    .map((block) => {
      const out: Inline[] = [];
      let last = 0;
      for (const m of block.matchAll(INLINE)) {
        if (m.index > last) out.push({ kind: 'text', text: block.slice(last, m.index) });
        out.push(m[1] !== undefined ? { kind: 'strong', text: m[1] } : { kind: 'key', text: m[2] ?? '' });
        last = m.index + m[0].length;
      }
      if (last < block.length) out.push({ kind: 'text', text: block.slice(last) });
      return out;
    });
}

/** Plain text for screen-reader announcements and search. */
export function plainText(source: string): string {
  return parseRichText(source)
    .map((p) => p.map((i) => i.text).join(''))
    .join(' ');
}
