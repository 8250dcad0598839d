import { parseRichText, plainText, type Paragraph } from '../../../../lib/walkthrough/richtext';

const text = (t: string) => ({ kind: 'text', text: t }) as const;
const strong = (t: string) => ({ kind: 'strong', text: t }) as const;
const key = (t: string) => ({ kind: 'key', text: t }) as const;

/** Every token is a plain {kind, text} record of a known kind: nothing else reaches the DOM. */
function expectOnlyTokens(paragraphs: Paragraph[]) {
  for (const p of paragraphs) {
    for (const token of p) {
      expect(Object.keys(token).sort()).toEqual(['kind', 'text']);
      expect(['text', 'strong', 'key']).toContain(token.kind);
      expect(typeof token.text).toBe('string');
      expect(token.text).not.toBe('');
    }
  }
}

describe('parseRichText', () => {
  describe('paragraphs', () => {
    it('makes one paragraph of plain words', () => {
      expect(parseRichText('Select the box.')).toEqual([[text('Select the box.')]]);
    });

    it('starts a new paragraph at a blank line', () => {
      expect(parseRichText('First.\n\nSecond.')).toEqual([[text('First.')], [text('Second.')]]);
    });

    it('treats a blank line holding only spaces or tabs as a break, and several blank lines as one', () => {
      expect(parseRichText('First.\n  \t\nSecond.\n\n\n\nThird.')).toEqual([[text('First.')], [text('Second.')], [text('Third.')]]);
    });

    it('joins a single line break into a space, trimming the spaces around it', () => {
      expect(parseRichText('Keep it   \n   short.')).toEqual([[text('Keep it short.')]]);
    });

    it('handles Windows line endings', () => {
      expect(parseRichText('One\r\ntwo.\r\n\r\nThree.')).toEqual([[text('One two.')], [text('Three.')]]);
    });

    it('trims each paragraph and drops empty ones', () => {
      expect(parseRichText('\n\n  Only this.  \n\n\n')).toEqual([[text('Only this.')]]);
      expect(parseRichText('')).toEqual([]);
      expect(parseRichText('   \n\n \t ')).toEqual([]);
    });
  });

  describe('inline formatting', () => {
    it('turns **words** into strong emphasis between text', () => {
      expect(parseRichText('Press **Post** when ready.')).toEqual([[text('Press '), strong('Post'), text(' when ready.')]]);
    });

    it('turns `keys` into a key token', () => {
      expect(parseRichText('Press `Ctrl + V` to paste.')).toEqual([[text('Press '), key('Ctrl + V'), text(' to paste.')]]);
    });

    it('handles markers at the very start and end, and back to back', () => {
      expect(parseRichText('**Post**')).toEqual([[strong('Post')]]);
      expect(parseRichText('`Tab``Enter`')).toEqual([[key('Tab'), key('Enter')]]);
      expect(parseRichText('**a****b**')).toEqual([[strong('a'), strong('b')]]);
      expect(parseRichText('**Save** `Ctrl + S`')).toEqual([[strong('Save'), text(' '), key('Ctrl + S')]]);
    });

    it('joins a key split over two lines of one paragraph', () => {
      expect(parseRichText('Press `Ctrl\n+ V`.')).toEqual([[text('Press '), key('Ctrl + V'), text('.')]]);
    });

    it('keeps the inside of a strong run literal, backticks included (no nesting)', () => {
      expect(parseRichText('**`Enter`**')).toEqual([[strong('`Enter`')]]);
    });

    it('keeps asterisks inside a key literal', () => {
      expect(parseRichText('Type `**` twice.')).toEqual([[text('Type '), key('**'), text(' twice.')]]);
    });
  });

  describe('markers that do not close stay as text', () => {
    it.each([
      ['an unclosed **', 'Press **Post to send.'],
      ['an unclosed backtick', 'Press `Ctrl + V to paste.'],
      ['a lone *', 'Fields marked * are required.'],
      ['empty strong', 'Nothing ****here.'],
      ['empty key', 'Nothing `` here.'],
      ['a single * inside **', '**a*b**'],
    ])('%s', (_label, source) => {
      const paragraphs = parseRichText(source);
      expectOnlyTokens(paragraphs);
      expect(paragraphs.flat().map((t) => t.text).join('')).toBe(source);
    });

    it('does not carry a marker across a paragraph break', () => {
      expect(parseRichText('Press **Post\n\nnow**.')).toEqual([[text('Press **Post')], [text('now**.')]]);
      expect(parseRichText('`Ctrl\n\nV`')).toEqual([[text('`Ctrl')], [text('V`')]]);
    });

    it('lets the leftmost marker win when markers interleave, with no nesting', () => {
      expect(parseRichText('**bold` and `key**')).toEqual([[strong('bold` and `key')]]);
      expect(parseRichText('`key** and **bold`')).toEqual([[key('key** and **bold')]]);
      expect(parseRichText('`a **b` c**')).toEqual([[key('a **b'), text(' c**')]]);
    });
  });

  describe('HTML in the source is only ever text', () => {
    it.each([
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
      'Hello <b>world</b> &amp; &lt;friends&gt;',
      '<a href="javascript:alert(1)">Click</a>',
      ']]><!--',
    ])('%s', (source) => {
      expect(parseRichText(source)).toEqual([[text(source)]]);
    });

    it('keeps HTML inside strong and key tokens as literal text', () => {
      expect(parseRichText('**<script>x()</script>** and `<img onerror=y>`')).toEqual([
        [strong('<script>x()</script>'), text(' and '), key('<img onerror=y>')],
      ]);
    });

    it('gives tokens with only kind and text, whatever the source', () => {
      const nasty = '**__proto__** `constructor` {"kind":"html","text":"<b>"}\n\n**a** `b` <i>c</i>';
      expectOnlyTokens(parseRichText(nasty));
    });
  });

  it('copes with a long body in linear time', () => {
    const source = `${'**a** `b` plain words '.repeat(5_000)}\`unclosed ${'*'.repeat(10_000)}`;
    const started = performance.now();
    const paragraphs = parseRichText(source);
    expect(performance.now() - started).toBeLessThan(500);
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0]!.filter((t) => t.kind === 'strong')).toHaveLength(5_000);
  });
});

describe('plainText', () => {
  it('drops the markers and keeps the words', () => {
    expect(plainText('Press **Post** or `Ctrl + Enter`.')).toBe('Press Post or Ctrl + Enter.');
  });

  it('joins paragraphs with a single space', () => {
    expect(plainText('First.\n\nSecond\nline.')).toBe('First. Second line.');
  });

  it('keeps unclosed markers and HTML as they were written', () => {
    expect(plainText('Fields marked * are **required')).toBe('Fields marked * are **required');
    expect(plainText('<b>Hi</b>')).toBe('<b>Hi</b>');
  });

  it('is empty for an empty or blank source', () => {
    expect(plainText('')).toBe('');
    expect(plainText(' \n\n ')).toBe('');
  });
});
