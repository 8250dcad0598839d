import { DEFAULT_SETTINGS, normaliseTime, parseSettings } from '../../../../lib/settings/settings';

describe('settings', () => {
  it('defaults to Friday at 16:00', () => {
    expect(parseSettings(undefined)).toEqual({ promptDay: 5, promptTime: '16:00', promptEnabled: true });
    expect(DEFAULT_SETTINGS.promptDay).toBe(5);
  });

  it('keeps valid fields and repairs invalid ones independently', () => {
    expect(parseSettings({ promptDay: 2, promptTime: 'teatime' })).toEqual({ promptDay: 2, promptTime: '16:00', promptEnabled: true });
    expect(parseSettings({ promptDay: 9, promptTime: '08:30', promptEnabled: false })).toEqual({ promptDay: 5, promptTime: '08:30', promptEnabled: false });
    expect(parseSettings({ promptDay: '1', promptTime: 830 })).toEqual(DEFAULT_SETTINGS);
  });

  it('ignores inherited keys such as a polluted prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"promptDay": 1}}') as unknown;
    expect(parseSettings(hostile)).toEqual(DEFAULT_SETTINGS);
    expect(({} as Record<string, unknown>).promptDay).toBeUndefined();
  });

  it.each([
    ['16:00', '16:00'],
    ['9:05', '09:05'],
    [' 7.30 ', '07:30'],
    ['23:59', '23:59'],
    ['24:00', null],
    ['12:60', null],
    ['noon', null],
    ['', null],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseTime(input)).toBe(expected);
  });
});
