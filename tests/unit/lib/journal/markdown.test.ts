import { excerpt, parseMarkdown, safeHref, toPlainText, type Block, type Inline } from '../../../../lib/journal/markdown';
import { queryTerms } from '../../../../lib/journal/text';

const text = (t: string): Inline => ({ kind: 'text', text: t });
const para = (...children: Inline[]): Block => ({ kind: 'paragraph', children });

describe('parseMarkdown: blocks', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(parseMarkdown('One\ntwo\n\n\nThree')).toEqual([para(text('One'), { kind: 'break' }, text('two')), para(text('Three'))]);
  });

  it('treats Windows and old Mac line endings alike', () => {
    expect(parseMarkdown('a\r\n\r\nb\rc')).toEqual([para(text('a')), para(text('b'), { kind: 'break' }, text('c'))]);
  });

  it('makes "- " lines into one bullet list, and ends it at a blank line or a plain line', () => {
    expect(parseMarkdown('Went well:\n- the demo\n- **the** team\nNext week')).toEqual([
      para(text('Went well:')),
      { kind: 'list', items: [[text('the demo')], [{ kind: 'strong', children: [text('the')] }, text(' team')]] },
      para(text('Next week')),
    ]);
  });

  it('does not make a list from a hyphen without a space, or an indented code-like line', () => {
    expect(parseMarkdown('-not a list')).toEqual([para(text('-not a list'))]);
    expect(parseMarkdown('    - too deep')).toEqual([para(text('- too deep'))]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown(' \n\t\n')).toEqual([]);
  });
});

describe('parseMarkdown: inline', () => {
  const inline = (source: string) => {
    const [block] = parseMarkdown(source);
    return block?.kind === 'paragraph' ? block.children : [];
  };

  it('reads bold, italic and code', () => {
    expect(inline('a **b** *c* `d`')).toEqual([
      text('a '),
      { kind: 'strong', children: [text('b')] },
      text(' '),
      { kind: 'em', children: [text('c')] },
      text(' '),
      { kind: 'code', text: 'd' },
    ]);
  });

  it('nests italic in bold and bold in italic', () => {
    expect(inline('**a *b***')).toEqual([{ kind: 'strong', children: [text('a '), { kind: 'em', children: [text('b')] }] }]);
    expect(inline('*a **b** c*')).toEqual([{ kind: 'em', children: [text('a '), { kind: 'strong', children: [text('b')] }, text(' c')] }]);
  });

  it('keeps code literal: no formatting or links inside', () => {
    expect(inline('`**x** https://gov.uk`')).toEqual([{ kind: 'code', text: '**x** https://gov.uk' }]);
  });

  it.each([
    ['2 * 3 * 4', '2 * 3 * 4'],
    ['**', '**'],
    ['** not bold **', '** not bold **'],
    ['*unclosed', '*unclosed'],
    ['`unclosed', '`unclosed'],
    ['``', '``'],
    ['a ** b', 'a ** b'],
  ])('leaves %j as text', (source, shown) => {
    expect(inline(source)).toEqual([text(shown)]);
  });

  it('lets a backslash escape punctuation', () => {
    expect(inline('\\*not italic\\* and \\`tick')).toEqual([text('*not italic* and `tick')]);
    expect(inline('a\\b')).toEqual([text('a\\b')]);
  });

  it('links bare http and https URLs, leaving sentence punctuation outside', () => {
    expect(inline('See https://www.gov.uk/guidance. Or (http://example.org/a_(b)).')).toEqual([
      text('See '),
      { kind: 'link', href: 'https://www.gov.uk/guidance', children: [text('https://www.gov.uk/guidance')] },
      text('. Or ('),
      { kind: 'link', href: 'http://example.org/a_(b)', children: [text('http://example.org/a_(b)')] },
      text(').'),
    ]);
  });

  it('links [words](https://…) with the words as the link text', () => {
    expect(inline('Read [the **blog** post](https://civilservice.blog.gov.uk/) today')).toEqual([
      text('Read '),
      { kind: 'link', href: 'https://civilservice.blog.gov.uk/', children: [text('the '), { kind: 'strong', children: [text('blog')] }, text(' post')] },
      text(' today'),
    ]);
  });

  it.each([
    '[click](javascript:alert(1))',
    '[x](data:text/html,<script>alert(1)</script>)',
    'javascript:alert(1)',
    'ftp://example.org/file',
    '[x](//evil.example/)',
    'vbscript:msgbox',
    'xhttps://gov.uk',
    'https://',
  ])('never links %j', (source) => {
    const found = JSON.stringify(parseMarkdown(source));
    expect(found).not.toContain('"link"');
    expect(toPlainText(source)).toBe(source);
  });

  it('does not link inside a link label', () => {
    expect(inline('[https://a.example](https://b.example/)')).toEqual([
      { kind: 'link', href: 'https://b.example/', children: [text('https://a.example')] },
    ]);
  });

  it('shows HTML and script as the characters typed', () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script> <a href="javascript:x">y</a>';
    expect(inline(hostile)).toEqual([text(hostile)]);
  });

  it('stays fast on hostile runs of delimiters (100,000 characters)', () => {
    const runs = ['*a '.repeat(33_000), '**a '.repeat(25_000), '`'.repeat(100_000), '[a]('.repeat(25_000), 'https://a.b '.repeat(8_000)];
    const started = performance.now();
    for (const source of runs) parseMarkdown(source);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('safeHref', () => {
  it('accepts http(s) URLs with a host and normalises them', () => {
    expect(safeHref('HTTPS://WWW.GOV.UK/x')).toBe('https://www.gov.uk/x');
    expect(safeHref('http://localhost:8080/a?b=c#d')).toBe('http://localhost:8080/a?b=c#d');
  });

  it.each(['javascript:alert(1)', 'https:/nohost', 'mailto:a@b.c', 'file:///etc/passwd', ' https://gov.uk', 'https://exa mple.com'])('rejects %j', (raw) => {
    expect(safeHref(raw)).toBeNull();
  });
});

describe('toPlainText', () => {
  it('drops the marks and keeps the words, on one line', () => {
    expect(toPlainText('**Bold** and *it*\n\n- one\n- `two`\n\n[link](https://gov.uk/)')).toBe('Bold and it one; two link');
  });
});

describe('excerpt', () => {
  const long = `${'Intro words here. '.repeat(30)}The café opened and everyone came. ${'More after. '.repeat(30)}`;

  it('starts at the beginning without a search', () => {
    const out = excerpt(long, [], 60);
    expect(out.startsWith('Intro words here.')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(61);
  });

  it('moves to the first match so it can be highlighted', () => {
    const out = excerpt(long, queryTerms('CAFE'), 120);
    expect(out.startsWith('…')).toBe(true);
    expect(out).toContain('café opened');
  });

  it('returns short text whole', () => {
    expect(excerpt('Short note', queryTerms('note'))).toBe('Short note');
  });
});
