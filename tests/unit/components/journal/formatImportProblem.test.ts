import { formatImportProblem, formatPlace } from '../../../../components/journal/formatImportProblem';

// The import problems' words come from the en-GB catalogue (the fake browser serves it), so a
// Welsh catalogue can word them too. The sentences from real files are checked in
// tests/unit/lib/journal/transfer.test.ts; these are the places and codes no fixture reaches.

describe('formatPlace', () => {
  it.each([
    [{ kind: 'file' } as const, 'The file'],
    [{ kind: 'field', path: 'settings.promptTime' } as const, 'Field settings.promptTime'],
    [{ kind: 'entry', index: 0 } as const, 'Entry 1'],
    [{ kind: 'entry', index: 4, field: 'id' } as const, 'Entry 5, field id'],
    [{ kind: 'entry', index: 2, id: 'e-abc' } as const, 'Entry 3 (id e-abc)'],
    [{ kind: 'entry', index: 2, id: 'e-abc', field: 'tags.0' } as const, 'Entry 3 (id e-abc), field tags.0'],
  ])('%j', (place, words) => {
    expect(formatPlace(place)).toBe(words);
  });
});

describe('formatImportProblem', () => {
  it('words the file-wide problems as sentences of their own, whatever the place', () => {
    expect(formatImportProblem({ where: { kind: 'file' }, code: 'tooLarge', params: { maxMegabytes: 50 } })).toBe(
      'The file is larger than 50 MB, which is more than any journal export. Check you chose the right file.',
    );
    expect(formatImportProblem({ where: { kind: 'file' }, code: 'notJson', params: { detail: 'Unexpected end of JSON input' } })).toBe(
      'This is not a Digital Friend export: it is not valid JSON, or it was cut short (Unexpected end of JSON input).',
    );
    expect(formatImportProblem({ where: { kind: 'file' }, code: 'wrongFormat', params: {} })).toBe('This is not a Digital Friend journal export: its "format" is missing or different.');
  });

  it('starts the rest with where they are', () => {
    expect(formatImportProblem({ where: { kind: 'entry', index: 0 }, code: 'missing', params: {} })).toBe('Entry 1: is missing');
    expect(formatImportProblem({ where: { kind: 'file' }, code: 'invalid', params: { detail: 'Invalid type' } })).toBe('The file: Invalid type');
    expect(formatImportProblem({ where: { kind: 'entry', index: 1, id: 'e-x', field: 'tags' }, code: 'tooManyTags', params: { max: 20 } })).toBe('Entry 2 (id e-x), field tags: has more than 20 tags');
    expect(formatImportProblem({ where: { kind: 'entry', index: 9, id: 'e-y', field: 'week' }, code: 'invalidWeek', params: {} })).toBe('Entry 10 (id e-y), field week: is not an ISO week such as 2026-W48');
  });

  it('never shows a bare message key', () => {
    const codes = ['empty', 'notExport', 'missing', 'unknownKey', 'invalidDate', 'notRealDate', 'invalidId', 'notRealWeek', 'invalidDay', 'invalidTime', 'future', 'updatedBeforeCreated'] as const;
    for (const code of codes) expect(formatImportProblem({ where: { kind: 'file' }, code, params: {} })).not.toMatch(/^import|\$/);
  });
});
