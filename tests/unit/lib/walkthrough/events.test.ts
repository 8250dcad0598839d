import { parseGuideEvent } from '../../../../lib/walkthrough/events';

describe('parseGuideEvent', () => {
  describe('accepts', () => {
    it.each(['next', 'back', 'exit'] as const)('%s, with nothing else', (kind) => {
      expect(parseGuideEvent({ kind })).toEqual({ kind });
    });

    it.each(['completed', 'skip', 'missing', 'found'] as const)('%s with a step index', (kind) => {
      expect(parseGuideEvent({ kind, stepIndex: 0 })).toEqual({ kind, stepIndex: 0 });
      expect(parseGuideEvent({ kind, stepIndex: 7 })).toEqual({ kind, stepIndex: 7 });
      expect(parseGuideEvent({ kind, stepIndex: 1000 })).toEqual({ kind, stepIndex: 1000 });
    });

    it.each([
      'https://x.com/home',
      'http://localhost:8080/feed/',
      'https://vault.bitwarden.com/#/vault',
      'chrome-extension://abcdefghijklmnop/practice.html#x-write-post',
      'moz-extension://0a1b2c3d-uuid/practice.html',
    ])('a report from %s', (url) => {
      expect(parseGuideEvent({ kind: 'report', stepIndex: 2, url })).toEqual({ kind: 'report', stepIndex: 2, url });
    });

    it('a report URL of exactly 2048 characters', () => {
      const url = `https://x.com/${'a'.repeat(2048 - 'https://x.com/'.length)}`;
      expect(url).toHaveLength(2048);
      expect(parseGuideEvent({ kind: 'report', stepIndex: 0, url })).toEqual({ kind: 'report', stepIndex: 0, url });
    });
  });

  describe('rejects a value that is not a plain event object', () => {
    it.each([
      ['undefined', undefined],
      ['null', null],
      ['a string', 'next'],
      ['JSON text', '{"kind":"next"}'],
      ['a number', 1],
      ['a boolean', true],
      ['a function', () => ({ kind: 'next' })],
      ['an array', [{ kind: 'next' }]],
      ['an array with a kind property', Object.assign([], { kind: 'next' })],
      ['an empty object', {}],
    ])('%s', (_label, raw) => {
      expect(parseGuideEvent(raw)).toBeNull();
    });
  });

  describe('rejects an unknown or malformed kind', () => {
    it.each([
      ['an unknown kind', { kind: 'delete-everything' }],
      ['a kind in the wrong case', { kind: 'Next' }],
      ['a kind with spaces', { kind: ' next ' }],
      ['a non-string kind', { kind: 1 }],
      ['a boxed string kind', { kind: new String('next') }],
      ['an array kind', { kind: ['next'] }],
      ['an inherited property name', { kind: 'toString' }],
      ['__proto__ as the kind', { kind: '__proto__' }],
      ['the session-store-only "start"', { kind: 'start', lessonId: 'x-write-post' }],
    ])('%s', (_label, raw) => {
      expect(parseGuideEvent(raw)).toBeNull();
    });

    it('ignores a kind that is only inherited from the prototype', () => {
      const raw = Object.create({ kind: 'next' }) as object;
      expect(parseGuideEvent(raw)).toBeNull();
    });

    it('ignores an inherited kind even when the object has own properties', () => {
      const raw = Object.create({ kind: 'exit' }, { stepIndex: { value: 0, enumerable: true } }) as object;
      expect(parseGuideEvent(raw)).toBeNull();
    });
  });

  describe('rejects a bad step index', () => {
    it.each([
      ['missing', undefined],
      ['null', null],
      ['a numeric string', '1'],
      ['a float', 1.5],
      ['negative', -1],
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
      ['just over the limit', 1001],
      ['huge', Number.MAX_SAFE_INTEGER],
      ['beyond safe integers', 2 ** 60],
      ['a bigint', 1n],
      ['an object', { valueOf: () => 1 }],
      ['an array', [1]],
    ])('%s', (_label, stepIndex) => {
      for (const kind of ['completed', 'skip', 'missing', 'found']) {
        expect(parseGuideEvent({ kind, stepIndex })).toBeNull();
      }
      expect(parseGuideEvent({ kind: 'report', stepIndex, url: 'https://x.com/home' })).toBeNull();
    });
  });

  describe('rejects a bad report URL', () => {
    it.each([
      ['missing', undefined],
      ['not a string', { href: 'https://x.com/' }],
      ['empty', ''],
      ['javascript:', 'javascript:alert(document.cookie)'],
      ['JavaScript: in mixed case', 'JavaScript:alert(1)'],
      ['data:', 'data:text/html,<script>alert(1)</script>'],
      ['file:', 'file:///etc/passwd'],
      ['chrome:', 'chrome://settings/passwords'],
      ['blob:', 'blob:https://x.com/0b6f'],
      ['about:', 'about:blank'],
      ['leading whitespace', ' https://x.com/'],
      ['a relative path', '/home'],
      ['longer than 2048 characters', `https://x.com/${'a'.repeat(2048)}`],
      ['a megabyte', `https://x.com/${'a'.repeat(1024 * 1024)}`],
    ])('%s', (_label, url) => {
      expect(parseGuideEvent({ kind: 'report', stepIndex: 0, url })).toBeNull();
    });
  });

  describe('prototype pollution', () => {
    afterEach(() => {
      // If a test ever polluted Object.prototype, clean up so the rest of the run stays honest.
      delete (Object.prototype as Record<string, unknown>).polluted;
    });

    it('ignores a JSON "__proto__" key and does not pollute Object.prototype', () => {
      const raw: unknown = JSON.parse('{"kind":"next","__proto__":{"polluted":true,"kind":"exit"}}');
      const event = parseGuideEvent(raw);
      expect(event).toEqual({ kind: 'next' });
      expect(Object.keys(event!)).toEqual(['kind']);
      expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('does not take a kind or step index smuggled in through a JSON "__proto__" key', () => {
      expect(parseGuideEvent(JSON.parse('{"__proto__":{"kind":"next"}}'))).toBeNull();
      expect(parseGuideEvent(JSON.parse('{"kind":"completed","__proto__":{"stepIndex":1}}'))).toBeNull();
    });

    it('drops constructor and prototype payloads', () => {
      const raw: unknown = JSON.parse('{"kind":"completed","stepIndex":2,"constructor":{"prototype":{"polluted":true}},"prototype":{}}');
      const event = parseGuideEvent(raw);
      expect(event).toEqual({ kind: 'completed', stepIndex: 2 });
      expect(Object.keys(event!).sort()).toEqual(['kind', 'stepIndex']);
      expect(event!.constructor).toBe(Object);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('works on an object with a null prototype', () => {
      const raw = Object.assign(Object.create(null) as object, { kind: 'skip', stepIndex: 1 });
      const event = parseGuideEvent(raw);
      expect(event).toEqual({ kind: 'skip', stepIndex: 1 });
      expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
    });
  });

  describe('returns a fresh object with only the known keys', () => {
    it('for a plain kind', () => {
      const raw = { kind: 'exit', stepIndex: 3, url: 'https://x.com/', extra: { deep: true } };
      const event = parseGuideEvent(raw);
      expect(event).toEqual({ kind: 'exit' });
      expect(event).not.toBe(raw);
    });

    it('for an indexed kind', () => {
      const raw = { kind: 'found', stepIndex: 3, url: 'https://x.com/', html: '<img onerror=x>' };
      expect(parseGuideEvent(raw)).toEqual({ kind: 'found', stepIndex: 3 });
    });

    it('for a report', () => {
      const raw = { kind: 'report', stepIndex: 1, url: 'https://x.com/home', lessonId: 'x-write-post', date: 'now' };
      const event = parseGuideEvent(raw);
      expect(event).toEqual({ kind: 'report', stepIndex: 1, url: 'https://x.com/home' });
      expect(event).not.toBe(raw);
    });

    it('that later changes to the input cannot reach', () => {
      const raw = { kind: 'completed', stepIndex: 1 };
      const event = parseGuideEvent(raw);
      raw.stepIndex = 5;
      expect(event).toEqual({ kind: 'completed', stepIndex: 1 });
    });
  });

  it('reads each field once, so a getter cannot answer differently to the check and the copy', () => {
    let reads = 0;
    const raw = {
      kind: 'completed',
      get stepIndex() {
        reads += 1;
        return reads === 1 ? 1 : 999_999;
      },
    };
    expect(parseGuideEvent(raw)).toEqual({ kind: 'completed', stepIndex: 1 });
  });
});
