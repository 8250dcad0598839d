import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createEntry, type JournalEntry } from '../../../../lib/journal/entry';
import { FORMAT, FORMAT_VERSION, MAX_FILE_BYTES, parseJournalFile, toJournalFile, toMarkdown, type ImportProblem, type ParseResult } from '../../../../lib/journal/transfer';
import type { Settings } from '../../../../lib/settings/settings';
import { formatImportProblem } from '../../../../components/journal/formatImportProblem';

// Every import file is untrusted. These are the nasty ones, each refused with a reason that says
// what and where, or (hostile text) accepted as the plain text it is.

const NOW = new Date('2026-11-23T12:00:00.000Z');
const fixture = (name: string) => readFileSync(resolve(__dirname, '../../../fixtures/imports', name), 'utf8');
const SETTINGS: Settings = { promptDay: 2, promptTime: '09:15', promptEnabled: false };

function problemsOf(result: ParseResult): ImportProblem[] {
  if (result.ok) throw new Error('Expected the file to be refused, but it was accepted');
  return result.problems;
}

/**
 * The problems as the person reads them ("Entry 3 (id …), field createdAt: is in the future"):
 * parseJournalFile returns codes and places, and the UI's formatter words them from en-GB
 * messages, so checking the words here checks that no what or where was lost on the way.
 */
const lines = (result: ParseResult) => problemsOf(result).map(formatImportProblem);

function entryAt(iso: string, fields: Partial<JournalEntry> = {}, id?: string): JournalEntry {
  return { ...createEntry({ text: 'A reflection' }, new Date(iso), id), ...fields };
}

function fileText(entries: unknown[], overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, exportedAt: '2026-11-01T00:00:00.000Z', settings: SETTINGS, entries, ...overrides });
}

afterEach(() => {
  // Belt and braces: nothing any test parsed may have reached Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('toJournalFile → JSON → parseJournalFile', () => {
  it('gives back identical entries and settings, field by field, private flags, tags, deletions and links included', () => {
    const entries: JournalEntry[] = [
      entryAt('2026-03-02T10:00:00.000Z', { text: 'Posted on Viva Engage', tags: ['viva-engage', 'first-post'], lessonId: 'viva-engage-start-conversation' }, 'e-mm9xx0000-aaaa1111'),
      entryAt('2026-03-09T10:00:00.000Z', { text: 'Worried about my headline', private: true, promptId: 'weekly-2026-W11' }, 'e-mm9xx0001-bbbb2222'),
      entryAt('2026-04-01T08:00:00.000Z', { text: 'Deleted, not yet purged', deletedAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-04-02T08:00:00.000Z' }, 'e-mm9xx0002-cccc3333'),
      entryAt('2026-05-05T23:59:59.999Z', { text: 'Café, Ōmura, 🙂, "quotes", \\ backslash\nnew line\u2028separator', tags: [] }, 'e-mm9xx0003-dddd4444'),
    ];

    const result = parseJournalFile(JSON.stringify(toJournalFile(entries, SETTINGS, NOW)), NOW);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.settings).toStrictEqual(SETTINGS);
    expect(result.file.entries).toHaveLength(entries.length);
    result.file.entries.forEach((entry, i) => {
      // toStrictEqual: a key that is absent must stay absent (no `lessonId: undefined`).
      expect(entry).toStrictEqual(entries[i]);
      expect(Object.keys(entry).sort()).toEqual(Object.keys(entries[i]!).sort());
    });
  });

  it('writes the format name, version and time of export', () => {
    const file = toJournalFile([], SETTINGS, NOW);
    expect(file).toStrictEqual({ format: 'digital-friend/journal', version: 1, exportedAt: NOW.toISOString(), settings: SETTINGS, entries: [] });
  });

  it('accepts the valid fixture, including a deleted entry and a private one', () => {
    const result = parseJournalFile(fixture('valid.json'), NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.entries.map((e) => [e.private, Boolean(e.deletedAt)])).toEqual([
      [false, false],
      [true, false],
      [false, true],
      [false, false],
    ]);
  });

  it('parses 10,000 entries quickly', () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => entryAt(new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), { text: `Entry ${i} `.repeat(20), tags: ['bulk'] }, `e-${(1_700_000_000_000 + i).toString(36).padStart(9, '0')}-bulk${i}`));
    const text = JSON.stringify(toJournalFile(entries, SETTINGS, NOW));
    const start = performance.now();
    const result = parseJournalFile(text, NOW);
    expect(result.ok && result.file.entries.length).toBe(10_000);
    expect(performance.now() - start).toBeLessThan(1500);
  });
});

describe('parseJournalFile refuses broken files, saying why', () => {
  it.each([
    ['an empty file', 'empty.json', /^The file is empty\.$/],
    ['a file of spaces and new lines', 'whitespace.json', /The file is empty/],
    ['a file cut short', 'truncated.json', /not valid JSON, or it was cut short/],
    ['a web page', 'not-json.txt', /not valid JSON/],
    ['a spreadsheet export', 'csv-export.csv', /not valid JSON/],
    ['a JSON list', 'array.json', /not a Digital Friend journal export/],
    ['another program’s JSON', 'other-format.json', /"format" is missing or different/],
  ])('%s', (_, name, message) => {
    const result = lines(parseJournalFile(fixture(name), NOW));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatch(message);
  });

  it.each([['null'], ['42'], ['"a string"'], ['true']])('JSON that is not an object: %s', (text) => {
    expect(lines(parseJournalFile(text, NOW))).toEqual(['This is not a Digital Friend journal export.']);
  });

  it('a file over 50 MB, without parsing it', () => {
    const text = `{"format":"digital-friend/journal","entries":["${'x'.repeat(MAX_FILE_BYTES)}"]}`;
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(lines(parseJournalFile(text, NOW))[0]).toMatch(/larger than 50 MB/);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('a file from a newer version, with a message saying to update', () => {
    const result = lines(parseJournalFile(fixture('newer-version.json'), NOW));
    expect(result).toEqual(['This file was made by a newer version of Digital Friend (format 2; this version reads format 1). Update Digital Friend, then import it again.']);
  });

  it.each([[0], ['1'], [1.5], [null]])('a version that is not 1 or newer: %s', (version) => {
    expect(lines(parseJournalFile(fileText([], { version }), NOW))[0]).toMatch(/^Field version: expected 1 but found/);
  });

  it('wrong types, naming each entry, its id and the field', () => {
    const result = lines(parseJournalFile(fixture('wrong-types.json'), NOW));
    expect(result).toEqual(
      expect.arrayContaining([
        'Field settings.promptDay: is not a day of the week (0–6)',
        'Field settings.promptTime: is not a time such as 16:00',
        'Field settings.promptEnabled: expected boolean but found "true"',
        'Entry 1 (id e-mh0000020-fixt0020), field private: expected boolean but found "yes"',
        'Entry 2 (id e-mh0000021-fixt0021), field tags: expected Array but found "policy, comms"',
        'Entry 3 (id e-mh0000022-fixt0022), field text: expected string but found 42',
        'Entry 4 (id not-an-id), field id: is not a Digital Friend entry id',
        'Entry 5 (id e-mh0000024-fixt0024), field tags.0: expected string but found 1',
        'Entry 5 (id e-mh0000024-fixt0024), field tags.1: expected string but found 2',
      ]),
    );
  });

  it('missing fields, each named', () => {
    const result = lines(parseJournalFile(fixture('missing-fields.json'), NOW));
    for (const field of ['createdAt', 'updatedAt', 'week', 'tags', 'private']) {
      expect(result).toContain(`Entry 1 (id e-mh0000030-fixt0030), field ${field}: is missing`);
    }
  });

  it('keys it does not know, at any level', () => {
    expect(lines(parseJournalFile(fixture('unknown-keys.json'), NOW))).toEqual(
      expect.arrayContaining(['Field extra: is not part of a Digital Friend export', 'Entry 1 (id e-mh0000042-fixt0042), field mood: is not part of a Digital Friend export']),
    );
  });

  it('__proto__ keys, at the top, in settings and in an entry, and Object.prototype is not polluted', () => {
    const text = fixture('proto-pollution.json');
    const result = lines(parseJournalFile(text, NOW));

    expect(result).toEqual(
      expect.arrayContaining([
        'Field __proto__: is not part of a Digital Friend export',
        'Field settings.__proto__: is not part of a Digital Friend export',
        'Entry 1 (id e-mh0000040-fixt0040), field __proto__: is not part of a Digital Friend export',
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('constructor and prototype keys, and Object.prototype is not polluted', () => {
    const result = lines(parseJournalFile(fixture('constructor-keys.json'), NOW));
    expect(result).toEqual(
      expect.arrayContaining([
        // A strict object names the first key it does not know; that is enough to refuse it.
        'Field constructor: is not part of a Digital Friend export',
        'Entry 1 (id e-mh0000041-fixt0041), field constructor: is not part of a Digital Friend export',
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({}).constructor).toBe(Object);
  });

  it('an accepted file never carries a __proto__ key it was not asked for', () => {
    const text = fixture('valid.json');
    const result = parseJournalFile(text, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const value of [result.file, result.file.settings, ...result.file.entries]) {
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(Object.hasOwn(value, '__proto__')).toBe(false);
    }
  });

  it('duplicate ids, naming both entries', () => {
    expect(lines(parseJournalFile(fixture('duplicate-ids.json'), NOW))).toEqual(['Entry 3 (id e-mh0000050-fixt0050): has the same id as entry 1']);
  });

  it('dates in the future, field by field', () => {
    expect(lines(parseJournalFile(fixture('future-dates.json'), NOW))).toEqual([
      'Entry 1 (id e-mh0000060-fixt0060), field createdAt: is in the future',
      'Entry 1 (id e-mh0000060-fixt0060), field updatedAt: is in the future',
      'Entry 2 (id e-mh0000061-fixt0061), field deletedAt: is in the future',
    ]);
  });

  it('allows a clock a few hours fast, but not days', () => {
    const soon = new Date(NOW.getTime() + 3 * 3_600_000).toISOString();
    const days = new Date(NOW.getTime() + 3 * 86_400_000).toISOString();
    expect(parseJournalFile(fileText([entryAt(soon, {}, 'e-mm9xx0010-aaaa1111')]), NOW).ok).toBe(true);
    expect(lines(parseJournalFile(fileText([entryAt(days, {}, 'e-mm9xx0011-aaaa1111')]), NOW))[0]).toMatch(/createdAt: is in the future/);
  });

  it('dates that are not dates, or not real days, or out of order', () => {
    expect(lines(parseJournalFile(fixture('invalid-dates.json'), NOW))).toEqual([
      'Entry 1 (id e-mh0000070-fixt0070), field createdAt: is not a valid date and time',
      'Entry 2 (id e-mh0000071-fixt0071), field createdAt: is not a real date',
      'Entry 3 (id e-mh0000072-fixt0072), field updatedAt: is not a valid date and time',
      'Entry 5 (id e-mh0000074-fixt0074), field week: is not a real ISO week',
    ]);
    // Only once every field is well formed are the entries compared with each other.
    const ordered = fileText([entryAt('2026-03-10T10:00:00.000Z', { updatedAt: '2026-03-01T10:00:00.000Z' }, 'e-mm9xx0012-aaaa1111')]);
    expect(lines(parseJournalFile(ordered, NOW))).toEqual(['Entry 1 (id e-mm9xx0012-aaaa1111), field updatedAt: is before createdAt']);
  });

  it.each([['2025-02-29T10:00:00.000Z'], ['2026-04-31T10:00:00.000Z'], ['2026-00-10T10:00:00.000Z'], ['2026-01-01T25:00:00.000Z'], ['']])('the date %j', (createdAt) => {
    expect(lines(parseJournalFile(fileText([{ ...entryAt('2026-01-01T10:00:00.000Z', {}, 'e-mm9xx0013-aaaa1111'), createdAt }]), NOW))[0]).toMatch(/^Entry 1 \(id e-mm9xx0013-aaaa1111\), field createdAt: is not a (valid|real) date/);
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseJournalFile(fileText([entryAt('2024-02-29T10:00:00.000Z', {}, 'e-mm9xx0014-aaaa1111')]), NOW).ok).toBe(true);
  });

  it('text and tags beyond the limits', () => {
    const long = entryAt('2026-01-01T10:00:00.000Z', { text: 'x'.repeat(100_001) }, 'e-mm9xx0015-aaaa1111');
    const tagged = entryAt('2026-01-01T10:00:00.000Z', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'e-mm9xx0016-aaaa1111');
    expect(lines(parseJournalFile(fileText([long, tagged]), NOW))).toEqual([
      'Entry 1 (id e-mm9xx0015-aaaa1111), field text: is longer than 100,000 characters',
      'Entry 2 (id e-mm9xx0016-aaaa1111), field tags: has more than 20 tags',
    ]);
  });

  it('lists at most 20 problems, so a wholly wrong file does not flood the page', () => {
    const bad = Array.from({ length: 50 }, (_, i) => ({ ...entryAt('2026-01-01T10:00:00.000Z', {}, `e-mm9xx00${String(i).padStart(2, '0')}-aaaa1111`), private: 'no' }));
    expect(problemsOf(parseJournalFile(fileText(bad), NOW))).toHaveLength(20);
  });
});

describe('parseJournalFile problems are codes and places, not words', () => {
  // The pure code has no catalogue: the UI words these (components/journal/formatImportProblem.ts).
  it('names the whole file, with the numbers the message needs', () => {
    expect(problemsOf(parseJournalFile('', NOW))).toEqual([{ where: { kind: 'file' }, code: 'empty', params: {} }]);
    expect(problemsOf(parseJournalFile(fixture('newer-version.json'), NOW))).toEqual([{ where: { kind: 'file' }, code: 'newerVersion', params: { version: 2, supported: 1 } }]);
    const [notJson] = problemsOf(parseJournalFile(fixture('truncated.json'), NOW));
    expect(notJson).toMatchObject({ where: { kind: 'file' }, code: 'notJson', params: { detail: expect.any(String) } });
  });

  it('names an entry by its index from 0, its id and its field, and a top-level field by its path', () => {
    expect(problemsOf(parseJournalFile(fixture('duplicate-ids.json'), NOW))).toEqual([
      { where: { kind: 'entry', index: 2, id: 'e-mh0000050-fixt0050' }, code: 'duplicateId', params: { firstIndex: 0 } },
    ]);
    expect(problemsOf(parseJournalFile(fixture('wrong-types.json'), NOW))).toEqual(
      expect.arrayContaining([
        { where: { kind: 'field', path: 'settings.promptTime' }, code: 'invalidTime', params: {} },
        { where: { kind: 'entry', index: 0, id: 'e-mh0000020-fixt0020', field: 'private' }, code: 'wrongType', params: { expected: 'boolean', received: '"yes"' } },
      ]),
    );
  });

  it('leaves out the id of an entry that has none', () => {
    const { id: _id, ...noId } = entryAt('2026-01-01T10:00:00.000Z', {}, 'e-mm9xx0017-aaaa1111');
    expect(problemsOf(parseJournalFile(fileText([noId]), NOW))).toEqual([{ where: { kind: 'entry', index: 0, field: 'id' }, code: 'missing', params: {} }]);
  });

  it('carries the limits a person needs to put things right', () => {
    const long = entryAt('2026-01-01T10:00:00.000Z', { text: 'x'.repeat(100_001) }, 'e-mm9xx0015-aaaa1111');
    expect(problemsOf(parseJournalFile(fileText([long]), NOW))).toEqual([
      { where: { kind: 'entry', index: 0, id: 'e-mm9xx0015-aaaa1111', field: 'text' }, code: 'tooLong', params: { max: 100_000 } },
    ]);
  });
});

describe('hostile text', () => {
  it('is accepted as the plain text it is: unchanged, never interpreted', () => {
    const result = parseJournalFile(fixture('hostile-text.json'), NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.entries.map((e) => e.text)).toEqual([
      '<img src=x onerror="window.__dfPwned=1">Hostile image',
      '<script>window.__dfPwned=2</script>Hostile script',
      '[click me](javascript:window.__dfPwned=3) and <a href="javascript:window.__dfPwned=4">link</a>',
    ]);
    expect((globalThis as { __dfPwned?: unknown }).__dfPwned).toBeUndefined();
  });
});

describe('toMarkdown', () => {
  const entries = [
    entryAt('2026-11-16T09:00:00.000Z', { text: 'Monday of week 47', tags: ['policy', 'comms'] }, 'e-mm9xx0020-aaaa1111'),
    entryAt('2026-11-20T15:00:00.000Z', { text: 'Friday of week 47, private', private: true }, 'e-mm9xx0021-aaaa1111'),
    entryAt('2026-11-10T12:00:00.000Z', { text: 'Week 46' }, 'e-mm9xx0022-aaaa1111'),
    entryAt('2026-11-11T12:00:00.000Z', { text: 'Deleted, so left out', deletedAt: '2026-11-12T12:00:00.000Z' }, 'e-mm9xx0023-aaaa1111'),
  ];

  it('has one section per week, newest week first, entries in order within it', () => {
    const md = toMarkdown(entries);
    const headings = md.split('\n').filter((line) => line.startsWith('#'));
    expect(headings[0]).toBe('# Reflections journal');
    expect(headings.filter((h) => h.startsWith('## '))).toEqual(['## Week 47, 2026 (16 November to 22 November)', '## Week 46, 2026 (9 November to 15 November)']);
    expect(md.indexOf('Monday of week 47')).toBeLessThan(md.indexOf('Friday of week 47'));
    expect(md.indexOf('Friday of week 47')).toBeLessThan(md.indexOf('Week 46'));
  });

  it('marks private entries, lists tags and leaves out recently deleted ones', () => {
    const md = toMarkdown(entries);
    expect(md).toMatch(/### Friday,? 20 November 2026, \d\d:\d\d \(private\)/);
    expect(md).toContain('Tags: policy, comms');
    expect(md).not.toContain('Deleted, so left out');
  });

  it('is a heading alone when the journal is empty', () => {
    expect(toMarkdown([])).toBe('# Reflections journal\n');
  });
});

describe('toMarkdown with pasted HTML', () => {
  it('escapes < so a viewer that renders HTML shows the text instead of running it', () => {
    const entry = createEntry({ text: 'Look <img src=x onerror=alert(1)> here' }, new Date('2026-11-20T10:00:00Z'));
    const md = toMarkdown([entry]);
    expect(md).toContain('Look \\<img src=x onerror=alert(1)> here');
    expect(md).not.toMatch(/(^|[^\\])<img/);
  });
});
