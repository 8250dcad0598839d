/**
 * The little Markdown a journal entry may use, parsed into a tree that the UI turns into React
 * elements (never innerHTML). Anything it does not know stays text, so HTML or script typed into an
 * entry is shown as the characters typed and never runs.
 *
 *   blank line              → new paragraph (a single line break stays a line break)
 *   "- " at a line's start  → bullet list item
 *   **bold**  *italic*  `code`
 *   https://… or [words](https://…) → a link (http and https only)
 *   \*  → a literal asterisk (any ASCII punctuation may be escaped with a backslash)
 *
 * Written for inputs up to MAX_TEXT (100,000 characters): every delimiter search remembers where it
 * last failed, so hostile runs such as "*a *a *a …" stay linear instead of quadratic.
 */
import { highlight } from './text';

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block = { kind: 'paragraph'; children: Inline[] } | { kind: 'list'; items: Inline[][] };

const BULLET = /^ {0,3}- +/;
const SPACE = /\s/;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const URL_START = /^https?:\/\//i;
/** A bare URL runs to the next space or angle bracket or quote. */
const BARE_URL = /^https?:\/\/[^\s<>"]+/i;
/** A [label](https://…) link: label on one line without brackets, URL without spaces or ")". */
const LABELLED = /^\[([^[\]\n]+)\]\((https?:\/\/[^\s()<>"]+)\)/i;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** The URL as an href if it is a well-formed http(s) URL with a host, otherwise null. */
export function safeHref(raw: string): string | null {
  if (!URL_START.test(raw)) return null;
  try {
    const url = new URL(raw);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Drops punctuation that ends a sentence rather than a URL: "see https://gov.uk." → without the dot. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const c = url[end - 1];
    if (c && '.,;:!?\'"*_'.includes(c)) end -= 1;
    else if (c === ')') {
      // Keep a ")" that closes a "(" inside the URL (Wikipedia style), drop one that closes prose.
      const body = url.slice(0, end);
      if ((body.match(/\(/g)?.length ?? 0) >= (body.match(/\)/g)?.length ?? 0)) break;
      end -= 1;
    } else break;
  }
  return url.slice(0, end);
}

function parseInline(source: string, allowLinks = true): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (!text) return;
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) out.push({ kind: 'break' });
      if (line) out.push({ kind: 'text', text: line });
    });
    text = '';
  };
  // Positions from which a search for a closing delimiter is known to fail (see the file comment).
  let noStrongAfter = Infinity;
  let noEmAfter = Infinity;
  let noCodeAfter = Infinity;

  const findStrongClose = (from: number): number => {
    if (from >= noStrongAfter) return -1;
    for (let j = source.indexOf('**', from); j !== -1; j = source.indexOf('**', j + 1)) {
      if (SPACE.test(source[j - 1] ?? ' ')) continue;
      // "**a *b***": the last two stars of a run close the bold, so the one before closes the italic.
      while (source[j + 2] === '*') j += 1;
      return j;
    }
    noStrongAfter = from;
    return -1;
  };
  const findEmClose = (from: number): number => {
    if (from >= noEmAfter) return -1;
    for (let j = source.indexOf('*', from); j !== -1; j = source.indexOf('*', j + 1)) {
      if (source[j + 1] === '*' || source[j - 1] === '*') continue;
      if (source[j - 1] === '\\') continue;
      if (!SPACE.test(source[j - 1] ?? ' ')) return j;
    }
    noEmAfter = from;
    return -1;
  };

  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\' && i + 1 < source.length && ESCAPABLE.test(source[i + 1]!)) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const close = i + 1 < noCodeAfter ? source.indexOf('`', i + 1) : -1;
      if (close === -1) noCodeAfter = Math.min(noCodeAfter, i + 1);
      if (close > i + 1) {
        flush();
        out.push({ kind: 'code', text: source.slice(i + 1, close) });
        i = close + 1;
        continue;
      }
      text += close === i + 1 ? '``' : '`';
      i += close === i + 1 ? 2 : 1;
      continue;
    }
    if (c === '*' && source[i + 1] === '*') {
      const opensWord = !SPACE.test(source[i + 2] ?? ' ') && source[i + 2] !== '*';
      const close = opensWord ? findStrongClose(i + 3) : -1;
      if (close !== -1) {
        flush();
        out.push({ kind: 'strong', children: parseInline(source.slice(i + 2, close), allowLinks) });
        i = close + 2;
      } else {
        text += '**';
        i += 2;
      }
      continue;
    }
    if (c === '*') {
      const opensWord = !SPACE.test(source[i + 1] ?? ' ');
      const close = opensWord ? findEmClose(i + 2) : -1;
      if (close !== -1) {
        flush();
        out.push({ kind: 'em', children: parseInline(source.slice(i + 1, close), allowLinks) });
        i = close + 1;
      } else {
        text += '*';
        i += 1;
      }
      continue;
    }
    if (allowLinks && c === '[') {
      const m = LABELLED.exec(source.slice(i, i + 2100));
      const href = m ? safeHref(m[2]!) : null;
      if (m && href) {
        flush();
        out.push({ kind: 'link', href, children: parseInline(m[1]!, false) });
        i += m[0].length;
        continue;
      }
    }
    if (allowLinks && (c === 'h' || c === 'H') && !WORD_CHAR.test(source[i - 1] ?? ' ')) {
      const m = BARE_URL.exec(source.slice(i, i + 2100));
      const url = m ? trimUrl(m[0]) : '';
      const href = url ? safeHref(url) : null;
      if (href) {
        flush();
        out.push({ kind: 'link', href, children: [{ kind: 'text', text: url }] });
        i += url.length;
        continue;
      }
    }
    text += c;
    i += 1;
  }
  flush();
  return out;
}

/** Parses an entry's text into paragraphs and bullet lists. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let items: string[] = [];
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  const endList = () => {
    if (items.length) blocks.push({ kind: 'list', items: items.map((item) => parseInline(item)) });
    items = [];
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (!line.trim()) {
      endParagraph();
      endList();
    } else if (BULLET.test(line)) {
      endParagraph();
      items.push(line.replace(BULLET, '').trim());
    } else {
      endList();
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  endList();
  return blocks;
}

function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => (i.kind === 'text' || i.kind === 'code' ? i.text : i.kind === 'break' ? ' ' : i.kind === 'link' || i.kind === 'strong' || i.kind === 'em' ? inlineText(i.children) : ''))
    .join('');
}

/** The words of an entry without its Markdown marks, on one line: for previews and titles. */
export function toPlainText(source: string): string {
  return parseMarkdown(source)
    .map((b) => (b.kind === 'paragraph' ? inlineText(b.children) : b.items.map(inlineText).join('; ')))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A short excerpt of plain text for a list: its start, or, when searching, a window that begins a
 * little before the first match so the highlighted word is visible.
 */
export function excerpt(plain: string, terms: readonly string[], max = 240): string {
  let start = 0;
  if (terms.length > 0) {
    let at = 0;
    for (const segment of highlight(plain, terms)) {
      if (segment.match) break;
      at += segment.text.length;
    }
    if (at < plain.length && at + 40 > max) {
      start = plain.lastIndexOf(' ', at - 40) + 1;
    }
  }
  const cut = plain.slice(start, start + max);
  const head = start > 0 ? '…' : '';
  if (start + max >= plain.length) return head + cut;
  const space = cut.lastIndexOf(' ');
  return `${head}${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
