import { AREAS, areaFromHash } from '../../../../components/sidepanel/areas';

describe('areaFromHash', () => {
  it.each(AREAS.map((area) => [`#${area}`, area]))('reads %s as %s', (hash, area) => {
    expect(areaFromHash(hash)).toBe(area);
  });

  it('reads the area from a deeper link such as #journal/2026-W47', () => {
    expect(areaFromHash('#journal/2026-W47')).toBe('journal');
    expect(areaFromHash('#settings/')).toBe('settings');
  });

  it('accepts the hash without its #', () => {
    expect(areaFromHash('drafts')).toBe('drafts');
  });

  it.each(['', '#', '#unknown', '#Journal', '#/journal', '#journalx', '#__proto__', '#constructor', '#toString'])(
    'falls back to Learn, the home area, for %j',
    (hash) => {
      expect(areaFromHash(hash)).toBe('learn');
    },
  );
});
